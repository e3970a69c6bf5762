/**
 * Route tests: requests with expected outcomes, run together against the current analysis,
 * pass/fail per row. Saved with the sandbox (localStorage) and carried in share links.
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { evaluateRouteTest, requestOf, type RouteTest } from '@gatescope/core';
import { isError, useSimulations } from './engine.ts';

interface Props {
  readonly tests: readonly RouteTest[];
  readonly onLoad: (test: RouteTest) => void;
  readonly onRemove: (index: number) => void;
}

/** The requests (without expectations) as `gatescope simulate --requests` reads them. */
export function testsAsJsonl(tests: readonly RouteTest[]): string {
  return tests.map((t) => JSON.stringify(requestOf(t))).join('\n') + '\n';
}

function downloadJsonl(tests: readonly RouteTest[]): void {
  const url = URL.createObjectURL(new Blob([testsAsJsonl(tests)], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'gatescope-route-tests.jsonl';
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function describeRequest(t: RouteTest): string {
  const scheme = (t.protocol ?? 'HTTP').toLowerCase();
  const port = t.port === undefined ? '' : `:${t.port}`;
  const grpc = t.grpc === undefined ? '' : ` ${t.grpc.service}/${t.grpc.method}`;
  return `${t.method ?? ''} ${scheme}://${t.host ?? '(gateway IP)'}${port}${t.path ?? '/'}${grpc}`.trim();
}

function describeExpectation(t: RouteTest): string {
  const e = t.expect;
  if (e === undefined) return '—';
  const parts: string[] = [];
  if (e.status !== undefined) parts.push(String(e.status));
  if (e.route !== undefined) parts.push(`route ${e.route}`);
  if (e.backend !== undefined) parts.push(`→ ${e.backend}`);
  if (e.location !== undefined) parts.push(`Location ${e.location}`);
  if (e.upstreamPath !== undefined) parts.push(`path ${e.upstreamPath}`);
  if (e.grpcCode !== undefined) parts.push(`gRPC ${e.grpcCode}`);
  return parts.join(', ');
}

export function RouteTestsTable({ tests, onLoad, onRemove }: Props): ReactElement {
  const requests = useMemo(() => tests.map(requestOf), [tests]);
  const results = useSimulations(requests);
  const rows = useMemo(
    () =>
      tests.map((test, i) => {
        const result = results?.[i];
        if (result === undefined) return { test, got: 'running…', outcome: null, running: true };
        if (isError(result)) return { test, got: result.error, outcome: null, running: false };
        const outcome = evaluateRouteTest(test, result);
        return { test, got: String(result.status ?? 'no answer'), outcome, running: false };
      }),
    [tests, results],
  );
  const passed = rows.filter((r) => r.outcome?.pass === true && !r.outcome.unchecked).length;
  const failed = rows.filter((r) => !r.running && (r.outcome === null || !r.outcome.pass)).length;
  if (tests.length === 0) {
    return (
      <p className="sim-muted" data-testid="route-tests">
        No route tests yet: simulate a request and “Save as test” to keep it with the sandbox and share links.
      </p>
    );
  }
  return (
    <div className="sim-tests" data-testid="route-tests" data-passed={passed} data-failed={failed}>
      <div className="sim-tests-head">
        <strong>Route tests</strong>
        <span className="sim-pass">{passed} pass</span>
        <span className={failed > 0 ? 'sim-fail' : 'sim-muted'}>{failed} fail</span>
        <span className="sim-muted">(re-run on every change)</span>
        <button
          type="button"
          className="sim-linkish sim-jsonl"
          onClick={() => downloadJsonl(tests)}
          title="The requests as JSON lines, for gatescope simulate --requests FILE.jsonl"
        >
          Download JSONL
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th />
            <th>Request</th>
            <th>Expected</th>
            <th>Got</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ test, got, outcome, running }, i) => {
            const state = running
              ? 'running'
              : outcome === null
                ? 'fail'
                : outcome.unchecked
                  ? 'unchecked'
                  : outcome.pass
                    ? 'pass'
                    : 'fail';
            return (
              <tr key={i} data-testid="route-test" data-result={state} className={`sim-row-${state}`}>
                <td>{state === 'pass' ? '✔' : state === 'fail' ? '✘' : '·'}</td>
                <td>
                  <button
                    type="button"
                    className="sim-linkish"
                    onClick={() => onLoad(test)}
                    title="Load into the form"
                  >
                    {test.id !== undefined ? <strong>{String(test.id)} </strong> : null}
                    {describeRequest(test)}
                  </button>
                </td>
                <td>{describeExpectation(test)}</td>
                <td title={outcome?.failures.join('\n') ?? got}>
                  {got}
                  {outcome !== null && outcome.failures.length > 0 && (
                    <div className="sim-fail-reason">{outcome.failures.join('; ')}</div>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="sim-linkish"
                    onClick={() => onRemove(i)}
                    aria-label="Remove test"
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
