/** Says, once a build, what a site built without SITE_URL goes without. */
import type { AstroIntegration } from 'astro';

export default function siteUrlNotice(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'site-url-notice',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:start': ({ logger }) => {
        if (!site) {
          logger.warn('SITE_URL is not set: pages get no canonical link or og:url, and no sitemap-index.xml or feed.xml is written. Build with SITE_URL=https://your.host (see README, Publishing).');
        }
      },
    },
  };
}
