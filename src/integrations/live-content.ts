/**
 * Live preview in `astro dev`: when a Markdown file of the content folder is
 * saved, added, renamed or deleted, the corpus is read again and every open
 * page reloads. Reading again is incremental where it counts: files are
 * re-parsed, links re-resolved, and only the bodies whose text or links
 * changed are rendered again (the render cache keeps the rest). Astro clears
 * its own route cache on the same watcher events, so new pages appear and
 * deleted ones go.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { isIgnoredPath, isMarkdownPath } from '../lib/content/vault';
import type { SessionOf } from '../lib/site/session';

export default function liveContent(sessionOf: SessionOf): AstroIntegration {
  return {
    name: 'live-content',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const session = sessionOf();
        const root = session.contentRoot;
        // A content folder outside the project is not watched by default.
        server.watcher.add(root);
        const changed = (file: string) => {
          const relative = path.relative(root, file);
          if (relative.startsWith('..') || path.isAbsolute(relative) || !isMarkdownPath(relative) || isIgnoredPath(relative.split(path.sep).join('/'))) return;
          session.forgetCorpus();
          logger.info(`${relative} changed: reloading`);
          server.ws.send({ type: 'full-reload', path: '*' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}
