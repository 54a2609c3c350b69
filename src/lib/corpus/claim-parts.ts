/**
 * The parts of a claim. A compound claim ("trait-level warmth training
 * corrupts reliability while behavior-level emotion rewards preserve it")
 * says two things, and each can be argued, and grounded, apart.
 *
 * - Cut: at ";", at a dash clause (" — ", " – ", " - ", "--"), then at
 *   "while", "whereas" and "but" (not "but also"). A side of fewer than
 *   three words ("the warmth trap — why …") is a label, not a part.
 * - Declared: a frontmatter list `parts:` replaces the cut.
 * - Told apart: each part by its distinctive words, the words no other part
 *   has. Parts that no word tells apart are read as one.
 * - Assigned: a link goes to the part a `part::` field in its paragraph
 *   names; else the part its paragraph's lead sentence restates; else the
 *   part its section's heading restates; else the claim as a whole.
 */
import type { PartSource } from '../content/stance';
import type { BodyBlock } from './blocks';
import { sentencesOf } from '../markdown/sentences';

/** A side with fewer content words than this is a label or a fragment ("the warmth trap") and stays with its neighbour. */
const MIN_PART_WORDS = 3;

const CLAUSE = /\s*;\s*|\s+(?:—|–|-|--)\s+|—/;
const CONTRAST = /,?\s+(?:while|whereas|but(?!\s+also\b))\s+/i;
const LEADING_CONTRAST = /^(?:while|whereas)\s+([^,]+),\s*(.+)$/i;

const tidy = (s: string) => s.trim().replace(/^[,;:—–-]+\s*|[\s,;:.—–-]+$/g, '');

/** Joins sides too short to be parts onto the side before (or after, for the first). */
function keepParts(sides: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const side of sides.map(tidy).filter(Boolean)) {
    if (contentWords(side).size < MIN_PART_WORDS) {
      if (out.length) out[out.length - 1] = `${out[out.length - 1]} — ${side}`;
      else carry = carry ? `${carry} — ${side}` : side;
      continue;
    }
    out.push(carry ? `${carry} — ${side}` : side);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * A claim cut into its parts; a simple claim is one part.
 *
 * @example
 * splitClaim('A causes B while C prevents D — so E must hold for F') // ['A causes B', 'C prevents D', 'so E must hold for F']
 * splitClaim('the warmth trap — why warm models mislead') // ['the warmth trap — why warm models mislead']
 */
export function splitClaim(claim: string): string[] {
  const sides: string[] = [];
  for (const clause of claim.split(CLAUSE)) {
    const leading = LEADING_CONTRAST.exec(clause.trim());
    for (const piece of leading ? [leading[1], leading[2]] : [clause]) sides.push(...keepParts(piece.split(CONTRAST)));
  }
  const parts = keepParts(sides);
  return parts.length > 0 ? parts : [claim.trim()];
}

const STOP = new Set(
  'a an and are as at be been but by can could do does for from has have how if in into is it its itself may might more most much no nor not of on or our so such than that the their them then there these they this those to too under up very was we were what when where whereas which while who why will with would you your'.split(' '),
);

/** A word folded so "preserves", "preserved" and "preserve" meet; hyphenated words stay whole ("trait-level"). */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.includes('-')) return w;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text, folded. */
export function contentWords(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    if (!STOP.has(m[0]) && m[0].length > 1) found.add(stem(m[0]));
  }
  return found;
}

/** For each part, the words no other part has. */
export function distinctiveWords(parts: string[]): Set<string>[] {
  const all = parts.map(contentWords);
  return all.map((mine, i) => new Set([...mine].filter((w) => all.every((other, j) => j === i || !other.has(w)))));
}

/**
 * Parts that no word tells apart merged into the part they share most with;
 * `merged` names each part folded into another, for a warning.
 */
export function mergeIndistinct(parts: string[]): { parts: string[]; merged: { part: string; into: string }[] } {
  const current = [...parts];
  const merged: { part: string; into: string }[] = [];
  for (;;) {
    if (current.length < 2) break;
    const distinct = distinctiveWords(current);
    const i = distinct.findIndex((d) => d.size === 0);
    if (i < 0) break;
    const mine = contentWords(current[i]);
    let into = i === 0 ? 1 : 0;
    let best = -1;
    current.forEach((p, j) => {
      if (j === i) return;
      const shared = [...contentWords(p)].filter((w) => mine.has(w)).length;
      if (shared > best) [best, into] = [shared, j];
    });
    merged.push({ part: current[i], into: current[into] });
    current[into] = `${current[into]}; ${current[i]}`;
    current.splice(i, 1);
  }
  return { parts: current, merged };
}

/** A hyphenated word ("trait-level") tells parts apart better than a plain one: it counts twice. */
const weight = (w: string) => (w.includes('-') ? 2 : 1);

/**
 * What a sentence must share with a part, in weighted distinctive words, to restate it: two, or one for a
 * heading or a run-in heading ("The ethical design implication."), which names its subject in few words.
 */
const RESTATES = 2;
const RUN_IN_WORDS = 6;

/** The part a sentence restates: the one it shares the most distinctive words with, when that is enough and unique. */
export function restatedPart(sentence: string, distinct: Set<string>[]): number | undefined {
  const mine = contentWords(sentence);
  const scores = distinct.map((d) => [...d].filter((w) => mine.has(w)).reduce((n, w) => n + weight(w), 0));
  const best = Math.max(...scores);
  const needed = sentence.trim().split(/\s+/).length <= RUN_IN_WORDS ? 1 : RESTATES;
  if (best < needed || scores.filter((s) => s === best).length > 1) return undefined;
  return scores.indexOf(best);
}

/** `part:: 2`, `[part:: trait-level]` or `(part:: 1)`: the Dataview field that gives a paragraph's links to a part. */
const PART_FIELD = /(?:^|[[(\s])part::\s*([^\])\n]+?)\s*(?:[\])]|$)/i;

/** Whether a block holds a `part::` field. */
export const hasPartField = (text: string) => PART_FIELD.test(text);

/** The part a `part::` value names: a 1-based number, words of the part's text, or its distinctive words. */
export function namedPart(value: string, parts: string[]): number | undefined {
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const n = Number(v) - 1;
    return n >= 0 && n < parts.length ? n : undefined;
  }
  const written = parts.findIndex((p) => p.toLowerCase().includes(v.toLowerCase()));
  return written >= 0 ? written : restatedPart(v, distinctiveWords(parts));
}

export interface BlockAssignment {
  part?: number;
  from: PartSource;
  /** A `part::` field whose value names no part. */
  unknown?: string;
}

/**
 * Which part a block's links argue, and how that was told. With one part,
 * everything argues the whole claim. `leadSentence` is the block's first
 * sentence as the Markdown layer cut it, when a link opens the block (a
 * title with "?" inside a link does not end a sentence there).
 */
export function assignBlock(block: BodyBlock, parts: string[], distinct: Set<string>[], leadSentence?: string): BlockAssignment {
  if (parts.length < 2) return { from: 'whole' };
  const field = PART_FIELD.exec(block.text);
  if (field) {
    const part = namedPart(field[1], parts);
    if (part !== undefined) return { part, from: 'declared' };
    return { from: 'whole', unknown: field[1].trim() };
  }
  const lead = leadSentence ?? sentencesOf(block.text)[0] ?? '';
  const byParagraph = restatedPart(lead, distinct);
  if (byParagraph !== undefined) return { part: byParagraph, from: 'paragraph' };
  for (const heading of [...block.section].reverse()) {
    const bySection = restatedPart(heading.text, distinct);
    if (bySection !== undefined) return { part: bySection, from: 'section' };
  }
  return { from: 'whole' };
}
