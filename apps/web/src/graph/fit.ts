/**
 * Where the camera looks (pure, tested without a DOM). A fit never shrinks node labels below
 * READABLE_PX on screen: when the whole graph does not fit at that zoom, it shows what fits from
 * the top-left, moved just enough to bring the first node that needs attention (worst health)
 * into view, and the user pans.
 */
import type { Rect, Viewport } from '@xyflow/react';

/** Smallest on-screen size of a node label (CSS .topo-node-label) a fit may produce. */
export const READABLE_PX = 11;
/** The node label's font size in graph units (styles.css .topo-node-label). */
export const LABEL_FONT_PX = 13;
/** The smallest zoom a fit uses: labels at ≥ READABLE_PX (rounded up to keep a margin). */
export const READABLE_ZOOM = Math.ceil((READABLE_PX / LABEL_FONT_PX) * 100) / 100;
/** Larger than life helps nobody: a fit never zooms in past 1. */
export const MAX_FIT_ZOOM = 1;
/** Screen pixels kept free around the framed content. */
export const FIT_MARGIN = 28;

export interface FitOptions {
  /** Keep this rectangle (graph units) on screen when everything does not fit. */
  readonly focus?: Rect | undefined;
  /** The smallest zoom allowed (READABLE_ZOOM; the "fit everything" button passes less). */
  readonly minZoom?: number;
}

/** One axis: centre when the content fits, else start at its first edge (top or left). */
function place(start: number, length: number, screen: number, zoom: number): number {
  const size = length * zoom;
  if (size <= screen - 2 * FIT_MARGIN) return (screen - size) / 2 - start * zoom;
  return FIT_MARGIN - start * zoom;
}

/** Moves the offset the least so that [start, start + length] is on screen (with the margin). */
function reveal(offset: number, start: number, length: number, screen: number, zoom: number): number {
  const lo = start * zoom + offset;
  const hi = (start + length) * zoom + offset;
  if (lo < FIT_MARGIN) return offset + (FIT_MARGIN - lo);
  if (hi > screen - FIT_MARGIN) return offset - Math.min(hi - (screen - FIT_MARGIN), lo - FIT_MARGIN);
  return offset;
}

export function readableViewport(
  bounds: Rect,
  width: number,
  height: number,
  options: FitOptions = {},
): Viewport {
  const minZoom = options.minZoom ?? READABLE_ZOOM;
  const room = (screen: number): number => Math.max(1, screen - 2 * FIT_MARGIN);
  const whole = Math.min(room(width) / Math.max(1, bounds.width), room(height) / Math.max(1, bounds.height));
  const zoom = Math.min(MAX_FIT_ZOOM, Math.max(minZoom, whole));
  let x = place(bounds.x, bounds.width, width, zoom);
  let y = place(bounds.y, bounds.height, height, zoom);
  const focus = options.focus;
  if (focus !== undefined) {
    x = reveal(x, focus.x, focus.width, width, zoom);
    y = reveal(y, focus.y, focus.height, height, zoom);
  }
  return { x, y, zoom };
}

/** The rectangle around some nodes (position plus size), or undefined for none. */
export function boundsOf(
  nodes: Iterable<{
    readonly position: { x: number; y: number };
    readonly width?: number;
    readonly height?: number;
  }>,
  defaultWidth: number,
  defaultHeight: number,
): Rect | undefined {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? defaultWidth));
    y1 = Math.max(y1, n.position.y + (n.height ?? defaultHeight));
  }
  return x0 === Infinity ? undefined : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
