/**
 * The local graph of an item, planned so that a hub stays readable: its
 * neighbours grouped by link type and direction, the groups that matter
 * most (cited items, related papers, sources) drawn item by item, and any
 * group past a cap folded into one node ("133 inquiry lines") that the
 * reader can unfold. Positions are radial: the item in the middle, its
 * groups in sectors around it, two steps out on an outer ring beside the
 * item they were reached through. Pure data, no browser.
 */
import type { EdgeType } from './graph';
import type { Adjacency, LinkLike } from './walks';
import { byLabelPriority, type LabelRanked } from './labels';

export interface LocalNode extends LabelRanked {
  title: string;
  kind: string;
}

/** A group of neighbours: one link type in one direction, seen from the item it hangs off. */
export interface GroupKey {
  type: EdgeType;
  direction: 'out' | 'in';
}

/** Groups in the order they are drawn and kept: evidence first, the long tails of back references last. */
export const GROUP_ORDER: readonly GroupKey[] = [
  { type: 'cites', direction: 'out' },
  { type: 'related', direction: 'out' },
  { type: 'source', direction: 'out' },
  { type: 'related', direction: 'in' },
  { type: 'similar', direction: 'out' },
  { type: 'similar', direction: 'in' },
  { type: 'cites', direction: 'in' },
  { type: 'next', direction: 'out' },
  { type: 'next', direction: 'in' },
  { type: 'source', direction: 'in' },
  { type: 'query', direction: 'out' },
  { type: 'query', direction: 'in' },
];


export interface PlannedItem {
  kind: 'item';
  id: string;
  depth: number;
  /** The group it belongs to, and the item the group hangs off. */
  group: string;
  parent: string;
  x: number;
  y: number;
  /** Which side of the node its label goes. */
  align: 'left' | 'right' | 'below';
}

export interface PlannedGroup {
  kind: 'group';
  /** Stable key: `<parent>|<type>|<direction>`. */
  id: string;
  depth: number;
  parent: string;
  key: GroupKey;
  members: string[];
  /** Some of the group's items are drawn beside it: it holds the rest ("28 more cited items"); browser code words it. */
  more: boolean;
  x: number;
  y: number;
  align: 'left' | 'right' | 'below';
}

export interface LocalPlan {
  center: string;
  items: PlannedItem[];
  groups: PlannedGroup[];
  /** Edges to draw between drawn items (folded members draw one edge from their group node). */
  edges: { source: string; target: string; type: EdgeType; group?: boolean }[];
}

export interface PlanOptions {
  depth: 1 | 2;
  /** Groups larger than this fold into one node, unless unfolded. */
  cap?: number;
  /** Most nodes drawn one step out; groups fold, largest first, to stay under it. */
  budget?: number;
  /** Two steps out: at most this many items unfolded per item one step out. */
  capOuter?: number;
  /** Group ids the reader unfolded. */
  expanded?: ReadonlySet<string>;
  /** Radius of the first ring, in model units. */
  radius?: number;
}

export const groupId = (parent: string, key: GroupKey) => `${parent}|${key.type}|${key.direction}`;

/** The neighbours of `id` in groups, in GROUP_ORDER, each member once (in its first group), skipping `seen`. */
export function neighbourGroups<E extends LinkLike>(graph: Adjacency<string, E>, id: string, nodes: ReadonlyMap<string, LocalNode>, seen: ReadonlySet<string>): { key: GroupKey; members: string[] }[] {
  const taken = new Set<string>();
  const out: { key: GroupKey; members: string[] }[] = [];
  for (const key of GROUP_ORDER) {
    const edges = key.direction === 'out' ? graph.outgoing.get(id) : graph.incoming.get(id);
    const members: string[] = [];
    for (const e of edges ?? []) {
      if (e.type !== key.type) continue;
      const other = key.direction === 'out' ? e.target : e.source;
      if (other === id || seen.has(other) || taken.has(other) || !nodes.has(other)) continue;
      taken.add(other);
      members.push(other);
    }
    if (members.length === 0) continue;
    members.sort((a, b) => byLabelPriority(nodes.get(a)!, nodes.get(b)!));
    out.push({ key, members });
  }
  return out;
}

/** Plans what the local graph draws and where. */
export function planLocalGraph<E extends LinkLike>(graph: Adjacency<string, E>, nodes: ReadonlyMap<string, LocalNode>, center: string, options: PlanOptions): LocalPlan {
  const cap = options.cap ?? 12;
  const budget = options.budget ?? 24;
  const capOuter = options.capOuter ?? 3;
  const expanded = options.expanded ?? new Set<string>();
  const radius = options.radius ?? 160;
  const plan: LocalPlan = { center, items: [], groups: [], edges: [] };
  if (!nodes.has(center)) return plan;

  // One step out: a group that fits the cap and the budget is drawn whole; one that does not folds into one
  // node, except that while fewer than `cap` items are drawn, an oversized group first draws its nearest
  // (best-ranked) members up to `cap` in all, its rest folded ("74 more …"): a hub whose every group is large
  // still opens on items, and a ring already holding `cap` items stays readable.
  const seen = new Set([center]);
  const first = neighbourGroups(graph, center, nodes, seen);
  type Slot = { kind: 'item'; id: string; group: string; parent: string } | { kind: 'group'; id: string; key: GroupKey; members: string[]; parent: string; more: boolean };
  const ring: Slot[] = [];
  let room = budget;
  let drawnItems = 0;
  first.forEach(({ key, members }, index) => {
    const id = groupId(center, key);
    const later = first.length - index - 1;
    const fits = members.length <= cap && members.length <= room - later;
    // A group shown in part keeps a slot for its folded rest.
    const take = expanded.has(id) || fits ? members.length : Math.max(0, Math.min(cap - drawnItems, room - later - 1));
    for (const m of members.slice(0, take)) ring.push({ kind: 'item', id: m, group: id, parent: center });
    drawnItems += take;
    const rest = members.slice(take);
    if (rest.length) ring.push({ kind: 'group', id, key, members: rest, parent: center, more: take > 0 });
    room -= take + (rest.length ? 1 : 0);
    for (const m of members) seen.add(m);
  });
  const angles = ringAngles(ring.length);
  ring.forEach((slot, i) => {
    const a = angles[i];
    const x = round(Math.cos(a) * radius);
    const y = round(Math.sin(a) * radius);
    const align = sideOf(a);
    if (slot.kind === 'item') plan.items.push({ kind: 'item', id: slot.id, depth: 1, group: slot.group, parent: center, x, y, align });
    else plan.groups.push({ kind: 'group', id: slot.id, depth: 1, parent: center, key: slot.key, members: slot.members, more: slot.more, x, y, align });
  });

  // Two steps out: beside each item drawn one step out, its own neighbours, folded past `capOuter`.
  if (options.depth === 2) {
    const inner = [...plan.items];
    const outerRadius = radius * 1.85;
    for (const item of inner) {
      const groups = neighbourGroups(graph, item.id, nodes, seen);
      const slots: Slot[] = [];
      let unfolded = 0;
      for (const { key, members } of groups) {
        const id = groupId(item.id, key);
        const open = expanded.has(id) || unfolded + members.length <= capOuter;
        if (open) {
          for (const m of members) slots.push({ kind: 'item', id: m, group: id, parent: item.id });
          unfolded += members.length;
        } else slots.push({ kind: 'group', id, key, members, parent: item.id, more: false });
        for (const m of members) seen.add(m);
      }
      const base = Math.atan2(item.y, item.x);
      const spread = Math.min(0.5, (2 * Math.PI) / Math.max(inner.length, 1) / 2);
      slots.forEach((slot, i) => {
        const a = base + (slots.length === 1 ? 0 : -spread + (2 * spread * i) / (slots.length - 1));
        const x = round(Math.cos(a) * outerRadius);
        const y = round(Math.sin(a) * outerRadius);
        const align = sideOf(a);
        if (slot.kind === 'item') plan.items.push({ kind: 'item', id: slot.id, depth: 2, group: slot.group, parent: item.id, x, y, align });
        else plan.groups.push({ kind: 'group', id: slot.id, depth: 2, parent: item.id, key: slot.key, members: slot.members, more: false, x, y, align });
      });
    }
  }

  // Edges: every link among drawn items, and one per folded group to the item it hangs off.
  const drawnIds = new Set([center, ...plan.items.map((i) => i.id)]);
  for (const id of drawnIds) {
    for (const e of graph.outgoing.get(id) ?? []) if (drawnIds.has(e.target) && e.target !== id) plan.edges.push({ source: e.source, target: e.target, type: e.type });
  }
  for (const g of plan.groups) {
    const [source, target] = g.key.direction === 'out' ? [g.parent, g.id] : [g.id, g.parent];
    plan.edges.push({ source, target, type: g.key.type, group: true });
  }
  return plan;
}

/**
 * Angles for `n` slots on a ring, clockwise from the upper right, leaving
 * the top and bottom free: labels beside their nodes would collide there.
 */
export function ringAngles(n: number): number[] {
  if (n === 0) return [];
  if (n === 1) return [0];
  // Two arcs of 140°, right then left, each filled in turn.
  const right = Math.ceil(n / 2);
  const left = n - right;
  const arc = (count: number, from: number, to: number) => (count === 1 ? [(from + to) / 2] : Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1)));
  const span = n <= 4 ? Math.PI / 3 : (7 * Math.PI) / 18;
  return [...arc(right, -span, span), ...arc(left, Math.PI + span, Math.PI - span)];
}

const sideOf = (a: number): 'left' | 'right' => (Math.cos(a) >= 0 ? 'right' : 'left');
const round = (n: number) => Math.round(n * 10) / 10;
