/**
 * Dataview inline fields, collected for queries: a whole line `key:: value`,
 * or inside a sentence `[key:: value]` and `(key:: value)`. Every key is
 * collected, stance keys included; the text is left as written (stance fields
 * are rewritten afterwards by stance-fields.ts). A value is kept as written,
 * its wiki links as `[[target]]`: what a value means (a link, a number, a
 * date) is decided where queries read it (corpus/dataview/fields.ts).
 *
 * Reads `file.data.lineOffset`; writes `file.data.inlineFields`.
 */
import type { Parent, Root as MdRoot, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { TEXT_BLOCKS } from '../sentences';
import type { InlineField } from '../types';


declare module 'vfile' {
  interface DataMap {
    inlineFields: InlineField[];
  }
}

const KEY = String.raw`([\p{L}][\p{L}\p{N}_ -]*?)`;
/** `[key:: value]` or `(key:: value)`; a value may hold `[[links]]` but no other bracket of its own kind. */
const IN_SENTENCE = new RegExp(String.raw`\[\s*${KEY}::\s*((?:\[\[[^\]]*\]\]|[^\[\]])*)\]|\(\s*${KEY}::\s*((?:\[\[[^\]]*\]\]|[^()])*)\)`, 'gu');
const WHOLE_LINE = new RegExp(String.raw`^\s*${KEY}::\s*(.*)$`, 'u');

export const remarkInlineFields: Plugin<[], MdRoot> = () => (tree, file) => {
  const offset = file.data.lineOffset ?? 0;
  const fields: InlineField[] = [];
  visit(tree, (node) => {
    if (!TEXT_BLOCKS.has(node.type)) return undefined;
    const text = written(node as Parent);
    if (!text.includes('::')) return 'skip';
    const first = (node.position?.start.line ?? 1) + offset;
    text.split('\n').forEach((line, i) => {
      const whole = WHOLE_LINE.exec(line);
      // A line that opens with a bracketed field is read as in-sentence fields, not as one line field.
      if (whole && !/^\s*[[(]/.test(line)) {
        fields.push({ key: whole[1].trim(), value: whole[2].trim(), line: first + i });
        return;
      }
      for (const m of line.matchAll(IN_SENTENCE)) fields.push({ key: (m[1] ?? m[3]).trim(), value: (m[2] ?? m[4]).trim(), line: first + i });
    });
    return 'skip';
  });
  if (fields.length) file.data.inlineFields = fields;
};

/** A block's inline content as its author wrote the parts a field's value is made of: text, code, and links as `[[target]]`. */
function written(parent: Parent): string {
  let out = '';
  const walk = (node: RootContent) => {
    if (node.type === 'wikiLink') out += `[[${node.value}]]`;
    else if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += '\n';
    else if ('children' in node) for (const child of node.children) walk(child as RootContent);
  };
  for (const child of parent.children) walk(child as RootContent);
  return out;
}
