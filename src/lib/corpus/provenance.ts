/**
 * Provenance: the figures an item states and the quotations it gives in
 * quotation marks, found again in the text of the papers it links to or
 * lists as related, directly or one step away (`linkedPapers`): by value and
 * unit for figures (figures.ts), word for word for quotations
 * (quotations.ts), with the section and the sentence of the paper
 * (paper-passages.ts) that state them. A match is what makes a stance
 * `verified` (verified-evidence.ts).
 */
import type { NodeId } from '../content/ids';
import type { Stance } from '../content/stance';
import { linkedPapers } from '../graph/walks';
import { sentenceAt } from '../markdown/sentences';
import { bodyBlocks } from './blocks';
import { compareFigures, figureKey, findFigures } from './figures';
import { paperText } from './paper-passages';
import { findQuotations, foldQuote } from './quotations';
import { sectionStance } from './stances';
import type { CorpusText, FigureProvenance, FigureSource, ProvenanceReport, QuoteProvenance } from './types';

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
    if (!block.heading) blocks.push({ text: block.text, stance: sectionStance(block.section) ?? 'supports' });
  }
  return blocks;
}

/** A sentence's stance: a stance field in it wins over its section's. */
function sentenceStance(corpus: CorpusText, id: NodeId, sentence: string, section: Stance): Stance {
  const declared = corpus.bodies.get(id)?.links.find((l) => l.stance && sentence.includes(l.context.sentence));
  return declared?.stance ?? section;
}

/** Every distinct figure and quotation an item states, each with where its papers state it (or nowhere). */
export function provenance(corpus: CorpusText, id: NodeId): ProvenanceReport {
  const searched = linkedPapers(corpus.graph, id).filter(({ paper }) => paperText(corpus, paper.id).passages.length > 0);
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

/**
 * Adds to `reports` (the claims', which verified their evidence) the provenance of every other item but a
 * paper that states a figure or a quotation, read on the finished graph: what an item page shows of them.
 */
export function addStatedProvenance(corpus: CorpusText, reports: Map<NodeId, ProvenanceReport>): void {
  for (const node of corpus.graph.nodes.values()) {
    if (node.kind === 'paper' || reports.has(node.id)) continue;
    const report = provenance(corpus, node.id);
    if (report.figures.length > 0 || report.quotes.length > 0) reports.set(node.id, report);
  }
}
