import type { APIRoute, GetStaticPaths } from 'astro';
import { shardFileName } from '../../../lib/search/wire/options';
import { siteSearchFiles } from '../../../lib/site/search-files';

/** One term shard: the postings of the terms starting with its key. */
export const getStaticPaths = (async () => {
  const { shards } = await siteSearchFiles();
  return [...shards].map(([key, shard]) => ({ params: { shard: shardFileName(key) }, props: { shard } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.shard);
