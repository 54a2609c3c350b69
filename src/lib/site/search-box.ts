/**
 * The search box's markup, written by the landing page at build time and by
 * the search dialog in the browser the first time a reader opens it: written
 * into every page, the dialog weighed on every page whether or not search was
 * used. src/client/search-ui.ts finds its parts by their data- attributes.
 * Browser code imports this file, so it imports only what the browser may.
 */
import { KINDS, type Kind } from '../content/ids';
import { fill, listOf } from './interface-text/fill';
import type { InterfaceText } from './interface-text/types';

/** The words of search: the site's interface text (pages) or its share given to browser code (`BrowserText`). */
export interface SearchWords {
  search: InterfaceText['search'];
  kinds: InterfaceText['kinds'];
  list: InterfaceText['list'];
  page: { search: string; close: string };
}

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
  text: SearchWords;
}

/** The kinds a collection holds, in words: "notes, papers and inquiry lines", or "notes" alone. */
export function kindsInWords(kinds: readonly Kind[], text: Pick<SearchWords, 'kinds' | 'list'>): string {
  return listOf(text.list, (kinds.length ? kinds : (['note'] as const)).map((k) => text.kinds[k].many.toLowerCase()));
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function searchBoxHtml({ id, label, variant, action, kinds: held = KINDS, text }: SearchBoxOptions): string {
  const words = text.search;
  const kinds = [
    `<button type="button" data-kind="all" aria-pressed="true">${escape(words.all)} <span class="search-count" data-count></span></button>`,
    ...held.map((k) => `<button type="button" data-kind="${k}" data-label="${escape(text.kinds[k].one)}" aria-pressed="false">${escape(text.kinds[k].many)} <span class="search-count" data-count></span></button>`),
  ];
  return (
    `<div class="search search--${variant}" data-search="${variant}" data-kinds="${held.join(' ')}">` +
    `<form role="search" action="${escape(action)}" method="get" class="search-form">` +
    `<label for="${id}-input" class="search-label">${escape(label)}</label>` +
    `<input id="${id}-input" name="q" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-results" aria-describedby="${id}-status" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search" placeholder="${escape(held.length > 1 ? words.placeholderMany : words.placeholderOne)}" data-search-input>` +
    '</form>' +
    `<div class="search-kinds" role="group" aria-label="${escape(words.kindsGroup)}" data-search-kinds hidden>${kinds.join('')}</div>` +
    `<p id="${id}-status" class="search-status" role="status" data-search-status>${escape(words.hint)}</p>` +
    `<ul id="${id}-results" class="search-results" role="listbox" aria-label="${escape(words.results)}" data-search-results hidden></ul>` +
    `<button type="button" class="search-more" data-search-more hidden>${escape(words.more)}</button>` +
    '</div>'
  );
}

/** The dialog that Ctrl/Cmd-K, "/" and the header's Search button open on every page but the landing page. */
export function searchDialogHtml(action: string, text: SearchWords, kinds?: readonly Kind[]): string {
  const kbd = (key: string) => `<kbd>${key}</kbd>`;
  return (
    '<dialog class="search-dialog" data-search-dialog aria-labelledby="dialog-search-title">' +
    `<div class="search-dialog-head"><h2 id="dialog-search-title">${escape(text.page.search)}</h2>` +
    `<form method="dialog"><button type="submit" class="search-dialog-close" aria-label="${escape(text.search.closeSearch)}">${escape(text.page.close)}</button></form></div>` +
    searchBoxHtml({ id: 'dialog-search', label: fill(text.search.label, { holds: kindsInWords(kinds ?? KINDS, text) }), variant: 'dialog', action, kinds, text }) +
    `<p class="search-dialog-keys" aria-hidden="true">${fill(text.search.keysHtml, { up: kbd('↑'), down: kbd('↓'), enter: kbd('Enter'), esc: kbd('Esc') })}</p>` +
    '</dialog>'
  );
}
