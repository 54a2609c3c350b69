/**
 * What a link preview shows of an item: kind, title, claim or summary, the
 * claim's status, whether it is written, and its first lines. One small
 * record per item, written as `/previews/<id>.json` (see `previewPath`).
 */
import type { ClaimStatus, Grounding } from '../content/stance';
import type { Interface } from './interface-text';
import type { Corpus } from '../corpus';
import { headingAnchor, type Kind, type NodeId } from '../content/ids';
import { splitSections } from '../search/writer/documents';
import { claimTrails, verifiedPapers } from './evidence';
import { previewPath } from './urls';

export interface LinkPreview {
  kind: Kind;
  title: string;
  claim?: string;
  summary?: string;
  /** Where the item's claim stands on its evidence. */
  status?: ClaimStatus;
  /** How far down its evidence goes, and that said beside the status ("verified in 1 paper"). */
  grounding?: Grounding;
  groundingText?: string;
  stub: boolean;
  /** The first lines of the body, cut at a word. */
  excerpt?: string;
  /** How many items link here (what a stub's card says). */
  referrers: number;
  /** The sections other items link into (`[[X#Heading]]`), by the heading's anchor: its first lines. */
  sections?: Record<string, SectionPreview>;
}

export interface SectionPreview {
  heading: string;
  excerpt?: string;
}

/** About three lines of a card. */
export const EXCERPT_CHARS = 240;

/** The opening of a body's text, whole words only, with an ellipsis when cut. */
export function excerptOf(text: string, max = EXCERPT_CHARS): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function linkPreview(corpus: Corpus, id: NodeId, ui: Pick<Interface, 'grounding'>): LinkPreview {
  const node = corpus.graph.nodes.get(id)!;
  const body = corpus.bodies.get(id);
  const preview: LinkPreview = { kind: node.kind, title: node.title, stub: node.stub, referrers: corpus.graph.incoming.get(id)?.length ?? 0 };
  if (node.claim) preview.claim = node.claim;
  if (node.summary) preview.summary = node.summary;
  if (node.status) preview.status = node.status;
  if (node.grounding) {
    preview.grounding = node.grounding;
    preview.groundingText = ui.grounding(node.grounding, verifiedPapers(claimTrails(node)));
  }
  // The opening prose: headings are left out, as a card has its own title.
  const headings = new Set(body?.headings.map((h) => h.text));
  const excerpt = body && !body.unrendered ? excerptOf(body.text.split('\n').filter((line) => !headings.has(line)).join(' ')) : undefined;
  if (excerpt) preview.excerpt = excerpt;
  const sections = linkedSections(corpus, id);
  if (sections) preview.sections = sections;
  return preview;
}

/**
 * The sections of an item that some link points into, each with its opening lines: the text under its heading,
 * and under the subheadings that follow when it has none of its own. Only those, so a long paper's card stays small.
 */
function linkedSections(corpus: Corpus, id: NodeId): Record<string, SectionPreview> | undefined {
  const body = corpus.bodies.get(id);
  if (!body || body.unrendered || body.headings.length === 0) return undefined;
  const wanted = new Set<string>();
  for (const edge of corpus.graph.incoming.get(id) ?? []) {
    for (const context of edge.contexts) if (context.heading) wanted.add(headingAnchor(context.heading));
  }
  if (wanted.size === 0) return undefined;
  const { sections } = splitSections(body.text, body.headings);
  const out: Record<string, SectionPreview> = {};
  sections.forEach((section, i) => {
    if (!wanted.has(section.anchor)) return;
    const depth = body.headings[i]?.depth ?? 6;
    let text = section.text;
    for (let j = i + 1; !text.trim() && j < sections.length && (body.headings[j]?.depth ?? 0) > depth; j++) text = sections[j].text;
    const excerpt = excerptOf(text);
    out[section.anchor] = excerpt ? { heading: section.heading, excerpt } : { heading: section.heading };
  });
  return Object.keys(out).length ? out : undefined;
}

/** Every item's preview file: site path → JSON text. */
export function previewFileContents(corpus: Corpus, ui: Pick<Interface, 'grounding'>): Map<string, string> {
  return new Map([...corpus.graph.nodes.keys()].map((id) => [previewPath(id), JSON.stringify(linkPreview(corpus, id, ui))]));
}
