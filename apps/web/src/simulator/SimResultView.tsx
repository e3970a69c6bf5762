/**
 * A simulated request's answer as a readable trace: status, listener, the winning route and rule,
 * the ranked candidates (losers with their reason), filters applied, the backend split as a bar,
 * mirrors, and near misses when nothing matched.
 */
import type { ReactElement } from 'react';
import type { SimBackend, SimRequest, SimResult } from '@gatescope/core/matching/index';

const SPLIT_COLOURS = ['#8b7cf6', '#2fb47c', '#e0a422', '#3fa7e0', '#e0609b', '#9aa0ad'];

function statusClass(status: number | null): string {
  if (status === null) return 'sim-status sim-status-none';
  if (status >= 500) return 'sim-status sim-status-error';
  if (status >= 400) return 'sim-status sim-status-warn';
  if (status >= 300) return 'sim-status sim-status-redirect';
  return 'sim-status sim-status-ok';
}

function statusText(result: SimResult): string {
  if (result.status === null) {
    // Listeners that exist but do not serve (e.g. their GatewayClass is not in the input): the
    // trace names why; "refused" would blame the network.
    return result.explanation.some((l) => l.endsWith('Nothing serves this port.'))
      ? 'no answer (nothing serves this port: see the trace)'
      : 'no answer (connection refused or TLS handshake fails)';
  }
  if (result.redirect !== null) return `${result.status} redirect`;
  if (result.status === 404) return '404 Not Found';
  if (result.status === 500) return '500 (invalid backend)';
  return `${result.status}${result.backends.length > 0 ? ' forwarded' : ''}`;
}

function SplitBar({ backends }: { readonly backends: readonly SimBackend[] }): ReactElement {
  return (
    <div className="sim-split" data-testid="sim-split">
      <div className="sim-split-bar" role="img" aria-label="Backend split">
        {backends.map((b, i) => (
          <span
            key={i}
            className={b.valid ? 'sim-split-seg' : 'sim-split-seg sim-split-invalid'}
            style={{
              width: `${b.probability * 100}%`,
              background: b.valid ? SPLIT_COLOURS[i % SPLIT_COLOURS.length] : undefined,
            }}
            title={`${b.namespace}/${b.name}: ${Math.round(b.probability * 1000) / 10}%`}
          />
        ))}
      </div>
      <ul className="sim-split-legend">
        {backends.map((b, i) => (
          <li key={i} data-testid="sim-backend" data-backend={`${b.kind}/${b.namespace}/${b.name}`}>
            <i style={{ background: b.valid ? SPLIT_COLOURS[i % SPLIT_COLOURS.length] : 'var(--error)' }} />
            {b.kind} {b.namespace}/{b.name}
            {b.port === null ? '' : `:${b.port}`} — {Math.round(b.probability * 1000) / 10}% (weight{' '}
            {b.weight}){!b.valid && <span className="sim-bad"> invalid: {b.reason ?? 'unusable'} → 500</span>}
            {b.clusters !== undefined && b.clusters.length > 0 && (
              <span className="sim-muted"> clusters {b.clusters.join(', ')}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Headers({
  title,
  headers,
  before,
}: {
  title: string;
  headers: Readonly<Record<string, string>> | null;
  /** Headers as the client sent them: changed ones are marked. */
  before?: Readonly<Record<string, string>>;
}): ReactElement | null {
  if (headers === null) return null;
  const original = new Map(Object.entries(before ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const removed = [...original.keys()].filter(
    (k) => !Object.keys(headers).some((h) => h.toLowerCase() === k),
  );
  if (Object.keys(headers).length === 0 && removed.length === 0) return null;
  return (
    <div className="sim-kv" data-testid="sim-headers-out">
      <span className="sim-muted">{title}</span>
      {Object.entries(headers).map(([k, v]) => {
        const was = original.get(k.toLowerCase());
        const change = before === undefined ? '' : was === undefined ? 'added' : was !== v ? 'changed' : '';
        return (
          <code key={k} className={change === '' ? undefined : `sim-h-${change}`} title={change || undefined}>
            {change === 'added' ? '+ ' : change === 'changed' ? '~ ' : ''}
            {k}: {v}
          </code>
        );
      })}
      {removed.map((k) => (
        <code key={k} className="sim-h-removed" title="removed">
          − {k}
        </code>
      ))}
    </div>
  );
}

/** Path and host as the client sent them versus as the backend receives them. */
function Rewrites({ request, result }: { request: SimRequest; result: SimResult }): ReactElement | null {
  const up = result.upstreamRequest;
  if (up === null) return null;
  const path = request.path ?? '/';
  const host = request.host ?? null;
  const rows: ReactElement[] = [];
  if (up.path !== path) {
    rows.push(
      <li key="path">
        path <code>{path}</code> → <code>{up.path}</code>
      </li>,
    );
  }
  if (host !== null && up.host !== host && up.host !== host.replace(/:\d+$/, '')) {
    rows.push(
      <li key="host">
        host <code>{host}</code> → <code>{up.host}</code>
      </li>,
    );
  }
  if (rows.length === 0) return null;
  return (
    <ul className="sim-rewrites" data-testid="sim-rewrites">
      {rows}
    </ul>
  );
}

function traceClass(line: string): string {
  const t = line.trim();
  if (t.startsWith('✔')) return 'sim-trace-win';
  if (t.startsWith('✘')) return 'sim-trace-lose';
  if (/near miss|closest/i.test(t)) return 'sim-trace-near';
  return '';
}

export function SimResultView({
  request,
  result,
}: {
  readonly request: SimRequest;
  readonly result: SimResult;
}): ReactElement {
  const up = result.upstreamRequest;
  return (
    <div className="sim-result" data-testid="simulator-result" data-status={result.status ?? 'none'}>
      <div className="sim-headline">
        <span className={statusClass(result.status)} data-testid="sim-status">
          {statusText(result)}
        </span>
        {result.grpcCode !== undefined && <span className="sim-chip">gRPC {result.grpcCode}</span>}
      </div>
      <dl className="sim-facts">
        <dt>Listener</dt>
        <dd data-testid="sim-listener-result">{result.listener ?? 'none'}</dd>
        <dt>Route</dt>
        <dd data-testid="sim-route">
          {result.route === null
            ? 'none'
            : `${result.route.kind} ${result.route.namespace}/${result.route.name}${result.rule === null ? '' : ` · rule ${result.rule}`}`}
        </dd>
        {result.redirect !== null && (
          <>
            <dt>Location</dt>
            <dd data-testid="sim-location">
              <code>{result.redirect.location}</code> ({result.redirect.statusCode})
            </dd>
          </>
        )}
        {up !== null && (
          <>
            <dt>Upstream</dt>
            <dd data-testid="sim-upstream">
              <code>
                {up.method} {up.host}
                {up.path}
              </code>
            </dd>
          </>
        )}
      </dl>
      <Rewrites request={request} result={result} />
      {up !== null && (
        <Headers title="Request headers sent" headers={up.headers} before={request.headers ?? {}} />
      )}
      <Headers title="Response headers" headers={result.responseHeaders} />
      {result.backends.length > 0 && <SplitBar backends={result.backends} />}
      {result.mirrors.length > 0 && (
        <ul className="sim-mirrors">
          {result.mirrors.map((m, i) => (
            <li key={i} data-testid="sim-mirror">
              ⧉ mirrored to {m.kind} {m.namespace}/{m.name}
              {m.port === null ? '' : `:${m.port}`} ({m.percent}% of requests, response ignored)
            </li>
          ))}
        </ul>
      )}
      {(result.timeouts !== undefined || result.retry !== undefined) && (
        <p className="sim-muted">
          {result.timeouts?.request !== undefined && `Request timeout ${result.timeouts.request}. `}
          {result.retry !== undefined &&
            `Retry on ${result.retry.codes.join(', ')} (${result.retry.attempts ?? '?'} attempts).`}
        </p>
      )}
      <h4 className="sim-trace-title">Trace</h4>
      <ol className="sim-trace" data-testid="sim-trace">
        {result.explanation.map((line, i) => (
          <li
            key={i}
            className={traceClass(line)}
            style={{ paddingLeft: `${(line.length - line.trimStart().length) * 5}px` }}
          >
            {line.trim()}
          </li>
        ))}
      </ol>
    </div>
  );
}
