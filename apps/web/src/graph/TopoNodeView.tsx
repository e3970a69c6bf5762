/**
 * One graph node. Carries the DESIGN.md automation hooks: data-node-id and data-health
 * (aggregate groups carry data-group-id instead, they are not objects).
 */
import { memo } from 'react';
import type { ReactElement } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ColumnNodeData, TopoNodeData } from './model.ts';
import type { Node } from '@xyflow/react';
import { KindIcon } from './KindIcon.tsx';

const HEALTH_TEXT = { ok: 'healthy', warning: 'warning', error: 'failing', unknown: 'pending' } as const;

function TopoNodeViewImpl({ data, selected }: NodeProps<Node<TopoNodeData, 'topo'>>): ReactElement {
  const { node, dimmed, highlighted, changed } = data;
  const classes = ['topo-node', `health-${node.health}`];
  if (node.ghost === true) classes.push('ghost');
  if (node.group !== undefined) classes.push('group');
  if (dimmed) classes.push('dimmed');
  if (highlighted) classes.push('highlighted');
  if (changed) classes.push('changed');
  if (selected) classes.push('selected');
  const hooks = node.group === undefined ? { 'data-node-id': node.id } : { 'data-group-id': node.id };
  const kindText = node.realKind ?? node.kind;
  return (
    <div
      className={classes.join(' ')}
      {...hooks}
      data-health={node.health}
      title={`${node.id} — ${HEALTH_TEXT[node.health]}${node.ghost === true ? ' (missing)' : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="topo-node-bar" aria-hidden />
      <KindIcon kind={node.kind} />
      <span className="topo-node-text">
        <span className="topo-node-label">
          {node.label}
          {node.group !== undefined && <span className="count">{node.group.count}</span>}
        </span>
        <span className="topo-node-sub">
          {node.ghost === true ? `${kindText} · not found` : (node.sublabel ?? kindText)}
        </span>
      </span>
      <span className={`health-dot health-${node.health}`} aria-label={HEALTH_TEXT[node.health]} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const TopoNodeView = memo(TopoNodeViewImpl);

function ColumnNodeViewImpl({ data }: NodeProps<Node<ColumnNodeData, 'column'>>): ReactElement {
  return <div className="column-title">{data.title}</div>;
}

export const ColumnNodeView = memo(ColumnNodeViewImpl);
