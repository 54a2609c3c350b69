/**
 * References of the papers bibliographies hold, as a reader copies them:
 * formatted in a CSL style (APA unless `CITATION_STYLE` names another) and as
 * BibTeX. An entry of a `.bib` file keeps its text as written (without the
 * reader's private fields, macros expanded); a CSL-JSON item's BibTeX is
 * written from it.
 *
 * The references come from the same citeproc run as the corpus's in-text
 * labels (`citeproc` in corpus/bibliography), so the two always agree; it runs
 * once, the first time either asks.
 */
import type { NodeId } from '../content/ids';
import type { Corpus } from '../corpus';
import { bibtexOf, citeproc, publishedItems } from '../corpus/bibliography';

export interface Reference {
  /** The formatted reference, citeproc's HTML (`<div class="csl-entry">`), its text escaped, DOIs and web addresses as links. */
  html: string;
  bibtex: string;
}

const formatted = new WeakMap<Corpus, Map<NodeId, string>>();

/**
 * The formatted reference of every paper from a bibliography, by node, in the
 * order the style sorts them; formatted once per corpus. Only those: a paper
 * file alone has too little to make a reference of.
 */
export function formattedReferences(corpus: Corpus): Map<NodeId, string> {
  let refs = formatted.get(corpus);
  if (!refs) {
    refs = new Map();
    const byKey = new Map([...corpus.bibliography].map(([id, entry]) => [entry.key, id]));
    for (const [key, html] of citeproc(publishedItems(corpus.bibliography), corpus.citationStyle).references) {
      const id = byKey.get(key);
      if (id) refs.set(id, html);
    }
    formatted.set(corpus, refs);
  }
  return refs;
}

/** A paper's formatted reference and BibTeX entry; undefined for a paper from no bibliography. */
export function referenceOf(corpus: Corpus, id: NodeId): Reference | undefined {
  const entry = corpus.bibliography.get(id);
  const html = formattedReferences(corpus).get(id);
  if (!entry || !html) return undefined;
  return { html, bibtex: bibtexOf(entry) };
}

/** The bibliography for `/papers/`: every paper from a bibliography, formatted, in the style's order. */
export function bibliographyList(corpus: Corpus): { id: NodeId; html: string }[] {
  return [...formattedReferences(corpus)].map(([id, html]) => ({ id, html }));
}
