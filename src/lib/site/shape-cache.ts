/**
 * The global graph's communities and layout kept between builds, in
 * `node_modules/.cache/research-graph/`. Both depend on the graph's shape
 * alone (its ids, which are stubs, its links) and on the graph layer's code,
 * so a rebuild after editing a note's text, or anything that leaves the links
 * as they were, reuses them: at 10,000 notes that is 12 s of Louvain and
 * ForceAtlas2 a build does not spend. `RENDER_CACHE=0` turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NodeId } from '../content/ids';
import type { Communities } from '../graph/communities';
import type { Graph } from '../graph/graph';
import { CACHE_DIR, sourceFingerprint } from './render-cache';

export interface GraphShapeResults {
  communities: Communities;
  positions: Map<NodeId, { x: number; y: number }>;
}

/** What the results depend on: the graph's shape and the code that computes them. */
function shapeKey(graph: Graph, projectRoot: string): string {
  const hash = createHash('sha1').update(sourceFingerprint(['src/lib/graph'], projectRoot));
  for (const node of graph.nodes.values()) hash.update(`${node.id}\u0000${node.stub ? 1 : 0}\u0001`);
  for (const edge of graph.edges) hash.update(`${edge.source}\u0000${edge.target}\u0001`);
  return hash.digest('base64url').slice(0, 20);
}

/** Shapes kept: one per content folder built lately, for a few folders. */
const KEEP = 8;

/**
 * The results for `graph`, from the cache when a build of the same shape
 * wrote them, else computed and written for the next build; the least
 * recently used shapes beyond `KEEP` are removed.
 */
export function cachedGraphShape(graph: Graph, compute: () => GraphShapeResults, projectRoot = process.cwd()): GraphShapeResults {
  if (process.env.RENDER_CACHE === '0') return compute();
  const dir = path.join(projectRoot, CACHE_DIR);
  const file = path.join(dir, `graph-shape-${shapeKey(graph, projectRoot)}.bin`);
  try {
    if (existsSync(file)) {
      const results = deserialize(readFileSync(file)) as GraphShapeResults;
      const now = new Date();
      utimesSync(file, now, now);
      return results;
    }
  } catch {
    // A file this Node cannot read: compute afresh.
  }
  const results = compute();
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, serialize(results));
    const shapes = readdirSync(dir)
      .filter((f) => f.startsWith('graph-shape-'))
      .map((f) => ({ f, used: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { f } of shapes.slice(KEEP)) rmSync(path.join(dir, f), { force: true });
  } catch {
    // A read-only project folder, or another build removing the same file: the next build computes them again.
  }
  return results;
}
