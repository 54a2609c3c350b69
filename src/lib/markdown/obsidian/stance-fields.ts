/**
 * Dataview inline fields that declare a stance, in the three forms Obsidian
 * users write: a whole line `supports:: [[X]], [[Y]]`, or inside a sentence
 * `[challenges:: [[Y]]]` (key shown) and `(qualifies:: [[Z]])` (key hidden).
 * Every wiki link in the field's value gets the field's stance
 * (`data.stance`); the field syntax leaves the text, so the rest of the
 * sentence reads as written and stays the link's context. Keys come from the
 * one synonym table (`STANCE_FIELDS`); any other `key::` field is left as text.
 *
 * Reads `file.data.lineOffset`; writes `file.data.stanceFields`.
 */
import type { Parents, Root as MdRoot, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { stanceOfField, type Stance } from '../../content/stance';

/** A stance field as written: its key, its stance, its line (in the body), and how many links its value holds. */
export interface StanceFieldMark {
  key: string;
  stance: Stance;
  line: number;
  links: number;
}

declare module 'vfile' {
  interface DataMap {
    stanceFields: StanceFieldMark[];
  }
}

declare module 'mdast' {
  interface TextData {
    /** The shown key of a stance field: a label, not part of any sentence. */
    fieldKey?: Stance;
  }
}

/** `key::` at a line start, `[key::` or `(key::` anywhere: the key is letters, digits, spaces, `_` and `-`. */
const OPENER = /(^|\n)[ \t]*([\p{L}][\p{L}\p{N}_ -]*?)::[ \t]*|([[(])[ \t]*([\p{L}][\p{L}\p{N}_ -]*?)::[ \t]*/gu;
const CLOSER = { line: '\n', bracket: ']', paren: ')' } as const;
type Form = keyof typeof CLOSER;

interface OpenField {
  mark: StanceFieldMark;
  form: Form;
}

export const remarkStanceFields: Plugin<[], MdRoot> = () => (tree, file) => {
  const fields: StanceFieldMark[] = [];
  visit(tree, (node) => {
    if (!('children' in node) || !node.children.some((c) => c.type === 'text' && c.value.includes('::'))) return;
    rewrite(node, fields, file.data.lineOffset ?? 0);
  });
  file.data.stanceFields = fields;
};

/** Rewrites one parent's children: field syntax out, key labels in, stances on the links of each value. */
function rewrite(parent: Parents, fields: StanceFieldMark[], lineOffset: number): void {
  const out: RootContent[] = [];
  let open: OpenField | undefined;
  const close = () => {
    if (open) fields.push(open.mark);
    open = undefined;
  };
  parent.children.forEach((child, index) => {
    if (child.type !== 'text') {
      if (open) markLinks(child, open.mark);
      out.push(child);
      return;
    }
    const value = child.value;
    const line = (child.position?.start.line ?? 1) + lineOffset;
    const lineAt = (offset: number) => line + (value.slice(0, offset).match(/\n/g)?.length ?? 0);
    const emit = (text: string) => {
      if (text) out.push({ type: 'text', value: text });
    };
    let at = 0;
    while (at <= value.length) {
      if (open) {
        const end = value.indexOf(CLOSER[open.form], at);
        if (end < 0) {
          emit(value.slice(at));
          break;
        }
        // A line field ends before its newline, which stays; a bracket or parenthesis is dropped.
        emit(value.slice(at, end));
        at = open.form === 'line' ? end : end + 1;
        close();
        continue;
      }
      OPENER.lastIndex = at;
      const match = OPENER.exec(value);
      if (!match) {
        emit(value.slice(at));
        break;
      }
      const lineForm = match[2] !== undefined;
      const key = lineForm ? match[2] : match[4];
      const stance = stanceOfField(key);
      // A line field must open its line: at the start of the paragraph or after a line break.
      const startsLine = !lineForm || match[1] === '\n' || (match.index === 0 && index === 0);
      if (!stance || !startsLine) {
        const keep = match.index + match[0].length;
        emit(value.slice(at, keep));
        at = keep;
        continue;
      }
      const form: Form = lineForm ? 'line' : match[3] === '[' ? 'bracket' : 'paren';
      emit(value.slice(at, match.index) + (lineForm ? match[1] : ''));
      if (form !== 'paren') {
        out.push({ type: 'text', value: key.trim(), data: { fieldKey: stance, hName: 'span', hProperties: { className: ['field-key'], dataStance: stance } } });
        out.push({ type: 'text', value: ' ', data: { fieldKey: stance } });
      }
      open = { form, mark: { key: key.trim(), stance, line: lineAt(match.index + (match[1]?.length ?? 0)), links: 0 } };
      at = match.index + match[0].length;
    }
  });
  // A line field ends with its paragraph; an unclosed bracket is read the same way.
  close();
  Object.assign(parent, { children: out });
}

function markLinks(node: RootContent, mark: StanceFieldMark): void {
  visit(node, 'wikiLink', (link) => {
    link.data.stance = mark.stance;
    mark.links++;
  });
}
