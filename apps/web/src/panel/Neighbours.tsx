/** The node's incoming and outgoing relations, each a link that focuses the other end. */
import type { ReactElement } from 'react';
import type { TopoNode, Topology } from '@gatescope/core';
import { useViewState } from '../view/ViewState.tsx';

/** How a neighbour reads in a list: parts name their owner, objects their namespace. */
function describe(node: TopoNode | undefined, fallback: string): string {
  if (node === undefined) return fallback;
  if (node.kind === 'Rule' || node.kind === 'Listener')
    return `${node.kind} ${node.ref?.name ?? ''} · ${node.label}`;
  const kind = node.realKind ?? node.kind;
  return node.namespace === '' ? `${kind} ${node.label}` : `${kind} ${node.namespace}/${node.label}`;
}

export function Neighbours({
  node,
  topology,
}: {
  readonly node: TopoNode;
  readonly topology: Topology;
}): ReactElement | null {
  const { focus } = useViewState();
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const links = topology.edges
    .filter((e) => e.source === node.id || e.target === node.id)
    .map((e) => {
      const otherId = e.source === node.id ? e.target : e.source;
      return { edge: e, other: byId.get(otherId), otherId, outgoing: e.source === node.id };
    });
  if (links.length === 0) return null;
  return (
    <section>
      <h3>Neighbours</h3>
      <ul className="neighbours">
        {links.map(({ edge, other, otherId, outgoing }) => (
          <li key={edge.id}>
            <span className={`health-dot health-${edge.health}`} aria-hidden />
            <span className="muted small">
              {outgoing ? '→' : '←'} {edge.kind}
            </span>{' '}
            <button type="button" className="link-button" onClick={() => focus(otherId)}>
              {describe(other, otherId)}
            </button>
            {edge.label !== undefined && <span className="muted small"> · {edge.label}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
