import type { APIRoute, GetStaticPaths } from 'astro';
import { parseSearchId } from '../../../lib/search/wire/options';
import { siteSearchFiles } from '../../../lib/site/search-files';

/** What one result shows, fetched only when it is shown. */
export const getStaticPaths = (async () => {
  const { records } = await siteSearchFiles();
  return records.map((record) => ({ params: { n: String(parseSearchId(record.id).n) }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.record);
