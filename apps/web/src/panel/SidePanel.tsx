/** The right panel: Details | Diagnostics | Simulator (the simulator is the teammate's panel). */
import { Suspense, lazy } from 'react';
import type { ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import type { PanelTab } from '../view/ViewState.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';

const SimulatorPanel = lazy(async () => ({
  default: (await import('../simulator/SimulatorPanel.tsx')).SimulatorPanel,
}));

const TABS: readonly { id: PanelTab; title: string }[] = [
  { id: 'details', title: 'Details' },
  { id: 'diagnostics', title: 'Diagnostics' },
  { id: 'simulator', title: 'Simulator' },
];

export function SidePanel(): ReactElement {
  const { tab, setTab } = useViewState();
  const { result } = useEngine();
  const problems = (result?.analysis.diagnostics.length ?? 0) + (result?.parseDiagnostics.length ?? 0);
  return (
    <aside className="side-panel" aria-label="Inspector">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.title}
            {t.id === 'diagnostics' && problems > 0 && <span className="count">{problems}</span>}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
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
