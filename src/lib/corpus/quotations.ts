/**
 * Quotations an item gives, in quotation marks, and text folded so that a
 * quotation can be found word for word in a paper's text whatever its quote
 * marks, dashes, case and spacing (provenance.ts).
 */

const QUOTE = /[“"«]([^“”"«»\n]{12,600}?)[”"»]/g;
const MIN_QUOTE_WORDS = 4;

/** Quotations in a text: words in quotation marks, four or more (shorter ones are terms, not quotations). */
export function findQuotations(text: string): { quote: string; start: number }[] {
  return [...text.matchAll(QUOTE)]
    .map((m) => ({ quote: m[1].trim(), start: m.index! }))
    .filter(({ quote }) => quote.split(/\s+/).length >= MIN_QUOTE_WORDS);
}

/** Text folded for word-for-word comparison: case, quote and dash styles, whitespace and ellipses set aside. */
export function foldQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
