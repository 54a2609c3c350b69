/**
 * The first frame of a big global graph, drawn straight onto a canvas from
 * the build-time positions while cytoscape (hundreds of milliseconds to
 * load, seconds to take in ten thousand nodes) sets up behind it. It draws
 * what cytoscape draws, from the same stylesheet values: the same viewport,
 * colours, node sizes, stub styling, links and labels; so the swap to
 * cytoscape does not change the picture.
 */
import type { Viewport } from '../lib/graph/viewport';
import { cssVar, EDGE_VARS, KIND_VARS, labelShown, LABEL_FONT_SIZE, LABEL_MAX_WIDTH, nodeSize } from './graph-style';

export interface SnapshotNode {
  id: string;
  title: string;
  kind: string;
  stub: boolean;
  x: number;
  y: number;
  degree: number;
}
/** [source index, target index, type index], as in the graph file. */
export type SnapshotEdge = readonly [number, number, number, ...number[]];

/** Cytoscape's default label font, so label widths match. */
const FONT_FAMILY = 'Helvetica Neue, Helvetica, sans-serif';
const STUB_OPACITY = 0.45;
const EDGE_OPACITY = 0.8;

/**
 * Paints the nodes onto a canvas covering `container`, at one device pixel
 * per CSS pixel as cytoscape does on a big graph; returns the canvas. The
 * links come after (`paintSnapshotLinks`): tens of thousands of strokes cost
 * more than all the nodes together, and the reader sees the nodes meanwhile.
 */
export function paintSnapshot(
  container: HTMLElement,
  nodes: readonly SnapshotNode[],
  view: Viewport,
  options: { labelled: ReadonlySet<string>; focused?: string },
): HTMLCanvasElement {
  const { width, height } = container.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  canvas.className = 'graph-snapshot';
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(view.zoom, 0, 0, view.zoom, view.pan.x, view.pan.y);

  // Nodes, one path per kind and stub state, in the stylesheet's colours.
  const stubColour = cssVar('--stub');
  for (const stub of [false, true]) {
    for (const kind of new Set(nodes.map((n) => n.kind))) {
      const path = new Path2D();
      for (const n of nodes) {
        if (n.kind !== kind || n.stub !== stub) continue;
        const r = nodeSize(n.degree) / 2;
        path.moveTo(n.x + r, n.y);
        path.arc(n.x, n.y, r, 0, 2 * Math.PI);
      }
      const colour = kind in KIND_VARS ? cssVar(KIND_VARS[kind as keyof typeof KIND_VARS]) : stubColour;
      ctx.globalAlpha = stub ? STUB_OPACITY : 1;
      ctx.fillStyle = colour;
      ctx.fill(path);
      if (stub) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = stubColour;
        ctx.lineWidth = 1;
        ctx.stroke(path);
      }
    }
  }

  const focused = options.focused === undefined ? undefined : nodes.find((n) => n.id === options.focused);
  if (focused) {
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(focused.x, focused.y, nodeSize(focused.degree) / 2, 0, 2 * Math.PI);
    ctx.strokeStyle = cssVar('--focus');
    ctx.lineWidth = 4;
    ctx.stroke();
  }

  // Labels below their nodes, only where cytoscape would show them at this zoom.
  if (labelShown(view.zoom) || focused) {
    const bg = cssVar('--bg');
    const fg = cssVar('--fg');
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const n of nodes) {
      const isFocused = n === focused;
      if (!isFocused && !(options.labelled.has(n.id) && labelShown(view.zoom))) continue;
      ctx.font = `${isFocused ? 'bold ' : ''}${LABEL_FONT_SIZE}px ${FONT_FAMILY}`;
      const text = ellipsis(ctx, n.title, LABEL_MAX_WIDTH);
      const w = ctx.measureText(text).width;
      const top = n.y + nodeSize(n.degree) / 2 + 3;
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = bg;
      ctx.fillRect(n.x - w / 2 - 1, top - 1, w + 2, LABEL_FONT_SIZE + 2);
      ctx.globalAlpha = 1;
      ctx.fillStyle = fg;
      ctx.fillText(text, n.x, top);
    }
  }
  return canvas;
}

/** The longest prefix of `text` that fits `max` pixels with an ellipsis, as cytoscape's `text-wrap: ellipsis` does. */
function ellipsis(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(text.slice(0, mid) + '…').width <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

/**
 * Adds the links under the nodes already painted (`destination-over`
 * composites behind them, as cytoscape draws links below nodes), one path
 * per link type. `minWidth` is the narrowest line the renderer that takes
 * over will draw, in CSS pixels (WebGL draws no line under a pixel).
 */
export function paintSnapshotLinks(canvas: HTMLCanvasElement, nodes: readonly SnapshotNode[], edges: readonly SnapshotEdge[], types: readonly string[], view: Viewport, minWidth = 0): void {
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(view.zoom, 0, 0, view.zoom, view.pan.x, view.pan.y);
  ctx.globalCompositeOperation = 'destination-over';
  // Links under nodes, one path per link type: a stroke per colour instead of a stroke per link.
  ctx.globalAlpha = EDGE_OPACITY;
  for (const [type, v] of Object.entries(EDGE_VARS)) {
    const index = types.indexOf(type);
    ctx.beginPath();
    for (const [source, target, t0] of edges) {
      if (t0 !== index) continue;
      const s = nodes[source];
      const t = nodes[target];
      ctx.moveTo(s.x, s.y);
      ctx.lineTo(t.x, t.y);
    }
    ctx.strokeStyle = cssVar(v);
    ctx.lineWidth = Math.max(type === 'cites' ? 1 : 1.6, minWidth / view.zoom);
    ctx.stroke();
  }

  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = 1;
}
