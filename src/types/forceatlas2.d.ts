/**
 * The modules graphology-layout-forceatlas2 runs its layout with (its index.js and worker.js call them),
 * used directly where the layout must hand control back between iterations (src/lib/graph/layout.ts).
 */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  /** One iteration over the matrices, in place. */
  export default function iterate(settings: ForceAtlas2Settings, nodes: Float32Array, edges: Float32Array): void;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type Graph from 'graphology';
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const helpers: {
    validateSettings(settings: ForceAtlas2Settings): { message: string } | null;
    graphToByteArrays<EdgeAttributes extends object>(
      graph: Graph<object, EdgeAttributes>,
      getEdgeWeight: (edge: string, attributes: EdgeAttributes, source: string, target: string) => number,
    ): { nodes: Float32Array; edges: Float32Array };
    assignLayoutChanges(graph: Graph<object, object>, nodes: Float32Array, outputReducer: null): void;
  };
  export default helpers;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
