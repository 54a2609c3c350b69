/**
 * TeX math rendered to HTML at build time with KaTeX: `$inline$`, `$$display$$`
 * and ```` ```math ```` blocks (parsed by remark-math). No script reaches the
 * browser; a page with math needs KaTeX's stylesheet, so the body says it has
 * some. TeX KaTeX cannot read is shown as its source, marked as an error, and
 * reported with its line.
 *
 * Runs after sanitising: the sanitiser would strip KaTeX's markup, while the
 * math itself survives it as `code.math-inline` / `code.language-math`.
 *
 * Reads `file.data.lineOffset`; writes `file.data.math` and `file.data.mathErrors`.
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeKatex from 'rehype-katex';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

export { default as remarkMath } from 'remark-math';

declare module 'vfile' {
  interface DataMap {
    /** The body holds math (and its page needs KaTeX's stylesheet). */
    math: boolean;
    /** TeX that KaTeX could not render, with the file's line and KaTeX's reason. */
    mathErrors: { line: number; message: string }[];
  }
}

const MATH_CLASSES = ['math-inline', 'math-display', 'language-math'];
const isMath = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.some((c) => MATH_CLASSES.includes(String(c)));

export const rehypeMath: Plugin<[], HastRoot> = () => {
  // `strict: 'ignore'`: KaTeX's notes on unusual but valid input would go to the console.
  const katex = rehypeKatex({ strict: 'ignore' }) as (tree: HastRoot, file: VFile) => void;
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
    katex(tree, file);
    file.data.math = true;
    file.data.mathErrors = file.messages.splice(before).map((m) => ({
      line: (m.line ?? 1) + offset,
      message: (m.cause as Error | undefined)?.message?.replace(/^KaTeX parse error: /, '') ?? m.reason,
    }));
  };
};
