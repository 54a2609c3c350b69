// @ts-check
import { defineConfig } from 'astro/config';
import attachments from './src/integrations/attachments.ts';
import searchFiles from './src/integrations/search-files.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: a page's CSS is fetched once and cached, not repeated in thousands of pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages are built from the engine's corpus, not from Astro's Markdown collections.
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [attachments(), searchFiles()],
  vite: {
    // Content changes should rebuild in dev without restarting.
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
