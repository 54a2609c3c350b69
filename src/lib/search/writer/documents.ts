/**
 * Search documents from the corpus: what is indexed for each item and each
 * of its sections, and the small record the browser fetches to show an item
 * as a result.
 */
import type { Corpus } from '../../corpus';
import { MAX_SECTIONS, normalizeTerm, searchId, sectionId, tokenize, type SearchDocument } from '../wire/index-rules';
import type { RecordSection, SearchRecord } from '../wire/types';

/** Long full texts (a paper's) are indexed whole, but a result only carries their start for snippets. */
export const RECORD_TEXT_LIMIT = 6000;


export interface SearchCorpus {
  documents: SearchDocument[];
  records: SearchRecord[];
}

/** A heading of a body as the corpus records it (its text and anchor). */
type BodyHeading = Pick<NonNullable<ReturnType<Corpus['bodies']['get']>>['headings'][number], 'text' | 'anchor'>;

interface Section {
  heading: string;
  anchor: string;
  text: string;
}

/**
 * Every node of the graph, written or stub, numbered in the graph's (sorted,
 * stable) order; then the sections of every page, numbered on from there in
 * the same order, so that page numbers stay the graph's.
 */
export function searchCorpus(corpus: Corpus): SearchCorpus {
  const documents: SearchDocument[] = [];
  const sectionDocuments: SearchDocument[] = [];
  const records: SearchRecord[] = [];
  const pages = corpus.graph.nodes.size;
  let n = 0;
  for (const node of corpus.graph.nodes.values()) {
    const page = n++;
    const id = searchId(node.kind, node.stub, page);
    const body = corpus.bodies.get(node.id);
    const { intro, sections } = splitSections(body?.text ?? '', body?.headings ?? []);
    documents.push({
      id,
      title: node.title,
      aliases: node.aliases.join('\n'),
      tags: node.tags.map((t) => t.replaceAll('/', ' ')).join('\n'),
      path: pathWords(node.file, node.title),
      claim: node.claim ?? '',
      summary: node.summary ?? '',
      headings: '',
      body: intro,
    });
    for (const section of sections) {
      sectionDocuments.push({ id: sectionId(pages + sectionDocuments.length, page), title: '', aliases: '', tags: '', path: '', claim: '', summary: '', headings: section.heading, body: section.text });
    }
    // Paragraph breaks would show as odd gaps inside a one-line snippet.
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    let text = flat(intro);
    const recordSections: RecordSection[] = [];
    for (const section of sections) {
      const at = text.length > 0 ? text.length + 1 : 0;
      const own = flat(section.text);
      recordSections.push({ heading: section.heading, anchor: section.anchor, ...(at < RECORD_TEXT_LIMIT ? { at } : {}) });
      if (own) text = text ? `${text} ${own}` : own;
    }
    records.push({
      id,
      url: node.url,
      title: node.title,
      kind: node.kind,
      stub: node.stub,
      ...(node.claim ? { claim: node.claim } : {}),
      ...(node.summary ? { summary: node.summary } : {}),
      ...(node.status ? { status: node.status } : {}),
      ...(node.grounding ? { grounding: node.grounding } : {}),
      aliases: node.aliases,
      tags: node.tags,
      text: cut(text, RECORD_TEXT_LIMIT),
      ...(recordSections.length ? { sections: recordSections } : {}),
    });
  }
  return { documents: documents.concat(sectionDocuments), records };
}

/**
 * The body's plain text (one line a block, headings among them) cut at its
 * headings. A heading's anchor is the one the page gives it: its slug, with
 * `-1`, `-2`… on repeats, as rehype-slug numbers them.
 */
export function splitSections(text: string, headings: readonly BodyHeading[]): { intro: string; sections: Section[] } {
  const intro: string[] = [];
  const parts: { section: Section; lines: string[] }[] = [];
  const used = new Map<string, number>();
  let next = 0;
  let current = intro;
  for (const line of text.split('\n')) {
    const heading = headings[next];
    if (heading && line.trim() === heading.text.trim()) {
      next++;
      const seen = used.get(heading.anchor) ?? 0;
      used.set(heading.anchor, seen + 1);
      if (parts.length < MAX_SECTIONS) {
        current = [];
        parts.push({ section: { heading: heading.text, anchor: seen ? `${heading.anchor}-${seen}` : heading.anchor, text: '' }, lines: current });
        continue;
      }
    }
    current.push(line);
  }
  return { intro: intro.join('\n'), sections: parts.map(({ section, lines }) => ({ ...section, text: lines.join('\n') })) };
}

/**
 * The words of an item's file path that its title lacks: the folders and a
 * file name that differs from the title ("algo", "Leaky bucket"), without
 * the extension. Words the title has would only double its postings.
 */
function pathWords(file: string | undefined, title: string): string {
  if (!file) return '';
  const inTitle = new Set(tokenize(title).map(normalizeTerm));
  return tokenize(file.replace(/\.[a-z0-9]+$/i, ''))
    .filter((w) => !inTitle.has(normalizeTerm(w)))
    .join(' ');
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = text.lastIndexOf(' ', limit);
  return text.slice(0, end > limit * 0.8 ? end : limit);
}
