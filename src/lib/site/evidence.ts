/**
 * What an item page shows of its evidence. For an item with a claim: what
 * supports it, what challenges it and what qualifies it, each with its
 * sentence, where the stance came from and any verified passage; one step
 * further, what each cited note's own claim rests on; and how much of its
 * list is only related reading. For any note or line: where its figures and
 * quotations are stated. Every list is capped, with counts of the rest, so a
 * hub's section stays small (measured: under 20 KB of HTML at 10,000 notes).
 */
import type { NodeId, SitePath } from '../content/ids';
import { STANCES, stanceStrength, type ClaimStatus, type Stance, type StanceCounts, type StanceSource } from '../content/stance';
import type { Corpus } from '../corpus';
import { provenance, type ProvenanceReport } from '../corpus/figures';
import type { Edge, EdgeContext, GraphNode, VerifiedPassage } from '../graph/graph';
import type { EdgeGroup } from './pages';

/**
 * Items shown per stance, and supports named one step further for each cited note. One name and the
 * counts say what the next page holds: three names made the evidence section 45 % of a note page.
 */
export const EVIDENCE_LIMITS = { perStance: 12, further: 1, passages: 2 } as const;

export interface EvidenceItem {
  node: GraphNode;
  edge: Edge;
  from: StanceSource;
  /** The sentences that make the link, with the stance each place gives. */
  contexts: EdgeContext[];
  passages: VerifiedPassage[];
  /** For a note with a claim: what supports that claim in turn. */
  further?: { items: { node: GraphNode; edge: Edge }[]; more: number; challenges: number };
}

export interface StanceGroup {
  stance: Stance;
  items: EvidenceItem[];
  /** How many more there are than shown. */
  more: number;
}

export interface ClaimEvidence {
  claim: string;
  status: ClaimStatus;
  counts: StanceCounts;
  groups: StanceGroup[];
  /** Papers listed by similarity (and not verified): related reading, never evidence. */
  related: number;
}

export interface EvidenceModel {
  claim?: ClaimEvidence;
  /** For a note or a line that states figures or quotations. */
  provenance?: ProvenanceReport;
}

/** Verified passages first, then the strongest source of stance, then the order the text makes the links. */
function byStrength(a: EvidenceItem, b: EvidenceItem): number {
  return (
    Number(b.passages.length > 0) - Number(a.passages.length > 0) ||
    stanceStrength(a.from) - stanceStrength(b.from) ||
    (a.contexts[0]?.line ?? Infinity) - (b.contexts[0]?.line ?? Infinity) ||
    a.node.title.localeCompare(b.node.title)
  );
}

function furtherSupport(corpus: Corpus, node: GraphNode, except: NodeId): EvidenceItem['further'] {
  if (node.kind !== 'note' || !node.claim) return undefined;
  const edges = (corpus.graph.outgoing.get(node.id) ?? []).filter((e) => e.target !== except);
  const supports = edges.filter((e) => e.stance === 'supports');
  if (supports.length === 0) return undefined;
  const shown = supports.slice(0, EVIDENCE_LIMITS.further);
  const challenges = new Set(edges.filter((e) => e.stance === 'challenges').map((e) => e.target)).size;
  return { items: shown.map((edge) => ({ edge, node: corpus.graph.nodes.get(edge.target)! })), more: new Set(supports.map((e) => e.target)).size - shown.length, challenges };
}

export function claimEvidence(corpus: Corpus, id: NodeId): ClaimEvidence | undefined {
  const node = corpus.graph.nodes.get(id);
  if (!node?.claim || !node.status || !node.stanceCounts) return undefined;
  const edges = corpus.graph.outgoing.get(id) ?? [];
  const groups: StanceGroup[] = STANCES.map((stance) => {
    const all = edges
      .filter((e) => e.stance === stance)
      .map(
        (edge): EvidenceItem => ({
          edge,
          node: corpus.graph.nodes.get(edge.target)!,
          from: edge.stanceFrom!,
          contexts: edge.contexts,
          passages: (edge.passages ?? []).slice(0, EVIDENCE_LIMITS.passages),
        }),
      )
      .sort(byStrength);
    const items = all.slice(0, EVIDENCE_LIMITS.perStance).map((item) => ({ ...item, further: furtherSupport(corpus, item.node, id) }));
    return { stance, items, more: all.length - items.length };
  });
  const related = edges.filter((e) => (e.type === 'related' || e.type === 'similar') && !e.stance).length;
  return { claim: node.claim, status: node.status, counts: node.stanceCounts, groups, related };
}

/**
 * An item's outgoing link groups without the links its evidence section already shows, counted instead:
 * listing them twice made "From this note" a fifth of a claim note's page.
 */
export function beyondEvidence(groups: EdgeGroup[], evidence: ClaimEvidence | undefined): EdgeGroup[] {
  if (!evidence) return groups;
  const shown = new Set(evidence.groups.flatMap((g) => g.items.map((i) => i.edge)));
  return groups.map((group) => {
    const items = group.items.filter((i) => !shown.has(i.edge));
    return items.length === group.items.length ? group : { ...group, items, inEvidence: group.items.length - items.length };
  });
}

export function evidenceModel(corpus: Corpus, id: NodeId): EvidenceModel {
  const node = corpus.graph.nodes.get(id);
  if (!node || node.kind === 'paper') return {};
  const model: EvidenceModel = {};
  const claim = claimEvidence(corpus, id);
  if (claim) model.claim = claim;
  // Figures are checked only where there is something to check them against: an item with a claim, or
  // papers with text within reach. A vault of plain notes has neither, and its "51 %" and shell `$2` are no findings.
  const report = corpus.provenance.get(id) ?? provenance(corpus, id);
  if ((node.claim || report.searched.length > 0) && (report.figures.length > 0 || report.quotes.length > 0)) model.provenance = report;
  return model;
}

/** Words of a passage kept at each end of a text fragment; long passages are matched by their start and end. */
const FRAGMENT_WORDS = 6;

/**
 * A link that scrolls to a passage and highlights it (`#:~:text=start,end`),
 * in Chromium, Safari and Firefox. `-`, `,` and `&` are percent-encoded, as
 * the syntax requires.
 *
 * @example
 * textFragmentUrl('/papers/x/', 'Warm models erred more.') // '/papers/x/#:~:text=Warm%20models%20erred%20more.'
 */
export function textFragmentUrl(url: SitePath | string, passage: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const words = passage.trim().split(/\s+/);
  const fragment = words.length <= FRAGMENT_WORDS * 2 ? encode(words.join(' ')) : `${encode(words.slice(0, FRAGMENT_WORDS).join(' '))},${encode(words.slice(-FRAGMENT_WORDS).join(' '))}`;
  return `${url}#:~:text=${fragment}`;
}
