/**
 * The topology canvas: subscribes to the engine's positioned view, maps it (model.ts) and
 * renders it with React Flow. Only visible elements are mounted.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ReactElement } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useReactFlow,
} from '@xyflow/react';
import type { NodeChange, NodeMouseHandler, Rect } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import { useTheme } from '../shell/theme.ts';
import { NODE_HEIGHT, NODE_WIDTH, toFlow } from './model.ts';
import type { TopoFlowNode } from './model.ts';
import { ColumnNodeView, TopoNodeView } from './TopoNodeView.tsx';
import { TopoEdgeView } from './TopoEdgeView.tsx';

const nodeTypes = { topo: TopoNodeView, column: ColumnNodeView };

const FIT = { padding: 0.06, maxZoom: 1 } as const;
const edgeTypes = { topo: TopoEdgeView };

const MINIMAP_COLORS = { ok: '#2f9e6b', warning: '#d99a1c', error: '#e5484d', unknown: '#8b8d98' } as const;

function minimapColor(node: TopoFlowNode): string {
  return node.type === 'topo' ? MINIMAP_COLORS[node.data.node.health] : 'transparent';
}

function boundsOf(nodes: readonly TopoFlowNode[]): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? NODE_WIDTH));
    y1 = Math.max(y1, n.position.y + (n.height ?? NODE_HEIGHT));
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
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

  // Fitting computes the viewport from our own positions and declared sizes: React Flow's
  // fitView only counts mounted (measured) nodes, and only visible nodes are mounted here; it
  // also waits for a nodes update that a resize alone never brings.
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const fittedWidth = useRef(0);
  const fit = useCallback(
    (everything = false): Promise<boolean> => {
      const element = container.current;
      const shown = nodesRef.current;
      if (element === null || shown.length === 0) return Promise.resolve(false);
      const { clientWidth: width, clientHeight: height } = element;
      fittedWidth.current = width;
      // Readable text on a wide canvas; on a narrow one (sandbox) show more. The fit button shows
      // everything, however small.
      const minZoom = everything ? 0.05 : width >= 1000 ? 0.6 : 0.3;
      const bounds = boundsOf(shown);
      return flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, FIT.maxZoom, FIT.padding));
    },
    [flow],
  );

  // Fit when the graph is new (first result, another source or scenario, groups opened or
  // closed), not on every update:
  // live changes must not move the camera. A node already selected (restored from a share link)
  // is then centred instead.
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (nodes.length === 0) return;
    const previous = shownIds.current;
    const kept = nodes.filter((n) => previous.has(n.id)).length;
    shownIds.current = new Set(nodes.map((n) => n.id));
    // Mostly new nodes, or most of the old ones gone (groups collapsed): the camera would look at
    // empty space, so refit.
    const mostlyNew = kept * 2 < nodes.length;
    const mostlyGone = (previous.size - kept) * 2 > previous.size;
    if (!mostlyNew && !mostlyGone) return;
    requestAnimationFrame(() => {
      // fitView waits for React Flow to measure new nodes: centre after it has resolved.
      void fit().then(() => {
        const chosen = selectedRef.current;
        if (chosen !== null) centreOn(chosen, 0);
      });
    });
  }, [nodes, fit, centreOn]);

  // A canvas that grows or shrinks a lot (the sandbox editor folded away) refits the graph.
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      const before = fittedWidth.current;
      // After React Flow's own observer has taken the new size (same frame, later callback).
      if (before > 0 && Math.abs(element.clientWidth - before) > before * 0.2)
        requestAnimationFrame(() => void fit());
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fit]);

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
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={() => void fit(true)}
            title="Fit view"
            aria-label="Fit view"
          >
            <svg viewBox="0 0 32 30" aria-hidden>
              <path d="M3.7 11.1V3.7h7.4V0H2.6A2.6 2.6 0 0 0 0 2.6v8.5h3.7Zm7.4 15.2H3.7v-7.4H0v8.5A2.6 2.6 0 0 0 2.6 30h8.5v-3.7Zm17.2-7.4v7.4h-7.4V30h8.5a2.6 2.6 0 0 0 2.6-2.6v-8.5h-3.7ZM20.9 3.7h7.4v7.4H32V2.6A2.6 2.6 0 0 0 29.4 0h-8.5v3.7Z" />
            </svg>
          </ControlButton>
        </Controls>
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
