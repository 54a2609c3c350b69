/**
 * The overview of communities the global graph opens on from OVERVIEW_FROM items: each community named by
 * its most linked written item, no two names alike, centres of the build's positions, and the links between
 * each two communities, all computed by the build.
 */
import { describe, expect, it } from 'vitest';
import { communityMap, communityNames, computeCommunities, type Communities } from '../../src/lib/graph/communities';
import { expandCompactGraph, overviewFrom, OVERVIEW_FROM, readOverview } from '../../src/lib/graph/compact';
import { computeLayout } from '../../src/lib/graph/layout';
import type { NodeId } from '../../src/lib/content/ids';
import { globalGraphData, graphOverviewData } from '../../src/lib/site/graph-data';
import { corpusOf } from '../helpers/corpus';

/**
 * A vault of three folders, each a ring of notes around a map-of-content note named "Index" (as in many
 * public vaults: every folder has its own `Index.md`), plus links across the folders.
 */
function threeFolders(across: [string, string][]) {
  const files: Record<string, string> = {};
  const folders = { Math: 7, Biology: 6, Music: 5 } as const;
  for (const [folder, size] of Object.entries(folders)) {
    for (let i = 0; i < size; i++) {
      const links = [`[[${folder}/${folder} ${(i + 1) % size}]]`, `[[${folder}/Index]]`];
      files[`${folder}/${folder} ${i}.md`] = `Some words on ${folder.toLowerCase()} ${i}. ${links.join(' ')}\n`;
    }
    files[`${folder}/Index.md`] = `The ${folder.toLowerCase()} notes: [[${folder}/${folder} 0]], [[${folder}/${folder} 1]].\n`;
  }
  for (const [from, to] of across) files[`${from}.md`] += `\nSee also [[${to}]].\n`;
  return corpusOf(files);
}

const id = (s: string) => s as NodeId;
const communityOf = (c: Communities, note: string) => c.of.get(id(`notes/${note}`))!;

// The data file's communities and layout are computed here, never read from or written to a cache: no cacheRoot is given.

describe('community names', () => {
  it('names each community by its most linked item, and tells apart communities whose most linked items share a title', async () => {
    const corpus = threeFolders([]);
    const communities = computeCommunities(corpus.graph);
    expect(communities.list.map((c) => c.size)).toEqual([8, 7, 6]);
    // Each Index is linked from every note of its folder: the most linked item of its community.
    for (const folder of ['math', 'biology', 'music']) {
      const c = communityOf(communities, `${folder}/index`);
      expect(communities.list[c].leading[0]).toBe(`notes/${folder}/index`);
    }
    const overview = readOverview(await graphOverviewData(corpus));
    const names = overview.communities.map((c) => c.name);
    expect(names[0]).toBe('Index');
    expect(names.slice(1).every((n) => n.startsWith('Index · '))).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    // The second name adds the community's second most linked item: a note of that folder.
    const second = communities.list[1].leading[1];
    expect(names[1]).toBe(`Index · ${corpus.graph.nodes.get(second)!.title}`);
    // The graph file names communities the same way, for the legend and the side panel.
    const back = expandCompactGraph(await globalGraphData(corpus));
    expect(back.communities.map((c) => c.title)).toEqual(names);
  });

  it('prefers a written item to a stub with more links, and numbers a name taken twice over', () => {
    const communities: Communities = {
      of: new Map(),
      list: [
        { index: 0, size: 5, leading: [id('a/index'), id('a/x')] },
        { index: 1, size: 4, leading: [id('b/index'), id('b/x')] },
        { index: 2, size: 3, leading: [id('c/index'), id('c/x')] },
        { index: 3, size: 1, leading: [id('d/index')] },
      ],
    };
    const titles: Record<string, string> = { 'a/index': 'Index', 'a/x': 'Notes', 'b/index': 'INDEX', 'b/x': 'Notes', 'c/index': 'Index', 'c/x': 'Notes', 'd/index': 'Index' };
    expect(communityNames(communities, (n) => titles[n])).toEqual(['Index', 'INDEX · Notes', 'Index (2)', 'Index (3)']);

    // A stub linked from everywhere does not name its community: the most linked written item does.
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`Topic/Note ${i}.md`] = `[[Nowhere yet]] [[Topic/Note ${(i + 1) % 6}]]\n`;
    const corpus = corpusOf(files);
    const stub = corpus.graph.nodes.get(id('notes/nowhere-yet'))!;
    expect(stub.stub).toBe(true);
    const found = computeCommunities(corpus.graph);
    const leading = found.list[found.of.get(stub.id)!].leading.map((n) => corpus.graph.nodes.get(n)!);
    expect(leading.map((n) => n.stub)).toEqual([false, false]);
  });
});

describe('the overview file', () => {
  it('counts the links between each two communities, in either direction, and none inside one', async () => {
    const corpus = threeFolders([
      ['Math/Math 2', 'Biology/Biology 3'],
      ['Biology/Biology 4', 'Math/Math 5'],
      ['Music/Music 1', 'Math/Math 0'],
    ]);
    const communities = computeCommunities(corpus.graph);
    const [math, biology, music] = ['math/index', 'biology/index', 'music/index'].map((n) => communityOf(communities, n));
    const { between } = communityMap(corpus.graph, communities, computeLayout(corpus.graph));
    const pair = (a: number, b: number) => between.find((p) => p.a === Math.min(a, b) && p.b === Math.max(a, b))?.links;
    expect(pair(math, biology)).toBe(2);
    expect(pair(math, music)).toBe(1);
    expect(pair(biology, music)).toBeUndefined();
    expect(between.every((p) => p.a < p.b)).toBe(true);
    expect(between.reduce((n, p) => n + p.links, 0)).toBe(3);

    const overview = readOverview(await graphOverviewData(corpus));
    expect(overview.items).toBe(corpus.graph.nodes.size);
    expect(overview.links).toBe(corpus.graph.edges.length);
    expect(overview.between).toEqual(between);
    expect(overview.communities.map((c) => c.size)).toEqual(communities.list.map((c) => c.size));
  });

  it('places each community at the centre of its items’ positions in the graph file', async () => {
    const corpus = threeFolders([['Math/Math 2', 'Biology/Biology 3']]);
    const graph = expandCompactGraph(await globalGraphData(corpus));
    const overview = readOverview(await graphOverviewData(corpus));
    for (const c of overview.communities) {
      const members = graph.nodes.filter((n) => n.community === c.index);
      expect(members.length).toBe(c.size);
      expect(c.x).toBeCloseTo(members.reduce((s, n) => s + n.x, 0) / members.length, 0);
      expect(c.y).toBeCloseTo(members.reduce((s, n) => s + n.y, 0) / members.length, 0);
      expect(graph.nodes.find((n) => n.id === c.leading)!.community).toBe(c.index);
    }
  });

  it('opens on communities from OVERVIEW_FROM items, or from the number a visit asks for', () => {
    expect(OVERVIEW_FROM).toBe(10_000);
    expect(overviewFrom('')).toBe(OVERVIEW_FROM);
    expect(overviewFrom('?overview-from=50')).toBe(50);
    expect(overviewFrom('?overview-from=0&focus=x')).toBe(0);
    expect(overviewFrom('?overview-from=many')).toBe(OVERVIEW_FROM);
  });
});
