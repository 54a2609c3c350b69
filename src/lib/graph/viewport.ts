/**
 * Where the global graph starts: zoom and pan computed from the build-time
 * positions. Shared by cytoscape and by the first frame painted before
 * cytoscape is up, so both show the same view.
 */

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Space left around the drawing, in CSS pixels. */
export const VIEW_MARGIN = 40;
/** A focused item is shown at least this close. */
export const FOCUS_ZOOM = 1.2;

/**
 * Zoom and pan that show every position with a margin, never closer than
 * `maxZoom` (1:1 by default). Computed from the extent rather than cytoscape's `fit`, which first
 * measures every element's bounding box.
 */
export function extentViewport(
  points: Iterable<{ x: number; y: number }>,
  width: number,
  height: number,
  /** Space kept free on each side (controls over the canvas), and the closest zoom allowed. */
  options: { top?: number; right?: number; bottom?: number; left?: number; maxZoom?: number } = {},
): Viewport {
  const { top = VIEW_MARGIN, right = VIEW_MARGIN, bottom = VIEW_MARGIN, left = VIEW_MARGIN, maxZoom = 1 } = options;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX === Infinity) return { zoom: 1, pan: { x: 0, y: 0 } };
  const w = Math.max(width - left - right, 1);
  const h = Math.max(height - top - bottom, 1);
  const zoom = Math.min(maxZoom, w / Math.max(maxX - minX, 1), h / Math.max(maxY - minY, 1));
  return { zoom, pan: { x: left + w / 2 - (zoom * (minX + maxX)) / 2, y: top + h / 2 - (zoom * (minY + maxY)) / 2 } };
}

/** The view centred on one point, at least `FOCUS_ZOOM` close. */
export function focusViewport(point: { x: number; y: number }, width: number, height: number, zoom: number): Viewport {
  const z = Math.max(zoom, FOCUS_ZOOM);
  return { zoom: z, pan: { x: width / 2 - z * point.x, y: height / 2 - z * point.y } };
}
