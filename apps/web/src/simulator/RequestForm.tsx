/** The request form: gateway/listener, scheme, host, method, path+query, headers, gRPC, SNI. */
import { useMemo } from 'react';
import type { FormEvent, ReactElement } from 'react';
import type { Analysis, RouteTest } from '@gatescope/core';
import type { SimProtocol } from '@gatescope/core/matching/index';

const PROTOCOLS: readonly SimProtocol[] = ['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

interface Props {
  readonly analysis: Analysis | null;
  readonly request: RouteTest;
  readonly onChange: (request: RouteTest) => void;
  readonly onRun: () => void;
}

export function gatewaysOf(analysis: Analysis | null): string[] {
  if (analysis === null) return [];
  return analysis.snapshot.objects
    .filter((o) => o.kind === 'Gateway')
    .map((o) => `${o.ref.namespace}/${o.ref.name}`);
}

/** "name: value" lines ⇄ header map. */
export function headersToText(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

export function textToHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

function without<K extends keyof RouteTest>(request: RouteTest, key: K): RouteTest {
  const { [key]: _removed, ...rest } = request;
  return rest as RouteTest;
}

export function RequestForm({ analysis, request, onChange, onRun }: Props): ReactElement {
  const gateways = useMemo(() => gatewaysOf(analysis), [analysis]);
  const listeners = useMemo(() => {
    if (analysis === null) return [];
    const [ns, name] = request.gateway.split('/');
    return analysis.listeners.filter((l) => l.gateway === `Gateway.gateway.networking.k8s.io/${ns}/${name}`);
  }, [analysis, request.gateway]);
  const protocol = request.protocol ?? 'HTTP';
  const set = (patch: Partial<RouteTest>): void => onChange({ ...request, ...patch });
  const setOptional = <K extends 'sni' | 'host' | 'method' | 'path'>(key: K, value: string): void =>
    onChange(value === '' ? without(request, key) : { ...request, [key]: value });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onRun();
  };
  const listenerValue =
    listeners.find(
      (l) => l.port === request.port && l.protocol === (protocol === 'GRPC' ? l.protocol : protocol),
    )?.name ?? '';
  return (
    <form className="sim-form" data-testid="simulator" onSubmit={submit} aria-label="Simulated request">
      <label>
        <span>Gateway</span>
        <select
          name="gateway"
          value={request.gateway}
          onChange={(e) => set({ gateway: e.target.value })}
          data-testid="sim-gateway"
        >
          {!gateways.includes(request.gateway) && (
            <option value={request.gateway}>{request.gateway || '—'}</option>
          )}
          {gateways.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Listener</span>
        <select
          name="listener"
          value={listenerValue}
          data-testid="sim-listener"
          onChange={(e) => {
            const l = listeners.find((x) => x.name === e.target.value);
            if (l === undefined) return;
            const p = PROTOCOLS.includes(l.protocol as SimProtocol) ? (l.protocol as SimProtocol) : 'HTTP';
            set({
              port: l.port,
              protocol: protocol === 'GRPC' && (p === 'HTTP' || p === 'HTTPS') ? 'GRPC' : p,
            });
          }}
        >
          <option value="">by port…</option>
          {listeners.map((l) => (
            <option key={l.id} value={l.name}>
              {l.name} ({l.protocol} {l.port}
              {l.hostname === undefined ? '' : ` ${l.hostname}`})
            </option>
          ))}
        </select>
      </label>
      <label className="sim-narrow">
        <span>Scheme</span>
        <select
          name="protocol"
          value={protocol}
          onChange={(e) => set({ protocol: e.target.value as SimProtocol })}
          data-testid="sim-protocol"
        >
          {PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-narrow">
        <span>Port</span>
        <input
          name="port"
          type="number"
          min={1}
          max={65535}
          value={request.port ?? ''}
          onChange={(e) =>
            e.target.value === '' ? onChange(without(request, 'port')) : set({ port: Number(e.target.value) })
          }
        />
      </label>
      <label className="sim-wide">
        <span>Host</span>
        <input
          name="host"
          placeholder="www.example.com (empty: the Gateway's address)"
          value={request.host ?? ''}
          onChange={(e) => setOptional('host', e.target.value)}
          data-testid="sim-host"
        />
      </label>
      {protocol !== 'TLS' && protocol !== 'TCP' && protocol !== 'UDP' && (
        <>
          <label className="sim-narrow">
            <span>Method</span>
            <select
              name="method"
              value={request.method ?? 'GET'}
              onChange={(e) => setOptional('method', e.target.value)}
            >
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label className="sim-wide">
            <span>Path and query</span>
            <input
              name="path"
              placeholder="/"
              value={request.path ?? ''}
              onChange={(e) => setOptional('path', e.target.value)}
              data-testid="sim-path"
            />
          </label>
          <label className="sim-full">
            <span>Headers (one “name: value” per line)</span>
            <textarea
              name="headers"
              rows={2}
              spellCheck={false}
              value={headersToText(request.headers)}
              onChange={(e) => {
                const headers = textToHeaders(e.target.value);
                onChange(
                  Object.keys(headers).length === 0 ? without(request, 'headers') : { ...request, headers },
                );
              }}
              data-testid="sim-headers"
            />
          </label>
        </>
      )}
      {protocol === 'GRPC' && (
        <>
          <label>
            <span>gRPC service</span>
            <input
              name="grpc-service"
              placeholder="helloworld.Greeter"
              value={request.grpc?.service ?? ''}
              onChange={(e) => set({ grpc: { service: e.target.value, method: request.grpc?.method ?? '' } })}
            />
          </label>
          <label>
            <span>gRPC method</span>
            <input
              name="grpc-method"
              placeholder="SayHello"
              value={request.grpc?.method ?? ''}
              onChange={(e) =>
                set({ grpc: { service: request.grpc?.service ?? '', method: e.target.value } })
              }
            />
          </label>
        </>
      )}
      {(protocol === 'HTTPS' || protocol === 'TLS') && (
        <label className="sim-wide">
          <span>SNI</span>
          <input
            name="sni"
            placeholder="defaults to the host"
            value={request.sni ?? ''}
            onChange={(e) => setOptional('sni', e.target.value)}
          />
        </label>
      )}
      <div className="sim-actions">
        <button type="submit" className="sim-primary" data-testid="sim-run">
          Simulate
        </button>
      </div>
    </form>
  );
}
