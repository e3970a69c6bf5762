/**
 * The minimap, kept off the nodes: it follows the viewport (its own store subscription, so a pan
 * re-renders this component only) and sits in the first corner with no node under it, or steps
 * aside while every corner has one (minimap-corner.ts).
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { MiniMap, useStore } from '@xyflow/react';
import { clearMinimapCorner } from './minimap-corner.ts';
import type { MinimapBox } from './minimap-corner.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './model.ts';
import type { TopoFlowNode } from './model.ts';

const MINIMAP_COLORS = { ok: '#2f9e6b', warning: '#d99a1c', error: '#e5484d', unknown: '#8b8d98' } as const;
/** 15 px is React Flow's panel margin (.react-flow__panel). */
const BOX: MinimapBox = { width: 132, height: 88, margin: 15 };

function minimapColor(node: TopoFlowNode): string {
  return node.type === 'topo' ? MINIMAP_COLORS[node.data.node.health] : 'transparent';
}

export function GraphMinimap({ nodes }: { readonly nodes: readonly TopoFlowNode[] }): ReactElement | null {
  const transform = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const rects = useMemo(
    () =>
      nodes.map((n) => ({
        x: n.position.x,
        y: n.position.y,
        width: n.width ?? NODE_WIDTH,
        height: n.height ?? NODE_HEIGHT,
      })),
    [nodes],
  );
  const corner = clearMinimapCorner(rects, transform, { width, height }, BOX);
  if (corner === undefined) return null;
  return (
    <MiniMap
      pannable
      zoomable
      nodeColor={minimapColor}
      position={corner}
      style={{ width: BOX.width, height: BOX.height }}
      ariaLabel="Minimap"
      data-corner={corner}
    />
  );
}
