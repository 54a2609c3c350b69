/**
 * In a build, the global graph's communities and layout are computed in a
 * worker thread (./graph-shape-worker.mjs) from the moment the corpus is
 * loaded, beside the page rendering, unless an earlier build of the same
 * shape kept them; the graph's data file awaits them (src/lib/site/graph-data.ts).
 * Where a worker cannot run, that file computes them itself.
 */
import type { AstroIntegration } from 'astro';
import { shapeData, type Graph } from '../lib/graph/graph';
import { whenCorpusLoaded } from '../lib/site/corpus';
import { graphShapeBeside } from '../lib/site/graph-data';
import { readGraphShape, saveGraphShape, type GraphShapeResults } from '../lib/site/shape-cache';
import { inWorker } from './worker';

async function shapeInWorker(graph: Graph): Promise<GraphShapeResults> {
  const results = await inWorker<GraphShapeResults>(new URL('./graph-shape-worker.mjs', import.meta.url), shapeData(graph), 'graph shape');
  saveGraphShape(graph, results);
  return results;
}

export default function graphShape(): AstroIntegration {
  return {
    name: 'graph-shape',
    hooks: {
      'astro:build:start': ({ logger }) => {
        whenCorpusLoaded((corpus) => {
          // Kept by an earlier build of the same shape: handed over as it is, so the data file reads no file again.
          const kept = readGraphShape(corpus.graph);
          if (kept) return graphShapeBeside(corpus.graph, Promise.resolve(kept));
          const results = shapeInWorker(corpus.graph);
          // Said only when it fails: a line in the middle of Astro's list of pages would break one of its lines.
          results.catch((err: unknown) => logger.warn(`the worker failed (${(err as Error).message}); the graph's data file computes communities and layout itself`));
          graphShapeBeside(corpus.graph, results);
        });
      },
    },
  };
}
