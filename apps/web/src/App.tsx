/** The app: one engine (live snapshot and sandbox YAML), the live feed, view state and pages. */
import { Suspense, lazy, useEffect } from 'react';
import type { ReactElement } from 'react';
import { EngineProvider } from './engine/EngineProvider.tsx';
import { useEngine } from './engine/useEngine.ts';
import { LiveProvider } from './live/LiveProvider.tsx';
import { Header } from './shell/Header.tsx';
import { useHotkeys } from './shell/hotkeys.ts';
import { usePathname } from './shell/router.ts';
import { TopologyWorkspace } from './shell/TopologyWorkspace.tsx';
import { ViewStateProvider } from './view/ViewState.tsx';

const SandboxPage = lazy(() => import('./sandbox/SandboxPage.tsx'));

function TopologyPage(): ReactElement {
  const { setSource } = useEngine();
  // `/` shows the current source: the live cluster (or the server's demo), plus any what-if overlay.
  useEffect(() => setSource('live'), [setSource]);
  return <TopologyWorkspace />;
}

function Shell(): ReactElement {
  const path = usePathname();
  const page = path.startsWith('/sandbox') ? 'sandbox' : 'topology';
  useHotkeys();
  return (
    <div className="app">
      <Header page={page} />
      <main className="app-main">
        {page === 'sandbox' ? (
          <Suspense fallback={<p className="muted pad">Loading sandbox…</p>}>
            <SandboxPage />
          </Suspense>
        ) : (
          <TopologyPage />
        )}
      </main>
    </div>
  );
}

export function App(): ReactElement {
  return (
    <EngineProvider>
      <LiveProvider>
        <ViewStateProvider>
          <Shell />
        </ViewStateProvider>
      </LiveProvider>
    </EngineProvider>
  );
}
