// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import attachments from './src/integrations/attachments.ts';
import graphShape from './src/integrations/graph-shape.ts';
import heapBound from './src/integrations/heap-bound.ts';
import liveContent from './src/integrations/live-content.ts';
import outDir from './src/integrations/out-dir.ts';
import previews from './src/integrations/previews.ts';
import renderHelper from './src/integrations/render-helper.ts';
import searchFiles from './src/integrations/search-files.ts';
import siteUrlNotice from './src/integrations/site-url-notice.ts';
import { publishSettings, PublishSettingError } from './src/lib/site/publish.ts';
import { contentDialect } from './src/lib/site/config.ts';

/**
 * Where the site is published. The environment wins (`SITE_URL=https://user.github.io BASE_PATH=/notes/
 * npm run build`); otherwise write them here. Leave SITE_URL empty to build without canonical links,
 * sitemap and feed (the build says so).
 */
const SITE_URL = '';
const BASE_PATH = '/';

let publish;
try {
  publish = publishSettings({ SITE_URL: process.env.SITE_URL ?? SITE_URL, BASE_PATH: process.env.BASE_PATH ?? BASE_PATH });
} catch (e) {
  if (!(e instanceof PublishSettingError)) throw e;
  console.error(`error: ${e.message}`);
  process.exit(1);
}
try {
  contentDialect();
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

export default defineConfig({
  output: 'static',
  site: publish.site,
  base: publish.base,
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: a page's CSS is fetched once and cached, not repeated in thousands of pages.
  // Four pages at a time: with one, the main thread sat idle 30 % of the page phase of a warm 10,000-note
  // build waiting for each page's file to be written (CPU profile); with four, that phase took 62–71 s against
  // 70–80 s. Cold builds, where the Markdown helper thread takes the second core, gained nothing measurable
  // (two of each side by side: 100 and 119 s with one, 109 and 111 s with four).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Pages are built from the engine's corpus, not from Astro's Markdown collections.
  devToolbar: { enabled: false },
  prefetch: false,
  // The sitemap needs `site`: without SITE_URL it is skipped, and the build says so.
  // heapBound last: its build:done hook, which stops it, then comes after the others' file writing.
  // outDir first: the previous output is set aside before anything is written.
  integrations: [outDir(), siteUrlNotice(), renderHelper(), attachments(), graphShape(), searchFiles(), previews(), liveContent(), sitemap(), heapBound()],
  vite: {
    // The base every link is built with (src/lib/site/urls.ts), in pages and in browser code.
    define: { __SITE_BASE__: JSON.stringify(publish.base) },
    // Scripts are always files, never inlined into pages (Astro inlines those under 4 KB): a page's policy
    // then allows one inline script, the theme's, by hash (src/lib/site/csp.ts). Other assets as Vite does.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    // Content changes reload in dev without restarting (src/integrations/live-content.ts).
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
