/**
 * Which clusters to watch: the kubeconfig (KUBECONFIG or ~/.kube/config), one or several
 * contexts, or the in-cluster service account. client-node's loadFromDefault() silently falls
 * back to http://localhost:8080 when it finds nothing: we detect that and say so instead.
 */
import { KubeConfig } from '@kubernetes/client-node';
import type { ContextInfo } from '@gatescope/core/wire';
import { safeErrorText } from './error-text.ts';
import { KubeHttp, type RequestObserver } from './http.ts';

export interface ClusterConnection {
  /** The context name; objects carry it as their `cluster`. */
  readonly name: string;
  readonly server: string;
  readonly http: KubeHttp;
}

export interface ConnectOptions {
  readonly contexts?: readonly string[];
  /** Tests and embedders pass a kubeconfig directly. */
  readonly kubeConfig?: KubeConfig;
  readonly observe?: RequestObserver;
  readonly probeTimeoutMs?: number;
}

export interface ConnectResult {
  readonly connections: ClusterConnection[];
  readonly contexts: ContextInfo[];
  /** Set when nothing is reachable: why, in words a user can act on. */
  readonly reason?: string;
}

/** The exact cluster/user client-node invents when it found no configuration at all. */
export function isLocalhostFallback(kc: KubeConfig): boolean {
  const cluster = kc.getCurrentCluster();
  return (
    kc.getContexts().length <= 1 &&
    cluster?.name === 'cluster' &&
    cluster.server === 'http://localhost:8080' &&
    kc.getCurrentUser()?.name === 'user'
  );
}

function loadDefault(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  return kc;
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = safeErrorText(error);
  if (code === 'ECONNREFUSED') return `connection refused (${message})`;
  if (code === 'ENOTFOUND') return `host not found (${message})`;
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') {
    return `TLS certificate not trusted (${message})`;
  }
  return message;
}

async function probe(conn: ClusterConnection, timeoutMs: number): Promise<ContextInfo> {
  try {
    await conn.http.getJson('/version', { timeoutMs });
    return { name: conn.name, server: conn.server, reachable: true };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason =
      status === 401
        ? 'the cluster rejected the credentials (401): log in again or refresh the token'
        : describeError(error);
    return { name: conn.name, server: conn.server, reachable: false, reason };
  }
}

/** Loads the kubeconfig, selects contexts and probes each one (GET /version). */
export async function connect(options: ConnectOptions = {}): Promise<ConnectResult> {
  let base: KubeConfig;
  try {
    base = options.kubeConfig ?? loadDefault();
  } catch (error) {
    return { connections: [], contexts: [], reason: `cannot read the kubeconfig: ${describeError(error)}` };
  }
  if (!options.kubeConfig && isLocalhostFallback(base)) {
    return {
      connections: [],
      contexts: [],
      reason:
        'no kubeconfig found (KUBECONFIG unset, no ~/.kube/config, not in a cluster); not trying localhost:8080',
    };
  }
  const wanted =
    options.contexts && options.contexts.length > 0 ? options.contexts : [base.getCurrentContext()];
  const contexts: ContextInfo[] = [];
  const candidates: ClusterConnection[] = [];
  for (const name of wanted) {
    if (base.getContextObject(name) === null && !(wanted.length === 1 && name === base.getCurrentContext())) {
      contexts.push({ name, reachable: false, reason: `context "${name}" is not in the kubeconfig` });
      continue;
    }
    // The current context uses the loaded config as is (in-cluster configs do not round-trip).
    let kc = base;
    if (name !== base.getCurrentContext()) {
      kc = new KubeConfig();
      kc.loadFromString(base.exportConfig());
      kc.setCurrentContext(name);
    }
    const server = kc.getCurrentCluster()?.server;
    if (!server) {
      contexts.push({ name, reachable: false, reason: `context "${name}" has no cluster server` });
      continue;
    }
    // client-node names the pod's service-account config "inClusterContext".
    const display = name === 'inClusterContext' ? 'in-cluster' : name || 'default';
    candidates.push({ name: display, server, http: new KubeHttp(kc, server, options.observe) });
  }
  const probed = await Promise.all(candidates.map((c) => probe(c, options.probeTimeoutMs ?? 5000)));
  contexts.push(...probed);
  const connections = candidates.filter((_, i) => probed[i]?.reachable === true);
  if (connections.length > 0) return { connections, contexts };
  const why = contexts.map((c) => `${c.name}: ${c.reason ?? 'unreachable'}`).join('; ');
  return { connections, contexts, reason: `no reachable cluster (${why || 'no context selected'})` };
}
