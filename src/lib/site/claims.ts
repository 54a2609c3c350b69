/**
 * The claims of the collection, for `/claims/`: each with its status, its
 * counts and its strongest verified source; and the gaps, where the
 * collection owes an answer: claims nothing supports, and challenges that
 * nothing in turn challenges or qualifies.
 */
import type { NodeId } from '../content/ids';
import { CLAIM_STATUSES, type ClaimStatus, type StanceCounts } from '../content/stance';
import type { Corpus } from '../corpus';
import type { GraphNode } from '../graph/graph';

export interface ClaimRow {
  node: GraphNode;
  status: ClaimStatus;
  counts: StanceCounts;
  /** The paper whose text verifies most of what the item states, if any does. */
  strongestSource?: { node: GraphNode; passages: number };
}

export interface UnansweredChallenge {
  claim: GraphNode;
  challenger: GraphNode;
}

export interface ClaimsIndex {
  rows: ClaimRow[];
  byStatus: Record<ClaimStatus, number>;
  unsupported: ClaimRow[];
  unanswered: UnansweredChallenge[];
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
    rows.push({ node, status: node.status, counts: node.stanceCounts, strongestSource: strongest });
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
  return { rows, byStatus, unsupported: rows.filter((r) => r.counts.supports === 0), unanswered };
}

/** A challenge is answered when some other item challenges or qualifies the challenger in turn. */
function isAnswered(corpus: Corpus, challenger: NodeId, claim: NodeId): boolean {
  return (corpus.graph.incoming.get(challenger) ?? []).some((e) => e.source !== claim && (e.stance === 'challenges' || e.stance === 'qualifies'));
}
