/**
 * Search documents from the corpus: what is indexed for each item, and the
 * small record the browser fetches to show it as a result.
 */
import type { Corpus } from '../../corpus';
import { searchId, type SearchDocument } from '../wire/options';
import type { SearchRecord } from '../wire/types';

/** Long full texts (a paper's) are indexed whole, but a result only carries their start for snippets. */
export const RECORD_TEXT_LIMIT = 6000;

export interface SearchCorpus {
  documents: SearchDocument[];
  records: SearchRecord[];
}

/** Every node of the graph, written or stub, numbered in the graph's (sorted, stable) order. */
export function searchCorpus(corpus: Corpus): SearchCorpus {
  const documents: SearchDocument[] = [];
  const records: SearchRecord[] = [];
  let n = 0;
  for (const node of corpus.graph.nodes.values()) {
    const id = searchId(node.kind, node.stub, n++);
    const body = corpus.bodies.get(node.id);
    const text = body?.text ?? '';
    documents.push({
      id,
      title: node.title,
      aliases: node.aliases.join('\n'),
      claim: node.claim ?? '',
      summary: node.summary ?? '',
      tags: node.tags.map((t) => t.replaceAll('/', ' ')).join('\n'),
      headings: (body?.headings ?? []).map((h) => h.text).join('\n'),
      body: text,
    });
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
      // Paragraph breaks would show as odd gaps inside a one-line snippet.
      text: cut(text.replace(/\s+/g, ' ').trim(), RECORD_TEXT_LIMIT),
    });
  }
  return { documents, records };
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = text.lastIndexOf(' ', limit);
  return text.slice(0, end > limit * 0.8 ? end : limit);
}
