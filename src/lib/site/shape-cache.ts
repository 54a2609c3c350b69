/**
 * The global graph's communities and layout (src/lib/graph/shape.ts) kept
 * between builds, in `CACHE_DIR`. Both depend on the graph's shape alone (its
 * ids, which are stubs, its links) and on the graph layer's code, so a
 * rebuild after editing a note's text, or anything that leaves the links as
 * they were, reuses them and spends nothing on Louvain and ForceAtlas2.
 * Callers with the option `renderCache: false` leave it alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { GraphShape } from '../graph/graph';
import { computeGraphShape, type GraphShapeResults } from '../graph/shape';
import { CACHE_DIR, sourceFingerprint } from './cache-fingerprint';

export type { GraphShapeResults } from '../graph/shape';

/** What the results depend on: the graph's shape and the code that computes them. */
function shapeKey(graph: GraphShape, projectRoot: string): string {
  const hash = createHash('sha1').update(sourceFingerprint(['src/lib/graph'], projectRoot));
  for (const [id, node] of graph.nodes) hash.update(`${id}\u0000${node.stub ? 1 : 0}\u0001`);
  for (const edge of graph.edges) hash.update(`${edge.source}\u0000${edge.target}\u0001`);
  return hash.digest('base64url').slice(0, 20);
}

/** Shapes kept: one per content folder built lately, for a few folders. */
const KEEP = 8;

const cacheFile = (graph: GraphShape, projectRoot: string) => path.join(projectRoot, CACHE_DIR, `graph-shape-${shapeKey(graph, projectRoot)}.bin`);

/** The results a build of the same shape kept, if any. */
export function readGraphShape(graph: GraphShape, projectRoot = process.cwd()): GraphShapeResults | undefined {
  const file = cacheFile(graph, projectRoot);
  try {
    if (!existsSync(file)) return undefined;
    const results = deserialize(readFileSync(file)) as GraphShapeResults;
    const now = new Date();
    utimesSync(file, now, now);
    return results;
  } catch {
    // A file this Node cannot read: compute afresh.
    return undefined;
  }
}

/** Keeps `results` for the next build of the same shape; the least recently used shapes beyond `KEEP` go. */
export function saveGraphShape(graph: GraphShape, results: GraphShapeResults, projectRoot = process.cwd()): void {
  const file = cacheFile(graph, projectRoot);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serialize(results));
    const dir = path.dirname(file);
    const shapes = readdirSync(dir)
      .filter((f) => f.startsWith('graph-shape-'))
      .map((f) => ({ f, used: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { f } of shapes.slice(KEEP)) rmSync(path.join(dir, f), { force: true });
  } catch {
    // A read-only project folder, or another build removing the same file: the next build computes them again.
  }
}

/** The results for `graph`: kept by an earlier build of the same shape in `projectRoot`, else computed (and kept there); without a project, computed. */
export function cachedGraphShape(graph: GraphShape, compute: () => GraphShapeResults = () => computeGraphShape(graph), projectRoot?: string): GraphShapeResults {
  if (projectRoot === undefined) return compute();
  const kept = readGraphShape(graph, projectRoot);
  if (kept) return kept;
  const results = compute();
  saveGraphShape(graph, results, projectRoot);
  return results;
}
