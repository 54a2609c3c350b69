/**
 * What a link preview shows of an item: kind, title, claim or summary, the
 * claim's status, whether it is written, and its first lines. One small
 * record per item, written as `/previews/<id>.json` (see `previewPath`).
 */
import { groundingText, type ClaimStatus, type Grounding } from '../content/stance';
import type { Corpus } from '../corpus';
import type { Kind, NodeId } from '../content/ids';
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

export function linkPreview(corpus: Corpus, id: NodeId): LinkPreview {
  const node = corpus.graph.nodes.get(id)!;
  const body = corpus.bodies.get(id);
  const preview: LinkPreview = { kind: node.kind, title: node.title, stub: node.stub, referrers: corpus.graph.incoming.get(id)?.length ?? 0 };
  if (node.claim) preview.claim = node.claim;
  if (node.summary) preview.summary = node.summary;
  if (node.status) preview.status = node.status;
  if (node.grounding) {
    preview.grounding = node.grounding;
    preview.groundingText = groundingText(node.grounding, verifiedPapers(claimTrails(node)));
  }
  // The opening prose: headings are left out, as a card has its own title.
  const headings = new Set(body?.headings.map((h) => h.text));
  const excerpt = body && !body.unrendered ? excerptOf(body.text.split('\n').filter((line) => !headings.has(line)).join(' ')) : undefined;
  if (excerpt) preview.excerpt = excerpt;
  return preview;
}

/** Every item's preview file: site path → JSON text. */
export function previewFileContents(corpus: Corpus): Map<string, string> {
  return new Map([...corpus.graph.nodes.keys()].map((id) => [previewPath(id), JSON.stringify(linkPreview(corpus, id))]));
}
