/** Under a 404/500 answer: links to the diagnostics that explain it (they open the details). */
import type { ReactElement } from 'react';
import type { Analysis } from '@gatescope/core';
import type { SimRequest, SimResult } from '@gatescope/core/matching/index';
import { diagnosticTarget } from '../engine/contexts.ts';
import { useViewState } from '../view/ViewState.tsx';
import { explainingDiagnostics } from './why.ts';

export function SimWhy({
  analysis,
  request,
  result,
}: {
  readonly analysis: Analysis | null;
  readonly request: SimRequest;
  readonly result: SimResult;
}): ReactElement | null {
  const view = useViewState();
  if (analysis === null) return null;
  const why = explainingDiagnostics(analysis, request, result);
  if (why.length === 0) return null;
  return (
    <div className="sim-why" data-testid="sim-why">
      <h4 className="sim-trace-title">Explained by</h4>
      <ul>
        {why.map((d, i) => (
          <li key={`${d.code}:${i}`}>
            <button
              type="button"
              className="link-button"
              data-testid="sim-why-link"
              data-code={d.code}
              onClick={() => view.focus(diagnosticTarget(d))}
            >
              {d.reason ?? d.code} on {d.object.kind}{' '}
              {d.object.namespace === '' ? '' : `${d.object.namespace}/`}
              {d.object.name}
            </button>
            <span className="sim-muted"> {d.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
