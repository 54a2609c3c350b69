/**
 * The painter of a big global graph: every node and link drawn straight
 * onto one canvas, one path per colour, which costs tens of milliseconds
 * where cytoscape spends seconds a frame on ten thousand nodes and a
 * hundred thousand links. It paints the first frame before cytoscape is up
 * (with the labels cytoscape will show), then stays under cytoscape, which
 * draws on top only what is labelled, lit or selected, and handles every
 * event. While the reader pans or zooms the last picture is moved and
 * scaled with a CSS transform; once the view settles it is painted again,
 * links in slices between frames so that no task runs long.
 */
import type { Viewport } from '../../lib/graph/viewport';
import type { LabelBox } from '../../lib/graph/labels';
import { cssVar, EDGE_FAINT, LABEL_FONT_FAMILY, LABEL_FONT_SIZE, STUB_OPACITY } from '../graph-style';

export interface PaintNode {
  x: number;
  y: number;
  /** Diameter in model units. */
  size: number;
  kind: string;
  stub: boolean;
  /** CSS variable of its colour. */
  colour: string;
  hidden: boolean;
}

/** The links, as columns (one entry per link): 150,000 links need no object each. */
export interface PaintEdges {
  count: number;
  /** Indices of each link's ends into the nodes. */
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  /** Index of each link's colour into `palette`. */
  colour: ArrayLike<number>;
  /** CSS variables of the link colours. */
  palette: readonly string[];
  /** 1 for a link filtered out. */
  hidden: ArrayLike<number>;
}

export interface PaintLabel {
  box: LabelBox;
  text: string;
  bold: boolean;
}

/** Links stroked per slice: a slice stays well under 50 ms on a slow machine. */
const EDGE_SLICE = 8_000;
/** The smallest radius a node is drawn with on screen, so a zoomed-out graph still shows its items. */
const MIN_RADIUS = 1.4;

export class GraphPainter {
  readonly canvas: HTMLCanvasElement;
  private painted: Viewport | undefined;
  private generation = 0;
  private labelCanvas: HTMLCanvasElement | undefined;

  /** Takes the first frame's labels away (cytoscape draws its own). */
  dropLabels(): void {
    this.labelCanvas?.remove();
    this.labelCanvas = undefined;
  }

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-snapshot';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas);
  }

  /** Moves and scales the last picture to match `view`, until the next paint. */
  follow(view: Viewport): void {
    if (!this.painted) return;
    this.dropLabels();
    const k = view.zoom / this.painted.zoom;
    const tx = view.pan.x - this.painted.pan.x * k;
    const ty = view.pan.y - this.painted.pan.y * k;
    this.canvas.style.transform = `translate(${tx}px, ${ty}px) scale(${k})`;
  }

  /** Paints the nodes (and labels) now, and the links in slices after (at background priority); resolves when the links are in, or when a newer paint takes over. */
  async paint(nodes: readonly PaintNode[], edges: PaintEdges, view: Viewport, labels: readonly PaintLabel[] = [], between: () => Promise<void> = nextSlice): Promise<boolean> {
    const generation = ++this.generation;
    const { width, height } = this.container.getBoundingClientRect();
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.round(width));
    canvas.height = Math.max(1, Math.round(height));
    canvas.style.width = `${canvas.width}px`;
    canvas.style.height = `${canvas.height}px`;
    canvas.style.transform = '';
    this.painted = { zoom: view.zoom, pan: { ...view.pan } };
    // The view painted, for scripts and tests that look for an item in the picture.
    canvas.dataset.view = JSON.stringify(this.painted);
    const ctx = canvas.getContext('2d')!;
    const { zoom, pan } = view;
    const colours = new Map<string, string>();
    const colourOf = (v: string) => {
      let c = colours.get(v);
      if (c === undefined) colours.set(v, (c = cssVar(v)));
      return c;
    };

    // Nodes: one path per colour and stub state.
    const paths = new Map<string, Path2D>();
    for (const n of nodes) {
      if (n.hidden) continue;
      const x = n.x * zoom + pan.x;
      const y = n.y * zoom + pan.y;
      const r = Math.max(MIN_RADIUS, (n.size / 2) * zoom);
      if (x < -r || y < -r || x > width + r || y > height + r) continue;
      const key = `${n.stub ? 's' : 'w'}${n.colour}`;
      let path = paths.get(key);
      if (!path) paths.set(key, (path = new Path2D()));
      addShape(path, n.kind, x, y, r);
    }
    for (const [key, path] of paths) {
      ctx.globalAlpha = key[0] === 's' ? STUB_OPACITY : 1;
      ctx.fillStyle = colourOf(key.slice(1));
      ctx.fill(path);
    }
    ctx.globalAlpha = 1;

    // Labels of the first frame go on a canvas of their own, taken away once cytoscape labels the graph itself.
    this.dropLabels();
    if (labels.length > 0) {
      const labelCanvas = document.createElement('canvas');
      labelCanvas.className = 'graph-snapshot';
      labelCanvas.setAttribute('aria-hidden', 'true');
      labelCanvas.width = canvas.width;
      labelCanvas.height = canvas.height;
      canvas.after(labelCanvas);
      this.labelCanvas = labelCanvas;
      const ctx = labelCanvas.getContext('2d')!;
      const bg = colourOf('--bg');
      const fg = colourOf('--fg');
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      for (const { box, text, bold } of labels) {
        ctx.globalAlpha = 0.78;
        ctx.fillStyle = bg;
        // The box holds the margins cytoscape counts around a label; the background covers the text alone.
        const top = box.top + 3;
        ctx.fillRect(box.left + 5, top, box.right - box.left - 10, LABEL_FONT_SIZE + 4);
        ctx.globalAlpha = 1;
        ctx.fillStyle = fg;
        ctx.font = `${bold ? '600 ' : ''}${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
        ctx.fillText(text, box.left + 6, top + (LABEL_FONT_SIZE + 4) / 2, box.right - box.left - 12);
      }
    }

    // Links under the nodes (`destination-over`), one stroke per colour per slice.
    for (let start = 0; start < edges.count; start += EDGE_SLICE) {
      await between();
      if (generation !== this.generation) return false;
      const byColour: (Path2D | undefined)[] = [];
      const end = Math.min(edges.count, start + EDGE_SLICE);
      for (let i = start; i < end; i++) {
        if (edges.hidden[i]) continue;
        const s = nodes[edges.source[i]];
        const t = nodes[edges.target[i]];
        if (s.hidden || t.hidden) continue;
        const path = (byColour[edges.colour[i]] ??= new Path2D());
        path.moveTo(s.x * zoom + pan.x, s.y * zoom + pan.y);
        path.lineTo(t.x * zoom + pan.x, t.y * zoom + pan.y);
      }
      ctx.globalCompositeOperation = 'destination-over';
      ctx.globalAlpha = EDGE_FAINT;
      ctx.lineWidth = 1;
      byColour.forEach((path, colour) => {
        if (!path) return;
        ctx.strokeStyle = colourOf(edges.palette[colour]);
        ctx.stroke(path);
      });
      ctx.globalCompositeOperation = 'source-over';
      ctx.globalAlpha = 1;
    }
    return true;
  }

  remove(): void {
    this.generation++;
    this.dropLabels();
    this.canvas.remove();
  }
}

/** The node's shape, as cytoscape draws it: notes round, papers square, lines diamonds. */
function addShape(path: Path2D, kind: string, x: number, y: number, r: number): void {
  if (kind === 'paper') {
    path.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  } else if (kind === 'line') {
    path.moveTo(x, y - r);
    path.lineTo(x + r, y);
    path.lineTo(x, y + r);
    path.lineTo(x - r, y);
    path.closePath();
  } else {
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Link slices run at background priority: setting up cytoscape and answering the reader come first. */
export const nextSlice = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => Promise<void> } }).scheduler;
  return scheduler?.postTask ? scheduler.postTask(() => {}, { priority: 'background' }) : new Promise<void>((done) => setTimeout(done, 0));
};
