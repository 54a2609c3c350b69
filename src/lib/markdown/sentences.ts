/**
 * Sentence cutting, with one segmenter. The sentence around a link, cut from
 * the very text a reader sees: a block's inline content is flattened with
 * each wiki link's span recorded, segmented into sentences once, and any
 * span's sentence read off. Then plain text cut into sentences, as the
 * corpus reads bodies block by block (the sentence that states a figure, the
 * lead sentence of a paragraph).
 */
import type { Nodes as MdNodes, Parent as MdParent } from 'mdast';
import type { LinkContext } from '../content/link-context';
import { linkLabel } from './targets';
import type { WikiLink } from './types';

/** The blocks whose inline text forms sentences. */
export const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Text of a block's inline content, with each wiki link's span recorded, so
 * the sentence around a link can be cut from the very text a reader sees.
 */
export function inlineText(block: MdParent): { text: string; spans: Map<WikiLink, [number, number]> } {
  let text = '';
  const spans = new Map<WikiLink, [number, number]>();
  const walk = (node: MdNodes) => {
    if (node.type === 'wikiLink') {
      const start = text.length;
      text += linkLabel(node);
      spans.set(node, [start, text.length]);
    } else if (node.type === 'text' && node.data?.fieldKey) {
      // The key of a stance field is a label beside the sentence, not a word of it.
    } else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') {
      text += node.value;
    } else if (node.type === 'break') {
      text += ' ';
    } else if ('children' in node) {
      for (const child of node.children) walk(child);
    }
  };
  for (const child of block.children) walk(child);
  return { text, spans };
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The sentence holding [start, end). Link labels are masked first: a title
 * such as "Does X help or harm?" must not end the sentence it is cited in.
 */
export function sentenceAround(text: string, spans: Iterable<[number, number]>, start: number, end: number): LinkContext {
  return sentenceFinder(text, spans)(start, end);
}

/** Segments a block's text once; the returned function cuts out the sentence of any span in it. */
export function sentenceFinder(text: string, spans: Iterable<[number, number]>): (start: number, end: number) => LinkContext {
  const chars = [...text.split('')];
  for (const [s, e] of spans) chars.fill('x', s, e);
  const masked = chars.join('');
  const bounds = Array.from(sentenceSegmenter.segment(masked), (seg) => [seg.index, seg.index + seg.segment.length] as const);
  return (start, end) => {
    const at = bounds.findIndex(([s, e]) => start >= s && start < e);
    if (at < 0) return { sentence: text.trim(), start: 0, end: text.trim().length };
    let [from, to] = [bounds[at][0], Math.max(bounds[at][1], end)];
    // A link that is a sentence on its own ("Warmth corrupts. [[Title]].") says why only with its neighbour.
    const bare = (a: number, b: number) => !/[\p{L}\p{N}]{2}/u.test(text.slice(a, start) + text.slice(end, b));
    if (bare(from, to) && at > 0) from = bounds[at - 1][0];
    else if (bare(from, to) && at + 1 < bounds.length) to = bounds[at + 1][1];
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    return { sentence: raw.trim(), start: start - from - lead, end: end - from - lead };
  };
}

/** The sentences of a text, trimmed. */
export function sentencesOf(text: string): string[] {
  return [...sentenceSegmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}

/** The sentence of `text` that holds the offset. */
export function sentenceAt(text: string, offset: number): string {
  for (const s of sentenceSegmenter.segment(text)) {
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
  const segments = [...sentenceSegmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length] as [number, number]);
  let first = segments.findIndex(([, b]) => b > start);
  if (first < 0) first = segments.length - 1;
  let last = first;
  while (last + 1 < segments.length && segments[last][1] < end) last++;
  if (last + 1 < segments.length && segments[last][1] - end <= 1 && /^\s*\(/.test(text.slice(segments[last + 1][0]))) last++;
  return [segments[first][0], segments[last][1]];
}
