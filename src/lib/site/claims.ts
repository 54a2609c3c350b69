/**
 * The claims of the collection, for `/claims/`: each with its status, its
 * grounding, its counts and its strongest verified source; and the gaps,
 * where the collection owes an answer: claims nothing supports, claims and
 * parts no paper passage grounds, challenges that nothing in turn challenges
 * or qualifies, and the questions items leave open.
 */
import type { NodeId } from '../content/ids';
import { CLAIM_STATUSES, GROUNDINGS, groundingStrength, type ClaimStatus, type Grounding, type StanceCounts } from '../content/stance';
import type { Corpus } from '../corpus';
import type { GraphNode } from '../graph/graph';
import { claimTrails, verifiedPapers } from './evidence';

export interface ClaimRow {
  node: GraphNode;
  status: ClaimStatus;
  counts: StanceCounts;
  grounding: Grounding;
  /** Papers whose passages verify it. */
  papers: number;
  /** The paper whose text verifies most of what the item states, if any does. */
  strongestSource?: { node: GraphNode; passages: number };
}

export interface UnansweredChallenge {
  claim: GraphNode;
  challenger: GraphNode;
}

/** A claim, or one part of a compound claim, that no paper passage states. */
export interface UngroundedClaim {
  node: GraphNode;
  /** The part's text and 1-based number, for a part of a compound claim. */
  part?: string;
  partNumber?: number;
  grounding: Grounding;
}

export interface OpenQuestion {
  node: GraphNode;
  question: string;
}

export interface ClaimsIndex {
  rows: ClaimRow[];
  byStatus: Record<ClaimStatus, number>;
  byGrounding: Record<Grounding, number>;
  unsupported: ClaimRow[];
  /** Claims and parts not grounded in any passage, weakest first. */
  ungrounded: UngroundedClaim[];
  unanswered: UnansweredChallenge[];
  openQuestions: OpenQuestion[];
}

const statusOrder = (s: ClaimStatus) => CLAIM_STATUSES.indexOf(s);

const computed = new WeakMap<Corpus, ClaimsIndex>();

/** The claims of a corpus, computed once however many of `/claims/`'s pages render. */
export function claimsIndex(corpus: Corpus): ClaimsIndex {
  return computed.get(corpus) ?? computed.set(corpus, buildClaimsIndex(corpus)).get(corpus)!;
}

function buildClaimsIndex(corpus: Corpus): ClaimsIndex {
  const { graph } = corpus;
  const rows: ClaimRow[] = [];
  for (const node of graph.nodes.values()) {
    if (!node.status || !node.stanceCounts) continue;
    let strongest: ClaimRow['strongestSource'];
    for (const edge of graph.outgoing.get(node.id) ?? []) {
      const passages = edge.passages?.length ?? 0;
      if (passages > (strongest?.passages ?? 0)) strongest = { node: graph.nodes.get(edge.target)!, passages };
    }
    // Else the paper a chain through unwritten items ends at most often.
    if (!strongest) {
      const ends = new Map<NodeId, number>();
      for (const t of claimTrails(node)) if (t.passage) ends.set(t.passage.paper, (ends.get(t.passage.paper) ?? 0) + 1);
      const [paper, passages] = [...ends].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (paper) strongest = { node: graph.nodes.get(paper)!, passages: passages! };
    }
    rows.push({ node, status: node.status, counts: node.stanceCounts, grounding: node.grounding ?? 'none', papers: verifiedPapers(claimTrails(node)), strongestSource: strongest });
  }
  rows.sort((a, b) => statusOrder(a.status) - statusOrder(b.status) || a.node.title.localeCompare(b.node.title));
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<ClaimStatus, number>;
  const unanswered: UnansweredChallenge[] = [];
  for (const row of rows) {
    for (const edge of graph.outgoing.get(row.node.id) ?? []) {
      if (edge.stance === 'challenges' && !isAnswered(corpus, edge.target, row.node.id)) {
        unanswered.push({ claim: row.node, challenger: graph.nodes.get(edge.target)! });
      }
    }
  }
  const byGrounding = Object.fromEntries(GROUNDINGS.map((g) => [g, rows.filter((r) => r.grounding === g).length])) as Record<Grounding, number>;
  const ungrounded: UngroundedClaim[] = [];
  for (const { node, grounding } of rows) {
    const parts = node.parts ?? [];
    if (parts.length > 1) {
      parts.forEach((part, i) => {
        if (part.grounding !== 'verified') ungrounded.push({ node, part: part.text, partNumber: i + 1, grounding: part.grounding });
      });
    } else if (grounding !== 'verified') ungrounded.push({ node, grounding });
  }
  ungrounded.sort((a, b) => groundingStrength(b.grounding) - groundingStrength(a.grounding) || a.node.title.localeCompare(b.node.title));
  const openQuestions = [...graph.nodes.values()].flatMap((node) => (node.openQuestions ?? []).map((question) => ({ node, question })));
  return { rows, byStatus, byGrounding, unsupported: rows.filter((r) => r.counts.supports === 0), ungrounded, unanswered, openQuestions };
}

/** A challenge is answered when some other item challenges or qualifies the challenger in turn. */
function isAnswered(corpus: Corpus, challenger: NodeId, claim: NodeId): boolean {
  return (corpus.graph.incoming.get(challenger) ?? []).some((e) => e.source !== claim && (e.stance === 'challenges' || e.stance === 'qualifies'));
}
