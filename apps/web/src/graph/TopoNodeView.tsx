/**
 * One graph node. Carries the DESIGN.md automation hooks: data-node-id and data-health
 * (aggregate groups carry data-group-id instead, they are not objects).
 */
import { memo, useContext } from 'react';
import type { ReactElement } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ColumnNodeData, TopoNodeData } from './model.ts';
import type { Node } from '@xyflow/react';
import { contextNodeId } from '../engine/contexts.ts';
import type { ViewNode } from '../engine/aggregate.ts';
import { KindIcon } from './KindIcon.tsx';
import { RovingContext } from './roving-context.ts';

const HEALTH_TEXT = { ok: 'healthy', warning: 'warning', error: 'failing', unknown: 'unknown' } as const;

interface Tag {
  readonly kind: 'changed' | 'assumed' | 'context';
  readonly text: string;
}

/** Small corner tags: what-if change, sandbox assumption, kube context in the all-contexts view. */
function nodeTags(node: ViewNode, changed: boolean): Tag[] {
  const tags: Tag[] = [];
  if (changed) tags.push({ kind: 'changed', text: 'changed' });
  if (node.assumed === true) tags.push({ kind: 'assumed', text: 'assumed' });
  // Only combined views prefix ids with the context; one context needs no tag.
  if (node.cluster !== undefined && node.id.startsWith(contextNodeId(node.cluster, ''))) {
    tags.push({ kind: 'context', text: node.cluster });
  }
  return tags;
}

/** What a ghost is: only not in the input (files), or not found (the input has every object of its kind). */
function ghostText(node: ViewNode): string | undefined {
  if (node.ghost !== true) return undefined;
  return node.notInInput === true ? 'not in the input' : 'not found';
}

function TopoNodeViewImpl({ data, selected }: NodeProps<Node<TopoNodeData, 'topo'>>): ReactElement {
  const { node, dimmed, highlighted, changed } = data;
  const classes = ['topo-node', `health-${node.health}`];
  if (node.ghost === true) classes.push('ghost');
  if (node.group !== undefined) classes.push('group');
  if (dimmed) classes.push('dimmed');
  if (highlighted) classes.push('highlighted');
  if (changed) classes.push('changed');
  if (node.assumed === true) classes.push('assumed');
  if (selected) classes.push('selected');
  const hooks = node.group === undefined ? { 'data-node-id': node.id } : { 'data-group-id': node.id };
  const kindText = node.realKind ?? node.kind;
  const tags = nodeTags(node, changed);
  const tabStop = useContext(RovingContext) === node.id;
  const absence = ghostText(node);
  const description = `${node.id} — ${HEALTH_TEXT[node.health]}${absence === undefined ? '' : ` (${absence})`}${
    node.assumed === true ? ' (assumed to exist: sandbox stub)' : ''
  }`;
  return (
    <div
      className={classes.join(' ')}
      {...hooks}
      data-health={node.health}
      data-assumed={node.assumed === true ? 'true' : undefined}
      data-roving={node.id}
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-pressed={node.group === undefined ? selected : undefined}
      aria-expanded={node.group === undefined ? undefined : false}
      title={description}
    >
      {tags.length > 0 && (
        <span className="topo-node-tags">
          {tags.map((t) => (
            <span key={t.text} className={`topo-node-tag tag-${t.kind}`}>
              {t.text}
            </span>
          ))}
        </span>
      )}
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="topo-node-bar" aria-hidden />
      <KindIcon kind={node.kind} />
      <span className="topo-node-text">
        <span className="topo-node-label">
          {node.label}
          {node.group !== undefined && <span className="count">{node.group.count}</span>}
        </span>
        <span className="topo-node-sub">
          {absence === undefined ? (node.sublabel ?? kindText) : `${kindText} · ${absence}`}
        </span>
      </span>
      <span className={`health-dot health-${node.health}`} aria-hidden />
      {/* The accessible name is the visible text plus the health the dot shows. */}
      <span className="sr-only">
        , {HEALTH_TEXT[node.health]}
        {absence === undefined ? '' : `, ${absence}`}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const TopoNodeView = memo(TopoNodeViewImpl);

function ColumnNodeViewImpl({ data }: NodeProps<Node<ColumnNodeData, 'column'>>): ReactElement {
  return <div className="column-title">{data.title}</div>;
}

export const ColumnNodeView = memo(ColumnNodeViewImpl);
