/**
 * In a build, the global graph's communities and layout are computed in a
 * worker thread (./workers/graph-shape.ts) from the moment the corpus is
 * loaded, beside the page rendering, unless an earlier build of the same
 * shape kept them; the graph's data file awaits them (src/lib/site/graph-data.ts).
 * Where a worker cannot run, that file computes them itself.
 */
import type { AstroIntegration } from 'astro';
import { shapeData, type Graph } from '../lib/graph/graph';
import type { BuildSession, SessionOf } from '../lib/site/session';
import { readGraphShape, saveGraphShape, type GraphShapeResults } from '../lib/site/shape-cache';
import { inWorker } from './worker';
import { workerScript } from './workers/built';

async function shapeInWorker(graph: Graph, session: BuildSession): Promise<GraphShapeResults> {
  const workerData = { shape: shapeData(graph), heapGrowth: session.options.heapGrowth };
  const results = await inWorker<GraphShapeResults>(workerScript('graph-shape', session.projectRoot), workerData, 'graph shape', session.options.parallelism);
  if (session.options.renderCache) saveGraphShape(graph, results, session.projectRoot);
  return results;
}

export default function graphShape(sessionOf: SessionOf): AstroIntegration {
  return {
    name: 'graph-shape',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const session = sessionOf();
        session.whenCorpusLoaded((corpus) => {
          // Kept by an earlier build of the same shape: handed over as it is, so the data file reads no file again.
          const kept = session.options.renderCache ? readGraphShape(corpus.graph, session.projectRoot) : undefined;
          if (kept) return session.graphShapeBeside(corpus.graph, Promise.resolve(kept));
          const results = shapeInWorker(corpus.graph, session);
          // Said only when it fails: a line in the middle of Astro's list of pages would break one of its lines.
          results.catch((err: unknown) => logger.warn(`the worker failed (${(err as Error).message}); the graph's data file computes communities and layout itself`));
          session.graphShapeBeside(corpus.graph, results);
        });
      },
    },
  };
}
