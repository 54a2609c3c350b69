// @ts-check
import { defineConfig } from 'astro/config';
import attachments from './src/integrations/attachments.ts';
import searchFiles from './src/integrations/search-files.ts';
import liveContent from './src/integrations/live-content.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: a page's CSS is fetched once and cached, not repeated in thousands of pages.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages are built from the engine's corpus, not from Astro's Markdown collections.
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [attachments(), searchFiles(), liveContent()],
  vite: {
    // Content changes reload in dev without restarting (src/integrations/live-content.ts).
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
