/**
 * Every problem, grouped by severity (errors first) and filtered like the graph. Clicking one
 * focuses its node.
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import type { Diagnostic, Severity } from '@gatescope/core';
import { diagnosticTarget } from '../engine/contexts.ts';
import { useEngine } from '../engine/useEngine.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { useViewState } from '../view/ViewState.tsx';
import type { Filters } from '../view/ViewState.tsx';
import { DiagnosticCard } from './DiagnosticCard.tsx';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];
const TITLES: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export function filterDiagnostics(all: readonly Diagnostic[], filters: Filters): Diagnostic[] {
  const text = filters.text.toLowerCase();
  const namespaces = new Set(filters.namespaces);
  return all.filter(
    (d) =>
      (namespaces.size === 0 || d.object.namespace === '' || namespaces.has(d.object.namespace)) &&
      (filters.kinds.length === 0 || filters.kinds.includes(d.object.kind)) &&
      (!filters.onlyProblems || d.severity !== 'info') &&
      (text === '' ||
        `${d.code} ${d.message} ${diagnosticTarget(d)} ${d.reason ?? ''}`.toLowerCase().includes(text)),
  );
}

export function DiagnosticsPanel(): ReactElement {
  const { result } = useEngine();
  const live = useLive();
  const view = useViewState();
  const all = useMemo(
    () => [...(result?.parseDiagnostics ?? []), ...(result?.analysis.diagnostics ?? [])],
    [result],
  );
  const shown = useMemo(() => filterDiagnostics(all, view.filters), [all, view.filters]);
  const waiting = result === null || (result.source === 'live' && live.epoch === null);
  if (waiting) return <p className="muted pad">Waiting for the first analysis…</p>;
  if (all.length === 0) {
    return (
      <div className="empty-state" data-testid="no-diagnostics">
        <div className="big-check" aria-hidden>
          ✓
        </div>
        <p>No problems found.</p>
      </div>
    );
  }
  return (
    <div className="diagnostics-panel" data-testid="diagnostics-panel">
      <p className="muted small pad-x">
        {shown.length} of {all.length} shown
      </p>
      {ORDER.map((severity) => {
        const group = shown.filter((d) => d.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className="diagnostic-group">
            <h3>
              {TITLES[severity]} <span className="count">{group.length}</span>
            </h3>
            {group.map((d, i) => (
              <DiagnosticCard
                key={`${d.code}:${diagnosticTarget(d)}:${d.field ?? ''}:${i}`}
                diagnostic={d}
                showObject
                onFocus={() => view.focus(diagnosticTarget(d))}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}
