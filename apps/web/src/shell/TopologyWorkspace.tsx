/**
 * The graph with its toolbar and the right panel. The `/` page is this; the sandbox page can
 * embed it next to its editor (it reads the same engine and view state).
 */
import type { ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { FilterBar } from '../graph/FilterBar.tsx';
import { TopologyGraph } from '../graph/TopologyGraph.tsx';
import { SidePanel } from '../panel/SidePanel.tsx';
import { TryFixBanner } from '../panel/TryFix.tsx';
import { navigate } from './router.ts';

function EmptyGraph(): ReactElement | null {
  const { result, status, error } = useEngine();
  const live = useLive();
  if (status === 'error') return <div className="graph-overlay error">Analysis failed: {error}</div>;
  if (result === null) return <div className="graph-overlay">Loading…</div>;
  if (result.source === 'live' && live.epoch === null) {
    return (
      <div className="graph-overlay" data-testid="waiting-snapshot">
        <p>
          {live.connection === 'offline'
            ? 'The Gatescope server does not answer.'
            : 'Waiting for the server’s snapshot…'}
        </p>
        <p className="muted small">The graph appears as soon as the first sync arrives.</p>
      </div>
    );
  }
  if (result.topology.nodes.length === 0) {
    return (
      <div className="graph-overlay" data-testid="empty-graph">
        {result.source === 'yaml' ? (
          <>
            <p>Nothing to show yet: the YAML holds no Gateway API objects.</p>
            <p className="muted small">Paste or drop manifests into the editor, or load a scenario.</p>
          </>
        ) : (
          <>
            <p>Nothing to show yet: no Gateway API objects in this cluster.</p>
            <p className="muted small">
              Open the{' '}
              <button type="button" className="link-button" onClick={() => navigate('/sandbox')}>
                Sandbox
              </button>{' '}
              to paste YAML or load a scenario.
            </p>
          </>
        )}
      </div>
    );
  }
  return null;
}

export function TopologyWorkspace(): ReactElement {
  return (
    <div className="workspace">
      <div className="graph-column">
        <FilterBar />
        <TryFixBanner />
        <div className="graph-wrap">
          <TopologyGraph />
          <EmptyGraph />
        </div>
      </div>
      <SidePanel />
    </div>
  );
}
