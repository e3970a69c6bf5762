/**
 * The real server process run the way deploy/ runs it: with the gatescope ServiceAccount's token
 * (deploy/base RBAC, no Secrets) against a real kube-apiserver. It syncs every kind it may read,
 * reports Secrets as forbidden, and certificateRef health comes from the controller's listener
 * conditions (what a "controller" — the test, as admin — wrote into Gateway status). With the
 * opt-in role (deploy/optional/) it sees Secret metadata and predicts certificateRef health
 * itself. /metrics is scraped through the monitoring overlay's metrics-only sidecar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { analyze } from '@gatescope/core/analysis/analyze';
import { codeOf } from '@gatescope/core/diagnostics/catalogue';
import type { KindStatus, SnapshotPayload } from '@gatescope/core/wire';
import { binariesOrSkip, REPO_ROOT } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { waitFor, type KubeClient, type KubeObject } from '../harness/kube-client.ts';
import { freePort, ManagedProcess } from '../harness/process.ts';
import { snapshotOf } from '../../src/analysis/live-analysis.ts';
import { completeKindsOf } from '@gatescope/core/analysis/visibility';

const binaries = binariesOrSkip();
const GW = '/apis/gateway.networking.k8s.io/v1';
const UNVERIFIED = codeOf('ListenerCertificateUnverified');
const INVALID_CERT = codeOf('ListenerInvalidCertificateRef');

function deployObjects(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(REPO_ROOT, 'deploy', file), 'utf8')).map(
    (d) => d.toJS() as KubeObject,
  );
}

const COLLECTIONS: Record<string, (o: KubeObject) => string> = {
  Namespace: () => '/api/v1/namespaces',
  ServiceAccount: (o) => `/api/v1/namespaces/${o.metadata.namespace}/serviceaccounts`,
  Secret: (o) => `/api/v1/namespaces/${o.metadata.namespace}/secrets`,
  Service: (o) => `/api/v1/namespaces/${o.metadata.namespace}/services`,
  ClusterRole: () => '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  ClusterRoleBinding: () => '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  GatewayClass: () => `${GW}/gatewayclasses`,
  Gateway: (o) => `${GW}/namespaces/${o.metadata.namespace}/gateways`,
  HTTPRoute: (o) => `${GW}/namespaces/${o.metadata.namespace}/httproutes`,
};

async function applyAll(admin: KubeClient, objects: readonly KubeObject[]): Promise<void> {
  for (const object of objects) {
    const collection = COLLECTIONS[String(object['kind'])];
    if (collection === undefined) throw new Error(`no collection for ${String(object['kind'])}`);
    await admin.apply(collection(object), object);
  }
}

const cond = (type: string, status: string, reason: string, message = '') => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2026-01-01T00:00:00Z',
  observedGeneration: 1,
});

const tlsListener = (name: string, port: number, hostname: string, secret: string) => ({
  name,
  protocol: 'HTTPS',
  port,
  hostname,
  tls: { mode: 'Terminate', certificateRefs: [{ name: secret }] },
});

/** The cluster's Gateway API objects; ok-cert exists, missing-cert does not. */
const SCENARIO: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'edge' } },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'ok-cert', namespace: 'edge' },
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': 'not-a-real-cert', 'tls.key': 'not-a-real-key' },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'app', namespace: 'edge' },
    spec: { ports: [{ name: 'http', port: 8080 }] },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'acme' },
    spec: { controllerName: 'acme.example/gateway' },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'web', namespace: 'edge' },
    spec: {
      gatewayClassName: 'acme',
      listeners: [
        tlsListener('https-ok', 443, 'a.example.com', 'ok-cert'),
        tlsListener('https-broken', 8443, 'b.example.com', 'missing-cert'),
      ],
    },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'app', namespace: 'edge' },
    spec: {
      parentRefs: [{ name: 'web', sectionName: 'https-ok' }],
      hostnames: ['a.example.com'],
      rules: [{ backendRefs: [{ name: 'app', port: 8080 }] }],
    },
  },
];

/** What the Gateway's controller reports: https-broken cannot resolve its certificate. */
async function writeControllerStatus(admin: KubeClient): Promise<void> {
  const listenerStatus = (name: string, ok: boolean) => ({
    name,
    attachedRoutes: ok ? 1 : 0,
    supportedKinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
    conditions: [
      cond('Accepted', 'True', 'Accepted'),
      ok
        ? cond('ResolvedRefs', 'True', 'ResolvedRefs')
        : cond('ResolvedRefs', 'False', 'InvalidCertificateRef', 'Secret edge/missing-cert not found'),
      ok ? cond('Programmed', 'True', 'Programmed') : cond('Programmed', 'False', 'Invalid'),
    ],
  });
  const patch = (path: string, status: unknown) =>
    admin.must('PATCH', `${path}/status`, { status }, 'application/merge-patch+json');
  await patch(`${GW}/gatewayclasses/acme`, { conditions: [cond('Accepted', 'True', 'Accepted')] });
  await patch(`${GW}/namespaces/edge/gateways/web`, {
    conditions: [cond('Accepted', 'True', 'Accepted'), cond('Programmed', 'True', 'Programmed')],
    listeners: [listenerStatus('https-ok', true), listenerStatus('https-broken', false)],
  });
}

async function saToken(admin: KubeClient): Promise<string> {
  const review = (await admin.must('POST', '/api/v1/namespaces/gatescope/serviceaccounts/gatescope/token', {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  })) as { status: { token: string } };
  return review.status.token;
}

function deploymentContainer(): { args: string[]; env: { name: string; value: string }[] } {
  const [deployment] = deployObjects('base/deployment.yaml');
  const spec = deployment?.['spec'] as {
    template: {
      spec: { containers: { name: string; args: string[]; env: { name: string; value: string }[] }[] };
    };
  };
  const container = spec.template.spec.containers.find((c) => c.name === 'gatescope');
  if (container === undefined) throw new Error('no gatescope container in deploy/base/deployment.yaml');
  return container;
}

/** The metrics-only sidecar's script, taken from the monitoring overlay's patch. */
function sidecarScript(): string {
  const kustomization = parse(
    readFileSync(join(REPO_ROOT, 'deploy/monitoring/kustomization.yaml'), 'utf8'),
  ) as {
    patches: { patch: string }[];
  };
  const patch = parse(kustomization.patches[0]?.patch ?? '') as {
    spec: { template: { spec: { containers: { name: string; command: string[] }[] } } };
  };
  const sidecar = patch.spec.template.spec.containers.find((c) => c.name === 'metrics-proxy');
  const script = sidecar?.command[2];
  if (sidecar?.command[0] !== 'node' || sidecar.command[1] !== '-e' || script === undefined) {
    throw new Error('the metrics-proxy sidecar is not `node -e SCRIPT`');
  }
  return script;
}

/** The certificate health a browser derives from the server's snapshot (secrets visible or not). */
function listenerHealth(snapshot: SnapshotPayload) {
  const secretsVisible = snapshot.kinds.some((k) => k.kind === 'Secret' && k.state === 'synced');
  // Synced kinds are complete (a missing object of them does not exist), as in the browser.
  const completeKinds = completeKindsOf(snapshot.kinds);
  const analysis = analyze(snapshotOf(snapshot.objects), { secretsVisible, completeKinds });
  const gateway = [...analysis.predicted.values()].find((p) => p.kind === 'Gateway');
  const resolvedRefs = Object.fromEntries(
    (gateway?.kind === 'Gateway' ? gateway.listeners : []).map((l) => [
      l.name,
      l.conditions.find((c) => c.type === 'ResolvedRefs'),
    ]),
  );
  return { resolvedRefs, codes: analysis.diagnostics.map((d) => d.code), diagnostics: analysis.diagnostics };
}

describe.skipIf(!binaries.ok)('the server with the deploy/ ServiceAccount', () => {
  let cluster: TestCluster;
  let server: ManagedProcess;
  let sidecar: ManagedProcess;
  let base: string;
  let metricsUrl: string;

  const getJson = async <T>(path: string): Promise<T> => (await (await fetch(`${base}${path}`)).json()) as T;
  const kindState = (kinds: readonly KindStatus[], kind: string) => kinds.find((k) => k.kind === kind)?.state;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.admin.installCrds(CRD_FILES.mcs);
    await applyAll(
      cluster.admin,
      [
        'base/namespace.yaml',
        'base/serviceaccount.yaml',
        'base/clusterrole.yaml',
        'base/clusterrolebinding.yaml',
      ].flatMap(deployObjects),
    );
    await applyAll(cluster.admin, SCENARIO);
    await writeControllerStatus(cluster.admin);

    const kubeconfig = cluster.writeKubeconfig(
      'gatescope-sa',
      await saToken(cluster.admin),
      cluster.server,
      'in-cluster',
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The Deployment's own args and env (only the port is free-picked here), with the
    // ServiceAccount token in a kubeconfig instead of the pod's mounted token. ManagedProcess
    // inherits this process's environment.
    const container = deploymentContainer();
    for (const { name, value } of container.env) process.env[name] = value;
    process.env['KUBECONFIG'] = kubeconfig;
    const args = container.args.map((arg, i) => (container.args[i - 1] === '--port' ? String(port) : arg));
    expect(args.slice(0, 3)).toEqual(['serve', '--host', '127.0.0.1']);
    const bin = join(REPO_ROOT, 'apps/server/bin/gatescope.mjs');
    server = new ManagedProcess('gatescope', process.execPath, () => [bin, ...args]);
    server.start();
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}`;
    process.env['METRICS_PORT'] = String(metricsPort);
    process.env['GATESCOPE_PORT'] = String(port);
    sidecar = new ManagedProcess('metrics-proxy', process.execPath, () => ['-e', sidecarScript()]);
    sidecar.start();
    try {
      await waitFor('server ready', async () => (await fetch(`${base}/api/readyz`)).status === 200, 90_000);
    } catch (error) {
      throw new Error(`${String(error)}\n--- server log ---\n${server.log()}`, { cause: error });
    }
  });
  afterAll(async () => {
    await sidecar?.stop();
    await server?.stop();
    await cluster?.stop();
  });

  it('syncs every kind it may read and reports Secrets as forbidden', async () => {
    const ready = await getJson<{ ready: boolean; source: { mode: string }; kinds: KindStatus[] }>(
      '/api/readyz',
    );
    expect(ready.ready).toBe(true);
    expect(ready.source.mode).toBe('live');
    for (const kind of ['GatewayClass', 'Gateway', 'HTTPRoute', 'Service', 'Namespace', 'EndpointSlice']) {
      expect(kindState(ready.kinds, kind), kind).toBe('synced');
    }
    expect(kindState(ready.kinds, 'Secret')).toBe('forbidden');
  });

  it('serves the controller-written status and no Secret at all', async () => {
    const snapshot = await getJson<SnapshotPayload>('/api/snapshot');
    const kinds = snapshot.objects.map((o) => o.object['kind']);
    expect(kinds).toEqual(expect.arrayContaining(['GatewayClass', 'Gateway', 'HTTPRoute', 'Service']));
    expect(kinds).not.toContain('Secret');
    const gateway = snapshot.objects.find((o) => o.object['kind'] === 'Gateway')?.object as {
      status?: { listeners?: { name: string }[] };
    };
    expect(gateway.status?.listeners?.map((l) => l.name)).toEqual(['https-ok', 'https-broken']);
  });

  it("takes certificateRef health from the controller's listener conditions", async () => {
    const health = listenerHealth(await getJson<SnapshotPayload>('/api/snapshot'));
    expect(health.resolvedRefs['https-broken']).toMatchObject({
      status: 'False',
      reason: 'InvalidCertificateRef',
    });
    expect(health.resolvedRefs['https-ok']).toMatchObject({ status: 'True' });
    const unverified = health.diagnostics.filter((d) => d.code === UNVERIFIED);
    expect(unverified.map((d) => d.message).join('\n')).toContain(
      "controller's observed ResolvedRefs=False (InvalidCertificateRef)",
    );
    // Not a prediction from Secrets it cannot see (which would call ok-cert missing too).
    expect(health.codes).not.toContain(INVALID_CERT);
  });

  it('exposes /metrics, and only /metrics, through the monitoring sidecar', async () => {
    const res = await fetch(`${metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(
      'gatescope_kind_sync_state{cluster="in-cluster",group="",kind="Secret",state="forbidden"} 1',
    );
    expect(text).toMatch(/^gatescope_ready 1$/m);
    expect((await fetch(`${metricsUrl}/api/snapshot`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  // /metrics analyses with the same visibility rule as the UI: Secrets hidden by RBAC prove
  // nothing missing, so certificate health comes from the controller's conditions.
  it("the server's own /metrics analysis also trusts the controller when Secrets are hidden", async () => {
    const text = await (await fetch(`${metricsUrl}/metrics`)).text();
    expect(text).toMatch(
      new RegExp(`^gatescope_diagnostics\\{code="${UNVERIFIED}",severity="\\w+"\\} 2$`, 'm'),
    );
    expect(text).not.toContain(`code="${INVALID_CERT}"`);
    // The controller says the Gateway is programmed (one listener is fine): no false alert.
    expect(text).toMatch(/^gatescope_gateways\{programmed="true"\} 1$/m);
  });

  describe('with the opt-in Secrets role', () => {
    beforeAll(async () => {
      if (!binaries.ok) return;
      await applyAll(
        cluster.admin,
        ['optional/secrets-clusterrole.yaml', 'optional/secrets-clusterrolebinding.yaml'].flatMap(
          deployObjects,
        ),
      );
    });

    it('syncs Secret metadata and predicts certificateRef health from the Secrets themselves', async () => {
      // The server re-polls forbidden kinds slowly (RBAC changes are rare): up to its 30 s backoff.
      await waitFor(
        'Secrets synced',
        async () => kindState((await getJson<SnapshotPayload>('/api/snapshot')).kinds, 'Secret') === 'synced',
        90_000,
      );
      const snapshot = await getJson<SnapshotPayload>('/api/snapshot');
      const secret = snapshot.objects.find(
        (o) => o.object['kind'] === 'Secret' && (o.object['metadata'] as { name: string }).name === 'ok-cert',
      );
      expect(secret).toBeDefined();
      expect(JSON.stringify(secret)).not.toContain('not-a-real-key');
      expect(JSON.stringify(secret)).not.toContain(Buffer.from('not-a-real-key').toString('base64'));
      const health = listenerHealth(snapshot);
      expect(health.codes).not.toContain(UNVERIFIED);
      const invalid = health.diagnostics.filter((d) => d.code === INVALID_CERT);
      expect(invalid.map((d) => d.message)).toEqual([expect.stringContaining('edge/missing-cert')]);
    });
  });
});
