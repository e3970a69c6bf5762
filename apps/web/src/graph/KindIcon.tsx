/** A small, letter-based badge per node kind (no icon font, no external assets). */
import type { ReactElement } from 'react';

const BADGES: Readonly<Record<string, string>> = {
  GatewayClass: 'GC',
  Gateway: 'GW',
  ListenerSet: 'LS',
  Listener: 'L',
  HTTPRoute: 'HTTP',
  GRPCRoute: 'gRPC',
  TLSRoute: 'TLS',
  TCPRoute: 'TCP',
  UDPRoute: 'UDP',
  Rule: 'R',
  Service: 'SVC',
  ServiceImport: 'SI',
  ServiceExport: 'SE',
  Backend: '?',
  Endpoints: 'EP',
  Cluster: 'K8s',
  Policy: 'POL',
};

export function KindIcon({ kind }: { readonly kind: string }): ReactElement {
  return (
    <span className={`kind-icon kind-${kind}`} aria-hidden>
      {BADGES[kind] ?? kind.slice(0, 3)}
    </span>
  );
}
