/** Graph toolbar: only-problems toggle, namespace and kind filters, health legend and counts. */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import { NO_FILTERS } from '../view/ViewState.tsx';
import { Legend } from './Legend.tsx';

function Select({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  readonly label: string;
  readonly options: readonly string[];
  readonly value: readonly string[];
  readonly onChange: (next: string[]) => void;
  readonly testId: string;
}): ReactElement {
  return (
    <label className="filter-select">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value[0] ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? [] : [e.target.value])}
      >
        <option value="">all</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o === '' ? '(cluster)' : o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar(): ReactElement {
  const { result, status, expanded, collapseAll } = useEngine();
  const { filters, setFilters } = useViewState();
  const nodes = result?.topology.nodes;
  const namespaces = useMemo(
    () => [...new Set((nodes ?? []).map((n) => n.namespace))].filter((n) => n !== '').sort(),
    [nodes],
  );
  const kinds = useMemo(() => [...new Set((nodes ?? []).map((n) => n.kind))].sort(), [nodes]);
  const counts = useMemo(() => {
    const c = { ok: 0, warning: 0, error: 0, unknown: 0 };
    for (const n of nodes ?? []) c[n.health]++;
    return c;
  }, [nodes]);
  const active =
    filters !== NO_FILTERS &&
    (filters.onlyProblems || filters.namespaces.length > 0 || filters.kinds.length > 0);
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <div className="filter-bar-main">
        <label className="toggle">
          <input
            type="checkbox"
            checked={filters.onlyProblems}
            data-testid="only-problems"
            onChange={(e) => setFilters({ ...filters, onlyProblems: e.target.checked })}
          />
          Only problems
        </label>
        <Select
          label="Namespace"
          testId="filter-namespace"
          options={namespaces}
          value={filters.namespaces}
          onChange={(v) => setFilters({ ...filters, namespaces: v })}
        />
        <Select
          label="Kind"
          testId="filter-kind"
          options={kinds}
          value={filters.kinds}
          onChange={(v) => setFilters({ ...filters, kinds: v })}
        />
        {active && (
          <button
            type="button"
            className="ghost-button"
            onClick={() => setFilters({ ...NO_FILTERS, text: filters.text })}
          >
            Reset
          </button>
        )}
        <span className="spacer" />
        {status === 'working' && (
          <span className="chip" data-testid="engine-working">
            analysing…
          </span>
        )}
        {result !== null && (
          <span
            className="muted small timings"
            title="Last computation in the background worker: load, analyze, topology, layout"
          >
            {Math.round(
              result.timings.loadMs +
                result.timings.analyzeMs +
                result.timings.topologyMs +
                result.timings.layoutMs,
            )}{' '}
            ms
          </span>
        )}
        {result?.view.aggregated === true && (
          <span className="chip aggregated-hint">aggregated · click a group to expand</span>
        )}
        {expanded.size > 0 && (
          <button type="button" className="ghost-button" data-testid="collapse-groups" onClick={collapseAll}>
            Collapse {expanded.size} expanded
          </button>
        )}
      </div>
      <div className="filter-bar-end">
        <Legend />
        <span
          className="legend"
          role="img"
          aria-label={`${counts.error} failing, ${counts.warning} warnings, ${counts.unknown} unknown or pending, ${counts.ok} healthy`}
        >
          <span className="legend-item" title="failing">
            <span className="health-dot health-error" />
            {counts.error}
          </span>
          <span className="legend-item" title="warnings">
            <span className="health-dot health-warning" />
            {counts.warning}
          </span>
          <span className="legend-item" title="unknown or pending">
            <span className="health-dot health-unknown" />
            {counts.unknown}
          </span>
          <span className="legend-item" title="healthy">
            <span className="health-dot health-ok" />
            {counts.ok}
          </span>
        </span>
      </div>
    </div>
  );
}
