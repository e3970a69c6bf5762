/**
 * What the user is looking at, shared by the graph, the panels, the header and the share link:
 * selected node, panel tab, filters, "only problems", and a highlight (the simulator's winning
 * path). One provider per page, next to its EngineProvider.
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';

/** The inspector's tabs in display order: the one list the panel, share links and types read. */
export const PANEL_TABS = [
  { id: 'details', title: 'Details' },
  { id: 'diagnostics', title: 'Diagnostics' },
  { id: 'simulator', title: 'Simulator' },
] as const;

export type PanelTab = (typeof PANEL_TABS)[number]['id'];

export function panelTabTitle(tab: PanelTab): string {
  return PANEL_TABS.find((t) => t.id === tab)?.title ?? tab;
}

export interface Filters {
  /** Empty: every namespace. */
  readonly namespaces: readonly string[];
  /** Node kinds (TopoNodeKind); empty: every kind. */
  readonly kinds: readonly string[];
  /** Free text matched against node ids and labels (the header search). */
  readonly text: string;
  readonly onlyProblems: boolean;
}

export const NO_FILTERS: Filters = { namespaces: [], kinds: [], text: '', onlyProblems: false };

export interface Highlight {
  readonly nodes: readonly string[];
  readonly edges?: readonly string[];
}

export interface ViewState {
  readonly selected: string | null;
  readonly select: (nodeId: string | null) => void;
  readonly tab: PanelTab;
  readonly setTab: (tab: PanelTab) => void;
  readonly filters: Filters;
  readonly setFilters: (filters: Filters) => void;
  readonly highlight: Highlight | null;
  readonly setHighlight: (highlight: Highlight | null) => void;
  /** Incremented to ask the graph to centre on the selected node. */
  readonly focusTick: number;
  /** Select a node, show its details and centre the graph on it. */
  readonly focus: (nodeId: string) => void;
  /** The last request to frame some nodes (search next/prev on a group); tick orders requests. */
  readonly frameRequest: FrameRequest | null;
  readonly frame: (nodeIds: readonly string[]) => void;
}

export interface FrameRequest {
  readonly nodes: readonly string[];
  readonly tick: number;
}

const ViewStateContext = createContext<ViewState | null>(null);

export function ViewStateProvider({ children }: { readonly children: ReactNode }): ReactElement {
  const [selected, select] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('diagnostics');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [frameRequest, setFrameRequest] = useState<FrameRequest | null>(null);
  // Stable: effects that call it (the simulator's) must not re-run whenever the view changes.
  const frame = useCallback(
    (nodes: readonly string[]) => setFrameRequest((prior) => ({ nodes, tick: (prior?.tick ?? 0) + 1 })),
    [],
  );
  const value = useMemo<ViewState>(
    () => ({
      selected,
      select,
      tab,
      setTab,
      filters,
      setFilters,
      highlight,
      setHighlight,
      focusTick,
      focus: (nodeId) => {
        select(nodeId);
        setTab('details');
        setFocusTick((n) => n + 1);
      },
      frameRequest,
      frame,
    }),
    [selected, tab, filters, highlight, focusTick, frameRequest, frame],
  );
  return <ViewStateContext value={value}>{children}</ViewStateContext>;
}

export function useViewState(): ViewState {
  const value = useContext(ViewStateContext);
  if (value === null) throw new Error('useViewState() outside <ViewStateProvider>');
  return value;
}
