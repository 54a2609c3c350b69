/**
 * Verified evidence: the last source of a stance (stances.ts). An item's
 * figures and quotations found in a paper's text (provenance.ts) make that
 * paper evidence for the item's claim, with the stance of the sentence that
 * states them.
 */
import type { NodeId } from '../content/ids';
import type { Stance } from '../content/stance';
import type { GraphBuilder, VerifiedPassage } from '../graph/graph';
import { provenance } from './provenance';
import type { CorpusText, ProvenanceReport } from './types';

/**
 * Verified evidence: for every item with a claim, its figures and quotations
 * looked up in its papers' text. A paper that states one becomes evidence
 * with the stance of the sentence: on the edge the item already has to it
 * (which keeps a stronger stance it has), else on a new `evidence` edge.
 */
export function verifyEvidence(corpus: CorpusText, claimed: NodeId[], builder: GraphBuilder): Map<NodeId, ProvenanceReport> {
  const reports = new Map<NodeId, ProvenanceReport>();
  for (const id of claimed) {
    const report = provenance(corpus, id);
    reports.set(id, report);
    const found: { paper: NodeId; stance: Stance; passage: VerifiedPassage }[] = [];
    for (const f of report.figures) {
      for (const s of f.sources) found.push({ paper: s.paper.id, stance: f.stance, passage: { sentence: f.sentence, quote: f.figure.raw, passage: s.passage, section: s.section } });
    }
    for (const q of report.quotes) {
      for (const s of q.sources) found.push({ paper: s.paper.id, stance: q.stance, passage: { sentence: q.sentence, quote: q.quote, passage: s.passage, section: s.section } });
    }
    for (const { paper, stance, passage } of found) {
      const direct = (corpus.graph.outgoing.get(id) ?? []).find((e) => e.target === paper && e.type !== 'source' && e.type !== 'next');
      const edge = builder.addEdge(id, paper, direct?.type ?? 'evidence', { stance: { stance, from: 'verified' } });
      edge.passages ??= [];
      if (!edge.passages.some((p) => p.quote === passage.quote && p.passage === passage.passage)) edge.passages.push(passage);
    }
  }
  return reports;
}
