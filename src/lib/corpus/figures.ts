/**
 * Provenance: the numbers an item states ("+8.6pp", "19.4%", "10-30
 * percentage points", "p < 0.001", "β = 0.4266") and the quotations it gives
 * in quotation marks, found again in the text of the papers it links to or
 * lists as related, directly or one step away: by value and unit for
 * figures, word for word for quotations, with the section and the sentence
 * that state them. A match is what makes a stance `verified`.
 */
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { headingStance, type Stance } from '../content/stance';
import type { Graph, GraphNode } from '../graph/graph';
import type { RenderedBody } from '../markdown';
import { bodyBlocks, sentenceAt } from './blocks';

export { sentenceAt } from './blocks';

/** What provenance reads of a corpus; the corpus build calls it before the corpus is whole. */
export interface CorpusText {
  documents: Map<NodeId, Document>;
  bodies: Map<NodeId, RenderedBody>;
  graph: Graph;
}

/** `pp` percentage points, `%` percent, `p` a p-value, `stat` a named statistic such as β or r. */
export type FigureUnit = 'pp' | '%' | 'p' | 'stat';

export interface Figure {
  /** The figure as written. */
  raw: string;
  unit: FigureUnit;
  /** The value, or the lower bound of a range; signs are not part of it ("+8.6pp" is 8.6). */
  value: number;
  /** The upper bound of a range. */
  upper?: number;
  /** `<`, `=`, `≤`… for p-values. */
  comparator?: string;
  /** The statistic's name, folded (`β`, `r`, `n`…). */
  name?: string;
  /** Decimal places as written, which decides how a rounded figure may match. */
  decimals: number;
  /** Offsets in the text it was found in. */
  start: number;
  end: number;
}

const NUM = String.raw`\d+(?:\.\d+)?|\.\d+`;
const SIGN = String.raw`[+\-−]?`;
const PP = String.raw`(?:pp\b|p\.p\.|percentage[\s-]points?\b|percent(?:age)?[\s-]point\b)`;
const PCT = String.raw`(?:%|\s?per\s?cent\b)`;
const UNIT = `(${PP}|${PCT})`;
const DASH = String.raw`\s*(?:-|–|—|to)\s*`;
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{N}.])`;

/** Ranges first, so "10-30 pp" is one figure rather than "30 pp". */
const PATTERNS: { unit: 'range' | 'single' | 'p' | 'stat'; re: RegExp }[] = [
  { unit: 'range', re: new RegExp(`${NOT_IN_WORD}${SIGN}(${NUM})\\s*(?:${PP}|${PCT})?${DASH}${SIGN}(${NUM})\\s*${UNIT}`, 'giu') },
  { unit: 'single', re: new RegExp(`${NOT_IN_WORD}${SIGN}(${NUM})\\s*${UNIT}`, 'giu') },
  { unit: 'p', re: new RegExp(String.raw`(?<![\p{L}\p{N}])p\s*(<=|>=|[<>=≤≥])\s*(${NUM}(?:e-?\d+)?)`, 'gu') },
  { unit: 'stat', re: new RegExp(String.raw`(?<![\p{L}\p{N}])(β|beta|ρ|rho|r|d|OR|HR|n|N|t|F)\s*=\s*(${SIGN}(?:${NUM}))`, 'gu') },
];

const decimalsOf = (n: string) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0);
const unitOf = (u: string): 'pp' | '%' => (/^\s*(%|per\s?cent)$/i.test(u) ? '%' : 'pp');
const STAT_NAMES: Record<string, string> = { beta: 'β', rho: 'ρ', N: 'n' };

/** Every figure in a text, in reading order, none overlapping another. */
export function findFigures(text: string): Figure[] {
  const found: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const { unit, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const raw = m[0].trimEnd();
      const end = start + raw.length;
      if (!free(start, end)) continue;
      let figure: Figure;
      if (unit === 'range') {
        const [lo, hi] = [Number(m[1]), Number(m[2])];
        if (!(hi > lo)) continue; // "2020-2024 %" and other accidents of punctuation.
        figure = { raw, unit: unitOf(m[3]), value: lo, upper: hi, decimals: Math.max(decimalsOf(m[1]), decimalsOf(m[2])), start, end };
      } else if (unit === 'single') {
        figure = { raw, unit: unitOf(m[2]), value: Number(m[1]), decimals: decimalsOf(m[1]), start, end };
      } else if (unit === 'p') {
        figure = { raw, unit: 'p', comparator: m[1].replace('<=', '≤').replace('>=', '≥'), value: Number(m[2]), decimals: decimalsOf(m[2]), start, end };
      } else {
        const value = m[2].replace('−', '-');
        figure = { raw, unit: 'stat', name: STAT_NAMES[m[1]] ?? STAT_NAMES[m[1].toLowerCase()] ?? m[1], value: Math.abs(Number(value)), decimals: decimalsOf(value), start, end };
      }
      found.push(figure);
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Two figures that say the same thing, whatever the spelling; keys a note's figures so each is checked once. */
export const figureKey = (f: Figure) => [f.unit, f.name ?? '', f.comparator ?? '', f.value, f.upper ?? ''].join('|');

const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * How a stated figure relates to one found in a source: `exact` when the
 * values are equal, `rounded` when the statement is the source's value
 * rounded to the places the statement gives ("19%" for "19.4%"), else none.
 */
export function compareFigures(stated: Figure, source: Figure): 'exact' | 'rounded' | undefined {
  if (stated.unit !== source.unit || stated.name !== source.name || stated.comparator !== source.comparator) return undefined;
  if ((stated.upper === undefined) !== (source.upper === undefined)) return undefined;
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (same(stated.value, source.value) && (stated.upper === undefined || same(stated.upper, source.upper!))) return 'exact';
  if (stated.unit === 'p' || stated.decimals >= source.decimals) return undefined;
  const rounds = (a: number, b: number) => same(roundTo(b, stated.decimals), a);
  if (rounds(stated.value, source.value) && (stated.upper === undefined || rounds(stated.upper, source.upper!))) return 'rounded';
  return undefined;
}

/** A stretch of a paper's text under one section heading. */
export interface Passage {
  section?: { text: string; anchor: string };
  text: string;
}

/**
 * A paper's text as passages, one a block, each under the heading it falls
 * in. The abstract counts as the paper's text; a summary written about the
 * paper does not, since a figure found only there was never stated by the authors.
 */
export function paperPassages(corpus: CorpusText, id: NodeId): Passage[] {
  const passages: Passage[] = [];
  const doc = corpus.documents.get(id) as Document<'paper'> | undefined;
  if (doc?.data.abstract) passages.push({ section: { text: 'Abstract', anchor: 'abstract-heading' }, text: doc.data.abstract });
  const body = corpus.bodies.get(id);
  if (!body) return passages;
  for (const block of bodyBlocks(body)) {
    if (block.heading) continue;
    const heading = block.section[block.section.length - 1];
    passages.push({ section: heading && { text: heading.text, anchor: heading.anchor }, text: block.text });
  }
  return passages;
}

export interface FigureSource {
  paper: GraphNode;
  section?: { text: string; anchor: string };
  /** The sentence of the paper that states the figure. */
  passage: string;
  /** The figure as the paper writes it. */
  stated: string;
  match: 'exact' | 'rounded';
  /** 1 for a paper the item links to, 2 for one a linked item links to. */
  distance: 1 | 2;
}

export interface FigureProvenance {
  figure: Figure;
  /** The sentence of the item that states the figure. */
  sentence: string;
  /** What the sentence does for the item's claim: from a stance field in it, else its section, else it argues the claim. */
  stance: Stance;
  /** Where the figure is stated, best first: exact matches, then nearer papers. */
  sources: FigureSource[];
}

/** A quotation an item gives, in quotation marks, and where its papers say it word for word. */
export interface QuoteProvenance {
  quote: string;
  sentence: string;
  stance: Stance;
  sources: Omit<FigureSource, 'stated' | 'match'>[];
}

export interface ProvenanceReport {
  figures: FigureProvenance[];
  quotes: QuoteProvenance[];
  /** The papers with text that were searched, nearest first. */
  searched: { paper: GraphNode; distance: 1 | 2 }[];
}

/** Papers an item links to (distance 1) and papers its linked items link to (distance 2), each once at its nearest. */
export function linkedPapers(corpus: CorpusText, id: NodeId): { paper: GraphNode; distance: 1 | 2 }[] {
  const { graph } = corpus;
  const papersOf = directPapers(graph);
  const found = new Map<NodeId, 1 | 2>();
  const firstHop = new Set((graph.outgoing.get(id) ?? []).map((e) => e.target));
  firstHop.delete(id);
  for (const t of papersOf(id)) found.set(t, 1);
  for (const t of firstHop) {
    for (const paper of papersOf(t)) if (paper !== id && !found.has(paper)) found.set(paper, 2);
  }
  return [...found].map(([paperId, distance]) => ({ paper: graph.nodes.get(paperId)!, distance }));
}

const directPapersCache = new WeakMap<Graph, (id: NodeId) => readonly NodeId[]>();

/**
 * The papers each item links to, in link order, each once: worked out once per item and graph. Every item's
 * second hop reads its neighbours' lists, so a neighbour with many links (a line, a hub note) is scanned once
 * rather than once for every item that links to it.
 */
function directPapers(graph: Graph): (id: NodeId) => readonly NodeId[] {
  let papersOf = directPapersCache.get(graph);
  if (!papersOf) {
    const lists = new Map<NodeId, NodeId[]>();
    papersOf = (id) => {
      let list = lists.get(id);
      if (!list) {
        const distinct = new Set<NodeId>();
        for (const e of graph.outgoing.get(id) ?? []) if (e.target !== id && graph.nodes.get(e.target)!.kind === 'paper') distinct.add(e.target);
        lists.set(id, (list = [...distinct]));
      }
      return list;
    };
    directPapersCache.set(graph, papersOf);
  }
  return papersOf;
}

interface PaperText {
  passages: { passage: Passage; figures: Figure[]; folded: string }[];
}

const paperTextCache = new WeakMap<CorpusText['bodies'], Map<NodeId, PaperText>>();

/** A paper's passages with their figures and folded text, extracted once per corpus however many items link to the paper. */
function paperText(corpus: CorpusText, id: NodeId): PaperText {
  let cache = paperTextCache.get(corpus.bodies);
  if (!cache) paperTextCache.set(corpus.bodies, (cache = new Map()));
  let entry = cache.get(id);
  if (!entry) {
    entry = { passages: paperPassages(corpus, id).map((passage) => ({ passage, figures: findFigures(passage.text), folded: foldQuote(passage.text) })) };
    cache.set(id, entry);
  }
  return entry;
}

/** A block of an item's own text, and the stance its place gives what it states. */
interface StatedBlock {
  text: string;
  stance: Stance;
}

/**
 * The text of an item in which its figures and quotations are looked for:
 * claim, summary and body, each body block with the stance of the section it
 * falls in (a figure under "The Counter-Evidence" challenges the claim).
 */
function statedText(corpus: CorpusText, id: NodeId): StatedBlock[] {
  const node = corpus.graph.nodes.get(id);
  const blocks: StatedBlock[] = [node?.claim, node?.summary].filter((t): t is string => !!t?.trim()).map((text) => ({ text, stance: 'supports' }));
  const body = corpus.bodies.get(id);
  if (!body) return blocks;
  for (const block of bodyBlocks(body)) {
    if (block.heading) continue;
    // The innermost heading that names a stance gives the block its stance (a figure under "The Counter-Evidence" challenges the claim).
    const section = [...block.section].reverse().map((h) => headingStance(h.text)).find(Boolean);
    blocks.push({ text: block.text, stance: section ?? 'supports' });
  }
  return blocks;
}

/** A sentence's stance: a stance field in it wins over its section's. */
function sentenceStance(corpus: CorpusText, id: NodeId, sentence: string, section: Stance): Stance {
  const declared = corpus.bodies.get(id)?.links.find((l) => l.stance && sentence.includes(l.context.sentence));
  return declared?.stance ?? section;
}

const QUOTE = /[“"«]([^“”"«»\n]{12,600}?)[”"»]/g;
const MIN_QUOTE_WORDS = 4;

/** Quotations in a text: words in quotation marks, four or more (shorter ones are terms, not quotations). */
export function findQuotations(text: string): { quote: string; start: number }[] {
  return [...text.matchAll(QUOTE)]
    .map((m) => ({ quote: m[1].trim(), start: m.index! }))
    .filter(({ quote }) => quote.split(/\s+/).length >= MIN_QUOTE_WORDS);
}

/** Text folded for word-for-word comparison: case, quote and dash styles, whitespace and ellipses set aside. */
export function foldQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every distinct figure and quotation an item states, each with where its papers state it (or nowhere). */
export function provenance(corpus: CorpusText, id: NodeId): ProvenanceReport {
  const searched = linkedPapers(corpus, id).filter(({ paper }) => paperText(corpus, paper.id).passages.length > 0);
  const seen = new Set<string>();
  const figures: FigureProvenance[] = [];
  const quotes: QuoteProvenance[] = [];
  for (const block of statedText(corpus, id)) {
    for (const figure of findFigures(block.text)) {
      const key = figureKey(figure);
      if (seen.has(key)) continue;
      seen.add(key);
      const sources: FigureSource[] = [];
      for (const { paper, distance } of searched) {
        for (const { passage, figures: stated } of paperText(corpus, paper.id).passages) {
          for (const candidate of stated) {
            const match = compareFigures(figure, candidate);
            if (!match) continue;
            const sentence = sentenceAt(passage.text, candidate.start);
            // An abstract is often repeated as the opening of the full text: one source, not two.
            if (sources.some((s) => s.paper === paper && s.passage === sentence)) continue;
            sources.push({ paper, section: passage.section, passage: sentence, stated: candidate.raw, match, distance });
          }
        }
      }
      sources.sort((a, b) => Number(a.match === 'rounded') - Number(b.match === 'rounded') || a.distance - b.distance);
      const sentence = sentenceAt(block.text, figure.start);
      figures.push({ figure, sentence, stance: sentenceStance(corpus, id, sentence, block.stance), sources });
    }
    for (const { quote, start } of findQuotations(block.text)) {
      const folded = foldQuote(quote);
      if (seen.has(`quote|${folded}`)) continue;
      seen.add(`quote|${folded}`);
      const sources: QuoteProvenance['sources'] = [];
      for (const { paper, distance } of searched) {
        for (const { passage, folded: text } of paperText(corpus, paper.id).passages) {
          const at = text.indexOf(folded);
          if (at < 0) continue;
          const sentence = sentenceAt(passage.text, Math.min(at, passage.text.length - 1));
          if (!sources.some((s) => s.paper === paper && s.passage === sentence)) sources.push({ paper, section: passage.section, passage: sentence, distance });
        }
      }
      sources.sort((a, b) => a.distance - b.distance);
      const sentence = sentenceAt(block.text, start);
      quotes.push({ quote, sentence, stance: sentenceStance(corpus, id, sentence, block.stance), sources });
    }
  }
  return { figures, quotes, searched };
}
