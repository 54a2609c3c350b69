/**
 * Search as a reader uses it: results while typing, ↑ ↓ Enter Esc, a filter
 * by kind, ?q= in the landing page's URL. Loaded on demand (focus, Ctrl/Cmd-K,
 * "/"), so pages that are only read never download the search code.
 */
import type { SearchRecord } from '../lib/search/wire/types';
import { SearchClient } from '../lib/search/wire/loader';
import { highlightUrl, matchRanges, resultSnippet, sectionSnippet, type KindFilter, type Range, type SearchHit, type SearchOutcome, type Snippet } from '../lib/search/wire/query';
import { href } from '../lib/site/urls';
import { dataFiles } from './site-data';
import { count, fill, text } from './interface-text';

const words = text.search;

const PAGE_SIZE = 10;
/** Typing pause before fetching index shards; a search on shards already loaded runs at once. */
const FETCH_PAUSE_MS = 90;
const client = new SearchClient((path) => dataFiles.json(path));

export interface SearchWidget {
  /** Searches for `query` (as if typed) and resolves once the results are shown. */
  run(query: string): Promise<void>;
  focus(): void;
  /** A navigation key pressed before the widget was there (↓, ↑, Enter), handled as if pressed now. */
  press(key: 'ArrowDown' | 'ArrowUp' | 'Enter'): void;
}

const widgets = new WeakMap<HTMLElement, SearchWidget>();

export function mountSearch(root: HTMLElement): SearchWidget {
  const existing = widgets.get(root);
  if (existing) return existing;
  const widget = new Widget(root);
  widgets.set(root, widget);
  return widget;
}

class Widget implements SearchWidget {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private readonly kinds: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly variant: 'page' | 'dialog';
  private kind: KindFilter = 'all';
  private shown = PAGE_SIZE;
  private active = -1;
  /** ↓ or ↑ was pressed while results were on their way: the first (or last) one is highlighted when they arrive. */
  private wanted: 'first' | 'last' | undefined;
  /** Increases with every query, so an answer that arrives late never replaces a newer one. */
  private generation = 0;
  /** The generation whose results are on screen; below `generation` while newer ones are on their way. */
  private shownGeneration = 0;
  /** The latest query's update, so Enter pressed before its results arrive can wait for them. */
  private pending: Promise<void> = Promise.resolve();
  private lastQuery = '';

  constructor(private readonly root: HTMLElement) {
    this.variant = root.dataset.search === 'dialog' ? 'dialog' : 'page';
    this.input = root.querySelector('[data-search-input]')!;
    this.list = root.querySelector('[data-search-results]')!;
    this.status = root.querySelector('[data-search-status]')!;
    this.kinds = root.querySelector('[data-search-kinds]')!;
    this.more = root.querySelector('[data-search-more]')!;

    this.input.addEventListener('input', () => void this.update());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.form?.addEventListener('submit', (e) => {
      e.preventDefault();
      this.openActiveOrAll();
    });
    this.kinds.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-kind]');
      if (!button || button.disabled) return;
      this.kind = button.dataset.kind as KindFilter;
      this.shown = PAGE_SIZE;
      void this.update(false);
    });
    this.more.addEventListener('click', () => {
      this.shown += PAGE_SIZE;
      void this.update(false).then(() => this.input.focus());
    });
    this.list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      if (e.ctrlKey || e.metaKey || e.shiftKey) window.open(this.target(option), '_blank', 'noopener');
      else location.assign(this.target(option));
    });
    // A middle click opens in a new tab, as it would on a link.
    this.list.addEventListener('auxclick', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (option && e.button === 1) window.open(this.target(option), '_blank', 'noopener');
    });
    // A click on a result does not blur the box first, so the list stays put under the pointer.
    this.list.addEventListener('mousedown', (e) => e.preventDefault());

    if (this.variant === 'page') {
      const params = new URLSearchParams(location.search);
      const kind = params.get('kind');
      if (kind === 'note' || kind === 'paper' || kind === 'line') this.kind = kind;
      const q = params.get('q');
      if (q && !this.input.value) this.input.value = q;
    }
    void client.prepare().catch(() => this.say(words.unavailable));
    if (this.input.value) void this.update(false);
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  run(query: string): Promise<void> {
    this.input.value = query;
    return this.update(false);
  }

  press(key: 'ArrowDown' | 'ArrowUp' | 'Enter'): void {
    this.onKey(new KeyboardEvent('keydown', { key, cancelable: true }));
  }

  /** `typing`: the query comes from keystrokes, so more may follow at once. */
  private update(typing = true): Promise<void> {
    const generation = ++this.generation;
    this.pending = this.search(generation, typing);
    return this.pending;
  }

  private async search(generation: number, typing: boolean): Promise<void> {
    const query = this.input.value;
    if (query !== this.lastQuery) {
      this.shown = PAGE_SIZE;
      this.lastQuery = query;
    }
    if (this.variant === 'page') this.syncUrl(query);
    if (!query.trim()) {
      this.shownGeneration = generation;
      this.wanted = undefined;
      this.clear();
      this.say(words.hint);
      return;
    }
    try {
      if (await client.needsFetch(query)) {
        // A fast typist's next letter is on its way: fetch shards for where the typing stops, not for every letter.
        if (typing) await new Promise((resolve) => setTimeout(resolve, FETCH_PAUSE_MS));
        if (generation !== this.generation) return;
        this.list.setAttribute('aria-busy', 'true');
        this.say(words.searching);
      }
      const outcome = await client.search(query, this.kind, this.shown);
      const visible = outcome.hits.length ? outcome.hits : outcome.suggestions;
      const records = await Promise.all(visible.map((h) => client.record(h.n)));
      if (generation !== this.generation) return;
      this.shownGeneration = generation;
      this.render(query, outcome, visible, records);
    } catch {
      if (generation !== this.generation) return;
      this.shownGeneration = generation;
      this.wanted = undefined;
      this.clear();
      this.say(words.failed);
    } finally {
      if (generation === this.generation) this.list.removeAttribute('aria-busy');
    }
  }

  private render(query: string, outcome: SearchOutcome, hits: SearchHit[], records: SearchRecord[]): void {
    // The reader's place: the highlighted item stays highlighted if it is still listed, else the first one is.
    const highlighted = this.options()[this.active]?.dataset.href;
    const wanted = this.wanted ?? (highlighted ? 'first' : undefined);
    this.wanted = undefined;
    this.renderKinds(outcome);
    const options = hits.flatMap((hit, i) => this.options_(hit, records[i], outcome.terms));
    const quoted = fill(words.quoted, { text: query.trim() });
    const none = this.kind === 'all' ? fill(words.noResults, { query: quoted }) : fill(words.noResultsOfKind, { query: quoted, kind: this.kindLabel(this.kind, 2).toLowerCase() });
    if (outcome.hits.length) {
      this.list.replaceChildren(...options);
      const total = outcome.total;
      const found = this.kind === 'all' ? count(words.found, total, { query: quoted }) : fill(words.foundOfKind, { n: total, kind: this.kindLabel(this.kind, total).toLowerCase(), query: quoted });
      const any = outcome.mode === 'any' ? words.someWords : '';
      this.say(`${found}${any}${total > hits.length ? fill(words.firstShown, { n: hits.length }) : ''}`);
    } else if (options.length) {
      const group = document.createElement('li');
      group.setAttribute('role', 'presentation');
      const label = Object.assign(document.createElement('div'), { id: `${this.list.id}-closest`, className: 'search-group-label', textContent: words.closest });
      const inner = document.createElement('ul');
      inner.setAttribute('role', 'group');
      inner.setAttribute('aria-labelledby', label.id);
      inner.append(...options);
      group.append(label, inner);
      this.list.replaceChildren(group);
      this.say(none + words.closestListed);
    } else {
      this.list.replaceChildren();
      this.say(none + words.tryOther);
    }
    this.more.hidden = outcome.total <= hits.length;
    this.setExpanded(options.length > 0);
    const kept = highlighted ? options.findIndex((o) => o.dataset.href === highlighted) : -1;
    this.activate(kept >= 0 ? kept : wanted === 'first' ? 0 : wanted === 'last' ? options.length - 1 : -1);
  }

  /** A result: the page, then its best sections ("Page › Heading"), each an option that opens at its heading. */
  private options_(hit: SearchHit, record: SearchRecord, terms: string[]): HTMLLIElement[] {
    const sections = hit.sections.flatMap((section) => {
      const heading = record.sections?.[section.index];
      if (!heading) return [];
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.id = `${this.list.id}-${hit.id}-${section.index}`;
      li.className = 'search-section';
      li.dataset.href = `${href(record.url)}#${heading.anchor}`;
      li.dataset.searchResult = '';
      const title = Object.assign(document.createElement('span'), { className: 'search-title' });
      const words = Object.keys(section.match).concat(terms);
      title.append(...marked(record.title, matchRanges(record.title, words)), ' › ', ...marked(heading.heading, matchRanges(heading.heading, words)));
      li.append(title);
      appendSnippet(li, sectionSnippet(record, section));
      return [li];
    });
    return [this.option(hit, record, terms), ...sections];
  }

  private option(hit: SearchHit, record: SearchRecord, terms: string[]): HTMLLIElement {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.id = `${this.list.id}-${hit.id}`;
    li.dataset.href = href(record.url);
    li.dataset.searchResult = '';

    const badge = Object.assign(document.createElement('span'), { className: `badge ${record.kind}`, textContent: this.kindLabel(record.kind, 1) });
    // The option itself is what opens: an option may not hold a link of its own (nested interactive content).
    const link = Object.assign(document.createElement('span'), { className: record.stub ? 'search-title stub' : 'search-title' });
    link.append(...marked(record.title, matchRanges(record.title, Object.keys(hit.match).concat(terms))));
    const head = document.createElement('div');
    head.append(badge, ' ', link);
    if (record.stub) head.append(' ', Object.assign(document.createElement('span'), { className: 'badge stub', textContent: text.stub.notWrittenYetLower }));
    if (record.status) head.append(' ', Object.assign(document.createElement('span'), { className: `badge status-${record.status}`, textContent: text.status[record.status].toLowerCase() }));
    if (record.grounding) head.append(Object.assign(document.createElement('span'), { className: `grounding grounding-${record.grounding}`, textContent: ` · ${record.grounding === 'cited' ? text.citedOnly : text.grounding[record.grounding]}` }));
    li.append(head);

    appendSnippet(li, resultSnippet(record, hit));
    return li;
  }

  /** The kinds the collection holds, from the search manifest's counts, else every kind. */
  private get heldKinds(): Set<string> {
    return new Set((this.root.dataset.kinds ?? 'note paper line').split(' '));
  }

  private renderKinds(outcome: SearchOutcome): void {
    this.kinds.hidden = false;
    for (const button of this.kinds.querySelectorAll<HTMLButtonElement>('button[data-kind]')) {
      const kind = button.dataset.kind as KindFilter;
      const count = outcome.counts[kind];
      button.querySelector('[data-count]')!.textContent = String(count);
      button.setAttribute('aria-pressed', String(kind === this.kind));
      button.disabled = count === 0 && kind !== this.kind;
      // A kind the collection does not hold at all (no papers in a plain vault) is not offered.
      button.hidden = kind !== 'all' && !this.heldKinds.has(kind);
    }
  }

  private onKey(e: KeyboardEvent): void {
    const options = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) {
        // Results are on their way: highlight one as soon as they show.
        if (this.input.value.trim() && this.shownGeneration < this.generation) {
          e.preventDefault();
          this.wanted = e.key === 'ArrowDown' ? 'first' : 'last';
        }
        return;
      }
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.activate(this.active < 0 ? (step > 0 ? 0 : options.length - 1) : (this.active + step + options.length) % options.length);
    } else if (e.key === 'Home' && e.ctrlKey && options.length) {
      e.preventDefault();
      this.activate(0);
    } else if (e.key === 'End' && e.ctrlKey && options.length) {
      e.preventDefault();
      this.activate(options.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const newTab = e.ctrlKey || e.metaKey;
      // ↓ then Enter before the newest results arrived opens what is highlighted once they show.
      if (this.shownGeneration < this.generation && (this.active >= 0 || this.wanted)) {
        void this.settled().then(() => this.openActiveOrAll(newTab));
      } else {
        this.openActiveOrAll(newTab);
      }
    } else if (e.key === 'Escape') {
      // The browser would clear a search box on Esc; what Esc does here is ours to decide.
      e.preventDefault();
      const dialog = this.root.closest('dialog');
      if (dialog) dialog.close();
      else if (this.input.getAttribute('aria-expanded') === 'true') this.setExpanded(false);
      else {
        this.input.value = '';
        void this.update();
      }
    }
  }

  /** Resolves once the results of the newest query are on screen. */
  private async settled(): Promise<void> {
    while (this.shownGeneration < this.generation) await this.pending;
  }

  private openActiveOrAll(newTab = false): void {
    const option = this.options()[this.active];
    if (option) {
      if (newTab) window.open(this.target(option), '_blank', 'noopener');
      else location.assign(this.target(option));
    } else if (this.variant === 'dialog' && this.input.value.trim()) {
      location.assign(href(`/?q=${encodeURIComponent(this.input.value.trim())}`));
    } else if (this.options().length) {
      this.setExpanded(true);
      this.activate(0);
    }
  }

  /** Where an option leads: its page (at its heading), told the query so that the page marks the words. */
  private target(option: HTMLElement): string {
    return highlightUrl(option.dataset.href!, this.lastQuery);
  }

  private options(): HTMLElement[] {
    return this.list.hidden ? [] : [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  private activate(index: number): void {
    const options = this.options();
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === index)));
    this.active = index < options.length ? index : -1;
    const option = options[this.active];
    if (option) {
      this.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private setExpanded(expanded: boolean): void {
    this.list.hidden = !expanded;
    this.input.setAttribute('aria-expanded', String(expanded));
    if (!expanded) this.activate(-1);
  }

  private clear(): void {
    this.list.replaceChildren();
    this.setExpanded(false);
    this.kinds.hidden = true;
    this.more.hidden = true;
  }

  private say(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private kindLabel(kind: KindFilter, count: number): string {
    const button = this.kinds.querySelector<HTMLButtonElement>(`button[data-kind="${kind}"]`);
    if (count === 1 && button?.dataset.label) return button.dataset.label;
    return button?.firstChild?.textContent?.trim() ?? kind;
  }

  /** The landing page's URL always shows the current search, so it can be shared and reloaded. */
  private syncUrl(query: string): void {
    const url = new URL(location.href);
    const q = query.trim();
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    if (this.kind !== 'all' && q) url.searchParams.set('kind', this.kind);
    else url.searchParams.delete('kind');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}

/** A result's snippet, its words marked, under its title. */
function appendSnippet(li: HTMLLIElement, shown: Snippet | undefined): void {
  if (!shown) return;
  const p = Object.assign(document.createElement('p'), { className: 'search-snippet' });
  p.append(...marked(shown.text, shown.highlights));
  li.append(p);
}

/** Text with its ranges wrapped in <mark>, as DOM nodes: content never becomes markup. */
function marked(text: string, ranges: Range[]): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(Object.assign(document.createElement('mark'), { textContent: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}
