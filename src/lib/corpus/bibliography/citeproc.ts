/**
 * One citeproc run over the published entries gives both the in-text labels
 * and the formatted references, so a year letter (`2006b`) or the initials
 * that tell two Smiths apart (APA 8.20) always agree between the two. The run
 * is kept for the same items and style: the corpus asks for labels, the pages
 * for references, and citeproc formats once.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CslItem } from './csl';

export interface CiteLabel {
  /** The author part as the style writes it in the text (`Doe`, `Doe & Roe`, `Doe et al.`). */
  author: string;
  /** The date part, with a letter where another work has the same author and year (`2020a`, `n.d.-b`). */
  year: string;
}

export interface CiteprocRun {
  /** By item id, the label of its in-text citations. */
  labels: Map<string, CiteLabel>;
  /** By item id, in the style's order: the formatted reference, citeproc's HTML, DOIs and web addresses as links. */
  references: Map<string, string>;
}

interface Engine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  makeCitationCluster(items: { id: string; 'author-only'?: boolean; 'suppress-author'?: boolean }[]): string;
  setOutputFormat(format: string): void;
  opt: { development_extensions: Record<string, boolean> };
}
type CslPlugin = { styles: { add(name: string, xml: string): void; has(name: string): boolean }; engine(data: CslItem[], style: string, locale: string, format: string): Engine };
const csl = () => plugins.config.get('@csl') as unknown as CslPlugin;

/** The style to format with: a built-in name (`apa`, `vancouver`, `harvard1`) or a `.csl` file, registered on first use. */
export function styleName(style: string): string {
  if (!/\.csl$/i.test(style)) return style;
  const name = `file:${path.resolve(style)}`;
  if (!csl().styles.has(name)) csl().styles.add(name, readFileSync(path.resolve(style), 'utf8'));
  return name;
}

/** Fields of ours the items carry that are no CSL variables. */
const forCiteproc = (item: CslItem): CslItem => {
  const { _etAl, ...rest } = item;
  return rest as CslItem;
};

const decodeText = (s: string) =>
  s
    .replace(/&#38;|&amp;/g, '&')
    .replace(/&#60;|&lt;/g, '<')
    .replace(/&#62;|&gt;/g, '>')
    .replace(/<[^>]*>/g, '')
    .trim();

let last: { key: string; run: CiteprocRun } | undefined;

/**
 * Labels and references of the items in the style, from one citeproc run;
 * the last run is reused when asked again for the same items and style.
 */
export function citeproc(items: CslItem[], style: string): CiteprocRun {
  const key = `${style}\u0000${JSON.stringify(items)}`;
  if (last?.key === key) return last.run;
  const run: CiteprocRun = { labels: new Map(), references: new Map() };
  if (items.length) {
    const engine = csl().engine(items.map(forCiteproc), styleName(style), 'en-US', 'html');
    engine.updateItems(items.map((i) => i.id));
    engine.opt.development_extensions.wrap_url_and_doi = true;
    const bib = engine.makeBibliography();
    if (bib) bib[0].entry_ids.forEach((ids, i) => run.references.set(ids[0], bib[1][i].trim()));
    engine.opt.development_extensions.wrap_url_and_doi = false;
    engine.setOutputFormat('text');
    for (const item of items) {
      let author = decodeText(engine.makeCitationCluster([{ id: item.id, 'author-only': true }]));
      const year = decodeText(engine.makeCitationCluster([{ id: item.id, 'suppress-author': true }])).replace(/^\((.*)\)$/s, '$1');
      // `and others` in BibTeX: the style cannot know the list goes on, so the label says it.
      if (item._etAl && !/et al\./.test(author)) author = `${author.replace(/\s*(&|and)\s*[^&]*$/, '').replace(/,$/, '')} et al.`;
      run.labels.set(item.id, { author, year });
    }
    engine.setOutputFormat('html');
  }
  last = { key, run };
  return run;
}
