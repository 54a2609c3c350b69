/**
 * `npx tsx scripts/compare-pandoc.ts [folder…]`: cites as Pandoc does? Builds each content folder (the
 * bibliography fixtures by default), runs every note through `pandoc --citeproc` with the same
 * bibliographies and the same CSL style, and prints where the in-text citations and the references differ.
 * Needs Debian's `pandoc` (`apt-get install pandoc`); run on demand, not in CI. The differences that remain
 * are explained in tests/fixtures/bibliographies/PANDOC.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { loadCorpus } from '../src/lib/corpus';
import { isBibliographyPath, styleName } from '../src/lib/corpus/bibliography';
import { resolveOptions } from '../src/integrations/options-schema';
import { bibliographySettings } from '../src/lib/site/options';
import { referenceOf } from '../src/lib/site/references';

const FIXTURES = 'tests/fixtures/bibliographies';
const folders = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(FIXTURES, d.name));

/** Text as a reader sees it: tags gone, entities decoded, quotes and spaces made alike. */
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/** The text of every `<span class="citation…">`, nested spans and all. */
function citations(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<span class="citation[^"]*"[^>]*>/g)) {
    let depth = 1;
    const i = m.index! + m[0].length;
    const tags = /<(\/?)span\b[^>]*>/g;
    tags.lastIndex = i;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        out.push(text(html.slice(i, t.index)));
        break;
      }
    }
  }
  return out;
}

/** The style's CSL file, for Pandoc: a `.csl` setting as it is, a built-in style written out. */
function cslFile(style: string): string {
  if (/\.csl$/i.test(style)) return path.resolve(style);
  const xml = (plugins.config.get('@csl') as unknown as { styles: { get(name: string): string } }).styles.get(styleName(style));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'csl-')), `${style}.csl`);
  writeFileSync(file, xml);
  return file;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));

let differences = 0;
const options = bibliographySettings(resolveOptions({}));
const csl = cslFile(options.style);
for (const folder of folders) {
  const corpus = await loadCorpus(folder, { bibliography: options });
  const bibliographies = files(folder).filter((f) => isBibliographyPath(f) && (/\.bib$/i.test(f) || corpus.problems.every((p) => p.file !== path.relative(folder, f) || p.rule !== 'bibliography/unreadable')));
  const keyOf = new Map([...corpus.bibliography].map(([id, e]) => [id, e.key]));
  console.log(`\n== ${folder}`);
  for (const doc of corpus.documents.values()) {
    if (doc.kind !== 'note') continue;
    let pandoc: string;
    try {
      pandoc = execFileSync('pandoc', ['--citeproc', '--csl', csl, ...bibliographies.flatMap((b) => ['--bibliography', b]), '-f', 'markdown', '-t', 'html', '--wrap=none', path.join(folder, doc.file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      console.log(`  pandoc failed on ${doc.file}: ${String((e as { stderr?: string }).stderr ?? e).split('\n')[0]}`);
      differences++;
      continue;
    }
    const theirs = citations(pandoc);
    const ours = citations(corpus.bodies.get(doc.id)!.html);
    for (let i = 0; i < Math.max(theirs.length, ours.length); i++) {
      if (theirs[i] === ours[i]) continue;
      differences++;
      console.log(`  in-text  pandoc: ${theirs[i] ?? '(none)'}\n           ours: ${ours[i] ?? '(none)'}`);
    }
    const references = new Map([...pandoc.matchAll(/<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)<\/div>/gs)].map((m) => [m[1], text(m[2])]));
    for (const [id, key] of keyOf) {
      const mine = text(referenceOf(corpus, id)?.html ?? '');
      const theirsRef = references.get(key);
      if (theirsRef === undefined || theirsRef === mine) continue;
      differences++;
      console.log(`  reference ${key}\n    pandoc: ${theirsRef}\n      ours: ${mine}`);
    }
  }
}
console.log(`\n${differences} difference(s).`);
