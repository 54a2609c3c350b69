/**
 * How far down each claim's evidence goes. Every link that takes a stance on
 * a claim is followed to what grounds it, and graded:
 *
 * - a paper whose text states a figure or quotation of the item: `verified`,
 *   at that passage;
 * - any other paper: `cited`, named but not checked;
 * - a written note or line: `inferred`;
 * - an item not written yet: followed through what the rest of the
 *   collection says about it (its stand-in text), below.
 *
 * Stand-in text of an unwritten item: in every other written item, each
 * paragraph whose only link is to it; where the paragraph links elsewhere
 * too, the sentence that links to it. A figure or quotation of that text
 * found in a paper grounds the item at the paper's passage; a paper named
 * right after the link by its short name, "[[X]] (RLVER)" for a paper titled
 * "RLVER: …", is the item's cited source; another unwritten item linked in
 * that text is followed in turn, up to `CHAIN_LIMITS.depth` unwritten items,
 * never twice in one chain. Private items have no node, so never speak for
 * another.
 *
 * Each link is given to the part of the claim it argues (claim-parts.ts);
 * each part gets its own counts, status and grounding.
 */
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { contentWarning, type Problem } from '../content/problems';
import { claimStatus, groundingStrength, stanceStrength, strongestGrounding, type Grounding, type PartSource, type StanceCounts } from '../content/stance';
import type { ClaimPart, Edge, EvidenceTrail, GraphNode, GroundingPassage } from '../graph/graph';
import { linkSentenceRange } from '../markdown/sentences';
import { blockOf, bodyBlocks, type BodyBlock } from './blocks';
import { assignBlock, distinctiveWords, hasPartField, mergeIndistinct, splitClaim, type BlockAssignment } from './claim-parts';
import { provenance } from './provenance';
import type { CorpusText, ProvenanceReport } from './types';
import { openQuestions } from './open-questions';

/** Unwritten items one chain passes through at most; stand-in places read per unwritten item at most. */
export const CHAIN_LIMITS = { depth: 3, standIns: 40 } as const;

/** What a trail ends at, without where it started. */
type ChainEnd = Pick<EvidenceTrail, 'via' | 'hops' | 'passage' | 'paper' | 'grounding' | 'notFollowed'>;

/** A walk from one unwritten item: where it ends, the unwritten items it reached, and those past the cap. */
interface Walk {
  end: ChainEnd;
  reached: Set<NodeId>;
  beyond: Set<NodeId>;
}

/** One place that speaks for an unwritten item. */
interface StandIn {
  from: NodeId;
  /** The paragraph, or the sentence when the paragraph links elsewhere too. */
  text: string;
  /** The sentence that links to the item. */
  sentence: string;
  /** What follows the link in its paragraph, where "(RLVER)" would be. */
  after: string;
  /** Other items the stand-in text links to. */
  links: NodeId[];
}

const stronger = (a: Grounding, b: Grounding) => groundingStrength(a) < groundingStrength(b);

/** "(RLVER)" right after a link. */
const SHORT_NAME = /^\s*\(([^()\n]{2,60})\)/;

export class Grounder {
  private readonly reports: Map<NodeId, ProvenanceReport>;
  private readonly standInCache = new Map<NodeId, StandIn[]>();
  private readonly walks = new Map<string, Walk>();
  private shortNameIndex?: Map<string, NodeId>;

  constructor(
    private readonly corpus: CorpusText,
    reports: Map<NodeId, ProvenanceReport> = new Map(),
  ) {
    this.reports = new Map(reports);
  }

  /** An item's figures and quotations checked against its papers, once. */
  private report(id: NodeId): ProvenanceReport {
    let report = this.reports.get(id);
    if (!report) this.reports.set(id, (report = provenance(this.corpus, id)));
    return report;
  }

  /** Papers by short name: "RLVER" for "RLVER: Reinforcement Learning…", folded; also their aliases. */
  private shortNames(): Map<string, NodeId> {
    if (!this.shortNameIndex) {
      const index = new Map<string, NodeId>();
      for (const node of this.corpus.graph.nodes.values()) {
        if (node.kind !== 'paper') continue;
        const colon = node.title.indexOf(':');
        const names = [...(colon > 0 ? [node.title.slice(0, colon)] : []), ...node.aliases];
        for (const name of names) if (!index.has(name.trim().toLowerCase())) index.set(name.trim().toLowerCase(), node.id);
      }
      this.shortNameIndex = index;
    }
    return this.shortNameIndex;
  }

  /** The items a written item links to from within a block of its text. */
  private linksIn(from: NodeId, text: string): NodeId[] {
    return (this.corpus.graph.outgoing.get(from) ?? []).filter((e) => e.type === 'cites' && e.contexts.some((c) => text.includes(c.sentence))).map((e) => e.target);
  }

  /** The items a written item links to inside one range of one of its link sentences. */
  private linksInRange(from: NodeId, sentence: string, [a, b]: [number, number]): NodeId[] {
    return (this.corpus.graph.outgoing.get(from) ?? []).filter((e) => e.type === 'cites' && e.contexts.some((c) => c.sentence === sentence && c.start >= a && c.end <= b)).map((e) => e.target);
  }

  /** What the written, published items say about an unwritten one. */
  standIns(id: NodeId): StandIn[] {
    let found = this.standInCache.get(id);
    if (found) return found;
    found = [];
    const { graph, bodies } = this.corpus;
    outer: for (const edge of graph.incoming.get(id) ?? []) {
      if (edge.type !== 'cites') continue;
      const body = bodies.get(edge.source);
      if (!body || graph.nodes.get(edge.source)?.stub) continue;
      for (const context of edge.contexts) {
        const block = blockOf(body, context.sentence);
        const alone = !!block && this.linksIn(edge.source, block.text).every((t) => t === id);
        const range = linkSentenceRange(context.sentence, context.start, context.end);
        const sentence = context.sentence.slice(...range).trim();
        found.push({
          from: edge.source,
          text: alone ? block!.text : sentence,
          sentence,
          after: context.sentence.slice(context.end, range[1]),
          links: alone ? [] : this.linksInRange(edge.source, context.sentence, range).filter((t) => t !== id),
        });
        if (found.length >= CHAIN_LIMITS.standIns) break outer;
      }
    }
    // A paragraph about this item alone speaks for it more surely than a sentence shared with other links.
    found.sort((a, b) => a.links.length - b.links.length);
    this.standInCache.set(id, found);
    return found;
  }

  /** A figure or quotation of the stand-in text that a paper states: the passage, best source first. */
  private verifiedIn(standIn: StandIn): GroundingPassage | undefined {
    const report = this.report(standIn.from);
    for (const f of report.figures) {
      const source = f.sources[0];
      if (source && standIn.text.includes(f.sentence)) return { paper: source.paper.id, section: source.section, quote: f.figure.raw, passage: source.passage, from: standIn.from, sentence: f.sentence };
    }
    for (const q of report.quotes) {
      const source = q.sources[0];
      if (source && standIn.text.includes(q.sentence)) return { paper: source.paper.id, section: source.section, quote: q.quote, passage: source.passage, from: standIn.from, sentence: q.sentence };
    }
    return undefined;
  }

  /** The paper a stand-in names right after its link, "[[X]] (RLVER)". */
  private namedPaper(standIn: StandIn): NodeId | undefined {
    const name = SHORT_NAME.exec(standIn.after)?.[1];
    return name ? this.shortNames().get(name.trim().toLowerCase()) : undefined;
  }

  /**
   * An unwritten item followed through its stand-in text, never into an item already on the chain, nor
   * through what `origin` itself says (a claim cannot ground itself). Unwritten items past the depth cap
   * that the walk reached no other way are counted as steps not followed.
   */
  chain(id: NodeId, origin: NodeId): ChainEnd {
    const { end, reached, beyond } = this.walk(id, CHAIN_LIMITS.depth, origin);
    const notFollowed = [...beyond].filter((b) => !reached.has(b)).length;
    return notFollowed ? { ...end, notFollowed } : end;
  }

  /**
   * The best end reachable from `id` with `depth` unwritten items left to pass, with the items the walk
   * reached and those it stopped before. Below the first hop a walk is worked out once per item and depth,
   * whoever asks, so a hub of unwritten items costs one walk rather than one per chain through it; a
   * result that would loop back, or speak through `origin`, is not taken.
   */
  private walk(id: NodeId, depth: number, origin?: NodeId): Walk {
    const key = `${id}\u0000${depth}`;
    const known = origin === undefined ? this.walks.get(key) : undefined;
    if (known) return known;
    let end: ChainEnd = { via: [id], hops: [], grounding: 'inferred' };
    const reached = new Set<NodeId>([id]);
    const beyond = new Set<NodeId>();
    for (const standIn of this.standIns(id)) {
      if (standIn.from === origin) continue;
      const hop = { id, from: standIn.from, sentence: standIn.sentence };
      const passage = this.verifiedIn(standIn);
      if (passage) {
        end = { via: [id], hops: [hop], passage, grounding: 'verified' };
        break;
      }
      const paper = stronger('cited', end.grounding) ? this.namedPaper(standIn) : undefined;
      if (paper) end = { via: [id], hops: [hop], paper, grounding: 'cited' };
      for (const next of standIn.links) {
        const node = this.corpus.graph.nodes.get(next);
        if (!node?.stub || node.kind === 'paper' || next === id) continue;
        if (depth <= 1) {
          beyond.add(next);
          continue;
        }
        const further = this.walk(next, depth - 1);
        for (const r of further.reached) reached.add(r);
        for (const b of further.beyond) beyond.add(b);
        const usable = !further.end.via.includes(id) && !further.end.hops.some((h) => h.from === origin);
        if (usable && stronger(further.end.grounding, end.grounding)) end = { ...further.end, via: [id, ...further.end.via], hops: [hop, ...further.end.hops] };
        if (end.grounding === 'verified') break;
      }
      if (end.grounding === 'verified') break;
    }
    const walk = { end, reached, beyond };
    if (origin === undefined) this.walks.set(key, walk);
    return walk;
  }

  /** Where one stance-taking link of `origin` ends. */
  follow(edge: Edge, origin: NodeId): ChainEnd {
    const target = this.corpus.graph.nodes.get(edge.target)!;
    const verified = edge.passages?.[0];
    if (verified) {
      const { quote, passage, section, sentence } = verified;
      return { via: [], hops: [], passage: { paper: target.id, section, quote, passage, from: origin, sentence }, grounding: 'verified' };
    }
    if (target.kind === 'paper') return { via: [], hops: [], paper: target.id, grounding: 'cited' };
    if (target.stub) return this.chain(target.id, origin);
    return { via: [], hops: [], grounding: 'inferred' };
  }

  /** A claim's parts, each with its evidence followed down, and problems of declared parts. */
  groundClaim(node: GraphNode, doc: Document | undefined, problems: Problem[]): { parts: ClaimPart[]; whole: EvidenceTrail[]; grounding: Grounding } {
    const declared = ((doc?.data as { parts?: string[] } | undefined)?.parts ?? []).filter((p) => p.trim());
    const { parts: texts, merged } = mergeIndistinct(declared.length ? declared : splitClaim(node.claim!));
    for (const m of merged) {
      problems.push(
        contentWarning('claim/parts-merged', doc?.file ?? node.id, `the claim's part "${m.part}" has no word that "${m.into}" lacks, so they are read as one part; ${declared.length ? 'reword one of them in parts:' : 'declare the parts in a parts: list'} to keep them apart`, { field: declared.length ? 'parts' : 'claim' }),
      );
    }
    const distinct = distinctiveWords(texts);
    const body = this.corpus.bodies.get(node.id);
    const assignments = new Map<string, BlockAssignment>();
    const linkSentences = body?.links.map((l) => l.context.sentence) ?? [];
    const assign = (block: BodyBlock) => assignBlock(block, texts, distinct, linkSentences.find((s) => block.text.startsWith(s)));
    const assignmentOf = (sentence: string): BlockAssignment => {
      const block = body && blockOf(body, sentence);
      if (!block) return { from: 'whole' };
      let a = assignments.get(block.text);
      if (!a) assignments.set(block.text, (a = assign(block)));
      return a;
    };
    const byPart: EvidenceTrail[][] = texts.map(() => []);
    const whole: EvidenceTrail[] = [];
    for (const edge of this.corpus.graph.outgoing.get(node.id) ?? []) {
      if (!edge.stance || !edge.stanceFrom) continue;
      const given = new Map<number | undefined, PartSource>();
      for (const sentence of [...edge.contexts.map((c) => c.sentence), ...(edge.passages ?? []).map((p) => p.sentence)]) {
        const a = assignmentOf(sentence);
        if (!given.has(a.part)) given.set(a.part, a.from);
      }
      // A link some place gives to a part argues that part, wherever else it is made.
      if (given.size > 1) given.delete(undefined);
      if (given.size === 0) given.set(undefined, 'whole');
      const end = this.follow(edge, node.id);
      for (const [part, assigned] of given) {
        const trail: EvidenceTrail = { id: edge.target, stance: edge.stance, stanceFrom: edge.stanceFrom, assigned, ...end };
        if (texts.length < 2) byPart[0].push(trail);
        else if (part === undefined) whole.push(trail);
        else byPart[part].push(trail);
      }
    }
    if (body && texts.length > 1) {
      for (const block of bodyBlocks(body)) {
        if (block.heading || !hasPartField(block.text)) continue;
        const { unknown } = assign(block);
        if (unknown) problems.push(contentWarning('claim/unknown-part', doc?.file ?? node.id, `the field "part:: ${unknown}" names no part of the claim; write the part's number (1 to ${texts.length}) or words of it`));
      }
    }
    const parts = texts.map((text, i): ClaimPart => {
      const evidence = byPart[i].sort(byGrounding);
      const counts = countStances(evidence);
      if (declared.length && evidence.length === 0) {
        problems.push(contentWarning('claim/part-without-evidence', doc?.file ?? node.id, `the declared part "${text}" is argued by no link, so its grounding is none; give a paragraph about it a lead sentence that restates it, or a field part:: ${i + 1}`, { field: 'parts' }));
      }
      return { text, declared: declared.length > 0, status: claimStatus(counts), counts, grounding: strongestGrounding(evidence.map((t) => t.grounding)), evidence };
    });
    whole.sort(byGrounding);
    return { parts, whole, grounding: strongestGrounding([...parts.map((p) => p.grounding), ...whole.map((t) => t.grounding)]) };
  }
}

/** Strongest grounding first, then the strongest source of stance. */
function byGrounding(a: EvidenceTrail, b: EvidenceTrail): number {
  return groundingStrength(a.grounding) - groundingStrength(b.grounding) || stanceStrength(a.stanceFrom) - stanceStrength(b.stanceFrom);
}

function countStances(evidence: EvidenceTrail[]): StanceCounts {
  const distinct = (stance: string) => new Set(evidence.filter((t) => t.stance === stance).map((t) => t.id)).size;
  return { supports: distinct('supports'), challenges: distinct('challenges'), qualifies: distinct('qualifies') };
}

/**
 * Grounds every claim of a corpus (after its status is set) and gathers every
 * written item's open questions, on the graph's nodes.
 */
export function groundClaims(corpus: CorpusText, claimed: Iterable<NodeId>, reports: Map<NodeId, ProvenanceReport>, problems: Problem[]): void {
  const grounder = new Grounder(corpus, reports);
  for (const id of claimed) {
    const node = corpus.graph.nodes.get(id);
    if (!node?.claim) continue;
    const { parts, whole, grounding } = grounder.groundClaim(node, corpus.documents.get(id), problems);
    node.grounding = grounding;
    node.parts = parts;
    if (whole.length) node.wholeEvidence = whole;
  }
  for (const [id, body] of corpus.bodies) {
    const node = corpus.graph.nodes.get(id);
    if (!node || node.kind === 'paper' || !/open question|unanswered/i.test(body.text)) continue;
    const questions = openQuestions(body);
    if (questions.length) node.openQuestions = questions;
  }
}
