import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, LABEL_FONT_PX, READABLE_PX, READABLE_ZOOM, boundsOf, readableViewport } from './fit.ts';

describe('readableViewport', () => {
  it('never goes below the readable zoom, however large the graph', () => {
    const v = readableViewport({ x: 0, y: 0, width: 20_000, height: 9_000 }, 1000, 700);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.zoom * LABEL_FONT_PX).toBeGreaterThanOrEqual(READABLE_PX);
    // What fits is shown from the top-left corner.
    expect(v.x).toBe(FIT_MARGIN);
    expect(v.y).toBe(FIT_MARGIN);
  });

  it('centres a small graph and never zooms in past 1', () => {
    const v = readableViewport({ x: 100, y: 50, width: 200, height: 100 }, 1000, 700);
    expect(v.zoom).toBe(1);
    expect(v.x + 100).toBe((1000 - 200) / 2);
    expect(v.y + 50).toBe((700 - 100) / 2);
  });

  it('fits the whole graph when it can at a readable zoom', () => {
    const v = readableViewport({ x: 0, y: 0, width: 1100, height: 300 }, 1000, 700);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(v.zoom).toBeLessThan(1);
    expect(1100 * v.zoom).toBeLessThanOrEqual(1000 - 2 * FIT_MARGIN + 1e-9);
  });

  it('moves the least to bring the focus (first failing node) on screen', () => {
    const focus = { x: 3000, y: 2000, width: 220, height: 52 };
    const v = readableViewport({ x: 0, y: 0, width: 5000, height: 5000 }, 1000, 700, { focus });
    const left = focus.x * v.zoom + v.x;
    const top = focus.y * v.zoom + v.y;
    expect(left).toBeGreaterThanOrEqual(FIT_MARGIN);
    expect(left + focus.width * v.zoom).toBeLessThanOrEqual(1000 - FIT_MARGIN + 1e-9);
    expect(top + focus.height * v.zoom).toBeCloseTo(700 - FIT_MARGIN);
  });

  it('lets the fit-everything button go smaller', () => {
    const v = readableViewport({ x: 0, y: 0, width: 20_000, height: 9_000 }, 1000, 700, { minZoom: 0.05 });
    expect(v.zoom).toBeLessThan(READABLE_ZOOM);
  });
});

describe('boundsOf', () => {
  it('spans positions plus sizes, undefined when empty', () => {
    expect(boundsOf([], 10, 10)).toBeUndefined();
    expect(
      boundsOf([{ position: { x: 0, y: 0 } }, { position: { x: 100, y: 50 }, width: 20, height: 5 }], 10, 10),
    ).toEqual({ x: 0, y: 0, width: 120, height: 55 });
  });
});
