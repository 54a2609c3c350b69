/**
 * The inverted index of the search documents, made in one pass over their
 * texts: each term's postings per field, already in the order the files list
 * them (by page, then by place on the page), and each document's field
 * lengths. It counts as MiniSearch counts, which a unit test checks: a
 * field's length is its number of distinct words as split (stop words
 * included), a posting's frequency the words of the field that become its
 * term. It holds plain arrays in one Map, where MiniSearch inserts every word
 * into a radix tree of Maps that then has to be copied out as objects and
 * sorted back into this order: the costly part of a build's search files.
 */
import type { Checkpoint } from '../../content/checkpoint';
import { indexTerm, SEARCH_FIELDS, SECTION_CODE, tokenize, type SearchDocument } from '../wire/index-rules';

export interface InvertedIndex {
  documentCount: number;
  /** Each document's page, by document number. */
  pageOf: Int32Array;
  /** Each document's place on its page: 0 the page itself, 1, 2… its sections. */
  placeOf: Int32Array;
  /** One letter per page, its kind (upper case for a stub; see `searchId`). */
  kinds: string;
  /** Each document's length in each field, at `document × SEARCH_FIELDS.length + field`. */
  fieldLength: Uint32Array;
  /** Each field's average length over every document. */
  averageFieldLength: number[];
  /** Each term's postings by field number: `[document, frequency, …]`, pages ascending, places ascending within a page. */
  terms: Map<string, number[][]>;
}

/** How many documents are indexed between two checkpoints. */
const DOCUMENTS_PER_CHECKPOINT = 500;

/**
 * The inverted index of `documents`: pages first (`n12`, `P3`…), then sections (`s40-3`), each numbered by
 * its position. `checkpoint` runs after every few hundred documents (see `IndexingHooks`).
 */
export function invertedIndex(documents: readonly SearchDocument[], checkpoint?: Checkpoint): InvertedIndex {
  const { pageOf, placeOf, kinds, order } = placesOf(documents);
  const fields = SEARCH_FIELDS.length;
  const fieldLength = new Uint32Array(documents.length * fields);
  const totals: number[] = SEARCH_FIELDS.map(() => 0);
  const terms = new Map<string, number[][]>();
  const termOf = termCache();
  order.forEach((doc, i) => {
    SEARCH_FIELDS.forEach((field, f) => {
      const words = tokenize(documents[doc][field]);
      if (words.length === 0) return;
      const length = new Set(words).size;
      fieldLength[doc * fields + f] = length;
      totals[f] += length;
      const frequency = new Map<string, number>();
      for (const word of words) {
        const term = termOf(word);
        if (term) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      }
      for (const [term, tf] of frequency) {
        let postings = terms.get(term);
        if (!postings) terms.set(term, (postings = []));
        (postings[f] ??= []).push(doc, tf);
      }
    });
    if ((i + 1) % DOCUMENTS_PER_CHECKPOINT === 0) checkpoint?.();
  });
  const averageFieldLength = totals.map((total) => total / (documents.length || 1));
  return { documentCount: documents.length, pageOf, placeOf, kinds, fieldLength, averageFieldLength, terms };
}

/**
 * Each document's page and place, read from its id, and the order the files list documents in (each page,
 * then its sections). Numbers are both positions and the ids' own numbers; the format relies on it.
 */
function placesOf(documents: readonly SearchDocument[]): Pick<InvertedIndex, 'pageOf' | 'placeOf' | 'kinds'> & { order: Int32Array } {
  let kinds = '';
  const pageOf = new Int32Array(documents.length);
  const placeOf = new Int32Array(documents.length);
  const sectionsOf: number[][] = [];
  documents.forEach(({ id }, n) => {
    const [number, page] = id.slice(1).split('-');
    if (number !== String(n)) throw new Error(`search document ${n} has id ${id}`);
    if (id[0] !== SECTION_CODE) {
      if (sectionsOf.length) throw new Error(`search document ${n} (${id}) is a page after the first section`);
      kinds += id[0];
      pageOf[n] = n;
      return;
    }
    const of = Number(page);
    if (!(of < kinds.length)) throw new Error(`search section ${id} names no page`);
    const siblings = (sectionsOf[of] ??= []);
    siblings.push(n);
    pageOf[n] = of;
    placeOf[n] = siblings.length;
  });
  const order = new Int32Array(documents.length);
  let at = 0;
  for (let page = 0; page < kinds.length; page++) {
    order[at++] = page;
    for (const section of sectionsOf[page] ?? []) order[at++] = section;
  }
  return { pageOf, placeOf, kinds, order };
}

/** Distinct words kept before the word → term memo starts over (a text's words repeat; hashes and numbers do not). */
const MEMO_LIMIT = 1 << 17;

/** `indexTerm`, remembered per distinct word: most words of a corpus are words met before. */
function termCache(): (word: string) => string | null {
  const memo = new Map<string, string | null>();
  return (word) => {
    let term = memo.get(word);
    if (term === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, (term = indexTerm(word)));
    }
    return term;
  };
}
