/**
 * Mermaid diagrams: a ```` ```mermaid ```` code block becomes
 * `<pre class="mermaid">` holding the diagram's source, which the browser
 * draws (src/client/mermaid-diagrams.ts) on the pages that have one, and only there.
 * Until it is drawn, or without JavaScript, the reader sees the source.
 *
 * Runs after sanitising (the sanitiser keeps no class on `pre`) and before
 * highlighting (Shiki would colour the source as plain code).
 *
 * Writes `file.data.mermaid`.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** The body holds a Mermaid diagram (and its page needs the script that draws it). */
    mermaid: boolean;
  }
}

const isMermaidCode = (node: Element) => node.tagName === 'code' && Array.isArray(node.properties.className) && node.properties.className.includes('language-mermaid');

export const rehypeMermaid: Plugin<[], HastRoot> = () => (tree, file) => {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'pre') return;
    // A diagram of an embedded note, drawn by its own pass: the page still needs the script.
    if (Array.isArray(node.properties.className) && node.properties.className.includes('mermaid')) {
      file.data.mermaid = true;
      return SKIP;
    }
    const code = node.children.find((c): c is Element => c.type === 'element' && isMermaidCode(c));
    if (!code) return;
    node.properties = { className: ['mermaid'] };
    // A fenced block's code holds one text node (mdast-util-to-hast).
    node.children = [{ type: 'text', value: code.children.map((c) => (c.type === 'text' ? c.value : '')).join('') }];
    file.data.mermaid = true;
    return SKIP;
  });
};
