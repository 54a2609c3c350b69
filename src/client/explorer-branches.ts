/**
 * The explorer (src/components/Explorer.astro): opening a branch the page
 * did not bring fetches its entries (`/explorer/<key>.json`) and shows them
 * as the page shows its own. On narrow screens the explorer is a drawer: the
 * header's button opens it, Escape, its Close button or a tap outside close
 * it; while it is open the rest of the page is inert, and focus goes into it
 * and back to the button.
 */
import { explorerPath, href } from '../lib/site/urls';
import type { ExplorerEntry, ExplorerList } from '../lib/site/explorer';

const nav = document.querySelector<HTMLElement>('[data-explorer]');
const opener = document.querySelector<HTMLButtonElement>('[data-explorer-open]');
const root = document.documentElement;
/** Where the explorer stops being a column beside the page (global.css). */
const DRAWER = matchMedia('(max-width: 1199px)');

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function entryItem(entry: ExplorerEntry): HTMLLIElement {
  const link = el('a', { href: href(entry.path), textContent: entry.label });
  if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
  if (!entry.branch) return el('li', {}, link);
  if (entry.folder) link.dataset.folder = '';
  const item = el('li', { className: 'branch' }, link);
  if (entry.count !== undefined) item.append(el('small', { textContent: ` ${entry.count}` }));
  const summary = el('summary', {}, el('span', { textContent: entry.label }));
  const details = el('details', {}, summary, el('p', { className: 'explorer-pending' }, el('a', { href: href(entry.path), textContent: `Open ${entry.label}` })));
  details.dataset.branch = entry.branch;
  item.append(details);
  return item;
}

/** A branch's rows; a row the page brought open (`kept`, by its branch) stays as it is, with what is open below it. */
function listOf(list: ExplorerList, morePath: string, kept: Map<string, HTMLElement>): HTMLUListElement {
  const ul = el('ul', {}, ...list.entries.map((entry) => (entry.branch && kept.get(entry.branch)) || entryItem(entry)));
  if (list.more) ul.append(el('li', { className: 'explorer-more' }, el('a', { href: morePath, textContent: `${list.more} more` })));
  return ul;
}

/** What stands for a branch's rows until they are fetched: a link to its page, or the rows on the way to this page. */
const unfilled = (details: HTMLDetailsElement) => details.querySelector<HTMLElement>(':scope > .explorer-pending, :scope > ul[data-partial]');

/** Fills an open branch with its rows, once; on failure its link to the branch's page stays. */
async function fill(details: HTMLDetailsElement): Promise<void> {
  if (!unfilled(details) || details.dataset.loading !== undefined) return;
  details.dataset.loading = '';
  details.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(href(explorerPath(details.dataset.branch!)));
    if (!response.ok) return;
    const list = (await response.json()) as ExplorerList;
    const stale = unfilled(details)!;
    const kept = new Map([...stale.querySelectorAll<HTMLElement>(':scope > li > details[data-branch]')].map((d) => [d.dataset.branch!, d.parentElement!]));
    const morePath = details.parentElement!.querySelector<HTMLAnchorElement>(':scope > a')!.href;
    const fresh = listOf(list, morePath, kept);
    // The page's own row stays, even past the rows a branch's file lists.
    const own = stale.querySelector(':scope > li > [aria-current="page"]')?.parentElement;
    if (own && !fresh.querySelector(':scope > li > [aria-current="page"]')) fresh.insertBefore(own, fresh.querySelector(':scope > .explorer-more'));
    stale.replaceWith(fresh);
  } catch {
    // Offline, say: the link to the branch's page is still there.
  } finally {
    delete details.dataset.loading;
    details.removeAttribute('aria-busy');
  }
}

/** Everything a reader could reach besides the drawer, inert while it is open: the header with its button too. */
const aroundDrawer = (drawer: HTMLElement): HTMLElement[] =>
  [...document.body.children, ...(drawer.parentElement?.children ?? [])].filter((e): e is HTMLElement => e instanceof HTMLElement && !e.contains(drawer));

/** The page's own row in view, in a column of many rows, without scrolling the page. */
function showCurrent(drawer: HTMLElement): void {
  const row = drawer.querySelector<HTMLElement>('[aria-current="page"]');
  if (!row) return;
  const top = row.getBoundingClientRect().top - drawer.getBoundingClientRect().top + drawer.scrollTop;
  if (top > drawer.clientHeight * 0.6) drawer.scrollTop = top - drawer.clientHeight / 3;
}

function setDrawer(drawer: HTMLElement, button: HTMLButtonElement, open: boolean): void {
  if (open === root.hasAttribute('data-drawer-open')) return;
  root.toggleAttribute('data-drawer-open', open);
  button.setAttribute('aria-expanded', String(open));
  for (const part of aroundDrawer(drawer)) part.inert = open;
  if (open) {
    showCurrent(drawer);
    drawer.querySelector<HTMLElement>('[data-explorer-close]')?.focus();
  } else button.focus();
}

if (nav) {
  nav.addEventListener('toggle', (e) => {
    const details = e.target as HTMLDetailsElement;
    if (details.open && details.dataset.branch) void fill(details);
  }, true);
  // The branches on the way to this page came with one row each: their other rows come now.
  const partial = [...nav.querySelectorAll<HTMLDetailsElement>('details[open][data-branch]')].filter((d) => unfilled(d));
  void Promise.all(partial.map(fill)).then(() => !DRAWER.matches && showCurrent(nav));
}

if (nav && opener) {
  const drawer = nav;
  const setOpen = (open: boolean) => setDrawer(drawer, opener, open);
  root.toggleAttribute('data-explorer-drawer', true);
  opener.hidden = false;
  opener.addEventListener('click', () => setOpen(true));
  drawer.querySelector('[data-explorer-close]')?.addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && root.hasAttribute('data-drawer-open')) setOpen(false);
  });
  // A tap beside the drawer closes it (the page around it is inert, so the tap lands on the page's frame).
  document.addEventListener('click', (e) => {
    if (root.hasAttribute('data-drawer-open') && e.target instanceof Node && !drawer.contains(e.target) && !opener.contains(e.target)) setOpen(false);
  });
  DRAWER.addEventListener('change', () => !DRAWER.matches && setOpen(false));
}
