/** The right panel: Details | Diagnostics | Simulator (the simulator is the teammate's panel). */
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { PANEL_TABS, panelTabTitle, useViewState } from '../view/ViewState.tsx';
import type { PanelTab } from '../view/ViewState.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';

const SimulatorPanel = lazy(async () => ({
  default: (await import('../simulator/SimulatorPanel.tsx')).SimulatorPanel,
}));

/** Under this window width the inspector starts folded: the graph needs the room more. */
const FOLDED_BELOW = 1200;

/**
 * Open unless the window is narrow; anything that asks for the panel (a node selected, a tab
 * chosen, a diagnostic focused) unfolds it again.
 */
function useFolding(selected: string | null, tab: PanelTab, tick: number) {
  const [folded, setFolded] = useState(() => window.innerWidth < FOLDED_BELOW);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (selected !== null) setFolded(false);
  }, [selected, tab, tick]);
  return [folded, setFolded] as const;
}

export function SidePanel(): ReactElement {
  const { tab, setTab, selected, focusTick } = useViewState();
  const { result } = useEngine();
  const [folded, setFolded] = useFolding(selected, tab, focusTick);
  // Another node's details (or another tab) start at the top, not where the last one was scrolled.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.scrollTo({ top: 0 });
  }, [selected, tab, focusTick]);
  const problems = (result?.analysis.diagnostics.length ?? 0) + (result?.parseDiagnostics.length ?? 0);
  const chooseTab = (id: PanelTab): void => {
    setTab(id);
    setFolded(false);
  };
  const fold = (
    <button
      type="button"
      className="panel-fold"
      data-testid="panel-fold"
      aria-expanded={!folded}
      aria-label={folded ? 'Show the inspector' : 'Fold the inspector away'}
      title={folded ? 'Show the inspector' : 'Fold the inspector away'}
      onClick={() => setFolded(!folded)}
    >
      {folded ? '‹' : '›'}
    </button>
  );
  if (folded) {
    return (
      <aside
        className="side-panel collapsed"
        aria-label="Inspector"
        data-testid="side-panel"
        data-folded="true"
      >
        <div className="tabs">
          {fold}
          {PANEL_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              className="tab"
              onClick={() => chooseTab(t.id)}
              data-testid={`tab-${t.id}`}
            >
              {t.title}
              {t.id === 'diagnostics' && problems > 0 && <span className="count">{problems}</span>}
            </button>
          ))}
        </div>
      </aside>
    );
  }
  return (
    <aside className="side-panel" aria-label="Inspector" data-testid="side-panel" data-folded="false">
      <div className="tabs-row">
        <div className="tabs" role="tablist">
          {PANEL_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => chooseTab(t.id)}
              data-testid={`tab-${t.id}`}
            >
              {t.title}
              {t.id === 'diagnostics' && problems > 0 && <span className="count">{problems}</span>}
            </button>
          ))}
        </div>
        {fold}
      </div>
      <div className="tab-body" role="tabpanel" ref={body} tabIndex={0} aria-label={panelTabTitle(tab)}>
        {tab === 'details' && <DetailsPanel />}
        {tab === 'diagnostics' && <DiagnosticsPanel />}
        {tab === 'simulator' && (
          <Suspense fallback={<p className="muted pad">Loading simulator…</p>}>
            <SimulatorPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}
