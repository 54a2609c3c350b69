/** Once the pages are built: each page with a Mermaid diagram gets its Content-Security-Policy with every directive once (see `withDirectivesOnce`). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteCorpus } from '../lib/site/corpus';
import { mermaidPages, withDirectivesOnce } from '../lib/site/mermaid';

export default function mermaidPagesPolicy(): AstroIntegration {
  return {
    name: 'mermaid-pages',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const url of mermaidPages(await siteCorpus())) {
          const file = path.join(fileURLToPath(dir), url, 'index.html');
          const html = await readFile(file, 'utf8').catch(() => undefined);
          if (html !== undefined) await writeFile(file, withDirectivesOnce(html));
        }
      },
    },
  };
}
