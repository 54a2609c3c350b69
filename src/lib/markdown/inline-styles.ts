/**
 * The `style` attributes a rendered body carries, each distinct value once.
 * Only trusted steps write them (KaTeX's spacing, Shiki's colours: both run
 * after the sanitiser, which strips any a note brings), and a page allows
 * exactly these under its Content-Security-Policy, by hash.
 *
 * Writes `file.data.inlineStyles`.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** Distinct `style` attribute values of the rendered body, in order of first use. */
    inlineStyles: string[];
  }
}

export function rehypeCollectInlineStyles() {
  return (tree: Root, file: VFile) => {
    const styles = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const style = node.properties.style;
      if (typeof style === 'string' && style) styles.add(style);
    });
    file.data.inlineStyles = [...styles];
  };
}
