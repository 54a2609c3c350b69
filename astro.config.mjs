// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import attachments from './src/integrations/attachments.ts';
import graphShape from './src/integrations/graph-shape.ts';
import heapBound from './src/integrations/heap-bound.ts';
import liveContent from './src/integrations/live-content.ts';
import mermaidPagesPolicy from './src/integrations/mermaid-pages.ts';
import previews from './src/integrations/previews.ts';
import searchFiles from './src/integrations/search-files.ts';
import siteUrlNotice from './src/integrations/site-url-notice.ts';
import { cspHash } from './src/lib/site/csp.ts';
import { publishSettings, PublishSettingError } from './src/lib/site/publish.ts';

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

/**
 * Content-Security-Policy: Astro hashes the scripts and styles it bundles; the one inline script (the
 * theme, before first paint) and the one style cytoscape injects into the page are allowed by their hashes.
 * Style attributes are allowed by hash too (`unsafe-hashes`), each page adding those its body carries
 * (math spacing, code colours). No `unsafe-inline`: a script or style that slipped past the sanitiser into
 * a note would not apply.
 */
/** @type {Exclude<NonNullable<import('astro').AstroUserConfig['experimental']>['csp'], boolean | undefined>} */
const csp = {
  scriptDirective: { hashes: [cspHash(readFileSync(new URL('./src/scripts/theme-before-paint.js', import.meta.url), 'utf8'))] },
  styleDirective: {
    resources: ["'self'", "'unsafe-hashes'"],
    hashes: [cspHash('.__________cytoscape_container { position: relative; }')],
  },
  directives: [
    "default-src 'self'",
    // Notes may show images from the web; nothing else leaves the site.
    "img-src 'self' https: data:",
    "media-src 'self' https:",
    // KaTeX's smallest fonts are inlined by the bundler as data: URLs.
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
};

export default defineConfig({
  output: 'static',
  site: publish.site,
  base: publish.base,
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: a page's CSS is fetched once and cached, not repeated in thousands of pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages are built from the engine's corpus, not from Astro's Markdown collections.
  devToolbar: { enabled: false },
  prefetch: false,
  experimental: { csp },
  // The sitemap needs `site`: without SITE_URL it is skipped, and the build says so.
  // heapBound last: its build:done hook, which stops it, then comes after the others' file writing.
  integrations: [siteUrlNotice(), attachments(), graphShape(), searchFiles(), previews(), mermaidPagesPolicy(), liveContent(), sitemap(), heapBound()],
  vite: {
    // The base every link is built with (src/lib/site/urls.ts), in pages and in browser code.
    define: { __SITE_BASE__: JSON.stringify(publish.base) },
    // Content changes reload in dev without restarting (src/integrations/live-content.ts).
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
