/**
 * The topology canvas: subscribes to the engine's positioned view, maps it (model.ts) and
 * renders it with React Flow. Only visible elements are mounted.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReactElement } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { NodeChange, NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import { useTheme } from '../shell/theme.ts';
import { NODE_HEIGHT, NODE_WIDTH, toFlow } from './model.ts';
import type { TopoFlowNode } from './model.ts';
import { ColumnNodeView, TopoNodeView } from './TopoNodeView.tsx';
import { TopoEdgeView } from './TopoEdgeView.tsx';

const nodeTypes = { topo: TopoNodeView, column: ColumnNodeView };
const edgeTypes = { topo: TopoEdgeView };

const MINIMAP_COLORS = { ok: '#2f9e6b', warning: '#d99a1c', error: '#e5484d', unknown: '#8b8d98' } as const;

function minimapColor(node: TopoFlowNode): string {
  return node.type === 'topo' ? MINIMAP_COLORS[node.data.node.health] : 'transparent';
}

function GraphCanvas(): ReactElement {
  const engine = useEngine();
  const viewState = useViewState();
  const { theme } = useTheme();
  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const view = engine.result?.view;
  const changed = useMemo(() => new Set(engine.result?.baseline?.changedNodes ?? []), [engine.result]);

  const { nodes, edges } = useMemo(
    () =>
      view === undefined
        ? { nodes: [], edges: [] }
        : toFlow({
            view,
            filters: viewState.filters,
            selected: viewState.selected,
            highlight: viewState.highlight,
            changed,
          }),
    [view, viewState.filters, viewState.selected, viewState.highlight, changed],
  );

  const { selected, focusTick } = viewState;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  const centreOn = useCallback(
    (id: string, duration: number): boolean => {
      const shown = view?.shownAs.get(id) ?? id;
      const node = view?.nodes.find((n) => n.id === shown);
      if (node === undefined) return false;
      void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration,
      });
      return true;
    },
    [view, flow],
  );

  // Fit when the graph is new (first result, another source or scenario), not on every update:
  // live changes must not move the camera. A node already selected (restored from a share link)
  // is then centred instead.
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (nodes.length === 0) return;
    const previous = shownIds.current;
    const kept = nodes.filter((n) => previous.has(n.id)).length;
    shownIds.current = new Set(nodes.map((n) => n.id));
    if (kept * 2 >= nodes.length) return;
    const width = container.current?.clientWidth ?? 0;
    // Readable text on a wide canvas; on a narrow one (sandbox) show everything.
    const minZoom = width >= 1000 ? 0.6 : 0.3;
    requestAnimationFrame(() => {
      // fitView waits for React Flow to measure new nodes: centre after it has resolved.
      void flow.fitView({ padding: 0.06, maxZoom: 1, minZoom }).then(() => {
        const chosen = selectedRef.current;
        if (chosen !== null) centreOn(chosen, 0);
      });
    });
  }, [nodes, flow, centreOn]);

  // An explicit focus (diagnostic, search, j/k) centres once, as soon as the node is in the view;
  // later updates of the view do not move the camera again.
  const handledTick = useRef(0);
  useEffect(() => {
    if (focusTick === handledTick.current || selected === null) return;
    if (centreOn(selected, 300)) handledTick.current = focusTick;
  }, [focusTick, selected, centreOn]);

  const onNodeClick: NodeMouseHandler<TopoFlowNode> = (_event, node) => {
    if (node.type !== 'topo') return;
    const group = node.data.node.group;
    if (group !== undefined) engine.toggleExpanded(group.expandKey);
    else {
      // A click needs no centring: the node is under the pointer already.
      viewState.select(node.id);
      viewState.setTab('details');
    }
  };

  // Keyboard selection (Tab to a node, Enter) arrives as a select change, not as a click.
  const onNodesChange = (changes: NodeChange<TopoFlowNode>[]): void => {
    for (const change of changes) {
      if (change.type !== 'select' || !change.selected) continue;
      if (change.id.startsWith('column:') || change.id.startsWith('Group/')) continue;
      if (change.id === viewState.selected) continue;
      viewState.select(change.id);
      viewState.setTab('details');
    }
  };

  return (
    <div className="graph-canvas" ref={container}>
      <ReactFlow<TopoFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onNodesChange={onNodesChange}
        onPaneClick={() => viewState.select(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          position="bottom-right"
          style={{ width: 160, height: 110 }}
        />
      </ReactFlow>
    </div>
  );
}

export function TopologyGraph(): ReactElement {
  const { result } = useEngine();
  return (
    <div className="graph" data-testid="topology-graph" data-revision={result?.revision ?? 0}>
      <ReactFlowProvider>
        <GraphCanvas />
      </ReactFlowProvider>
    </div>
  );
}
