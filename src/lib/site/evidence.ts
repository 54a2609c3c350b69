/**
 * What an item page shows of its evidence. For an item with a claim: what
 * supports it, what challenges it and what qualifies it, each with its
 * sentence, where the stance came from and any verified passage; one step
 * further, what each cited note's own claim rests on; and how much of its
 * list is only related reading. For any note or line: where its figures and
 * quotations are stated. Every list is capped, with counts of the rest, so a
 * hub's section stays small however much evidence it has.
 */
import type { Document } from '../content/document';
import type { NodeId, SitePath } from '../content/ids';
import { STANCES, stanceStrength, type ClaimStatus, type Grounding, type Stance, type StanceCounts, type StanceSource } from '../content/stance';
import { textFragmentUrl } from '../content/text-fragment';
import type { Corpus } from '../corpus';
import type { ProvenanceReport } from '../corpus/types';
import type { ClaimPart, Edge, EdgeContext, EvidenceTrail, GraphNode, VerifiedPassage } from '../graph/graph';

export { textFragmentUrl } from '../content/text-fragment';
import { escapeAttribute, escapeText } from './markup';
import type { EdgeGroup } from './pages';
import { href } from './urls';

/**
 * Items shown per stance, and supports named one step further for each cited note. One name and the
 * counts say what the next page holds; more names made the evidence section the bulk of a note page.
 */
export const EVIDENCE_LIMITS = { perStance: 12, further: 1, passages: 2, perPart: 8, parts: 6, questions: 5 } as const;

export interface EvidenceItem {
  node: GraphNode;
  edge: Edge;
  from: StanceSource;
  /** The sentences that make the link, with the stance each place gives. */
  contexts: EdgeContext[];
  passages: VerifiedPassage[];
  /** For a note with a claim: what supports that claim in turn. */
  further?: { items: { node: GraphNode; edge: Edge }[]; more: number; challenges: number };
  /** Where the link leads when followed through unwritten items, when it leads anywhere beyond itself. */
  chain?: ChainView;
}

/** A chain as a reader follows it: each unwritten item passed, with the sentence that made the hop, then the passage or paper it ends at. */
export interface ChainView {
  grounding: Grounding;
  hops: { node: GraphNode; from: GraphNode; sentence: string }[];
  passage?: { paper: GraphNode; source: string; quote: string; passage: string; section?: string; url: string; from: GraphNode; sentence: string };
  paper?: { node: GraphNode; source: string };
  notFollowed?: number;
}

/** One piece of evidence of a part. */
export interface TrailItem {
  node: GraphNode;
  trail: EvidenceTrail;
  chain?: ChainView;
}

export interface PartView {
  text: string;
  declared: boolean;
  status: ClaimStatus;
  grounding: Grounding;
  counts: StanceCounts;
  /** Papers whose passages verify this part. */
  papers: number;
  items: TrailItem[];
  more: number;
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
  grounding: Grounding;
  /** Papers whose passages verify the claim. */
  papers: number;
  groups: StanceGroup[];
  /** For a compound claim: its parts, each with its evidence, then what argues the claim as a whole. */
  parts?: PartView[];
  whole?: { items: TrailItem[]; more: number };
  openQuestions: string[];
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

/** Characters of a title kept when a paper is named by its title. */
const SOURCE_TITLE_CHARS = 60;

/** How a paper is named in a chain: "Ibrahim et al. 2025", else its title (to its colon, or cut at a word) and year. */
export function sourceName(corpus: Corpus, paper: GraphNode): string {
  const data = (corpus.documents.get(paper.id) as Document<'paper'> | undefined)?.data;
  const year = data?.date?.slice(0, 4);
  const surname = data?.authors?.[0]?.split(/[,\s]+/).filter(Boolean).at(data.authors[0].includes(',') ? 0 : -1);
  let who = paper.title.split(':')[0];
  if (surname) who = data!.authors.length > 1 ? `${surname} et al.` : surname;
  else if (who.length > SOURCE_TITLE_CHARS) who = `${who.slice(0, who.lastIndexOf(' ', SOURCE_TITLE_CHARS))}…`;
  return year ? `${who} ${year}` : who;
}

/** A trail as a reader follows it, or nothing when the link itself is the whole story (a written note, a verified paper). */
export function chainView(corpus: Corpus, trail: EvidenceTrail): ChainView | undefined {
  if (trail.via.length === 0 && !trail.notFollowed) return undefined;
  const node = (id: NodeId) => corpus.graph.nodes.get(id)!;
  const view: ChainView = { grounding: trail.grounding, hops: trail.hops.map((h) => ({ node: node(h.id), from: node(h.from), sentence: h.sentence })) };
  if (trail.passage) {
    const paper = node(trail.passage.paper);
    const { quote, passage, section, sentence, from } = trail.passage;
    view.passage = { paper, source: sourceName(corpus, paper), quote, passage, section: section?.text, url: textFragmentUrl(paper.url, passage), from: node(from), sentence };
  }
  if (trail.paper) view.paper = { node: node(trail.paper), source: sourceName(corpus, node(trail.paper)) };
  if (trail.notFollowed) view.notFollowed = trail.notFollowed;
  return view;
}

/** Every trail of a claim: its parts', then the whole claim's. */
export const claimTrails = (node: GraphNode): EvidenceTrail[] => [...(node.parts ?? []).flatMap((p) => p.evidence), ...(node.wholeEvidence ?? [])];

/** Distinct papers whose passages verify some of the trails. */
export const verifiedPapers = (trails: EvidenceTrail[]) => new Set(trails.flatMap((t) => (t.passage ? [t.passage.paper] : []))).size;

const trailItems = (corpus: Corpus, trails: EvidenceTrail[], limit: number) => ({
  items: trails.slice(0, limit).map((trail) => ({ node: corpus.graph.nodes.get(trail.id)!, trail, chain: chainView(corpus, trail) })),
  more: Math.max(0, trails.length - limit),
});

function partView(corpus: Corpus, part: ClaimPart): PartView {
  const { text, declared, status, grounding, counts, evidence } = part;
  return { text, declared, status, grounding, counts, papers: verifiedPapers(evidence), ...trailItems(corpus, evidence, EVIDENCE_LIMITS.perPart) };
}

export function claimEvidence(corpus: Corpus, id: NodeId): ClaimEvidence | undefined {
  const node = corpus.graph.nodes.get(id);
  if (!node?.claim || !node.status || !node.stanceCounts) return undefined;
  const edges = corpus.graph.outgoing.get(id) ?? [];
  const parts = node.parts ?? [];
  const allTrails = claimTrails(node);
  const chains = new Map(allTrails.map((t) => [t.id, t]));
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
          chain: chains.has(edge.target) ? chainView(corpus, chains.get(edge.target)!) : undefined,
        }),
      )
      .sort(byStrength);
    const items = all.slice(0, EVIDENCE_LIMITS.perStance).map((item) => ({ ...item, further: furtherSupport(corpus, item.node, id) }));
    return { stance, items, more: all.length - items.length };
  });
  const related = edges.filter((e) => (e.type === 'related' || e.type === 'similar') && !e.stance).length;
  const evidence: ClaimEvidence = {
    claim: node.claim,
    status: node.status,
    counts: node.stanceCounts,
    grounding: node.grounding ?? 'none',
    papers: verifiedPapers(allTrails),
    groups,
    openQuestions: node.openQuestions ?? [],
    related,
  };
  if (parts.length > 1) {
    evidence.parts = parts.slice(0, EVIDENCE_LIMITS.parts).map((p) => partView(corpus, p));
    evidence.whole = trailItems(corpus, node.wholeEvidence ?? [], EVIDENCE_LIMITS.perPart);
  }
  return evidence;
}

/**
 * An item's outgoing link groups without the links its evidence section already shows, counted instead:
 * listing them twice made "From this note" a large part of a claim note's page, saying nothing new.
 */
export function beyondEvidence(groups: EdgeGroup[], evidence: ClaimEvidence | undefined): EdgeGroup[] {
  if (!evidence) return groups;
  const shown = new Set(evidenceEdges(evidence));
  return groups.map((group) => {
    const items = group.items.filter((i) => !shown.has(i.edge));
    return items.length === group.items.length ? group : { ...group, items, inEvidence: group.items.length - items.length };
  });
}

/** The edges an evidence section shows: its stance groups', or for a compound claim its parts'. */
export function evidenceEdges(evidence: ClaimEvidence): Edge[] {
  if (!evidence.parts) return evidence.groups.flatMap((g) => g.items.map((i) => i.edge));
  const targets = new Set([...evidence.parts.flatMap((p) => p.items), ...(evidence.whole?.items ?? [])].map((i) => i.node.id));
  return evidence.groups.flatMap((g) => g.items.map((i) => i.edge)).filter((e) => targets.has(e.target));
}

export function evidenceModel(corpus: Corpus, id: NodeId): EvidenceModel {
  const node = corpus.graph.nodes.get(id);
  if (!node || node.kind === 'paper') return {};
  const model: EvidenceModel = {};
  const claim = claimEvidence(corpus, id);
  if (claim) model.claim = claim;
  // Figures are checked only where there is something to check them against: an item with a claim, or
  // papers with text within reach. A vault of plain notes has neither, and its "51 %" and shell `$2` are no findings.
  const report = corpus.provenance.get(id);
  if (report && (node.claim || report.searched.length > 0) && (report.figures.length > 0 || report.quotes.length > 0)) model.provenance = report;
  return model;
}

/** Elements whose text is never turned into a figure link: links already, code, math, and a figure's own passage. */
const NO_LINK_INSIDE = /^<(a|code|pre|math|svg|script|style)\b|^<(span) class="figure-passage"/i;

/** The first occurrence of `raw` in the running text of some HTML, outside links, code and math. */
function textOffset(html: string, raw: string): number {
  const closing: string[] = [];
  let offset = 0;
  for (const piece of html.split(/(<[^>]+>)/)) {
    if (piece.startsWith('<')) {
      const open = NO_LINK_INSIDE.exec(piece);
      if (open && !piece.endsWith('/>')) closing.push(`</${(open[1] ?? open[2]).toLowerCase()}`);
      else if (closing.length && piece.toLowerCase().startsWith(closing[closing.length - 1])) closing.pop();
    } else if (!closing.length && piece.includes(raw)) {
      return offset + piece.indexOf(raw);
    }
    offset += piece.length;
  }
  return -1;
}

/**
 * A body's HTML with each verified figure made a link to the passage that
 * states it (a text fragment), the first time it appears in running text.
 * Hovering or focusing the link shows the passage, as a link preview does,
 * without script.
 */
export function figureLinkedHtml(html: string, report: ProvenanceReport | undefined): string {
  let out = html;
  let n = 0;
  for (const figure of report?.figures ?? []) {
    const source = figure.sources[0];
    if (!source) continue;
    const raw = escapeText(figure.figure.raw);
    const at = textOffset(out, raw);
    if (at < 0) continue;
    const id = `figure-passage-${++n}`;
    const where = `${escapeText(source.paper.title)}${source.section ? `, ${escapeText(source.section.text)}` : ''}`;
    const link =
      `<span class="figure-link" data-figure-link><a href="${escapeAttribute(href(textFragmentUrl(source.paper.url, source.passage)))}" aria-describedby="${id}">${raw}</a>` +
      `<span class="figure-passage" role="tooltip" id="${id}">${where}: “${escapeText(source.passage)}”</span></span>`;
    out = out.slice(0, at) + link + out.slice(at + raw.length);
  }
  return out;
}
