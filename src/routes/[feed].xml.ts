import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl, BASE, fill, recentItems, siteCorpus, siteHistory, siteInterface } from '../lib/site';
import config from 'virtual:research-graph/config';

/** How many items the feed lists, newest first. */
const FEED_ITEMS = 100;

/** `/feed.xml`, written only when SITE_URL is set: a feed's links must be absolute. */
export const getStaticPaths = (() => (import.meta.env.SITE ? [{ params: { feed: 'feed' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const items = recentItems(await siteCorpus(), await siteHistory(), FEED_ITEMS);
  const { text } = siteInterface();
  return rss({
    title: config.title,
    description: fill(text.page.feedDescription, { title: config.title }),
    site: absoluteUrl('/', BASE, site!),
    trailingSlash: true,
    items: items.map(({ node, when }) => ({
      title: node.title,
      link: absoluteUrl(node.url, BASE, site!),
      pubDate: new Date(when),
      description: node.claim ?? node.summary,
      categories: [text.kinds[node.kind].one, ...node.tags],
    })),
  });
};
