/**
 * How much of a corpus's math KaTeX typesets, against how much MathJax (what
 * Obsidian renders with) would. Every formula is delimited by the site's own
 * parser; each is typeset by
 *   - KaTeX as the site runs it (math.ts: page-wide `\newcommand`, MathJax's
 *     `\require` and `\label` accepted, lenient),
 *   - plain KaTeX (strict: 'ignore', nothing else), to show what the options add,
 *   - MathJax 3 with every TeX package loaded (an upper bound for Obsidian's)
 *     except `noundefined` and `noerrors`, which would show an unknown command
 *     or a mistake in red instead of failing: those count as failures here,
 * one note at a time, so macros defined in a note hold for that note only.
 *
 *   npx tsx scripts/math-coverage.ts [folder…]   (default: tests/fixtures/markdown/math-corpus)
 *
 * Prints a Markdown table per folder and the formulas KaTeX misses that MathJax reads, with KaTeX's reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { formulasOf, katexOptions } from '../src/lib/markdown/math';

export const DEFAULT_CORPUS = 'tests/fixtures/markdown/math-corpus';

/** One formula's fate in each renderer. */
export interface FormulaResult {
  note: string;
  line: number;
  tex: string;
  katex: boolean;
  plainKatex: boolean;
  mathjax: boolean;
  /** KaTeX's reason, when it failed. */
  katexError?: string;
}

export interface Coverage {
  formulas: number;
  katex: number;
  plainKatex: number;
  mathjax: number;
  /** Formulas MathJax reads and the site's KaTeX does not. */
  katexOnlyMisses: number;
  /** Formulas the site's KaTeX reads and MathJax does not. */
  mathjaxOnlyMisses: number;
}

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

/** A MathJax document for one note: a fresh TeX input, so `\newcommand` holds within the note only. */
function mathjaxFor(): (tex: string, display: boolean) => boolean {
  const tex = new TeX({
    packages: AllPackages.filter((name: string) => name !== 'noundefined' && name !== 'noerrors'),
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  const document = mathjax.document('', { InputJax: tex, OutputJax: new SVG({ fontCache: 'none' }) });
  return (source, display) => {
    try {
      document.convert(source, { display });
      return true;
    } catch {
      return false;
    }
  };
}

/** Whether KaTeX typesets a formula with these options, and why not. */
function typesets(source: string, display: boolean, options: katex.KatexOptions): { ok: boolean; error?: string } {
  try {
    katex.renderToString(source, { ...options, displayMode: display, throwOnError: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(/^KaTeX parse error: /, '') };
  }
}

/** Every formula of the notes, typeset three ways. */
export function measureNotes(notes: { name: string; body: string }[]): FormulaResult[] {
  const results: FormulaResult[] = [];
  for (const { name, body } of notes) {
    const ours = katexOptions();
    const mathjaxReads = mathjaxFor();
    for (const { tex, display, line } of formulasOf(body)) {
      const site = typesets(tex, display, ours);
      const plain = typesets(tex, display, { strict: 'ignore' });
      results.push({ note: name, line, tex, katex: site.ok, plainKatex: plain.ok, mathjax: mathjaxReads(tex, display), ...(site.error ? { katexError: site.error } : {}) });
    }
  }
  return results;
}

export function summarise(results: FormulaResult[]): Coverage {
  const count = (test: (r: FormulaResult) => boolean) => results.filter(test).length;
  return {
    formulas: results.length,
    katex: count((r) => r.katex),
    plainKatex: count((r) => r.plainKatex),
    mathjax: count((r) => r.mathjax),
    katexOnlyMisses: count((r) => r.mathjax && !r.katex),
    mathjaxOnlyMisses: count((r) => r.katex && !r.mathjax),
  };
}

/** The Markdown notes under a folder, with their paths relative to it. */
export function notesIn(folder: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.md') && entry !== 'README.md') out.push({ name: path.relative(folder, full), body: readFileSync(full, 'utf8') });
    }
  };
  walk(folder);
  return out;
}

const percent = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '–');

function report(folders: string[]): string {
  const lines: string[] = [];
  const all: FormulaResult[] = [];
  lines.push('| notes | formulas | KaTeX as the site runs it | plain KaTeX | MathJax (all packages) | MathJax reads, KaTeX not | KaTeX reads, MathJax not |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const folder of folders) {
    for (const group of readdirSync(folder).filter((e) => statSync(path.join(folder, e)).isDirectory()).sort()) {
      const results = measureNotes(notesIn(path.join(folder, group)).map((n) => ({ ...n, name: path.join(group, n.name) })));
      all.push(...results);
      const c = summarise(results);
      lines.push(`| ${group} | ${c.formulas} | ${c.katex} (${percent(c.katex, c.formulas)}) | ${c.plainKatex} | ${c.mathjax} (${percent(c.mathjax, c.formulas)}) | ${c.katexOnlyMisses} | ${c.mathjaxOnlyMisses} |`);
    }
  }
  const t = summarise(all);
  lines.push(`| **all** | ${t.formulas} | ${t.katex} (${percent(t.katex, t.formulas)}) | ${t.plainKatex} (${percent(t.plainKatex, t.formulas)}) | ${t.mathjax} (${percent(t.mathjax, t.formulas)}) | ${t.katexOnlyMisses} | ${t.mathjaxOnlyMisses} |`);
  const misses = all.filter((r) => r.mathjax && !r.katex);
  if (misses.length) {
    lines.push('', 'Formulas MathJax reads and KaTeX does not:', '');
    for (const r of misses) lines.push(`- ${r.note}:${r.line} \`${r.tex.replace(/\s+/g, ' ').slice(0, 80)}\`: ${r.katexError}`);
  }
  const neither = all.filter((r) => !r.mathjax && !r.katex);
  if (neither.length) {
    lines.push('', 'Formulas neither reads:', '');
    for (const r of neither) lines.push(`- ${r.note}:${r.line} \`${r.tex.replace(/\s+/g, ' ').slice(0, 80)}\`: ${r.katexError}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folders = process.argv.slice(2);
  console.log(report(folders.length ? folders : [DEFAULT_CORPUS]));
}
