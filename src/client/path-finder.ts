/** The path finder: resolves two titles, walks the graph file, and lists the chain of typed links. */
import { expandCompactGraph, type CompactGraph } from '../lib/graph/compact';
import { adjacencyOf, shortestPath } from '../lib/graph/walks';
import type { EdgeType } from '../lib/graph/graph';
import { stepWording } from '../lib/graph/edge-vocabulary';
import { fillTitles } from './titles';
import { itemHref } from '../lib/site/urls';

type Node = ReturnType<typeof expandCompactGraph>['nodes'][number];

const form = document.querySelector<HTMLFormElement>('[data-path-form]')!;
const result = document.querySelector<HTMLElement>('[data-path-result]')!;
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const graph = fetch(form.dataset.src!)
  .then((r) => r.json() as Promise<CompactGraph>)
  .then((compact) => {
    const { nodes, edges } = expandCompactGraph(compact);
    void fillTitles(document.querySelector<HTMLDataListElement>('#path-titles'), nodes.map((n) => n.title));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const byTitle = new Map<string, Node>();
    for (const n of nodes) if (!byTitle.has(fold(n.title))) byTitle.set(fold(n.title), n);
    return { byId, byTitle, adjacency: adjacencyOf(nodes.map((n) => n.id), edges) };
  });

function nodeLink(node: Node): HTMLElement {
  const a = document.createElement('a');
  a.href = itemHref(node.id);
  a.textContent = node.title;
  a.className = node.stub ? 'node-link stub' : 'node-link';
  const badge = document.createElement('span');
  badge.className = `badge ${node.kind}`;
  badge.textContent = node.kind === 'line' ? 'inquiry line' : node.kind;
  const wrap = document.createElement('span');
  wrap.append(badge, ' ', a);
  if (node.stub) wrap.append(' (not written yet)');
  return wrap;
}

function say(...parts: (string | Node)[]) {
  const p = document.createElement('p');
  for (const part of parts) p.append(typeof part === 'string' ? part : nodeLink(part));
  result.replaceChildren(p);
}

async function run(fromText: string, toText: string, avoidStubs: boolean) {
  const { byId, byTitle, adjacency } = await graph;
  const resolve = (text: string) => byId.get(text) ?? byTitle.get(fold(text)) ?? [...byTitle.values()].find((n) => fold(n.title).includes(fold(text)));
  const from = resolve(fromText);
  const to = resolve(toText);
  if (!from || !to) {
    say(`No item is called “${(!from ? fromText : toText).trim()}”. Pick a title from the suggestions.`);
    return;
  }
  const url = new URL(location.href);
  url.searchParams.set('from', from.id);
  url.searchParams.set('to', to.id);
  if (avoidStubs) url.searchParams.set('avoid-stubs', '1');
  else url.searchParams.delete('avoid-stubs');
  history.replaceState(null, '', url);

  const path = shortestPath(adjacency, from.id, to.id, { through: avoidStubs ? (id) => !byId.get(id)!.stub : undefined });
  if (!path) {
    say('There is no path between ', from, ' and ', to, avoidStubs ? ' that avoids items not written yet.' : '.');
    return;
  }
  if (path.length === 0) {
    say('That is one item: ', from, '.');
    return;
  }
  const heading = document.createElement('h2');
  heading.textContent = `${path.length} ${path.length === 1 ? 'step' : 'steps'}`;
  const list = document.createElement('ol');
  list.setAttribute('data-path-steps', '');
  const item = (node: Node) => {
    const li = document.createElement('li');
    li.className = 'step-node';
    li.dataset.nodeId = node.id;
    li.append(nodeLink(node));
    return li;
  };
  list.append(item(from));
  for (const step of path) {
    const li = document.createElement('li');
    li.className = 'step-edge';
    li.dataset.edgeType = step.edge.type;
    if (step.edge.stance) li.dataset.stance = step.edge.stance;
    li.textContent = `${step.direction === 'forward' ? '↓' : '↑'} ${stepWording(step.edge.type as EdgeType, step.edge.stance, step.direction)}`;
    list.append(li, item(byId.get(step.to)!));
  }
  result.replaceChildren(heading, list);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  void run(String(data.get('from')), String(data.get('to')), data.has('avoid-stubs'));
});
form.querySelector('[data-path-swap]')!.addEventListener('click', () => {
  const [a, b] = [form.elements.namedItem('from') as HTMLInputElement, form.elements.namedItem('to') as HTMLInputElement];
  [a.value, b.value] = [b.value, a.value];
});

// A shared link (?from=&to=) shows its path straight away.
const params = new URL(location.href).searchParams;
const [initialFrom, initialTo] = [params.get('from'), params.get('to')];
if (initialFrom && initialTo) {
  void graph.then(({ byId }) => {
    (form.elements.namedItem('from') as HTMLInputElement).value = byId.get(initialFrom)?.title ?? initialFrom;
    (form.elements.namedItem('to') as HTMLInputElement).value = byId.get(initialTo)?.title ?? initialTo;
    (form.elements.namedItem('avoid-stubs') as HTMLInputElement).checked = params.has('avoid-stubs');
    void run(initialFrom, initialTo, params.has('avoid-stubs'));
  });
}
