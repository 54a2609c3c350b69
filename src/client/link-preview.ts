/**
 * Link previews: resting the pointer on a link to another item (~300 ms), or
 * reaching it with the keyboard, shows a card with its kind, title, claim or
 * summary, the claim's status, and first lines; a link into a section
 * (`[[X#Heading]]`) shows that section's first lines instead. The card's data is a small file per item
 * (`/previews/<id>.json`), fetched on first use and kept. A footnote's
 * number shows the footnote, read from the page. Esc or leaving the
 * link closes it; the card sits below the link (above it near the bottom of the
 * window), outside the page's flow, so nothing moves. Off on touch screens,
 * where a tap follows the link.
 */
import { KIND_FOLDER } from '../lib/content/ids';
import { STATUS_VOCABULARY } from '../lib/content/stance';
import { KIND_VOCABULARY } from '../lib/content/kind-vocabulary';
import { BASE, href, previewPath } from '../lib/site/urls';
import type { LinkPreview, SectionPreview } from '../lib/site/previews';

const DELAY_MS = 300;
const GAP = 6;
const ITEM = new RegExp(`^${BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}((?:${Object.values(KIND_FOLDER).join('|')})/.+?)/$`);
const cache = new Map<string, Promise<LinkPreview | undefined>>();

let card: HTMLElement | undefined;
let shownFor: HTMLAnchorElement | undefined;
/** The link the card describes, and its own `aria-describedby` before (a footnote's names the footnotes' heading). */
let described: { link: HTMLAnchorElement; before: string | null } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The item a link leads to, or undefined for links elsewhere (to the page itself, to a folder's page, which has no preview). */
function itemOf(a: HTMLAnchorElement): string | undefined {
  if (a.origin !== location.origin || a.pathname === location.pathname || a.hasAttribute('data-folder') || a.closest('[data-preview-card], [role="listbox"]')) return undefined;
  const match = ITEM.exec(a.pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

function load(id: string): Promise<LinkPreview | undefined> {
  let data = cache.get(id);
  if (!data) {
    data = fetch(href(previewPath(id))).then((r) => (r.ok ? (r.json() as Promise<LinkPreview>) : undefined), () => undefined);
    cache.set(id, data);
  }
  return data;
}

const el = (tag: string, className: string, text?: string) => Object.assign(document.createElement(tag), { className, textContent: text ?? '' });

/** The card's contents for an item, or for one of its sections when the link points into it. */
function cardOf(preview: LinkPreview, section?: SectionPreview): HTMLElement[] {
  const head = el('p', 'preview-head');
  head.append(el('span', `badge ${preview.kind}`, KIND_VOCABULARY[preview.kind].one));
  if (preview.stub) head.append(' ', el('span', 'badge stub', 'not written yet'));
  if (preview.status) head.append(' ', el('span', `badge status-${preview.status}`, STATUS_VOCABULARY[preview.status].label));
  if (preview.grounding) head.append(el('span', `grounding grounding-${preview.grounding}`, ` · ${preview.groundingText ?? preview.grounding}`));
  if (section) {
    const title = el('p', 'preview-title', preview.title);
    title.append(el('span', 'preview-section', ` › ${section.heading}`));
    return [head, title, ...(section.excerpt ? [el('p', 'preview-excerpt', section.excerpt)] : [])];
  }
  const parts = [head, el('p', 'preview-title', preview.title)];
  if (preview.claim) parts.push(el('p', 'preview-claim', preview.claim));
  else if (preview.summary) parts.push(el('p', 'preview-summary', preview.summary));
  if (preview.excerpt) parts.push(el('p', 'preview-excerpt', preview.excerpt));
  if (preview.stub && !preview.excerpt) parts.push(el('p', 'preview-excerpt', `Referenced by ${preview.referrers} ${preview.referrers === 1 ? 'item' : 'items'}; not written yet.`));
  return parts;
}

/** A footnote's text, copied from the list at the page's end, without its way back and without ids. */
function footnoteOf(a: HTMLAnchorElement): HTMLElement[] | undefined {
  if (!a.hasAttribute('data-footnote-ref') || a.pathname !== location.pathname) return undefined;
  const note = document.getElementById(decodeURIComponent(a.hash.slice(1)));
  if (!note) return undefined;
  const copy = note.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-footnote-backref]').forEach((back) => back.remove());
  copy.querySelectorAll('[id]').forEach((child) => child.removeAttribute('id'));
  const label = el('p', 'preview-head');
  label.append(el('span', 'badge footnote', `Footnote ${a.textContent?.trim() ?? ''}`));
  const body = el('div', 'preview-footnote');
  body.append(...copy.childNodes);
  return [label, body];
}

/** What the card shows for a link: its footnote, or the preview of the item (or section) it leads to. */
async function contentsFor(a: HTMLAnchorElement): Promise<HTMLElement[] | undefined> {
  const footnote = footnoteOf(a);
  if (footnote) return footnote;
  const id = itemOf(a);
  const preview = id ? await load(id) : undefined;
  if (!preview) return undefined;
  const anchor = a.hash ? decodeURIComponent(a.hash.slice(1)) : undefined;
  return cardOf(preview, anchor ? preview.sections?.[anchor] : undefined);
}

/** Below the link, or above it when the window has no room below; never over it. */
function place(a: HTMLAnchorElement): void {
  // A link wrapped over lines: below its last line, from where it starts.
  const box = a.getBoundingClientRect();
  const width = Math.min(card!.offsetWidth, innerWidth - 2 * GAP);
  const left = Math.max(GAP, Math.min((a.getClientRects()[0] ?? box).left, innerWidth - width - GAP));
  const below = box.bottom + GAP + card!.offsetHeight <= innerHeight || box.top < card!.offsetHeight + GAP;
  const top = below ? box.bottom + GAP : box.top - GAP - card!.offsetHeight;
  card!.style.left = `${left + scrollX}px`;
  card!.style.top = `${top + scrollY}px`;
}

async function show(a: HTMLAnchorElement): Promise<void> {
  shownFor = a;
  const contents = await contentsFor(a);
  if (shownFor !== a) return;
  if (!contents) {
    shownFor = undefined;
    return;
  }
  if (!card) {
    card = el('div', 'preview-card');
    card.id = 'link-preview';
    card.setAttribute('role', 'tooltip');
    card.dataset.previewCard = '';
    document.body.append(card);
  }
  card.replaceChildren(...contents);
  card.hidden = false;
  place(a);
  if (described?.link !== a) {
    undescribe();
    described = { link: a, before: a.getAttribute('aria-describedby') };
  }
  a.setAttribute('aria-describedby', card.id);
}

function undescribe(): void {
  if (described?.before) described.link.setAttribute('aria-describedby', described.before);
  else described?.link.removeAttribute('aria-describedby');
  described = undefined;
}

function hide(): void {
  clearTimeout(timer);
  undescribe();
  shownFor = undefined;
  if (card) card.hidden = true;
}

const linkIn = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href]') : null);

if (!matchMedia('(hover: none)').matches) {
  document.addEventListener('pointerover', (e) => {
    const a = linkIn(e);
    if (!a || a === shownFor || (e as PointerEvent).pointerType === 'touch') return;
    hide();
    timer = setTimeout(() => void show(a), DELAY_MS);
  });
  document.addEventListener('pointerout', (e) => {
    const a = linkIn(e);
    if (a && !a.contains((e as PointerEvent).relatedTarget as Node | null)) hide();
  });
  document.addEventListener('focusin', (e) => {
    const a = linkIn(e);
    if (a?.matches(':focus-visible')) void show(a);
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shownFor) hide();
  });
  addEventListener('scroll', () => shownFor && card && !card.hidden && place(shownFor), { passive: true });
  // This script comes after the page: a pointer already resting on a link when it arrives sends no event.
  const resting = [...document.querySelectorAll<HTMLAnchorElement>('a[href]:hover')].pop();
  if (resting) timer = setTimeout(() => void show(resting), DELAY_MS);
}
