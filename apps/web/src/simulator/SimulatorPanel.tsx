/**
 * Simulator tab of the right panel: the request form, the trace of the last simulated request
 * (its path lit in the graph) and the route tests table.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { expectationFrom, type Analysis, type RouteTest } from '@gatescope/core';
import { useEngine } from '../engine/useEngine.ts';
import { updateSandbox, useSandbox } from '../sandbox/store.ts';
import { useViewState } from '../view/ViewState.tsx';
import { isError, useSimulations, useSimulator } from './engine.ts';
import { pathNodes } from './highlight.ts';
import { gatewaysOf, RequestForm } from './RequestForm.tsx';
import { RouteTestsTable } from './RouteTestsTable.tsx';
import { SimResultView } from './SimResultView.tsx';
import { SimWhy } from './SimWhy.tsx';
import './simulator.css';

function defaultRequest(analysis: Analysis | null): RouteTest {
  const gateway = gatewaysOf(analysis)[0] ?? '';
  const listener = analysis?.listeners.find((l) => l.gateway.endsWith(`/${gateway}`));
  const protocol = listener?.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP';
  return {
    gateway,
    protocol,
    port: listener?.port ?? 80,
    ...(listener?.hostname !== undefined ? { host: listener.hostname.replace(/^\*\./, 'www.') } : {}),
    path: '/',
  };
}

export function SimulatorPanel(): ReactElement {
  const { result } = useEngine();
  // Several contexts share object names (infra/edge in each): a request goes to one cluster.
  if (result !== null && result.contexts !== null) {
    return (
      <section className="sim-panel" aria-label="Request simulator">
        <p className="callout" data-testid="simulator-needs-context">
          Several kube contexts are shown. Pick one in the context picker to simulate requests against its
          Gateways.
        </p>
      </section>
    );
  }
  return <SingleSourceSimulator />;
}

function SingleSourceSimulator(): ReactElement {
  const simulator = useSimulator();
  const { request: ran, tests } = useSandbox();
  const { setHighlight, frame } = useViewState();
  // The camera follows a request the user ran (Run, a test row), not one restored by a share link:
  // there the shared selection keeps the centre.
  const userRan = useRef(false);
  const [draft, setDraft] = useState<RouteTest | null>(ran);
  const [syncedFrom, setSyncedFrom] = useState(ran);
  // A request set from outside (share link, test row) replaces the form's draft.
  if (ran !== syncedFrom) {
    setSyncedFrom(ran);
    if (ran !== null) setDraft(ran);
  }
  const gateways = gatewaysOf(simulator.analysis);
  // A draft for a Gateway the current input no longer has (another scenario) starts over.
  const stale = draft !== null && gateways.length > 0 && !gateways.includes(draft.gateway);
  const form = draft !== null && !stale ? draft : defaultRequest(simulator.analysis);
  const requests = useMemo(() => (ran === null ? [] : [ran]), [ran]);
  const result = useSimulations(requests)?.[0] ?? null;

  useEffect(() => {
    if (result === null || isError(result) || ran === null || simulator.analysis === null) {
      setHighlight(null);
      return;
    }
    const nodes = pathNodes(simulator.analysis, ran, result);
    setHighlight({ nodes });
    if (userRan.current && nodes.length > 0) {
      userRan.current = false;
      frame(nodes);
    }
  }, [result, ran, simulator.analysis, setHighlight, frame]);
  useEffect(() => () => setHighlight(null), [setHighlight]);

  const saveAsTest = (): void => {
    if (ran === null || result === null || isError(result)) return;
    const id = `test-${tests.length + 1}`;
    updateSandbox({ tests: [...tests, { ...ran, id, expect: expectationFrom(result) }] });
  };

  return (
    <section className="sim-panel" aria-label="Request simulator">
      <RequestForm
        analysis={simulator.analysis}
        request={form}
        onChange={setDraft}
        onRun={() => {
          userRan.current = true;
          updateSandbox({ request: { ...form } });
        }}
      />
      {ran !== null && result === null && (
        <p className="sim-muted" data-testid="simulator-pending">
          Simulating…
        </p>
      )}
      {ran !== null &&
        result !== null &&
        (isError(result) ? (
          <p className="sim-bad" data-testid="simulator-result">
            Simulation failed: {result.error}
          </p>
        ) : (
          <>
            <SimResultView request={ran} result={result} />
            <SimWhy analysis={simulator.analysis} request={ran} result={result} />
            <button type="button" className="sim-secondary" onClick={saveAsTest} data-testid="sim-save-test">
              Save as test (expect this result)
            </button>
          </>
        ))}
      <RouteTestsTable
        tests={tests}
        onLoad={(test) => {
          const { expect: _expect, ...request } = test;
          setDraft(request);
          userRan.current = true;
          updateSandbox({ request });
        }}
        onRemove={(index) => updateSandbox({ tests: tests.filter((_, i) => i !== index) })}
      />
    </section>
  );
}
