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

const cache = new WeakMap<RenderedBody, BodyBlock[]>();

export function bodyBlocks(body: RenderedBody): BodyBlock[] {
  let blocks = cache.get(body);
  if (blocks) return blocks;
  blocks = [];
  const stack: BodyHeading[] = [];
  let next = 0;
  for (const line of body.text.split('\n')) {
    const text = line.trim();
    if (!text) continue;
    const heading = body.headings[next];
    if (heading && text === heading.text.trim()) {
      next++;
      while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
      blocks.push({ text, heading, section: [...stack] });
      stack.push(heading);
      continue;
    }
    blocks.push({ text, section: [...stack] });
  }
  cache.set(body, blocks);
  return blocks;
}

/** The block of a body that holds a sentence, if any does. */
export function blockOf(body: RenderedBody, sentence: string): BodyBlock | undefined {
  return bodyBlocks(body).find((b) => !b.heading && b.text.includes(sentence));
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a text, trimmed. */
export function sentencesOf(text: string): string[] {
  return [...sentences.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

/** The sentence of `text` that holds the offset. */
export function sentenceAt(text: string, offset: number): string {
  for (const s of sentences.segment(text)) {
    if (offset >= s.index && offset < s.index + s.segment.length) return s.segment.trim();
  }
  return text.trim();
}

/**
 * The sentence around a link, as offsets into the text it was cut from: the sentences the link's span
 * touches (a title with "?" inside a link does not end a sentence there), and a parenthesis right after the
 * link ("[[X]] (RLVER) shows…") kept with it.
 */
export function linkSentenceRange(text: string, start: number, end: number): [number, number] {
  const segments = [...sentences.segment(text)].map((s) => [s.index, s.index + s.segment.length] as [number, number]);
  let first = segments.findIndex(([, b]) => b > start);
  if (first < 0) first = segments.length - 1;
  let last = first;
  while (last + 1 < segments.length && segments[last][1] < end) last++;
  if (last + 1 < segments.length && segments[last][1] - end <= 1 && /^\s*\(/.test(text.slice(segments[last + 1][0]))) last++;
  return [segments[first][0], segments[last][1]];
}
