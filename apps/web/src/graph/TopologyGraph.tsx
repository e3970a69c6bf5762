/**
 * The topology canvas: subscribes to the engine's positioned view, maps it (model.ts) and
 * renders it with React Flow. Only visible elements are mounted.
 */
import { useEffect, useMemo, useRef } from 'react';
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

  // Fit when the graph is new (first result, another source or scenario), not on every update:
  // live changes must not move the camera.
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
    requestAnimationFrame(() => void flow.fitView({ padding: 0.06, maxZoom: 1, minZoom }));
  }, [nodes, flow]);

  const { selected, focusTick } = viewState;
  useEffect(() => {
    if (focusTick === 0 || selected === null || view === undefined) return;
    const shown = view.shownAs.get(selected) ?? selected;
    const node = view.nodes.find((n) => n.id === shown);
    if (node !== undefined)
      void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      });
  }, [focusTick, selected, view, flow]);

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
