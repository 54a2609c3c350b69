/**
 * The search dialog of every page but the landing page, and the keys that open search there too (Ctrl/Cmd-K,
 * "/"). The dialog is made the first time search is opened (src/lib/site/search-box.ts), and the search code
 * itself (search-ui.ts) is fetched then.
 */
import { searchDialogHtml } from '../lib/site/search-box';
import type { Kind } from '../lib/content/ids';
import { href } from '../lib/site/urls';
import { text } from './interface-text';

const load = () => import('./search-ui');
/**
 * Whether a key goes to a field the reader is typing in. A field in a closed dialog is not one: Chromium moves
 * focus off it in a task after the dialog closes, so "/" pressed right after Esc can still reach the hidden box.
 */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
  !target.closest('dialog:not([open])');

let made: HTMLDialogElement | undefined;
/** The dialog, made on first use: as markup it was 2 KB of every page, 8% of the median note page. */
function searchDialog(): HTMLDialogElement {
  if (made) return made;
  // The header's button names the kinds the collection holds (Base.astro), so the dialog offers only those.
  const held = document.querySelector<HTMLElement>('[data-search-open]')?.dataset.kinds?.split(' ').filter(Boolean) as Kind[] | undefined;
  document.body.insertAdjacentHTML('beforeend', searchDialogHtml(href('/'), text, held?.length ? held : undefined));
  const dialog = document.body.lastElementChild as HTMLDialogElement;
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  return (made = dialog);
}

async function openSearch() {
  // On the landing page the big box is the search: go there rather than open a second one.
  const main = document.querySelector<HTMLElement>('[data-search="page"]');
  const dialog = main ? undefined : searchDialog();
  const root = main ?? dialog?.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  // Open and focus before the search code arrives, so keys typed meanwhile land in the box.
  if (main) main.scrollIntoView({ block: 'center' });
  else if (dialog && !dialog.open) dialog.showModal();
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  // Selected, so typing replaces an earlier query; from here on the keys are the reader's.
  input?.focus();
  input?.select();
  const ui = await load();
  const widget = ui.mountSearch(root);
  if (input?.value) await widget.run(input.value);
}

document.addEventListener('keydown', (e) => {
  const commandK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
  const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
  if (commandK || slash) {
    e.preventDefault();
    void openSearch();
  }
});
for (const button of document.querySelectorAll('[data-search-open]')) button.addEventListener('click', () => void openSearch());

// A page opened from a search result marks the query's words (the parameter is HIGHLIGHT_PARAM of
// src/lib/search/wire/query.ts, spelt out here so that pages read without it never load the search code).
if (new URLSearchParams(location.search).has('highlight')) void import('./search-highlight');
