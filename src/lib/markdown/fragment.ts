/** One section or one `^block` of a body, as Markdown, for `![[File#Section]]` and `![[File#^block]]`. */
import type { Nodes as MdNodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { headingAnchor } from '../content/ids';
import { BLOCK_ID } from './obsidian/block-ids';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The Markdown of one section of a body (its heading and everything up to
 * the next heading of the same or a higher level) or of one `^block`, for
 * `![[File#Section]]` and `![[File#^block]]`; undefined when there is none.
 */
export function markdownFragment(body: string, part: { heading?: string; block?: string }): string | undefined {
  const tree = parser.parse(body);
  const slice = (from: MdNodes, to?: MdNodes) => body.slice(from.position!.start.offset!, to ? to.position!.start.offset! : from.position!.end.offset!);
  if (part.heading) {
    const anchor = headingAnchor(part.heading);
    const top = tree.children;
    const start = top.findIndex((n) => n.type === 'heading' && headingAnchor(mdastToString(n)) === anchor);
    if (start < 0) return undefined;
    const depth = (top[start] as { depth: number }).depth;
    const end = top.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
    return end < 0 ? body.slice(top[start].position!.start.offset!) : slice(top[start], top[end]);
  }
  if (part.block) {
    let found: string | undefined;
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const match = BLOCK_ID.exec(mdastToString(paragraph));
      if (found !== undefined || !match || match[2] !== part.block || !parent || index === undefined) return undefined;
      const alone = mdastToString(paragraph).trim() === `^${part.block}`;
      const node = alone && index > 0 ? parent.children[index - 1] : parent.type === 'listItem' || (match[1] === '\n' && parent.type === 'blockquote') ? parent : paragraph;
      found = slice(node);
      return SKIP;
    });
    return found;
  }
  return body;
}
