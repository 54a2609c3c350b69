/**
 * Property tests over hostile input, in bounded runs with fixed seeds so a
 * failure reproduces: the Markdown pipeline, frontmatter parsing, the whole
 * corpus build and the importer never throw, and what they emit is safe.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/corpus';
import { parseDocument } from '../../src/lib/content/document';
import { parseExport } from '../../src/lib/import/parse-export';
import { importExports } from '../../src/lib/import/run';
import { ExportError } from '../../src/lib/import/types';
import { renderMarkdown } from '../../src/lib/markdown';
import { SEEDS } from './import/helpers';
import { KINDS, type Slug } from '../../src/lib/content/ids';

const SEED = 20_251_125;
const runs = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

/** Pieces attackers and careless exports produce; fuzzed text is built from these and from arbitrary strings. */
const PIECES = [
  '[[', ']]', '|', '#', '[[A note]]', '[[A note|its label]]', '[[A note#A heading]]', '[[#Local]]', '[[]]', '[[|]]',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '[x](javascript:alert(1))',
  '<svg onload=alert(1)>', '<iframe src=javascript:alert(1)>', '<a href="jav&#x09;ascript:alert(1)">t</a>', '<div style="x" onclick="y">',
  '<!--', '-->', '<![CDATA[', '`', '```', '~~~', '\n', '\n\n', '  ', '\t', '> ', '- ', '1. ', '# ', '| a | b |\n|---|---|\n', '*', '_', '**',
  '![[A note]]', '![[A note#A heading]]', '[[A note#^block]]', ' ^block', '%%', '> [!note] Title', '> [!warning]- Folded', ' #tag', '#a/b', '[t](other.md)', '![i](x.png)',
  '\\', '&amp;', '&#0;', '\u0000', '\u202e', '\u200b', '\ud83d\udd25', '\ud800', 'é', '\r\n', '---', '?', '. ', 'Dr. Smith', '%2e%2e/', '../',
];
const fragment = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const markdownish = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

/** Every element of the HTML, parsed as a browser would parse it. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node: Element) => void found.push(node));
  return found;
}

const URL_PROPS = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'xLinkHref'];

describe('fuzzing the Markdown pipeline', () => {
  it('never throws, and never emits a script, an event handler or a javascript: URL', () => {
    fc.assert(
      fc.property(markdownish, (body) => {
        const { html } = renderMarkdown(body, { resolveWikiLink: (ref) => ({ href: `/notes/${encodeURIComponent(ref.target)}/`, stub: true, kind: 'note', title: ref.target }) });
        for (const el of elements(html)) {
          expect(['script', 'iframe', 'object', 'embed', 'style', 'form', 'meta', 'svg']).not.toContain(el.tagName);
          for (const [prop, value] of Object.entries(el.properties ?? {})) {
            expect(prop.toLowerCase().startsWith('on'), `${el.tagName} has ${prop}`).toBe(false);
            if (URL_PROPS.includes(prop)) expect(String(value).replace(/[\s\u0000-\u001f]/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
          }
        }
      }),
      runs(300),
    );
  });

  it('reports every wiki link with a sentence in which its label stands at the recorded span', () => {
    fc.assert(
      fc.property(markdownish, (body) => {
        for (const link of renderMarkdown(body).links) {
          expect(link.context.sentence).toContain(link.label.trim());
          expect(link.context.sentence.slice(link.context.start, link.context.end).trim()).toBe(link.label.trim());
          expect(link.line).toBeGreaterThanOrEqual(1);
        }
      }),
      runs(300),
    );
  });
});

describe('fuzzing frontmatter and whole corpora', () => {
  const frontmatterish = fc
    .array(fc.oneof(fc.constantFrom('---\n', 'title: T\n', 'title:\n', 'tags: [a, b\n', 'sources:\n  - x\n', '  summary: y\n', ': :\n', '&a [*a]\n', '"\n', '!!js/function f\n', '__proto__: 1\n', 'stub: yes\n', 'date: 2025-13-45\n'), fc.string({ maxLength: 20 })), { maxLength: 20 })
    .map((parts) => parts.join(''));

  it('parseDocument never throws: it returns a document or problems that name the file and a line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), frontmatterish, (kind, raw) => {
        const result = parseDocument(kind, 'x' as Slug, 'notes/x.md', raw);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.file).toBe('notes/x.md');
            expect(p.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      runs(400),
    );
  });

  it('buildCorpus never throws on arbitrary files, and every file it accepts becomes a node', () => {
    const file = fc.record({
      path: fc.tuple(fc.constantFrom('notes', 'papers', 'lines', 'misc'), fc.string({ minLength: 1, maxLength: 10 })).map(([dir, name]) => `${dir}/${name.replace(/[/\\]/g, '_')}.md`),
      bytes: fc.oneof(
        fc.tuple(fc.oneof(fc.constant('A note'), fc.string({ maxLength: 30 })), markdownish).map(([title, body]) => new TextEncoder().encode(`---\ntitle: ${JSON.stringify(title)}\n---\n${body}`)),
        fc.uint8Array({ maxLength: 60 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 8 }), (files) => {
        const corpus = buildCorpus(files);
        for (const doc of corpus.documents.values()) expect(corpus.graph.nodes.has(doc.id)).toBe(true);
        const reported = new Set(corpus.problems.filter((p) => p.severity === 'error').map((p) => p.file));
        for (const f of files) {
          const accepted = [...corpus.documents.values()].some((d) => d.file === f.path);
          expect(accepted || reported.has(f.path) || f.path.startsWith('misc/')).toBe(true);
        }
      }),
      runs(150),
    );
  });
});

describe('fuzzing the importer', () => {
  const seedTexts = async () => {
    const names = await readdir(SEEDS);
    return Promise.all(names.filter((n) => n.endsWith('.txt')).sort().map(async (n) => ({ name: n, text: await readFile(path.join(SEEDS, n), 'utf8') })));
  };
  /** A seed-like export: lines of a real layout, shuffled, dropped, doubled and spliced with hostile pieces. */
  const exportText = (lines: string[]) =>
    fc
      .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...lines) }, fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 60 })
      .map((picked) => picked.join('\n'));

  it('parseExport either parses or throws an ExportError naming the file; nothing else escapes', async () => {
    const seeds = await seedTexts();
    const lines = [...new Set(seeds.flatMap((s) => s.text.split('\n')))];
    fc.assert(
      fc.property(fc.oneof(exportText(lines).map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 200 })), (bytes) => {
        try {
          const parsed = parseExport('fuzz.txt', bytes);
          expect(parsed.file).toBe('fuzz.txt');
        } catch (e) {
          expect(e).toBeInstanceOf(ExportError);
          expect((e as ExportError).file).toBe('fuzz.txt');
        }
      }),
      runs(300),
    );
  });

  it('an import run never throws, and every file it writes is valid content', async () => {
    const seeds = await seedTexts();
    const lines = [...new Set(seeds.flatMap((s) => s.text.split('\n')))];
    let wroteSome = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(exportText(lines), { minLength: 1, maxLength: 3 }), async (texts) => {
        const input = await mkdtemp(path.join(tmpdir(), 'fuzz-in-'));
        const out = await mkdtemp(path.join(tmpdir(), 'fuzz-out-'));
        try {
          await Promise.all(texts.map((t, i) => writeFile(path.join(input, `${i}.txt`), t)));
          const report = await importExports([input], out);
          expect(report.errors.every((e) => e.file)).toBe(true);
          const written = (await readdir(out, { recursive: true })).filter((p) => p.endsWith('.md'));
          const corpus = buildCorpus(await Promise.all(written.map(async (p) => ({ path: p.split(path.sep).join('/'), bytes: await readFile(path.join(out, p)) }))));
          expect(corpus.problems.filter((p) => p.severity === 'error')).toEqual([]);
          if (written.length) wroteSome++;
        } finally {
          await Promise.all([input, out].map((dir) => rm(dir, { recursive: true, force: true })));
        }
      }),
      runs(25),
    );
    // Mutated exports must still import often enough for the property to mean something.
    expect(wroteSome).toBeGreaterThan(5);
  });
});
