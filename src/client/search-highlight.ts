/**
 * The page a search result opened: the words of the query (carried in
 * ?highlight=) are marked in the text with <mark>, the page is brought to the
 * matched section (its #heading, else the first marked word), and a small
 * button clears the marks. Loaded only when the parameter is there
 * (search-dialog.ts).
 */
import { HIGHLIGHT_PARAM, highlightRanges } from '../lib/search/wire/query';
import { fill, text } from './interface-text';

/** Enough marks to show where the words are; a page that repeats them thousands of times stops here. */
const MAX_MARKS = 500;
/** Text inside these is not the page's prose. */
const SKIP = 'script, style, noscript, textarea, input, select, svg, mark, nav, dialog, [data-search], .search-mark-bar';

export function highlightPage(query: string, root: HTMLElement): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.nodeValue?.trim() && !node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    if (marks.length >= MAX_MARKS) break;
    const ranges = highlightRanges(text.data, query);
    // From the end, so that earlier offsets stay valid as the node is split.
    for (const [start, end] of ranges.reverse()) {
      const word = text.splitText(start);
      word.splitText(end - start);
      const mark = Object.assign(document.createElement('mark'), { className: 'search-mark' });
      word.replaceWith(mark);
      mark.append(word);
      marks.push(mark);
    }
  }
  return marks;
}

/** Removes the marks and the bar, and the query from the address, so a reload shows the page plain. */
export function clearHighlights(): void {
  for (const mark of document.querySelectorAll('mark.search-mark')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
  document.querySelector('.search-mark-bar')?.remove();
  const url = new URL(location.href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', url);
}

function start(): void {
  const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  const root = document.querySelector<HTMLElement>('main article') ?? document.querySelector<HTMLElement>('main');
  if (!query || !root) return;
  const marks = highlightPage(query, root);
  if (!marks.length) return;
  const bar = Object.assign(document.createElement('div'), { className: 'search-mark-bar' });
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', text.search.highlights);
  const count = Object.assign(document.createElement('span'), { textContent: fill(text.search.marked, { n: marks.length === 500 ? '500+' : marks.length, query }) });
  const clear = Object.assign(document.createElement('button'), { type: 'button', className: 'search-mark-clear', textContent: text.search.clearHighlights });
  clear.addEventListener('click', clearHighlights);
  bar.append(count, ' ', clear);
  document.body.append(bar);
  // The #heading of a section result already brought the page there; otherwise, the first marked word.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) target.scrollIntoView({ block: 'start' });
  else marks[0].scrollIntoView({ block: 'center' });
}

start();
