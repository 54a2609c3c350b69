import { describe, expect, it } from 'vitest';
import { extentViewport, FOCUS_ZOOM, focusViewport, VIEW_MARGIN, type Viewport } from '../../src/lib/graph/viewport';

const onScreen = (view: Viewport, p: { x: number; y: number }) => ({ x: view.pan.x + view.zoom * p.x, y: view.pan.y + view.zoom * p.y });

describe('the starting view of the global graph', () => {
  it('shows every position inside the margins of the drawing', () => {
    const points = [
      { x: -1500, y: 200 },
      { x: 2500, y: -800 },
      { x: 10, y: 1200 },
    ];
    const view = extentViewport(points, 1200, 700);
    for (const p of points) {
      const s = onScreen(view, p);
      expect(s.x).toBeGreaterThanOrEqual(VIEW_MARGIN - 1e-9);
      expect(s.x).toBeLessThanOrEqual(1200 - VIEW_MARGIN + 1e-9);
      expect(s.y).toBeGreaterThanOrEqual(VIEW_MARGIN - 1e-9);
      expect(s.y).toBeLessThanOrEqual(700 - VIEW_MARGIN + 1e-9);
    }
    // The tighter dimension fills its side: the widest pair of points touches both margins.
    expect(onScreen(view, points[0]).x).toBeCloseTo(VIEW_MARGIN);
    expect(onScreen(view, points[1]).x).toBeCloseTo(1200 - VIEW_MARGIN);
  });

  it('centres a small graph at 1:1 instead of blowing it up', () => {
    const view = extentViewport([{ x: 0, y: 0 }, { x: 100, y: 50 }], 1200, 700);
    expect(view.zoom).toBe(1);
    expect(onScreen(view, { x: 50, y: 25 })).toEqual({ x: 600, y: 350 });
  });

  it('starts an empty graph at 1:1 with no pan', () => {
    expect(extentViewport([], 800, 600)).toEqual({ zoom: 1, pan: { x: 0, y: 0 } });
  });

  it('centres a focused item, zoomed in at least to the focus zoom', () => {
    const far = focusViewport({ x: 300, y: -120 }, 1000, 600, 0.05);
    expect(far.zoom).toBe(FOCUS_ZOOM);
    expect(onScreen(far, { x: 300, y: -120 })).toEqual({ x: 500, y: 300 });
    expect(focusViewport({ x: 0, y: 0 }, 1000, 600, 2.5).zoom).toBe(2.5);
  });
});
