// @ts-check
import { defineConfig } from 'astro/config';
import researchGraph from './src/integrations/research-graph.ts';
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

export default defineConfig({
  output: 'static',
  site: publish.site,
  base: publish.base,
  trailingSlash: 'always',
  // Four pages at a time: the main thread otherwise waits for each page's file to be written (docs/benchmarks.md,
  // "pages at a time"). Stylesheets and scripts are never inlined: the integration sees to that.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
  // Every option, and the environment variable that overrides it, is in the README ("Settings").
  integrations: [researchGraph({ content: 'content', title: 'Research graph' })],
  vite: {
    // Content changes reload in dev without restarting (src/integrations/live-content.ts).
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
