/**
 * Where the data comes from and how fresh it is: live contexts with connection state and sync
 * progress per kind (forbidden kinds show the RBAC rule to add), demo mode with its reason, or
 * the sandbox.
 */
import type { ReactElement } from 'react';
import type { KindStatus } from '@gatescope/core';
import { useEngine } from '../engine/useEngine.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { rbacRuleFor, rbacRulesForForbidden, syncProgress } from '../live/kinds.ts';

const CONNECTION_TEXT = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Server unreachable',
} as const;

function KindRow({ kind }: { readonly kind: KindStatus }): ReactElement {
  return (
    <li
      className={`kind-row kind-${kind.state}`}
      data-testid="kind-status"
      data-kind={kind.kind}
      data-state={kind.state}
    >
      <span className={`state-dot state-${kind.state}`} aria-hidden />
      <span className="kind-name">{kind.kind}</span>
      <span className="muted small">
        {kind.cluster} · {kind.state}
        {kind.state === 'synced' || kind.state === 'syncing' ? ` · ${kind.count}` : ''}
        {kind.restarts > 0 ? ` · ${kind.restarts} restarts` : ''}
      </span>
      {kind.message !== undefined && <div className="muted small">{kind.message}</div>}
      {kind.state === 'forbidden' && (
        <div className="rbac">
          <div className="small">Add to the ClusterRole to see {kind.resource}:</div>
          <pre>{rbacRuleFor(kind)}</pre>
        </div>
      )}
      {kind.state === 'absent' && kind.message === undefined && (
        <div className="muted small">Not served by this cluster (CRD not installed).</div>
      )}
    </li>
  );
}

export function SourceStatus({ page }: { readonly page: 'topology' | 'sandbox' }): ReactElement {
  const live = useLive();
  const { result } = useEngine();
  if (page === 'sandbox' && result?.source !== 'live') {
    return (
      <span className="source-badge source-sandbox" data-testid="source-status" data-mode="sandbox">
        <span className="state-dot state-synced" /> Sandbox
      </span>
    );
  }
  const mode = live.source?.mode;
  const progress = syncProgress(live.kinds);
  const contexts = live.source?.contexts.map((c) => c.name).join(', ') ?? '';
  const label =
    live.connection !== 'live'
      ? CONNECTION_TEXT[live.connection]
      : mode === 'demo'
        ? 'Demo'
        : !progress.done
          ? `Syncing ${progress.synced}/${progress.total}`
          : `Live · ${contexts}`;
  return (
    <details className="source-status">
      <summary
        className={`source-badge badge-${live.connection} mode-${mode ?? 'unknown'}`}
        data-testid="source-status"
        data-connection={live.connection}
        data-mode={mode ?? 'unknown'}
      >
        <span className={`conn-dot conn-${live.connection}`} aria-hidden />
        {label}
        {progress.forbidden > 0 && <span className="chip chip-warn">{progress.forbidden} forbidden</span>}
        {result?.baseline !== null && result?.baseline !== undefined && (
          <span className="chip chip-info">what-if</span>
        )}
      </summary>
      <div className="popover">
        {mode === 'demo' && (
          <p className="small">
            Showing the built-in demo scenario
            {live.source?.reason !== undefined ? `: ${live.source.reason}` : '.'}
          </p>
        )}
        {live.connection === 'offline' && (
          <p className="small">The Gatescope server does not answer; retrying.</p>
        )}
        {(live.source?.contexts ?? []).map((c) => (
          <p key={c.name} className="small">
            <strong>{c.name}</strong> {c.server ?? ''} {c.reachable ? '' : `— unreachable: ${c.reason ?? ''}`}
          </p>
        ))}
        {live.kinds.length > 0 && (
          <>
            <div className="progress" aria-label="Initial sync">
              <div
                style={{ width: `${progress.total === 0 ? 100 : (100 * progress.synced) / progress.total}%` }}
              />
            </div>
            {progress.forbidden > 0 && (
              <div className="rbac" data-testid="rbac-rules">
                <div className="small">
                  Read-only rules to add to Gatescope's ClusterRole for every forbidden kind:
                </div>
                <pre>{rbacRulesForForbidden(live.kinds)}</pre>
              </div>
            )}
            <ul className="kind-list">
              {live.kinds.map((k) => (
                <KindRow key={`${k.cluster}/${k.group}/${k.kind}`} kind={k} />
              ))}
            </ul>
          </>
        )}
        {live.epoch !== null && (
          <p className="muted small">
            stream {live.epoch}:{live.seq} · {live.deltas} changes since snapshot
          </p>
        )}
      </div>
    </details>
  );
}
