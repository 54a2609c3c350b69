/**
 * References of papers as a reader copies them: formatted in a CSL style
 * (APA unless `CITATION_STYLE` names another) and as BibTeX. A paper from a
 * `.bib` file keeps its entry as written; any other paper's BibTeX is
 * written from what the site knows of it.
 *
 * Formatting is costly (citeproc starts slowly), so every paper of a corpus
 * is formatted in one pass, once, the first time a page asks.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import type { Corpus } from '../corpus';
import type { CslItem } from '../corpus/bibliography';
import { citationStyle } from './config';

export interface Reference {
  /** The formatted reference, citeproc's HTML (`<div class="csl-entry">`), its text escaped. */
  html: string;
  bibtex: string;
}

/** The CSL style to format with: a built-in name (`apa`, `vancouver`, `harvard1`) or a `.csl` file, registered on first use. */
function styleName(): string {
  const style = citationStyle();
  if (!/\.csl$/i.test(style)) return style;
  const name = `file:${path.resolve(style)}`;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(name)) styles.add(name, readFileSync(path.resolve(style), 'utf8'));
  return name;
}

/** The CSL item of a paper: its bibliography entry, else one written from its fields. */
function cslItem(corpus: Corpus, doc: Document<'paper'>): CslItem {
  const entry = corpus.bibliography.get(doc.id);
  if (entry) return { ...entry.item, id: doc.id, 'citation-key': entry.key };
  const d = doc.data;
  const [year, month, day] = (d.date ?? '').split('-').map(Number);
  return {
    id: doc.id,
    type: 'article-journal',
    title: d.title,
    author: d.authors.map((name) => (name.includes(',') ? { family: name.split(',')[0].trim(), given: name.split(',').slice(1).join(',').trim() } : { family: name.trim().split(/\s+/).pop(), given: name.trim().split(/\s+/).slice(0, -1).join(' ') })),
    ...(year ? { issued: { 'date-parts': [[year, month, day].filter(Boolean)] } } : {}),
    ...(d.venue ? { 'container-title': d.venue } : {}),
    ...(d.doi ? { DOI: d.doi } : {}),
    ...(d.url ? { URL: d.url } : {}),
    'citation-key': doc.slug,
  };
}

const formatted = new WeakMap<Corpus, Map<NodeId, string>>();

/** Every written paper's formatted reference, by node; formatted once per corpus. */
export function formattedReferences(corpus: Corpus): Map<NodeId, string> {
  let refs = formatted.get(corpus);
  if (!refs) {
    const papers = [...corpus.documents.values()].filter((d): d is Document<'paper'> => d.kind === 'paper' && !d.data.stub);
    refs = new Map();
    if (papers.length) {
      const entries = new Cite(papers.map((p) => cslItem(corpus, p))).format('bibliography', { format: 'html', template: styleName(), asEntryArray: true });
      for (const [id, html] of entries) refs.set(id as NodeId, html.trim());
    }
    formatted.set(corpus, refs);
  }
  return refs;
}

/** A paper's formatted reference and BibTeX entry; undefined for anything but a written paper. */
export function referenceOf(corpus: Corpus, id: NodeId): Reference | undefined {
  const doc = corpus.documents.get(id);
  if (doc?.kind !== 'paper' || doc.data.stub) return undefined;
  const html = formattedReferences(corpus).get(id);
  if (!html) return undefined;
  const entry = corpus.bibliography.get(id);
  const bibtex = entry?.bibtex ?? new Cite([cslItem(corpus, doc as Document<'paper'>)]).format('bibtex').trim();
  return { html, bibtex };
}

/** The papers bibliography files list, in the order the style sorts them, for `/papers/`. */
export function bibliographyList(corpus: Corpus): { id: NodeId; html: string }[] {
  if (corpus.bibliography.size === 0) return [];
  const refs = formattedReferences(corpus);
  return [...refs].filter(([id]) => corpus.bibliography.has(id)).map(([id, html]) => ({ id, html }));
}
