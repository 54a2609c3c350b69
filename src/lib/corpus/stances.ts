/**
 * Stances on the links of items with a claim, by the precedence the content
 * format documents: declared (a stance field, a frontmatter list), then the
 * section heading a link sits under, then inferred (any other body link of an
 * item with a claim supports it: the author cites it while arguing). Then
 * verified (verified-evidence.ts): a figure or quotation of the item found in
 * a paper's text makes that paper evidence with the stance of the sentence
 * that states it.
 */
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { contentWarning, type Problem } from '../content/problems';
import { claimStatus, headingStance, STANCE_FIELDS, STANCES, type Stance, type StanceField, type StanceOf } from '../content/stance';
import type { Graph } from '../graph/graph';
import type { BodyHeading, WikiLinkRef } from '../markdown';
import { headingSections } from './blocks';

/** Whether an item makes a claim its links can bear on. */
export const hasClaim = (doc: Document) => doc.kind === 'note' && !!(doc as Document<'note'>).data.claim;

/** The stance a section gives what sits in it: the innermost of its headings (outermost first) that names one. */
export function sectionStance(section: readonly BodyHeading[]): Stance | undefined {
  for (let i = section.length - 1; i >= 0; i--) {
    const stance = headingStance(section[i].text);
    if (stance) return stance;
  }
  return undefined;
}

/**
 * The stance each section gives the links under it, as a function of the
 * line: the innermost enclosing heading that names a stance wins.
 */
export function sectionStances(headings: BodyHeading[]): (line: number) => Stance | undefined {
  const sorted = [...headings].sort((a, b) => a.line - b.line);
  const sections = headingSections(sorted).map((section, i) => ({ line: sorted[i].line, stance: sectionStance(section) }));
  return (line) => {
    let found: Stance | undefined;
    for (const s of sections) {
      if (s.line >= line) break;
      found = s.stance;
    }
    return found;
  };
}

/** The stance of one body link, and a problem when its declared and section stances disagree. */
export function linkStance(doc: Document, ref: WikiLinkRef, section: Stance | undefined, claimed: boolean, problems: Problem[]): StanceOf | undefined {
  if (ref.stance) {
    if (claimed && section && section !== ref.stance) {
      problems.push(
        contentWarning(
          'stance/conflict',
          doc.file,
          `the link [[${ref.target}]] is declared "${ref.stance}" but sits under a section that reads "${section}"; the declared stance is kept`,
          { line: ref.line },
        ),
      );
    }
    return { stance: ref.stance, from: 'declared' };
  }
  if (!claimed) return undefined;
  if (section) return { stance: section, from: 'heading' };
  return { stance: 'supports', from: 'inferred' };
}

/** `"[[Title#Part|label]]"` or `Title`: the title a frontmatter stance entry names. */
export const stanceEntryTitle = (entry: string) =>
  entry
    .trim()
    .replace(/^\[\[|\]\]$/g, '')
    .split('|')[0]
    .split('#')[0]
    .trim();

/** The frontmatter stance lists of a document: every entry with its field and stance. */
export function* frontmatterStances(doc: Document): Generator<{ field: StanceField; stance: Stance; title: string }> {
  const data = doc.data as Record<StanceField, string[] | undefined>;
  for (const field of Object.keys(STANCE_FIELDS) as StanceField[]) {
    for (const entry of data[field] ?? []) {
      const title = stanceEntryTitle(entry);
      if (title) yield { field, stance: STANCE_FIELDS[field], title };
    }
  }
}

/** Warns about stance fields without a link and stances declared by items that claim nothing. */
export function checkDeclaredStances(doc: Document, fields: { key: string; line: number; links: number }[], declared: { line?: number } | undefined, problems: Problem[]): void {
  for (const field of fields) {
    if (field.links === 0) {
      problems.push(contentWarning('stance/no-link', doc.file, `the field "${field.key}::" names no [[link]]; write the item it ${STANCE_FIELDS[field.key.toLowerCase() as StanceField]} as [[Title]]`, { line: field.line }));
    }
  }
  if (declared && !hasClaim(doc)) {
    problems.push(
      contentWarning('stance/no-claim', doc.file, 'it declares stances (supports, challenges, qualifies) but has no claim for them to bear on; the stances are kept on its links; add a claim: to its frontmatter', declared),
    );
  }
}

/** Every item with a claim gets its status and counts: how many distinct items take each stance on it. */
export function applyClaimStatus(graph: Graph, claimed: Iterable<NodeId>): void {
  for (const id of claimed) {
    const node = graph.nodes.get(id);
    if (!node) continue;
    const counts = Object.fromEntries(STANCES.map((s) => [s, new Set<NodeId>()])) as Record<Stance, Set<NodeId>>;
    for (const edge of graph.outgoing.get(id) ?? []) if (edge.stance) counts[edge.stance].add(edge.target);
    node.stanceCounts = { supports: counts.supports.size, challenges: counts.challenges.size, qualifies: counts.qualifies.size };
    node.status = claimStatus(node.stanceCounts);
  }
}
