/**
 * Right-to-left text inside a page of another direction: each block whose text holds a right-to-left letter
 * (Hebrew, Arabic, Syriac, Thaana, N'Ko…) gets `dir="auto"`, so the browser lays it out by its first strong
 * letter: an Arabic paragraph in an English vault reads right to left, with its punctuation where it belongs.
 * Blocks of left-to-right text are left as they are, so pages without such text do not change.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dt', 'dd', 'figcaption', 'summary']);
/** Letters of the right-to-left scripts (Unicode's Hebrew to Arabic Extended blocks and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDEFF]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;

/** Whether `text` holds a letter of a right-to-left script. */
export const hasRightToLeft = (text: string): boolean => RIGHT_TO_LEFT.test(text);

export function rehypeBidiBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (BLOCKS.has(node.tagName) && node.properties.dir === undefined && hasRightToLeft(toString(node))) node.properties.dir = 'auto';
    });
  };
}
