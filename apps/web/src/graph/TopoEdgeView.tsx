/**
 * One graph edge with the DESIGN.md hooks: data-edge-kind and data-health. Labels are drawn only
 * where they explain something (a problem, a weight, a grant) to keep the DOM small.
 */
import { memo } from 'react';
import type { ReactElement } from 'react';
import { EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { shortLabel } from './edge-labels.ts';
import { NODE_WIDTH } from './model.ts';
import type { TopoFlowEdge } from './model.ts';

function TopoEdgeViewImpl(props: EdgeProps<TopoFlowEdge>): ReactElement | null {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  if (data === undefined) return null;
  const { edge, dimmed, highlighted } = data;
  // A policy sits in its target's column (so does a ListenerSet beside its Gateway): when the
  // target is not to the right of the source, join the two left sides with a bracket instead of
  // looping from one node's right side back to the other's left side. Handle positions are
  // measured by React Flow, so compare with slack rather than exactly.
  const sameColumn = sourceX - targetX > NODE_WIDTH / 2;
  const bezier = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const bracketX = targetX - 36;
  const [path, labelX, labelY] = sameColumn
    ? [
        `M ${targetX} ${sourceY} C ${bracketX} ${sourceY}, ${bracketX} ${targetY}, ${targetX} ${targetY}`,
        bracketX + 9,
        (sourceY + targetY) / 2,
      ]
    : bezier;
  const classes = ['topo-edge', `edge-${edge.kind}`, `health-${edge.health}`];
  if (dimmed) classes.push('dimmed');
  if (highlighted) classes.push('highlighted');
  const label = edge.count !== undefined ? `${edge.count}×` : edge.label;
  // Problem labels sit just before the target, where the edge is unambiguous; others mid-edge.
  const atTarget = edge.health === 'error' && edge.count === undefined && !sameColumn;
  const transform = atTarget
    ? `translate(-100%, -50%) translate(${targetX - 10}px, ${targetY}px)`
    : `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`;
  return (
    <>
      <g
        className={classes.join(' ')}
        data-edge-kind={edge.kind}
        data-health={edge.health}
        data-edge-id={edge.id}
      >
        <path d={path} className="topo-edge-hit" />
        <path d={path} className="topo-edge-path" />
      </g>
      {label !== undefined && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label health-${edge.health}${dimmed ? ' dimmed' : ''}`}
            style={{ transform }}
            title={label}
          >
            {shortLabel(label)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TopoEdgeView = memo(TopoEdgeViewImpl);
