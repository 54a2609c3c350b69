/**
 * Golden cases of the Markdown dialect: one folder per construct under
 * tests/fixtures/markdown/, each with `input.md`, the HTML it renders to
 * (`output.html`) and what the pipeline reports (`result.json`: links with
 * their sentences, headings, tags, blocks, plain text). `UPDATE=1 npx vitest
 * run tests/unit/markdown-golden.test.ts` rewrites the expected files; read
 * the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchor, slugify } from '../../src/lib/content/ids';
import { renderMarkdown, type ResolvedLink, type WikiLinkRef } from '../../src/lib/markdown';

const root = 'tests/fixtures/markdown';
const update = process.env.UPDATE === '1';

/**
 * A resolver with fixed rules, so each case reads on its own: titles starting
 * "Stub" are not written yet, "Nowhere…" resolves to nothing, files with an
 * extension are attachments, everything else is a written note. A citation
 * key `name2020` is a paper by Name of 2020; keys starting "nobody" are unknown.
 */
function resolve(ref: WikiLinkRef): ResolvedLink | undefined {
  if (ref.citation) return cite(ref.citation);
  if (ref.target.startsWith('Nowhere')) return undefined;
  const name = path.posix.basename(ref.target);
  if (/\.(png|csv)$/.test(name)) {
    const href = `/attachments/${name}`;
    if (!ref.embed) return { href, stub: false, kind: 'attachment', title: name };
    const [alt, size] = ref.label === ref.target ? ['', undefined] : ref.label.split('|').length > 1 ? ref.label.split('|') : /^\d/.test(ref.label) ? ['', ref.label] : [ref.label, undefined];
    const [width, height] = size?.split('x') ?? [];
    return /\.png$/.test(name)
      ? { href, stub: false, kind: 'attachment', title: name, embed: { type: 'image', src: href, alt: alt || name, width, height } }
      : { href, stub: false, kind: 'attachment', title: name, embed: { type: 'file', href, label: name } };
  }
  const title = ref.target.replace(/\.md$/, '') || 'This note';
  const anchor = ref.block ? `#^${ref.block}` : ref.heading ? `#${headingAnchor(ref.heading)}` : '';
  return { href: `/notes/${slugify(title)}/${anchor}`, stub: title.startsWith('Stub'), kind: 'note', title };
}

function cite({ key, bare }: NonNullable<WikiLinkRef['citation']>): ResolvedLink | undefined {
  if (key.startsWith('nobody')) return bare ? undefined : { href: `/papers/${slugify(key)}/`, stub: true, kind: 'paper', title: `@${key}` };
  const [, name, year] = /^([a-z]+)(\d{4})?/.exec(key) ?? ['', key, ''];
  return { href: `/papers/${slugify(key)}/`, stub: false, kind: 'paper', title: `Paper ${key}`, citation: { author: name[0].toUpperCase() + name.slice(1), year: year ?? 'n.d.' } };
}

describe('the Markdown dialect, case by case', () => {
  // A folder without `input.md` (the math corpus) is material for another test.
  for (const name of readdirSync(root).sort().filter((n) => existsSync(path.join(root, n, 'input.md')))) {
    it(name, () => {
      const dir = path.join(root, name);
      const out = renderMarkdown(readFileSync(path.join(dir, 'input.md'), 'utf8'), { resolveWikiLink: resolve });
      const { html, ...result } = out;
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (update || !existsSync(path.join(dir, 'output.html'))) {
        writeFileSync(path.join(dir, 'output.html'), html);
        writeFileSync(path.join(dir, 'result.json'), json);
      }
      expect(html).toBe(readFileSync(path.join(dir, 'output.html'), 'utf8'));
      expect(json).toBe(readFileSync(path.join(dir, 'result.json'), 'utf8'));
    });
  }
});
