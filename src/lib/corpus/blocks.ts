/**
 * A rendered body read as a researcher reads it: blocks (paragraphs, list
 * items, headings) in order, each with the headings it sits under. The text
 * of a body holds one block a line; its headings are blocks of that text too,
 * matched in order. Figures, claim parts, stand-in text and open questions
 * all read bodies this way, worked out once per body.
 */
import type { BodyHeading, RenderedBody } from '../markdown';

export interface BodyBlock {
  text: string;
  /** Set when the block is itself a heading. */
  heading?: BodyHeading;
  /** The headings the block sits under, outermost first (for a heading: those above it). */
  section: BodyHeading[];
}

/**
 * The section each heading opens: the headings it sits under, outermost first, and itself last. A heading
 * closes every section of its depth or deeper above it. The one reading of a body's sections: its blocks
 * (below) and the stances its sections give (stances.ts) both take theirs from here.
 */
export function headingSections(headings: readonly BodyHeading[]): BodyHeading[][] {
  const stack: BodyHeading[] = [];
  return headings.map((heading) => {
    while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    stack.push(heading);
    return [...stack];
  });
}

const cache = new WeakMap<RenderedBody, BodyBlock[]>();

export function bodyBlocks(body: RenderedBody): BodyBlock[] {
  let blocks = cache.get(body);
  if (blocks) return blocks;
  blocks = [];
  const sections = headingSections(body.headings);
  let section: BodyHeading[] = [];
  let next = 0;
  for (const line of body.text.split('\n')) {
    const text = line.trim();
    if (!text) continue;
    const heading = body.headings[next];
    if (heading && text === heading.text.trim()) {
      blocks.push({ text, heading, section: sections[next].slice(0, -1) });
      section = sections[next++];
      continue;
    }
    blocks.push({ text, section: [...section] });
  }
  cache.set(body, blocks);
  return blocks;
}

/** The block of a body that holds a sentence, if any does. */
export function blockOf(body: RenderedBody, sentence: string): BodyBlock | undefined {
  return bodyBlocks(body).find((b) => !b.heading && b.text.includes(sentence));
}
