/**
 * A small in-process stand-in for kube-apiserver that serves generated objects: legacy discovery
 * (/api, /apis, group versions), cluster-wide lists and watches (JSON lines from a given
 * resourceVersion). It lets the server bench replay a watch stream at full speed and stamp each
 * event with its send time, which a real apiserver + etcd on this shared machine could not do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Raw = Record<string, unknown>;

interface Resource {
  readonly group: string;
  readonly versions: readonly string[];
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

const GW = 'gateway.networking.k8s.io';
const RESOURCES: readonly Resource[] = [
  { group: '', versions: ['v1'], kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { group: '', versions: ['v1'], kind: 'Service', plural: 'services', namespaced: true },
  { group: '', versions: ['v1'], kind: 'Secret', plural: 'secrets', namespaced: true },
  {
    group: 'discovery.k8s.io',
    versions: ['v1'],
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    namespaced: true,
  },
  { group: GW, versions: ['v1'], kind: 'GatewayClass', plural: 'gatewayclasses', namespaced: false },
  { group: GW, versions: ['v1'], kind: 'Gateway', plural: 'gateways', namespaced: true },
  { group: GW, versions: ['v1'], kind: 'HTTPRoute', plural: 'httproutes', namespaced: true },
  { group: GW, versions: ['v1'], kind: 'GRPCRoute', plural: 'grpcroutes', namespaced: true },
  { group: GW, versions: ['v1'], kind: 'ListenerSet', plural: 'listenersets', namespaced: true },
  {
    group: GW,
    versions: ['v1', 'v1beta1'],
    kind: 'ReferenceGrant',
    plural: 'referencegrants',
    namespaced: true,
  },
  { group: GW, versions: ['v1'], kind: 'BackendTLSPolicy', plural: 'backendtlspolicies', namespaced: true },
];

interface HistoryEntry {
  readonly rv: number;
  readonly plural: string;
  readonly line: string;
}

function groupOf(apiVersion: unknown): string {
  const text = String(apiVersion);
  return text.includes('/') ? text.slice(0, text.indexOf('/')) : '';
}

function metadataOf(object: Raw): Raw {
  return (object['metadata'] ?? {}) as Raw;
}

export class FakeApiServer {
  private readonly server: Server;
  private rv = 100;
  /** plural → namespace/name → object */
  private readonly objects = new Map<string, Map<string, Raw>>();
  private readonly history: HistoryEntry[] = [];
  private readonly watchers = new Map<string, Set<ServerResponse>>();
  /** Requests served, by path without query (the bench reports what the server asked for). */
  readonly requests = new Map<string, number>();

  constructor() {
    for (const r of RESOURCES) this.objects.set(r.plural, new Map());
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const set of this.watchers.values()) for (const res of set) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Stores objects without watch events (the state a list returns). */
  preload(objects: readonly Raw[]): void {
    for (const object of objects) this.store('ADDED', object);
    this.history.length = 0;
  }

  /** Applies one change and sends it to every open watch of that resource. Returns false if unknown kind. */
  emit(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: Raw): boolean {
    const stored = this.store(type, object);
    if (stored === null) return false;
    const line = JSON.stringify({ type, object: stored.object }) + '\n';
    this.history.push({ rv: stored.rv, plural: stored.plural, line });
    for (const res of this.watchers.get(stored.plural) ?? []) res.write(line);
    return true;
  }

  watcherCount(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  private store(type: string, object: Raw): { rv: number; plural: string; object: Raw } | null {
    const resource = RESOURCES.find(
      (r) => r.kind === object['kind'] && r.group === groupOf(object['apiVersion']),
    );
    if (resource === undefined) return null;
    const rv = ++this.rv;
    const meta: Raw = { ...metadataOf(object), resourceVersion: String(rv) };
    const stored = { ...object, metadata: meta };
    const id = `${String(meta['namespace'] ?? '')}/${String(meta['name'])}`;
    const map = this.objects.get(resource.plural) as Map<string, Raw>;
    if (type === 'DELETED') map.delete(id);
    else map.set(id, stored);
    return { rv, plural: resource.plural, object: stored };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.set(url.pathname, (this.requests.get(url.pathname) ?? 0) + 1);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (url.pathname === '/version')
      return json(200, { major: '1', minor: '36', gitVersion: 'v1.36.3-bench' });
    if (url.pathname === '/api') return json(200, { kind: 'APIVersions', versions: ['v1'] });
    if (url.pathname === '/apis') return json(200, this.groupList());
    const [prefix, ...rest] = parts;
    const [group, version, plural] = prefix === 'api' ? ['', rest[0], rest[1]] : [rest[0], rest[1], rest[2]];
    if (version === undefined) return json(404, { kind: 'Status', code: 404 });
    const resources = RESOURCES.filter((r) => r.group === group && r.versions.includes(version));
    if (resources.length === 0) return json(404, { kind: 'Status', code: 404, reason: 'NotFound' });
    if (plural === undefined) return json(200, this.resourceList(group ?? '', version, resources));
    const resource = resources.find((r) => r.plural === plural);
    if (resource === undefined) return json(404, { kind: 'Status', code: 404, reason: 'NotFound' });
    const watch = url.searchParams.get('watch');
    if (watch === 'true' || watch === '1') return this.watch(resource, url, res);
    const items = [...(this.objects.get(resource.plural) as Map<string, Raw>).values()];
    return json(200, {
      kind: `${resource.kind}List`,
      apiVersion: group === '' ? version : `${group}/${version}`,
      metadata: { resourceVersion: String(this.rv) },
      items,
    });
  }

  private watch(resource: Resource, url: URL, res: ServerResponse): void {
    const from = Number(url.searchParams.get('resourceVersion') ?? '0');
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    for (const entry of this.history)
      if (entry.plural === resource.plural && entry.rv > from) res.write(entry.line);
    let set = this.watchers.get(resource.plural);
    if (set === undefined) this.watchers.set(resource.plural, (set = new Set()));
    set.add(res);
    const timeout = Number(url.searchParams.get('timeoutSeconds') ?? '0');
    const timer = timeout > 0 ? setTimeout(() => res.end(), timeout * 1000) : undefined;
    res.on('close', () => {
      if (timer) clearTimeout(timer);
      set.delete(res);
    });
  }

  private groupList(): unknown {
    const groups = [...new Set(RESOURCES.map((r) => r.group).filter((g) => g !== ''))];
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((name) => {
        const versions = [...new Set(RESOURCES.filter((r) => r.group === name).flatMap((r) => r.versions))];
        const list = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
        return { name, versions: list, preferredVersion: list[0] };
      }),
    };
  }

  private resourceList(group: string, version: string, resources: readonly Resource[]): unknown {
    const verbs = ['get', 'list', 'watch'];
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group === '' ? version : `${group}/${version}`,
      resources: resources.map((r) => ({
        name: r.plural,
        singularName: r.kind.toLowerCase(),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs,
      })),
    };
  }
}

/** A kubeconfig for the fake apiserver (token auth over plain HTTP on loopback). */
export function kubeconfigFor(server: string, context = 'bench'): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node refuses plain HTTP unless TLS verification is explicitly off.
    clusters: [{ name: context, cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'bench', user: { token: 'bench-token' } }],
    contexts: [{ name: context, context: { cluster: context, user: 'bench' } }],
    'current-context': context,
  });
}
