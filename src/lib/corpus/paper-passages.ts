/**
 * A paper's text as provenance searches it: passages, one a block, each
 * under the section heading it falls in, with the figures each states and its
 * text folded for quotations, worked out once per paper however many items
 * link to it.
 */
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { bodyBlocks } from './blocks';
import { findFigures, type Figure } from './figures';
import { foldQuote } from './quotations';
import type { CorpusText } from './types';

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

/** A paper's passages, each with the figures it states and its text folded for quotations. */
export interface PaperText {
  passages: { passage: Passage; figures: Figure[]; folded: string }[];
}

const paperTextCache = new WeakMap<CorpusText['bodies'], Map<NodeId, PaperText>>();

/** A paper's passages with their figures and folded text, extracted once per corpus however many items link to the paper. */
export function paperText(corpus: CorpusText, id: NodeId): PaperText {
  let cache = paperTextCache.get(corpus.bodies);
  if (!cache) paperTextCache.set(corpus.bodies, (cache = new Map()));
  let entry = cache.get(id);
  if (!entry) {
    entry = { passages: paperPassages(corpus, id).map((passage) => ({ passage, figures: findFigures(passage.text), folded: foldQuote(passage.text) })) };
    cache.set(id, entry);
  }
  return entry;
}
