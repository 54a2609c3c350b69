/**
 * The search box's markup, written by the landing page at build time and by
 * the search dialog in the browser the first time a reader opens it: written
 * into every page, the dialog weighed on every page whether or not search was
 * used. src/client/search-ui.ts finds its parts by their data- attributes.
 * Browser code imports this file, so it imports only what the browser may.
 */
import { KINDS, type Kind } from '../content/ids';
import { KIND_VOCABULARY } from '../content/kind-vocabulary';

export interface SearchBoxOptions {
  /** Prefix for element ids, unique on the page. */
  id: string;
  label: string;
  /** `page`: results stay on the page and the URL's ?q= follows the box; `dialog`: inside the search dialog. */
  variant: 'page' | 'dialog';
  /** Where the form goes without script: the landing page, under the site's base. */
  action: string;
  /** The kinds the collection holds, offered as filters (every kind by default). */
  kinds?: readonly Kind[];
}

/** The kinds a collection holds, in words: "notes, papers and inquiry lines", or "notes" alone. */
export function kindsInWords(kinds: readonly Kind[]): string {
  const words = kinds.map((k) => KIND_VOCABULARY[k].many.toLowerCase());
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'notes');
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function searchBoxHtml({ id, label, variant, action, kinds: held = KINDS }: SearchBoxOptions): string {
  const kinds = [
    '<button type="button" data-kind="all" aria-pressed="true">All <span class="search-count" data-count></span></button>',
    ...held.map((k) => `<button type="button" data-kind="${k}" data-label="${escape(KIND_VOCABULARY[k].one)}" aria-pressed="false">${escape(KIND_VOCABULARY[k].many)} <span class="search-count" data-count></span></button>`),
  ];
  return (
    `<div class="search search--${variant}" data-search="${variant}" data-kinds="${held.join(' ')}">` +
    `<form role="search" action="${escape(action)}" method="get" class="search-form">` +
    `<label for="${id}-input" class="search-label">${escape(label)}</label>` +
    `<input id="${id}-input" name="q" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-results" aria-describedby="${id}-status" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search" placeholder="${held.length > 1 ? 'A question, a claim, a paper, a line…' : 'A word, a title, a phrase…'}" data-search-input>` +
    '</form>' +
    `<div class="search-kinds" role="group" aria-label="Show results of one kind" data-search-kinds hidden>${kinds.join('')}</div>` +
    `<p id="${id}-status" class="search-status" role="status" data-search-status>Type to search titles, claims, summaries and full text.</p>` +
    `<ul id="${id}-results" class="search-results" role="listbox" aria-label="Search results" data-search-results hidden></ul>` +
    '<button type="button" class="search-more" data-search-more hidden>Show more results</button>' +
    '</div>'
  );
}

/** The dialog that Ctrl/Cmd-K, "/" and the header's Search button open on every page but the landing page. */
export function searchDialogHtml(action: string, kinds?: readonly Kind[]): string {
  return (
    '<dialog class="search-dialog" data-search-dialog aria-labelledby="dialog-search-title">' +
    '<div class="search-dialog-head"><h2 id="dialog-search-title">Search</h2>' +
    '<form method="dialog"><button type="submit" class="search-dialog-close" aria-label="Close search">Close</button></form></div>' +
    searchBoxHtml({ id: 'dialog-search', label: `Search ${kindsInWords(kinds ?? KINDS)}`, variant: 'dialog', action, kinds }) +
    '<p class="search-dialog-keys" aria-hidden="true"><kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close</p>' +
    '</dialog>'
  );
}
