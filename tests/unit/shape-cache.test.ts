/**
 * The global graph's communities and layout are reused by a build whose
 * graph has the same shape, and computed again when a link changes.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeCommunities } from '../../src/lib/graph/communities';
import { computeLayout, defaultIterations } from '../../src/lib/graph/layout';
import { graphShape, shapeData, type Graph } from '../../src/lib/graph/graph';
import { computeGraphShape, type GraphShapeResults } from '../../src/lib/graph/shape';
import { CACHE_DIR } from '../../src/lib/site/cache-fingerprint';
import { cachedGraphShape } from '../../src/lib/site/shape-cache';
import { corpusOf, md } from '../helpers/corpus';
import { workerScript } from '../../src/integrations/workers/built';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'shape-cache-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const corpus = (aText: string, bLinks: string) =>
  corpusOf({
    'notes/a.md': md('title: A', `${aText} See [[B]].`),
    'notes/b.md': md('title: B', `Links ${bLinks}.`),
    'notes/c.md': md('title: C', 'Back to [[A]].'),
  });

const compute = (graph: Graph) =>
  vi.fn(() => {
    const communities = computeCommunities(graph);
    return { communities, positions: computeLayout(graph, { communities: communities.of }) };
  });

describe('the graph shape cache', () => {
  it('computes once, then reuses the results while the links stay as they were, however the text changes', () => {
    const first = corpus('First words.', 'to [[C]]').graph;
    const computeFirst = compute(first);
    const fresh = cachedGraphShape(first, computeFirst, root);
    expect(computeFirst).toHaveBeenCalledTimes(1);

    const edited = corpus('Other words entirely.', 'to [[C]]').graph;
    const computeEdited = compute(edited);
    const reused = cachedGraphShape(edited, computeEdited, root);
    expect(computeEdited).not.toHaveBeenCalled();
    expect(reused.positions).toEqual(fresh.positions);
    expect(reused.communities).toEqual(fresh.communities);
  });

  it('computes again when a link is added, and keeps both shapes', async () => {
    const relinked = corpus('First words.', 'to [[C]] and [[A]]').graph;
    const computeRelinked = compute(relinked);
    cachedGraphShape(relinked, computeRelinked, root);
    expect(computeRelinked).toHaveBeenCalledTimes(1);
    expect((await readdir(path.join(root, CACHE_DIR))).filter((f) => f.startsWith('graph-shape-'))).toHaveLength(2);
  });

  it('is neither read nor kept without a project to keep it in (the option renderCache: false)', async () => {
    const graph = corpus('Other words.', 'to [[C]] and [[B]]').graph;
    const before = await readdir(path.join(root, CACHE_DIR));
    const again = compute(graph);
    cachedGraphShape(graph, again, undefined);
    cachedGraphShape(graph, again, undefined);
    expect(again).toHaveBeenCalledTimes(2);
    expect(await readdir(path.join(root, CACHE_DIR))).toEqual(before);
  });
});

describe('the graph shape beside the pages', () => {
  it('survives the trip to a worker: the shape rebuilt from plain data gives the same communities and layout', () => {
    const graph = corpus('Words.', 'to [[C]] and [[A]]').graph;
    expect(computeGraphShape(graphShape(shapeData(graph)))).toEqual(computeGraphShape(graph));
  });

  it('calls its checkpoint after the communities and after each iteration of the layout, and computes the same', () => {
    const graph = corpus('Words.', 'to [[C]] and [[A]]').graph;
    let calls = 0;
    const watched = computeGraphShape(graph, () => calls++);
    expect(calls).toBe(1 + defaultIterations(graph.nodes.size));
    expect(watched).toEqual(computeGraphShape(graph));
  });

  it('the build\'s worker thread computes what the build would', async () => {
    const graph = corpus('Words.', 'to [[C]]').graph;
    const worker = new Worker(workerScript('graph-shape', process.cwd()), { workerData: { shape: shapeData(graph) } });
    const results = await new Promise<GraphShapeResults>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(results).toEqual(computeGraphShape(graph));
  });
});
