/**
 * Stage: Dataview views filled in. A body's views were found by the Markdown
 * layer (markdown/obsidian/dataview-blocks.ts) and left as numbered
 * placeholders; once the corpus knows every document's fields and links, each
 * query is parsed (parse.ts), run over the pages (fields.ts, evaluate.ts) and
 * written as HTML (result-html.ts) into its placeholder. Bodies from the render
 * cache hold placeholders too, so a result is never stale: it is computed
 * afresh by every build.
 *
 * The notes a result links to are handed back as `query` edges: they are
 * links a reader follows, not links the note's author wrote, so they are
 * never evidence (grounding and stances have been settled before this runs).
 */
import type { Document } from '../../content/document';
import { pathOf, type NodeId } from '../../content/ids';
import { contentWarning, type Problem } from '../../content/problems';
import type { Graph } from '../../graph/graph';
import { placeholderHtml, type DataviewView, type RenderedBody } from '../../markdown';
import type { FileDates } from '../dates';
import type { LinkResolver } from '../resolve';
import { EvaluationError, evaluate, indexPages, runQuery, type QueryContext } from './evaluate';
import { makePages } from './fields';
import { parseExpression, parseQuery, QueryError } from './parse';
import type { Query } from './query-tree';
import { dynamicHtml, dynamicInlineHtml, escapeHtml, inlineHtml, resultHtml, unsupportedHtml, unsupportedInlineHtml, type LinkWriter } from './result-html';
import { Link } from './values';

export interface DataviewSources {
  documents: Map<NodeId, Document>;
  bodies: Map<NodeId, RenderedBody>;
  graph: Graph;
  resolver: LinkResolver;
  fileDates?: FileDates;
  /** Turns a site path into the address written (a site under a base path). */
  siteAddress?: (path: string) => string;
  /** The build's date and time: `date(today)`, `date(now)`. */
  now?: Date;
}

export interface DataviewOutcome {
  /** The bodies whose views were filled in (the others are unchanged). */
  bodies: Map<NodeId, RenderedBody>;
  /** Each note a note's results link to. */
  edges: { source: NodeId; target: NodeId }[];
  problems: Problem[];
}

export function fillDataviewViews(sources: DataviewSources): DataviewOutcome {
  const outcome: DataviewOutcome = { bodies: new Map(), edges: [], problems: [] };
  const holders = [...sources.documents.values()].filter((doc) => sources.bodies.get(doc.id)?.dataviewViews?.length);
  if (!holders.length) return outcome;
  const { graph } = sources;
  const linkFrom = (from: Document) => (target: string) => {
    const id = sources.resolver.resolve(target, undefined, from);
    const node = id ? graph.nodes.get(id) : undefined;
    return node ? new Link(node.title, node.id) : new Link(target);
  };
  const pages = makePages({ ...sources, link: (target, from) => linkFrom(from)(target) });
  const index = indexPages(pages);
  const parsed = new Map<string, Query | QueryError>();
  const now = sources.now ?? new Date();
  for (const doc of holders) {
    const body = sources.bodies.get(doc.id)!;
    const linked = new Set<NodeId>();
    const link: LinkWriter = (value, label) => {
      const node = value.id ? graph.nodes.get(value.id) : undefined;
      if (!node) return `<a class="wikilink unresolved">${escapeHtml(label ?? value.title)}</a>`;
      if (node.id !== doc.id) linked.add(node.id);
      const href = sources.siteAddress ? sources.siteAddress(pathOf(node.id)) : pathOf(node.id);
      // As a body's link: a title only where it adds something (a stub, or a label other than the title).
      const title = node.stub ? `${node.title} (not written yet)` : label !== undefined && label !== node.title ? node.title : undefined;
      return `<a href="${escapeHtml(href)}" class="wikilink${node.stub ? ' stub' : ''}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(label ?? node.title)}</a>`;
    };
    const ctx: QueryContext = { pages, index, current: pages.get(doc.id)!, now, link: linkFrom(doc) };
    const warn = (view: DataviewView, reason: string, offset?: number) => {
      const line = view.line + (view.kind === 'query' ? 1 + (offset === undefined ? 0 : view.source.slice(0, offset).split('\n').length - 1) : 0);
      outcome.problems.push(contentWarning('dataview/unsupported', doc.file, `${reason}; the query is shown as written`, { line }));
    };
    let html = body.html;
    body.dataviewViews!.forEach((view, i) => {
      html = html.replace(placeholderHtml(view, i), () => viewHtml(view, ctx, link, parsed, warn));
    });
    outcome.bodies.set(doc.id, { ...body, html });
    for (const target of linked) outcome.edges.push({ source: doc.id, target });
  }
  return outcome;
}

function viewHtml(view: DataviewView, ctx: QueryContext, link: LinkWriter, parsed: Map<string, Query | QueryError>, warn: (view: DataviewView, reason: string, offset?: number) => void): string {
  if (view.kind === 'js') return dynamicHtml(view.source);
  if (view.kind === 'inline-js') return dynamicInlineHtml(view.source);
  try {
    if (view.kind === 'inline') return `<span class="dataview-inline">${inlineHtml(evaluate(parseExpression(view.source), ctx.current.fields, ctx), link)}</span>`;
    let query = parsed.get(view.source);
    if (!query) {
      try {
        query = parseQuery(view.source);
      } catch (e) {
        if (!(e instanceof QueryError)) throw e;
        query = e;
      }
      parsed.set(view.source, query);
    }
    if (query instanceof QueryError) throw query;
    return resultHtml(runQuery(query, ctx), link);
  } catch (e) {
    if (!(e instanceof QueryError || e instanceof EvaluationError)) throw e;
    warn(view, e.message, e instanceof QueryError ? e.offset : undefined);
    return view.kind === 'inline' ? unsupportedInlineHtml(view.source, e.message) : unsupportedHtml(view.source, e.message);
  }
}

