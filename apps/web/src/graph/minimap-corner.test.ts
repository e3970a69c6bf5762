import { describe, expect, it } from 'vitest';
import { clearMinimapCorner } from './minimap-corner.ts';

const BOX = { width: 132, height: 88, margin: 15 };
const CANVAS = { width: 1000, height: 700 };
const node = (x: number, y: number): { x: number; y: number; width: number; height: number } => ({
  x,
  y,
  width: 220,
  height: 52,
});

describe('clearMinimapCorner', () => {
  it('keeps the bottom-right corner when no node is there', () => {
    expect(clearMinimapCorner([node(0, 0), node(300, 100)], [0, 0, 1], CANVAS, BOX)).toBe('bottom-right');
  });

  it('moves to the top-right corner when a node sits bottom-right', () => {
    // The minimap spans x 853–985, y 597–685 on screen at zoom 1.
    expect(clearMinimapCorner([node(0, 0), node(800, 620)], [0, 0, 1], CANVAS, BOX)).toBe('top-right');
  });

  it('steps aside when nodes sit under both corners', () => {
    expect(clearMinimapCorner([node(800, 620), node(800, 10)], [0, 0, 1], CANVAS, BOX)).toBeUndefined();
  });

  it('keeps a clearance: a node just beside the minimap counts as under it', () => {
    // Right edge at 848 on screen: 5 px left of the minimap, inside the 8 px clearance.
    expect(clearMinimapCorner([node(628, 640)], [0, 0, 1], CANVAS, BOX)).toBe('top-right');
    expect(clearMinimapCorner([node(620, 640)], [0, 0, 1], CANVAS, BOX)).toBe('bottom-right');
  });

  it('follows the pan and the zoom', () => {
    const far = node(1800, 1300);
    // At zoom 1 and no pan the node is off screen: the corner is clear.
    expect(clearMinimapCorner([far], [0, 0, 1], CANVAS, BOX)).toBe('bottom-right');
    // Panned so the node's screen position is (820, 620): under the bottom-right minimap.
    expect(clearMinimapCorner([far], [-980, -680, 1], CANVAS, BOX)).toBe('top-right');
    // Zoomed out to 0.5 without a pan: the node lands at (900, 650), under it again.
    expect(clearMinimapCorner([far], [0, 0, 0.5], CANVAS, BOX)).toBe('top-right');
  });

  it('has no corner on a canvas too small to hold the minimap beside the graph', () => {
    expect(clearMinimapCorner([], [0, 0, 1], { width: 150, height: 700 }, BOX)).toBeUndefined();
    expect(clearMinimapCorner([], [0, 0, 1], { width: 1000, height: 200 }, BOX)).toBeUndefined();
  });
});
