// @ts-check
import { defineConfig } from 'astro/config';
import attachments from './src/integrations/attachments.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Pages are built from the engine's corpus, not from Astro's Markdown collections.
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [attachments()],
  vite: {
    // Content changes should rebuild in dev without restarting.
    server: { watch: { ignored: ['**/dist/**', '**/bench/**'] } },
  },
});
