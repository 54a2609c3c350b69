/**
 * The side panel of the global graph: what the selected item is (title,
 * kind, claim or summary, status, community, how it links) and where to go
 * from it (its page, its local graph, its linked items). The claim and
 * summary come from the item's search record, fetched when it is selected.
 */
import type { EdgeColumns, ExpandedNode } from '../../lib/graph/compact';
import { STATUS_LABELS } from '../../lib/graph/stance-accessors';
import { resultPath } from '../../lib/search/wire/index-rules';
import { href, itemHref } from '../../lib/site/urls';

const KIND_NAMES: Record<string, string> = { note: 'Note', paper: 'Paper', line: 'Inquiry line' };
const TYPE_NAMES: Record<string, [string, string]> = {
  cites: ['cites', 'cited by'],
  related: ['related papers', 'notes resting on it'],
  source: ['sources', 'lines using it'],
  next: ['next lines', 'lines leading here'],
  similar: ['similar papers', 'listed as similar by'],
};
/** Linked items listed in the panel before "and N more". */
const LIST_LIMIT = 40;

interface PanelData {
  nodes: ExpandedNode[];
  links: EdgeColumns;
  /** Each node's links, by index into `links`. */
  linksOf: number[][];
  communities: { index: number; title: string; size: number }[];
}

export class GraphPanel {
  onSelect: (index: number) => void = () => {};
  onClose: () => void = () => {};
  private readonly element: HTMLElement;
  private shown: number | undefined;

  constructor(page: HTMLElement, private readonly data: PanelData) {
    this.element = page.querySelector<HTMLElement>('[data-graph-panel]')!;
  }

  /** Where the panel is on screen, while it is open. */
  box(): DOMRect | undefined {
    return this.element.hidden ? undefined : this.element.getBoundingClientRect();
  }

  close(): void {
    this.shown = undefined;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  show(index: number): void {
    const { nodes, links, linksOf, communities } = this.data;
    const other = (l: number) => (links.source[l] === index ? links.target[l] : links.source[l]);
    const node = nodes[index];
    this.shown = index;
    const el = (tag: string, text?: string, className?: string) => {
      const e = document.createElement(tag);
      if (text !== undefined) e.textContent = text;
      if (className) e.className = className;
      return e;
    };
    const header = el('div', undefined, 'graph-panel-head');
    const heading = el('h2', node.title);
    heading.id = 'graph-panel-title';
    const close = el('button', '×', 'graph-panel-close') as HTMLButtonElement;
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the panel and clear the selection');
    close.addEventListener('click', () => this.onClose());
    header.append(heading, close);

    const meta = el('p', undefined, 'graph-panel-meta');
    const badge = el('span', KIND_NAMES[node.kind] ?? node.kind, `badge ${node.kind}`);
    meta.append(badge);
    if (node.stub) meta.append(' · not written yet');
    if (node.status) {
      const s = el('span', STATUS_LABELS[node.status], `status status-${node.status}`);
      meta.append(' · ', s);
    }
    const community = communities[node.community];
    if (community && communities.length > 1) meta.append(` · community of “${short(community.title)}”`);

    const text = el('p', node.stub ? 'Referenced, not written yet.' : '…', 'graph-panel-text');
    text.dataset.panelText = '';
    if (!node.stub) void this.fillText(index, text);

    // Counts by link type and direction.
    const counts = new Map<string, number>();
    for (const l of linksOf[index]) {
      const key = `${links.types[links.type[l]]}|${links.source[l] === index ? 0 : 1}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const countList = el('ul', undefined, 'graph-panel-counts');
    for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      const [type, dir] = key.split('|');
      countList.append(el('li', `${n} ${TYPE_NAMES[type]?.[Number(dir)] ?? type}`));
    }

    const actions = el('p', undefined, 'graph-panel-actions');
    const openPage = el('a', 'Open page') as HTMLAnchorElement;
    openPage.href = itemHref(node.id);
    const local = el('a', 'Show local graph') as HTMLAnchorElement;
    local.href = `${itemHref(node.id)}#local-graph`;
    actions.append(openPage, local);

    const linked = el('h3', `${new Set(linksOf[index].map(other)).size} linked items`);
    const list = el('ul', undefined, 'graph-panel-links plain-list');
    const seen = new Set<number>();
    for (const l of linksOf[index]) {
      const i = other(l);
      if (seen.has(i)) continue;
      seen.add(i);
      if (seen.size > LIST_LIMIT) continue;
      const li = el('li');
      const button = el('button', nodes[i].title, 'link-button') as HTMLButtonElement;
      button.type = 'button';
      button.addEventListener('click', () => this.onSelect(i));
      li.append(button);
      list.append(li);
    }
    if (seen.size > LIST_LIMIT) list.append(el('li', `and ${seen.size - LIST_LIMIT} more`, 'more'));

    this.element.replaceChildren(header, meta, text, countList, actions, linked, list);
    this.element.hidden = false;
  }

  private async fillText(index: number, target: HTMLElement): Promise<void> {
    try {
      const record = (await (await fetch(href(resultPath(index)))).json()) as { claim?: string; summary?: string };
      if (this.shown !== index) return;
      if (record.claim) {
        target.textContent = '';
        target.append(Object.assign(document.createElement('strong'), { textContent: 'Claim: ' }), record.claim);
      } else target.textContent = record.summary ?? '';
      target.hidden = !target.textContent;
    } catch {
      target.hidden = true;
    }
  }
}

const short = (t: string) => (t.length > 48 ? t.slice(0, 47) + '…' : t);
