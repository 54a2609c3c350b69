/**
 * References of the papers bibliographies hold, as a reader copies them:
 * formatted in a CSL style (APA unless `CITATION_STYLE` names another) and as
 * BibTeX. An entry of a `.bib` file keeps its text as written; a CSL-JSON
 * item's BibTeX is written from it.
 *
 * Formatting is costly (citeproc starts slowly), so every entry is formatted
 * in one pass, once, the first time a page asks.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The CSL item of a paper from a bibliography, under its node id and with its key. */
function cslItem(corpus: Corpus, id: NodeId): CslItem {
  const entry = corpus.bibliography.get(id)!;
  return { ...entry.item, id, 'citation-key': entry.key };
}

const formatted = new WeakMap<Corpus, Map<NodeId, string>>();

/**
 * The formatted reference of every paper from a bibliography, by node, in the
 * order the style sorts them; formatted once per corpus. Only those: citeproc
 * takes seconds for a thousand items, and a paper file alone has too little
 * to make a reference of.
 */
export function formattedReferences(corpus: Corpus): Map<NodeId, string> {
  let refs = formatted.get(corpus);
  if (!refs) {
    refs = new Map();
    if (corpus.bibliography.size) {
      const entries = new Cite([...corpus.bibliography.keys()].map((id) => cslItem(corpus, id))).format('bibliography', { format: 'html', template: styleName(), asEntryArray: true });
      for (const [id, html] of entries) refs.set(id as NodeId, html.trim());
    }
    formatted.set(corpus, refs);
  }
  return refs;
}

/** A paper's formatted reference and BibTeX entry (as written in its `.bib` file, else written from its CSL item); undefined for a paper from no bibliography. */
export function referenceOf(corpus: Corpus, id: NodeId): Reference | undefined {
  const entry = corpus.bibliography.get(id);
  const html = formattedReferences(corpus).get(id);
  if (!entry || !html) return undefined;
  return { html, bibtex: entry.bibtex ?? new Cite([cslItem(corpus, id)]).format('bibtex').trim() };
}

/** The bibliography for `/papers/`: every paper from a bibliography, formatted, in the style's order. */
export function bibliographyList(corpus: Corpus): { id: NodeId; html: string }[] {
  return [...formattedReferences(corpus)].map(([id, html]) => ({ id, html }));
}
