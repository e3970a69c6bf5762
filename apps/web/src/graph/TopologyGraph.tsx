/**
 * The topology canvas: subscribes to the engine's positioned view, maps it (model.ts) and
 * renders it with React Flow. Every element of the view is mounted (aggregation keeps it under
 * the DOM budget): a readable zoom leaves much of the graph off screen, and keyboard navigation,
 * search and the automation hooks must still reach it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import type { NodeMouseHandler, Rect } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import type { Filters } from '../view/ViewState.tsx';
import { useTheme } from '../shell/theme.ts';
import { boundsOf, readableViewport } from './fit.ts';
import { NODE_HEIGHT, NODE_WIDTH, searchMatches, toFlow } from './model.ts';
import type { TopoFlowNode } from './model.ts';
import { GraphMinimap } from './GraphMinimap.tsx';
import { ColumnNodeView, TopoNodeView } from './TopoNodeView.tsx';
import { TopoEdgeView } from './TopoEdgeView.tsx';
import { isRovingKey, moveFrom } from './roving.ts';
import { RovingContext } from './roving-context.ts';

const nodeTypes = { topo: TopoNodeView, column: ColumnNodeView };
const edgeTypes = { topo: TopoEdgeView };

/** Under this canvas width the minimap starts hidden: it would rarely find a clear corner. */
const MINIMAP_MIN_WIDTH = 1100;

type Shown = readonly TopoFlowNode[];

function topoNodes(nodes: Shown): TopoFlowNode[] {
  return nodes.filter((n) => n.type === 'topo');
}

/** Which health a fit brings into view first: errors, else warnings, else unknowns. */
const ATTENTION: Readonly<Record<string, number>> = { error: 3, warning: 2, unknown: 1 };

/**
 * The first node that needs attention in reading order (the worst health shown: error, then
 * warning, then unknown, e.g. a route whose backend is not in the input): what a fit that cannot
 * show everything keeps on screen.
 */
function firstProblem(nodes: Shown): Rect | undefined {
  let best: TopoFlowNode | undefined;
  let bestRank = 0;
  for (const n of nodes) {
    if (n.type !== 'topo') continue;
    const rank = ATTENTION[n.data.node.health] ?? 0;
    if (rank === 0 || rank < bestRank) continue;
    if (
      best === undefined ||
      rank > bestRank ||
      n.position.x < best.position.x ||
      (n.position.x === best.position.x && n.position.y < best.position.y)
    ) {
      best = n;
      bestRank = rank;
    }
  }
  return best === undefined ? undefined : { ...best.position, width: NODE_WIDTH, height: NODE_HEIGHT };
}

function filterKey(filters: Filters): string {
  return JSON.stringify([filters.namespaces, filters.kinds, filters.onlyProblems]);
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

  const { selected, focusTick, filters, frameRequest } = viewState;
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

  // Framing computes the viewport from our own positions and declared sizes: React Flow's
  // fitView only counts mounted (measured) nodes, and only visible nodes are mounted here; it
  // also waits for a nodes update that a resize alone never brings. A frame never goes below
  // the readable zoom (fit.ts) unless the user asks for everything (the fit button).
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const fittedWidth = useRef(0);
  const frame = useCallback(
    (
      subset?: ReadonlySet<string>,
      options: { everything?: boolean; duration?: number } = {},
    ): Promise<boolean> => {
      const element = container.current;
      const all = nodesRef.current;
      const shown = subset === undefined ? all : all.filter((n) => subset.has(n.id));
      const bounds = boundsOf(shown, NODE_WIDTH, NODE_HEIGHT);
      if (element === null || bounds === undefined) return Promise.resolve(false);
      const { clientWidth: width, clientHeight: height } = element;
      fittedWidth.current = width;
      const viewport = readableViewport(bounds, width, height, {
        focus: subset === undefined ? firstProblem(shown) : undefined,
        ...(options.everything === true ? { minZoom: 0.05 } : {}),
      });
      return flow.setViewport(viewport, { duration: options.duration ?? 0 });
    },
    [flow],
  );

  // Re-frame when the graph is new (first result, another source or scenario, groups opened or
  // closed) or the user changed what is shown (filters, expand); never on live updates alone,
  // which must not move the camera. A node already selected (restored from a share link) is
  // then centred instead.
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  const framedFilters = useRef(filterKey(filters));
  const framedExpanded = useRef(engine.expanded);
  const expanded = engine.expanded;
  useEffect(() => {
    if (nodes.length === 0) return;
    const previous = shownIds.current;
    const kept = nodes.filter((n) => previous.has(n.id)).length;
    const added = new Set(nodes.filter((n) => !previous.has(n.id) && n.type === 'topo').map((n) => n.id));
    shownIds.current = new Set(nodes.map((n) => n.id));
    const mostlyNew = kept * 2 < nodes.length;
    const mostlyGone = (previous.size - kept) * 2 > previous.size;
    const filtered = framedFilters.current !== filterKey(filters);
    framedFilters.current = filterKey(filters);
    // An expand shows the opened members; a collapse the whole picture.
    const expandedNow = framedExpanded.current !== expanded && (added.size > 0 || previous.size !== kept);
    if (expandedNow) framedExpanded.current = expanded;
    if (!mostlyNew && !mostlyGone && !filtered && !expandedNow) return;
    const subset = expandedNow && !mostlyNew && added.size > 0 ? added : undefined;
    requestAnimationFrame(() => {
      void frame(subset, { duration: filtered || expandedNow ? 200 : 0 }).then(() => {
        const chosen = selectedRef.current;
        if (chosen !== null && subset === undefined && !filtered) centreOn(chosen, 0);
      });
    });
  }, [nodes, filters, expanded, frame, centreOn]);

  // Search frames its matches; the simulator asks to frame the path it lit (frameRequest).
  const matches = useMemo(() => (view === undefined ? [] : searchMatches(view, filters)), [view, filters]);
  const matchKey = matches.join('\n');
  useEffect(() => {
    if (matchKey === '') return;
    requestAnimationFrame(() => void frame(new Set(matchKey.split('\n')), { duration: 200 }));
  }, [matchKey, frame]);
  const handledFrame = useRef(0);
  useEffect(() => {
    if (frameRequest === null || frameRequest.tick === handledFrame.current) return;
    handledFrame.current = frameRequest.tick;
    void frame(new Set(frameRequest.nodes.map((id) => view?.shownAs.get(id) ?? id)), { duration: 200 });
  }, [frameRequest, frame, view]);

  // A canvas that grows or shrinks a lot (the sandbox editor folded away) re-frames the graph.
  const [canvasWidth, setCanvasWidth] = useState(0);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      setCanvasWidth(element.clientWidth);
      const before = fittedWidth.current;
      // After React Flow's own observer has taken the new size (same frame, later callback).
      if (before > 0 && Math.abs(element.clientWidth - before) > before * 0.2)
        requestAnimationFrame(() => void frame());
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame]);
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(null);
  const minimapShown = minimapChoice ?? canvasWidth >= MINIMAP_MIN_WIDTH;

  // An explicit focus (diagnostic, search, j/k) centres once, as soon as the node is in the view;
  // later updates of the view do not move the camera again.
  const handledTick = useRef(0);
  useEffect(() => {
    if (focusTick === handledTick.current || selected === null) return;
    if (centreOn(selected, 300)) handledTick.current = focusTick;
  }, [focusTick, selected, centreOn]);

  const [active, setActive] = useState<string | null>(null);
  const open = (node: TopoFlowNode): void => {
    if (node.type !== 'topo') return;
    const group = node.data.node.group;
    if (group !== undefined) engine.toggleExpanded(group.expandKey);
    else {
      viewState.select(node.id);
      viewState.setTab('details');
    }
  };
  // A click needs no centring: the node is under the pointer already.
  const onNodeClick: NodeMouseHandler<TopoFlowNode> = (_event, node) => {
    setActive(node.id);
    open(node);
  };

  // Keyboard: the graph is one tab stop (the active node); arrows move, Enter or Space opens.
  const activeId = useMemo(() => {
    const topo = topoNodes(nodes);
    const pick = active ?? selected;
    if (pick !== null && topo.some((n) => n.id === pick)) return pick;
    return moveFrom(topo, null, 'Home') ?? null;
  }, [nodes, active, selected]);
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const element = container.current?.querySelector<HTMLElement>(`[data-roving="${CSS.escape(id)}"]`);
    if (element === null || element === undefined) return;
    pendingFocus.current = null;
    element.focus({ preventScroll: true });
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    if (target.dataset['roving'] === undefined) return;
    if (event.key === 'Enter' || event.key === ' ') {
      const node = nodesRef.current.find((n) => n.id === activeId);
      if (node !== undefined) {
        event.preventDefault();
        open(node);
      }
      return;
    }
    if (!isRovingKey(event.key)) return;
    event.preventDefault();
    const next = moveFrom(topoNodes(nodesRef.current), activeId, event.key);
    if (next === undefined) return;
    setActive(next);
    pendingFocus.current = next;
    const node = nodesRef.current.find((n) => n.id === next);
    const element = container.current;
    if (node === undefined || element === null) return;
    // Keep the focused node on screen: pan to it when it is outside the canvas.
    const { x, y, zoom } = flow.getViewport();
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const outside =
      left < 0 ||
      top < 0 ||
      left + NODE_WIDTH * zoom > element.clientWidth ||
      top + NODE_HEIGHT * zoom > element.clientHeight;
    if (outside)
      void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
        zoom,
        duration: 0,
      });
  };

  return (
    <div className="graph-canvas" ref={container} onKeyDown={onKeyDown}>
      <RovingContext value={activeId}>
        <ReactFlow<TopoFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          onPaneClick={() => viewState.select(null)}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          disableKeyboardA11y
          elementsSelectable
          minZoom={0.05}
          maxZoom={2}
          colorMode={theme}
          proOptions={{ hideAttribution: true }}
          aria-label="Topology graph: Tab into it, arrow keys move between objects, Enter opens one"
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} showFitView={false} position="bottom-left">
            <ControlButton
              className="react-flow__controls-fitview"
              onClick={() => void frame(undefined, { everything: true })}
              title="Fit everything"
              aria-label="Fit everything"
            >
              <svg viewBox="0 0 32 30" aria-hidden>
                <path d="M3.7 11.1V3.7h7.4V0H2.6A2.6 2.6 0 0 0 0 2.6v8.5h3.7Zm7.4 15.2H3.7v-7.4H0v8.5A2.6 2.6 0 0 0 2.6 30h8.5v-3.7Zm17.2-7.4v7.4h-7.4V30h8.5a2.6 2.6 0 0 0 2.6-2.6v-8.5h-3.7ZM20.9 3.7h7.4v7.4H32V2.6A2.6 2.6 0 0 0 29.4 0h-8.5v3.7Z" />
              </svg>
            </ControlButton>
            <ControlButton
              onClick={() => setMinimapChoice(!minimapShown)}
              title={minimapShown ? 'Hide the minimap' : 'Show the minimap'}
              aria-label={minimapShown ? 'Hide the minimap' : 'Show the minimap'}
              aria-pressed={minimapShown}
              data-testid="minimap-toggle"
            >
              <svg viewBox="0 0 16 16" aria-hidden>
                <rect
                  x="1.5"
                  y="3"
                  width="13"
                  height="10"
                  rx="1.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                />
                <rect x="8" y="7.5" width="5" height="4" fill="currentColor" />
              </svg>
            </ControlButton>
          </Controls>
          {minimapShown && <GraphMinimap nodes={nodes} />}
        </ReactFlow>
      </RovingContext>
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
