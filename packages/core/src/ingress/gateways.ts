/**
 * One Gateway per (namespace, ingress class): port 80 for plain HTTP and one HTTPS listener per
 * TLS host (certificateRefs from spec.tls[].secretName), which is how ingress controllers
 * terminate TLS per host.
 */
import { slug, type IngressInfo } from './read.ts';
import type { IngressNote, Json } from './types.ts';

export interface HttpsListener {
  readonly name: string;
  /** Absent: TLS entry without hosts (serves every host). */
  readonly hostname?: string;
  readonly secretName?: string;
}

export interface GatewayDraft {
  readonly name: string;
  readonly namespace: string;
  readonly className: string;
  readonly https: HttpsListener[];
}

export function gatewayKey(ingress: IngressInfo): string {
  return `${ingress.namespace}/${ingress.className}`;
}

export function planGateways(
  ingresses: readonly IngressInfo[],
  gatewayClassName: string | undefined,
  notes: IngressNote[],
): Map<string, GatewayDraft> {
  const gateways = new Map<string, GatewayDraft>();
  for (const ingress of ingresses) {
    const key = gatewayKey(ingress);
    let gateway = gateways.get(key);
    if (gateway === undefined) {
      gateway = {
        name: slug(ingress.className),
        namespace: ingress.namespace,
        className: gatewayClassName ?? ingress.className,
        https: [],
      };
      gateways.set(key, gateway);
    }
    for (const tls of ingress.tls) {
      const hosts = tls.hosts.length === 0 ? [undefined] : tls.hosts;
      for (const host of hosts) addHttps(gateway, host, tls.secretName, ingress, notes);
    }
  }
  return gateways;
}

function addHttps(
  gateway: GatewayDraft,
  host: string | undefined,
  secretName: string | undefined,
  ingress: IngressInfo,
  notes: IngressNote[],
): void {
  const existing = gateway.https.find((l) => l.hostname === host);
  if (existing !== undefined) {
    if (existing.secretName !== secretName) {
      notes.push({
        ingress: ingress.id,
        severity: 'warning',
        field: 'spec.tls',
        message: `Host ${host ?? '(any)'} already has certificate ${existing.secretName ?? '(default)'}; ${secretName ?? '(default)'} is ignored (one certificate per listener here).`,
      });
    }
    return;
  }
  if (secretName === undefined) {
    notes.push({
      ingress: ingress.id,
      severity: 'warning',
      field: 'spec.tls',
      message: `TLS for ${host ?? 'all hosts'} has no secretName (the controller's default certificate); the HTTPS listener needs a certificateRef.`,
    });
  }
  gateway.https.push({
    name: host === undefined ? 'https' : `https-${slug(host)}`,
    ...(host === undefined ? {} : { hostname: host }),
    ...(secretName === undefined ? {} : { secretName }),
  });
}

/** The HTTPS listener serving a host: exact hostname, then wildcard, then the catch-all. */
export function httpsListenerFor(gateway: GatewayDraft, host: string): HttpsListener | undefined {
  const exact = gateway.https.find((l) => l.hostname === host);
  if (exact !== undefined) return exact;
  const wildcard = gateway.https.find(
    (l) =>
      l.hostname?.startsWith('*.') === true &&
      host.endsWith(l.hostname.slice(1)) &&
      host !== l.hostname.slice(2),
  );
  return wildcard ?? gateway.https.find((l) => l.hostname === undefined);
}

export function gatewayObject(gateway: GatewayDraft): Json {
  const listeners: Json[] = [
    { name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'Same' } } },
  ];
  for (const l of gateway.https) {
    listeners.push({
      name: l.name,
      protocol: 'HTTPS',
      port: 443,
      ...(l.hostname === undefined ? {} : { hostname: l.hostname }),
      tls: {
        mode: 'Terminate',
        certificateRefs: l.secretName === undefined ? [] : [{ kind: 'Secret', name: l.secretName }],
      },
      allowedRoutes: { namespaces: { from: 'Same' } },
    });
  }
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: gateway.name, namespace: gateway.namespace },
    spec: { gatewayClassName: gateway.className, listeners },
  };
}
