/** What an item page shows of its evidence: the trail of its claim and the provenance of its figures. */
import type { NodeId } from '../content/ids';
import type { Corpus } from '../corpus';
import { figureProvenance, type ProvenanceReport } from '../corpus/figures';
import { evidenceTrail, trimTrail, type Trail } from '../graph/trail';

export interface EvidenceModel {
  /** For a note with a claim, or a line: how it rests on notes and papers. */
  trail?: { trail: Trail; subject: string };
  /** For a note or a line that states figures. */
  figures?: ProvenanceReport;
}

export function evidenceModel(corpus: Corpus, id: NodeId): EvidenceModel {
  const node = corpus.graph.nodes.get(id);
  if (!node || node.kind === 'paper') return {};
  const model: EvidenceModel = {};
  const subject = node.kind === 'note' ? node.claim : node.title;
  if (subject) {
    const trail = evidenceTrail(corpus.graph, id);
    if (trail && trail.root.children.length > 0) model.trail = { trail: trimTrail(trail), subject };
  }
  const figures = figureProvenance(corpus, id);
  if (figures.figures.length > 0) model.figures = figures;
  return model;
}
