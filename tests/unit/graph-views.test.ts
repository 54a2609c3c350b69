/**
 * What the graph views are built from: communities, the graph file's
 * optional stances and statuses, label placement without overlaps, and the
 * grouped plan of a local graph.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactGraph, expandCompactGraph } from '../../src/lib/graph/compact';
import { loadCorpus } from '../../src/lib/corpus';
import { computeCommunities } from '../../src/lib/graph/communities';
import { byLabelPriority, labelBox, overlaps, placeLabels, type LabelCandidate } from '../../src/lib/graph/labels';
import { groupId, planLocalGraph, type LocalNode } from '../../src/lib/graph/local-groups';
import { computeLayout } from '../../src/lib/graph/layout';
import { searchCorpus } from '../../src/lib/search/writer/documents';
import { parseSearchId } from '../../src/lib/search/wire/index-rules';
import { corpusOf, idOf, md } from '../helpers/corpus';

/** Two rings of six notes, each note linking to the next in its ring, and one link between the rings. */
function twoClusters() {
  const files: Record<string, string> = {};
  for (const ring of ['A', 'B']) {
    for (let i = 0; i < 6; i++) {
      const links = [`[[${ring}${(i + 1) % 6}]]`, `[[${ring}${(i + 2) % 6}]]`];
      if (ring === 'A' && i === 0) links.push('[[B0]]');
      files[`notes/${ring.toLowerCase()}${i}.md`] = md(`title: ${ring}${i}`, links.join(' '));
    }
  }
  // A0 is the hub of its ring: every other A note links to it too.
  for (let i = 1; i < 6; i++) files[`notes/a${i}.md`] += ' and [[A0]]';
  return corpusOf(files);
}

describe('communities', () => {
  it('finds the two clusters, largest first, each named by its most connected item', () => {
    const corpus = twoClusters();
    const { of, list } = computeCommunities(corpus.graph);
    const a = new Set([0, 1, 2, 3, 4, 5].map((i) => of.get(idOf('note', `A${i}`))));
    const b = new Set([0, 1, 2, 3, 4, 5].map((i) => of.get(idOf('note', `B${i}`))));
    expect(a.size).toBe(1);
    expect(b.size).toBe(1);
    expect([...a][0]).not.toBe([...b][0]);
    expect(list.map((c) => c.size)).toEqual([6, 6]);
    expect(list[of.get(idOf('note', 'A0'))!].leading[0]).toBe(idOf('note', 'A0'));
  });

  it('gives the same communities on every build', () => {
    const once = computeCommunities(twoClusters().graph);
    const again = computeCommunities(twoClusters().graph);
    expect([...again.of]).toEqual([...once.of]);
    expect(again.list).toEqual(once.list);
  });

  it('draws communities apart in the build-time layout', () => {
    const corpus = twoClusters();
    const { of } = computeCommunities(corpus.graph);
    const pos = computeLayout(corpus.graph, { communities: of });
    const ids = [...corpus.graph.nodes.keys()];
    const d = (a: string, b: string) => Math.hypot(pos.get(a as never)!.x - pos.get(b as never)!.x, pos.get(a as never)!.y - pos.get(b as never)!.y);
    let inside = 0;
    let across = 0;
    let nIn = 0;
    let nAcross = 0;
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        if (of.get(a) === of.get(b)) [inside, nIn] = [inside + d(a, b), nIn + 1];
        else [across, nAcross] = [across + d(a, b), nAcross + 1];
      }
    }
    expect(inside / nIn).toBeLessThan((across / nAcross) * 0.8);
  });
});

describe('the graph file', () => {
  it('carries communities, claims and, where present, stances and statuses', () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A\nclaim: A holds.', '[[B]] and [[C]]\n\n## Counter-evidence\n\n[[B]] disagrees.'),
      'notes/b.md': md('title: B'),
      'notes/c.md': md('title: C', '[[A]], with no claim of its own to take a stance for.'),
    });
    const communities = computeCommunities(corpus.graph);
    const back = expandCompactGraph(JSON.parse(JSON.stringify(compactGraph(corpus.graph, computeLayout(corpus.graph), communities))));
    const a = back.nodes.find((n) => n.id === idOf('note', 'A'))!;
    expect(a).toMatchObject({ claim: true, status: 'contested', community: communities.of.get(idOf('note', 'A')) });
    expect(back.nodes.find((n) => n.id === idOf('note', 'B'))).toMatchObject({ claim: false });
    expect(back.nodes.find((n) => n.id === idOf('note', 'B'))!.status).toBeUndefined();
    expect(back.edges.find((e) => e.target === idOf('note', 'B'))!.stance).toBe('challenges');
    expect(back.edges.find((e) => e.target === idOf('note', 'C'))!.stance).toBe('supports');
    expect(back.edges.find((e) => e.source === idOf('note', 'C'))!.stance).toBeUndefined();
    expect(back.communities[0].title).toBe('A');
  });

  it('numbers items as the search records do, so the side panel can fetch an item’s claim by its index', () => {
    const corpus = twoClusters();
    const back = expandCompactGraph(compactGraph(corpus.graph, computeLayout(corpus.graph)));
    const records = searchCorpus(corpus).records;
    for (const record of records) expect(back.nodes[parseSearchId(record.id).n].title).toBe(record.title);
  });
});

describe('label placement', () => {
  const candidate = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }), radius: fc.integer({ min: 1, max: 20 }), width: fc.integer({ min: 20, max: 170 }) });
  const options = { height: 16, offset: 3, width: 800, heightOfView: 600 };

  it('never places two labels that overlap, and keeps every label inside the view', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 300 }), (cs) => {
        const boxes = placeLabels(cs.map((c, i) => ({ ...c, id: `n${i}` })), options);
        for (const [i, a] of boxes.entries()) {
          expect(a.left >= 0 && a.right <= 800 && a.top >= 0 && a.bottom <= 600).toBe(true);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
        }
      }),
      { seed: 15, numRuns: 60 },
    );
  });

  it('gives way to the more important label, and always shows the forced ones', () => {
    const a: LabelCandidate = { id: 'a', x: 100, y: 100, radius: 5, width: 120 };
    const b: LabelCandidate = { id: 'b', x: 110, y: 102, radius: 5, width: 120 };
    expect(placeLabels([a, b], options).map((x) => x.id)).toEqual(['a']);
    expect(placeLabels([b, a], options).map((x) => x.id)).toEqual(['b']);
    expect(placeLabels([a, b], { ...options, forced: new Set(['b']) }).map((x) => x.id)).toEqual(['b']);
    expect(placeLabels([a, b], { ...options, first: new Set(['b']), onlyFirst: true }).map((x) => x.id)).toEqual(['b']);
  });

  it('puts labels beside their nodes when asked', () => {
    const right = labelBox({ id: 'r', x: 100, y: 100, radius: 5, width: 50, align: 'right' }, 16, 3);
    expect(right).toMatchObject({ left: 108, right: 158, top: 92, bottom: 108 });
    const left = labelBox({ id: 'l', x: 100, y: 100, radius: 5, width: 50, align: 'left' }, 16, 3);
    expect(left).toMatchObject({ left: 42, right: 92 });
  });

  it('ranks written items before stubs, claims first, then by links', () => {
    const items = [
      { id: 'stub-hub', stub: true, claim: false, degree: 90 },
      { id: 'note', stub: false, claim: false, degree: 3 },
      { id: 'claim', stub: false, claim: true, degree: 1 },
      { id: 'note-hub', stub: false, claim: false, degree: 30 },
    ];
    expect([...items].sort(byLabelPriority).map((i) => i.id)).toEqual(['claim', 'note-hub', 'note', 'stub-hub']);
  });
});

describe('the local graph of a hub', () => {
  const HUB = 'notes/does-empathy-training-make-ai-systems-less-reliable';
  const setup = async () => {
    const corpus = await loadCorpus('content');
    const nodes = new Map<string, LocalNode>(
      [...corpus.graph.nodes.values()].map((n) => [n.id, { id: n.id, title: n.title, kind: n.kind, stub: n.stub, claim: !!n.claim, degree: corpus.graph.outgoing.get(n.id)!.length + corpus.graph.incoming.get(n.id)!.length }]),
    );
    return { corpus, nodes };
  };

  it('draws at most 25 items one step out: every cited note and related paper, and the inquiry lines folded into one group', async () => {
    const { corpus, nodes } = await setup();
    const plan = planLocalGraph(corpus.graph, nodes, HUB, { depth: 1 });
    expect(plan.items.length + plan.groups.length + 1).toBeLessThanOrEqual(25);
    const cited = corpus.graph.outgoing.get(HUB as never)!.filter((e) => e.type === 'cites' || e.type === 'related').map((e) => e.target as string);
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(plan.items.map((i) => i.id)).toContain(id);
    const lines = corpus.graph.incoming.get(HUB as never)!.filter((e) => e.type === 'source').length;
    const folded = plan.groups.find((g) => g.key.type === 'source' && g.key.direction === 'in')!;
    const drawnLines = plan.items.filter((i) => i.group === folded.id).length;
    expect(folded.label).toBe(`${folded.members.length} ${drawnLines ? 'more ' : ''}inquiry lines`);
    expect(drawnLines + folded.members.length).toBeLessThanOrEqual(lines);
    expect(folded.members.length).toBeGreaterThan(12);
    expect(folded.members.length).toBeLessThanOrEqual(lines);
    // Every drawn item has an edge to the centre (or its group does).
    for (const item of plan.items) expect(plan.edges.some((e) => (e.source === HUB && e.target === item.id) || (e.target === HUB && e.source === item.id))).toBe(true);
    expect(plan.edges.some((e) => e.group && e.source === folded.id)).toBe(true);
  });

  it('unfolds a group the reader opened, and goes two steps out beside the items one step out', async () => {
    const { corpus, nodes } = await setup();
    const folded = planLocalGraph(corpus.graph, nodes, HUB, { depth: 1 }).groups[0];
    const open = planLocalGraph(corpus.graph, nodes, HUB, { depth: 1, expanded: new Set([folded.id]) });
    expect(open.groups.find((g) => g.id === folded.id)).toBeUndefined();
    for (const id of folded.members) expect(open.items.some((i) => i.id === id && i.group === groupId(HUB, folded.key))).toBe(true);
    const two = planLocalGraph(corpus.graph, nodes, HUB, { depth: 2 });
    expect(two.items.some((i) => i.depth === 2) || two.groups.some((g) => g.depth === 2)).toBe(true);
    const ids = [HUB, ...two.items.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a hub whose groups are all larger than the cap', () => {
  it('draws its nearest, best-ranked items first and folds only the rest', () => {
    const hub = 'hub';
    const nodes = new Map<string, { title: string; kind: string; degree: number }>([[hub, { title: 'Hub', kind: 'note', degree: 86 }]]);
    const outgoing = new Map<string, { source: string; target: string; type: 'cites' }[]>([[hub, []]]);
    const incoming = new Map<string, { source: string; target: string; type: 'cites' }[]>([[hub, []]]);
    for (let i = 0; i < 40; i++) {
      nodes.set(`out${i}`, { title: `Out ${i}`, kind: 'note', degree: 100 - i });
      outgoing.get(hub)!.push({ source: hub, target: `out${i}`, type: 'cites' });
    }
    for (let i = 0; i < 46; i++) {
      nodes.set(`in${i}`, { title: `In ${i}`, kind: 'note', degree: 50 - i });
      incoming.get(hub)!.push({ source: `in${i}`, target: hub, type: 'cites' });
    }
    const plan = planLocalGraph({ outgoing, incoming } as never, nodes as never, hub, { depth: 1 });
    expect(plan.items.map((i) => i.id)).toEqual(Array.from({ length: 12 }, (_, i) => `out${i}`));
    expect(plan.groups.map((g) => g.label)).toEqual(['28 more cited items', '46 items citing it']);
  });
});
