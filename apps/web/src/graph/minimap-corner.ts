/**
 * Where the minimap may sit without covering a node (pure, tested without a DOM). The minimap is
 * an overlay on the canvas, so at a readable zoom on a large graph it would hide nodes; instead
 * it takes the first corner with no node under it, and steps aside (hides) when none is clear.
 */
import type { Rect } from '@xyflow/react';

export type MinimapCorner = 'bottom-right' | 'top-right';

/** Corners in order of preference: bottom-right is where users look for a minimap. */
const CORNERS: readonly MinimapCorner[] = ['bottom-right', 'top-right'];

export interface MinimapBox {
  readonly width: number;
  readonly height: number;
  /** The panel's distance from the canvas edges (React Flow's .react-flow__panel margin). */
  readonly margin: number;
}

/** Screen pixels kept between the minimap and the nearest node. */
const CLEARANCE = 8;

/** The minimap's rectangle in graph units for a corner, grown by the clearance. */
function cornerInGraph(
  corner: MinimapCorner,
  transform: readonly [number, number, number],
  canvas: { readonly width: number; readonly height: number },
  box: MinimapBox,
): Rect {
  const [tx, ty, zoom] = transform;
  const left = canvas.width - box.margin - box.width - CLEARANCE;
  const top =
    corner === 'top-right' ? box.margin - CLEARANCE : canvas.height - box.margin - box.height - CLEARANCE;
  return {
    x: (left - tx) / zoom,
    y: (top - ty) / zoom,
    width: (box.width + 2 * CLEARANCE) / zoom,
    height: (box.height + 2 * CLEARANCE) / zoom,
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The first corner where the minimap covers none of the nodes (graph-unit rectangles) at this
 * viewport transform ([x, y, zoom], as React Flow stores it), or undefined when every corner
 * would cover one. A canvas too small to hold the minimap has no clear corner either.
 */
export function clearMinimapCorner(
  nodes: readonly Rect[],
  transform: readonly [number, number, number],
  canvas: { readonly width: number; readonly height: number },
  box: MinimapBox,
): MinimapCorner | undefined {
  if (canvas.width < box.width + 2 * box.margin || canvas.height < 2 * (box.height + 2 * box.margin))
    return undefined;
  return CORNERS.find((corner) => {
    const area = cornerInGraph(corner, transform, canvas, box);
    return !nodes.some((node) => overlaps(area, node));
  });
}
