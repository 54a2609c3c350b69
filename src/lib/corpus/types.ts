/**
 * What the corpus layer hands up: a folder's documents, rendered bodies and
 * typed graph, with every problem found on the way.
 */
import type { Redirect } from './redirects';
import type { Document } from '../content/document';
import type { Problem } from '../content/problems';
import type { FolderDialect } from '../content/dialect';
import type { Stance } from '../content/stance';
import type { Graph, GraphNode } from '../graph/graph';
import type { RenderedBody } from '../markdown/types';
import type { NodeId } from '../content/ids';
import type { BibEntry } from './bibliography';
import type { Figure } from './figures';
import type { HierarchyPlace } from './hierarchy';
import type { Drawing } from './parse-files';

export interface Corpus {
  documents: Map<NodeId, Document>;
  bodies: Map<NodeId, RenderedBody>;
  graph: Graph;
  /**
   * Where items' figures and quotations are stated in their papers (provenance.ts): for every item with a
   * claim (what verified its evidence), and for every other item but a paper that states any.
   */
  provenance: Map<NodeId, ProvenanceReport>;
  /** Files kept private (`publish: false`, `draft: true`): no page, no node, no search entry; links to them are plain text. */
  privateFiles: string[];
  /** The bibliography entry of each paper a `.bib` or CSL-JSON file made or completed. */
  bibliography: Map<NodeId, BibEntry>;
  /** Bibliography entries left out because no published item cites them. */
  unpublishedEntries: number;
  /** The CSL style of labels and references (`apa`, or a `.csl` file). */
  citationStyle: string;
  /** Errors (a file left out) and warnings, sorted by file and line. */
  problems: Problem[];
  /** Images, PDFs and other files beside the notes, relative to the content folder; published under `/attachments/`. */
  attachments: string[];
  /** The attachments published pages link to or embed: the only ones the site publishes. */
  linkedAttachments: string[];
  /** Dendron notes' parents and children (hierarchy.ts); empty without a Dendron vault. */
  hierarchy: Map<NodeId, HierarchyPlace>;
  /** The vault's Excalidraw drawings, with the words of their text elements (for search). */
  drawings: Drawing[];
  /** How the folder was read: each folder's dialect, the files set aside, the canvases not read yet. */
  reading: ContentReading;
  /** Addresses that send the reader on to an item (`redirect_from`, aliases): redirects.ts. */
  redirects: Redirect[];
  /** How the wiki links of all bodies resolved. */
  linkCounts: LinkCounts;
  /** Milliseconds spent in each phase of `buildCorpus`, for the benchmark. */
  timings: CorpusTimings;
}

/** What provenance reads of a corpus; the corpus build hands it over before the corpus is whole. */
export type CorpusText = Pick<Corpus, 'documents' | 'bodies' | 'graph'>;

export interface FigureSource {
  paper: GraphNode;
  section?: { text: string; anchor: string };
  /** The sentence of the paper that states the figure. */
  passage: string;
  /** The figure as the paper writes it. */
  stated: string;
  match: 'exact' | 'rounded';
  /** 1 for a paper the item links to, 2 for one a linked item links to. */
  distance: 1 | 2;
}

export interface FigureProvenance {
  figure: Figure;
  /** The sentence of the item that states the figure. */
  sentence: string;
  /** What the sentence does for the item's claim: from a stance field in it, else its section, else it argues the claim. */
  stance: Stance;
  /** Where the figure is stated, best first: exact matches, then nearer papers. */
  sources: FigureSource[];
}

/** A quotation an item gives, in quotation marks, and where its papers say it word for word. */
export interface QuoteProvenance {
  quote: string;
  sentence: string;
  stance: Stance;
  sources: Omit<FigureSource, 'stated' | 'match'>[];
}

export interface ProvenanceReport {
  figures: FigureProvenance[];
  quotes: QuoteProvenance[];
  /** The papers with text that were searched, nearest first. */
  searched: { paper: GraphNode; distance: 1 | 2 }[];
}

/**
 * `graphMs` is link resolution, stubs, edges and adjacency: the graph's own
 * construction, apart from reading frontmatter and rendering Markdown.
 */
export interface CorpusTimings {
  parseMs: number;
  renderMs: number;
  graphMs: number;
  /** Dataview queries: pages made, queries run and their results written in. */
  queryMs: number;
  /** Bodies rendered by this build, and bodies reused from a render cache. */
  rendered: number;
  reused: number;
  /** Of the bodies rendered, those a helper thread rendered (render-helper.ts). */
  helped: number;
}

export interface ContentReading {
  dialects: FolderDialect[];
  setAside: { file: string; reason: string }[];
  canvases: string[];
}

/** Wiki links by outcome: to a written item, to an attachment, to a stub (not written yet), or to nothing. */
export interface LinkCounts {
  total: number;
  written: number;
  attachments: number;
  stubs: number;
  missing: number;
  /** To files kept private: shown as plain text. */
  private: number;
}

