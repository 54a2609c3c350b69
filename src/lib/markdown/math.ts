/**
 * TeX math rendered to HTML at build time with KaTeX: `$inline$`, `$$display$$`
 * and ```` ```math ```` blocks, delimited the way Obsidian pairs them
 * (math-syntax.ts). No script reaches the browser; a page with math needs
 * KaTeX's stylesheet, so the body says it has some. TeX KaTeX cannot read is
 * shown as its source inside its own formula, marked as an error, and
 * reported with its line; nothing around it changes.
 *
 * KaTeX is set up to read what Obsidian's MathJax reads where it can: macros
 * defined with `\newcommand` in one formula hold for the rest of the page,
 * MathJax's `\require{…}` and `\label{…}` are accepted and leave no mark,
 * `\ref{…}`/`\eqref{…}` show the label they name,
 * and only `\href`/`\url` to http(s) and mailto addresses are trusted.
 *
 * Runs after sanitising: the sanitiser would strip KaTeX's markup, while the
 * math itself survives it as `code.math-inline` / `code.language-math`.
 *
 * Reads `file.data.lineOffset`; writes `file.data.math` and `file.data.mathErrors`.
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeKatex from 'rehype-katex';
import type { KatexOptions } from 'katex';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { obsidianMath, obsidianMathFromMarkdown } from './math-syntax';

/** Adds Obsidian's `$`/`$$` math to the parser. */
export function remarkMath(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(obsidianMath());
  (data.fromMarkdownExtensions ??= []).push(obsidianMathFromMarkdown());
}

type Macros = NonNullable<KatexOptions['macros']>;
type MacroContext = { consumeArgs(n: number): { text: string }[][]; isDefined(name: string): boolean };

/** Commands MathJax reads and KaTeX does not, mapped to what KaTeX can show. */
export const MATHJAX_MACROS: Macros = {
  // MathJax loads an extension; KaTeX has its commands built in or not at all.
  '\\require': ((context: MacroContext) => {
    context.consumeArgs(1);
    return '';
  }) as unknown as string,
  // MathJax lets \newcommand redefine a command (`\newcommand{\R}{\mathbb{R}}`); KaTeX would refuse.
  '\\newcommand': ((context: MacroContext) => {
    const name = context.consumeArgs(1)[0].map((t) => t.text).reverse().join('');
    return `${context.isDefined(name) ? '\\renewcommand' : '\\providecommand'}{${name}}`;
  }) as unknown as string,
  // Plain TeX's matrix commands, which MathJax keeps: `\pmatrix{a & b \\ c & d}`.
  '\\matrix': '\\begin{matrix}#1\\end{matrix}',
  '\\pmatrix': '\\begin{pmatrix}#1\\end{pmatrix}',
  '\\cases': '\\begin{cases}#1\\end{cases}',
  // KaTeX numbers no equation: a reference shows the label it names (MathJax would show its number, or ???).
  '\\ref': '\\mathrm{#1}',
  '\\eqref': '(\\mathrm{#1})',
  // Equation labels only name a formula for \ref; KaTeX numbers nothing.
  '\\label': ((context: MacroContext) => {
    context.consumeArgs(1);
    return '';
  }) as unknown as string,
};

/** KaTeX's options: lenient like MathJax, trusting only links to the web. */
export function katexOptions(macros: Macros = { ...MATHJAX_MACROS }): KatexOptions {
  return {
    // KaTeX's notes on unusual but valid input would go to the console.
    strict: 'ignore',
    // `\newcommand` in one formula holds for the formulas after it, as in MathJax.
    globalGroup: true,
    macros,
    trust: (context) => (context.command === '\\href' || context.command === '\\url') && ['http', 'https', 'mailto'].includes(context.protocol ?? ''),
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The body holds math (and its page needs KaTeX's stylesheet). */
    math: boolean;
    /** TeX that KaTeX could not render, with the file's line and KaTeX's reason. */
    mathErrors: { line: number; message: string }[];
  }
}

const MATH_CLASSES = ['math-inline', 'math-display', 'language-math', 'katex'];
const isMath = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.some((c) => MATH_CLASSES.includes(String(c)));

export const rehypeMath: Plugin<[], HastRoot> = () => {
  return (tree, file) => {
    let found = false;
    visit(tree, 'element', (node) => {
      if (!isMath(node)) return;
      found = true;
      return EXIT;
    });
    if (!found) return;
    const offset = file.data.lineOffset ?? 0;
    const before = file.messages.length;
    // Macros are the page's own: a fresh table for each body.
    (rehypeKatex(katexOptions()) as (tree: HastRoot, file: VFile) => void)(tree, file);
    file.data.math = true;
    file.data.mathErrors = file.messages.splice(before).map((m) => ({
      line: (m.line ?? 1) + offset,
      message: (m.cause as Error | undefined)?.message?.replace(/^KaTeX parse error: /, '') ?? m.reason,
    }));
  };
};

/** A formula as a body delimits it: its TeX, whether it is display math, and its line in the body. */
export interface Formula {
  tex: string;
  display: boolean;
  line: number;
}

const formulaParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();

/** Every formula of a body, in order, delimited exactly as the pipeline delimits them (` ```math ` blocks included). */
export function formulasOf(body: string): Formula[] {
  const formulas: Formula[] = [];
  visit(formulaParser.parse(body), (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'math') formulas.push({ tex: node.value, display: true, line });
    else if (node.type === 'inlineMath') formulas.push({ tex: node.value, display: String(node.data?.hProperties?.className).includes('math-display'), line });
    else if (node.type === 'code' && node.lang === 'math') formulas.push({ tex: node.value, display: true, line });
  });
  return formulas;
}
