/** Shown when the input spans several kube contexts: one of them, or all (multi-cluster view). */
import type { ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { useLive } from '../live/LiveProvider.tsx';

export function ContextPicker(): ReactElement | null {
  const { result, clusters, setClusters } = useEngine();
  const live = useLive();
  // The server's reachable contexts (also those with no objects yet) plus any seen in the data.
  const fromServer =
    result?.source === 'live'
      ? (live.source?.contexts ?? []).filter((c) => c.reachable).map((c) => c.name)
      : [];
  const available = [...new Set([...fromServer, ...(result?.clusters ?? [])])].sort();
  if (available.length < 2) return null;
  return (
    <label className="context-picker">
      <span className="sr-only">Kube context</span>
      <select
        data-testid="context-picker"
        value={clusters === null ? '' : (clusters[0] ?? '')}
        onChange={(e) => setClusters(e.target.value === '' ? null : [e.target.value])}
      >
        <option value="">All contexts (multi-cluster)</option>
        {available.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
