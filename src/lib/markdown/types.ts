/**
 * The shapes the Markdown layer hands out and the data its plugins attach:
 * a wiki link as written (`WikiLinkRef`), what the caller's resolver says it
 * points at (`ResolvedLink`), and a rendered body (`RenderedBody`). The
 * `wikiLink` node is registered with mdast here, so visitors are typed.
 */
import type { Root as HastRoot } from 'hast';
import type { Data, Literal, Parent, PhrasingContent } from 'mdast';
import type { LinkContext } from '../content/link-context';
import type { Rule } from '../content/problems';
import type { Stance } from '../content/stance';

export type { LinkContext };

/** A `[[target#heading|label]]` as written in a body. */
export interface WikiLinkRef {
  target: string;
  heading?: string;
  /** `[[File#^id]]`: the block marked `^id` in the target. */
  block?: string;
  /** `![[File]]`: the target is shown in place (a note's text, an image), not linked. */
  embed?: boolean;
  /** Written as a Markdown link or image to a file path (`[text](../Note.md)`), relative to the linking file. */
  path?: boolean;
  label: string;
  /** 1-based line in the file. */
  line: number;
  context: LinkContext;
  /** The stance a field around the link declares (`supports:: [[X]]`). */
  stance?: Stance;
  /** A citation (`[@key]`, `@key`, `[[@key]]`): the key cited; `bare` for a bare `@key`, which is a citation only if some bibliography knows the key. */
  citation?: { key: string; bare?: true };
}

/** What the resolver says a link points at. */
export interface ResolvedLink {
  href: string;
  /** The target is referenced but not written yet. */
  stub: boolean;
  kind: string;
  title: string;
  /** What an embed shows in place of the link; without it an embed is shown as a link. */
  embed?: EmbedContent;
  /** The target is private: the link is shown as its label, as plain text, and nothing of the target. */
  private?: boolean;
  /** For a citation of a known work: how it is cited in the text, author–year. */
  citation?: { author: string; year: string };
}

/** The content of `![[…]]`: an image, a link to another file, or another note's sanitised HTML tree. */
export type EmbedContent =
  | { type: 'image'; src: string; alt: string; width?: string; height?: string }
  | { type: 'file'; href: string; label: string }
  | { type: 'note'; href: string; title: string; tree: HastRoot }
  /** Something that cannot be shown here (a drawing with no exported picture): its name and why. */
  | { type: 'placeholder'; label: string; note: string };

export interface BodyHeading {
  depth: number;
  text: string;
  anchor: string;
  line: number;
}

export interface RenderedBody {
  html: string;
  links: WikiLinkRef[];
  headings: BodyHeading[];
  /** The body as plain text (links as their labels), for search and figure matching. */
  text: string;
  /** Inline `#tags`, in order of first use, without the `#`. */
  tags: string[];
  /** Ids of the blocks marked `^id`, the anchors `[[File#^id]]` can point to. */
  blocks: string[];
  /** Stance fields as written (`supports:: …`), with how many links each holds. */
  stanceFields: { key: string; stance: Stance; line: number; links: number }[];
  /** Dataview inline fields (`key:: value`), in document order. */
  inlineFields?: InlineField[];
  /** Task list items (`- [ ]`, `- [x]`). */
  tasks?: BodyTask[];
  /**
   * Dataview views (query blocks, DataviewJS, inline expressions): the HTML holds an empty placeholder for each
   * (`placeholderHtml`), which the corpus fills once it knows every document.
   */
  dataviewViews?: DataviewView[];
  /** The body holds math: its page needs KaTeX's stylesheet. */
  math?: true;
  /** The body holds a Mermaid diagram: its page needs the script that draws it. */
  mermaid?: true;
  /** Distinct `style` attribute values (math spacing, code colours): the page's Content-Security-Policy allows these by hash. */
  inlineStyles?: string[];
  /** Problems of the body found while rendering it (TeX that cannot be typeset), with the file's line. */
  warnings?: BodyWarning[];
  /** Why the body was shown as plain text instead of rendered, with the line at fault where known. */
  unrendered?: { reason: string; line?: number };
}

/** A Dataview inline field as written (obsidian/inline-fields.ts): its key, its value's text and its line in the file. */
export interface InlineField {
  key: string;
  value: string;
  line: number;
}

/** A task list item (obsidian/tasks.ts). */
export interface BodyTask {
  text: string;
  /** The wiki links in `text`: where each stands (its label) and the target as written. */
  links?: { start: number; end: number; target: string }[];
  completed: boolean;
  /** 1-based line in the file. */
  line: number;
}

/** A Dataview view as written (obsidian/dataview-blocks.ts): a query block, a DataviewJS block, an inline expression or inline JavaScript. */
export interface DataviewView {
  kind: 'query' | 'js' | 'inline' | 'inline-js';
  /** The query or code, without its fence or its leading `=` / `$=`. */
  source: string;
  /** 1-based line in the file where the view starts. */
  line: number;
}

export interface BodyWarning {
  rule: Rule;
  line: number;
  message: string;
}

/** What remark-wiki-link (and our file-link plugin) put on a wiki link node. */
export interface WikiLinkData extends Data {
  alias: string | null;
  /** `![[…]]`, set by the embed-mark plugin. */
  embed?: boolean;
  /** Made from a Markdown link to a file path, set by the file-link plugin. */
  path?: boolean;
  /** Declared by a stance field around it, set by the stance-field plugin. */
  stance?: Stance;
  /** A cited key, set by the citation plugin. */
  citation?: CitationItem;
  /** Where the link went, set when links are resolved (read by the citation plugin to write in-text citations). */
  resolved?: ResolvedLink;
}

/** `[[target|alias]]` in the mdast tree: `value` is the target as written. */
export interface WikiLink extends Literal {
  type: 'wikiLink';
  data: WikiLinkData;
}

/** One cited key of a group, with what is written around it. */
export interface CitationItem {
  key: string;
  /** `see` in `[see @a]`. */
  prefix?: string;
  /** `p. 4` in `[@a, p. 4]`. */
  locator?: string;
  /** `[-@a]`: the year alone, the author being named in the sentence. */
  suppressAuthor?: boolean;
  /** A bare `@key` in a sentence (or `[[@key]]`): the author is part of the sentence, `Doe (2020)`. */
  narrative?: boolean;
  /** A bare `@key`: only a key a bibliography knows is a citation; any other is left as text (a handle, a name). */
  bare?: boolean;
  /** `[[@key|label]]`: the label shown instead of author and year. */
  label?: string;
  /** Inside a Markdown link's text: cited, but shown as text (a link cannot hold a link). */
  inLink?: boolean;
}

/** A citation group in the mdast tree: `[see @a; @b]`, a bare `@a` or `[[@a]]`. */
export interface Citation extends Parent {
  type: 'citation';
  children: PhrasingContent[];
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
    citation: Citation;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
    citation: Citation;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller: turns a wiki link into a destination. */
    resolveWikiLink: (ref: WikiLinkRef) => ResolvedLink | undefined;
    /** Lines before the body in the file, so positions name the file's own lines. */
    lineOffset: number;
  }
}
