/**
 * deploy/ checked without a cluster (the integration tests in deploy-*.test.ts apply it to a real
 * kube-apiserver): kustomizations list every manifest, the Deployment's listener, probes, ports
 * and hardening agree with each other and with the Dockerfile, the ClusterRole is exactly what the
 * server watches, and the exec probe scripts really tell a healthy server from a sick one.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { delimiter, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { WANTED_KINDS } from '../../src/kube/kinds.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const DEPLOY = join(REPO_ROOT, 'deploy');

type Obj = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } };
const load = (file: string): Obj[] =>
  parseAllDocuments(readFileSync(join(DEPLOY, file), 'utf8')).map((d) => d.toJS() as Obj);
const one = (file: string): Obj => {
  const [object] = load(file);
  if (object === undefined) throw new Error(`${file} is empty`);
  return object;
};

interface Container {
  name: string;
  image: string;
  args?: string[];
  command?: string[];
  env?: { name: string; value: string }[];
  ports?: { name: string; containerPort: number }[];
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}
type Probe = Record<string, unknown> & { exec?: { command: string[] } };
interface PodSpec {
  serviceAccountName: string;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes: { name: string; emptyDir?: unknown }[];
}

const deployment = one('base/deployment.yaml');
const template = (
  deployment['spec'] as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }
).template;
const server = template.spec.containers.find((c) => c.name === 'gatescope');
function argValue(flag: string): string | undefined {
  const at = server?.args?.indexOf(flag) ?? -1;
  return at < 0 ? undefined : server?.args?.[at + 1];
}

const monitoringKustomization = parse(
  readFileSync(join(DEPLOY, 'monitoring/kustomization.yaml'), 'utf8'),
) as {
  resources: string[];
  patches: { patch: string }[];
};
const sidecar = (
  parse(monitoringKustomization.patches[0]?.patch ?? '') as { spec: { template: { spec: PodSpec } } }
).spec.template.spec.containers.find((c) => c.name === 'metrics-proxy');

const HARDENED = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('deploy/ kustomizations', () => {
  for (const dir of ['base', 'optional', 'monitoring', 'access']) {
    it(`${dir}/kustomization.yaml lists every manifest in its folder`, () => {
      const kustomization = parse(readFileSync(join(DEPLOY, dir, 'kustomization.yaml'), 'utf8')) as {
        resources: string[];
      };
      const files = readdirSync(join(DEPLOY, dir)).filter(
        (f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml' && statSync(join(DEPLOY, dir, f)).isFile(),
      );
      // The plain Prometheus rules file is for Prometheus itself, not for the API server.
      const manifests = files.filter((f) => f !== 'gatescope.rules.yml');
      expect(kustomization.resources.filter((r) => r.endsWith('.yaml')).sort()).toEqual(manifests.sort());
      for (const resource of kustomization.resources)
        expect(existsSync(join(DEPLOY, dir, resource)), resource).toBe(true);
    });
  }

  it('deploy/kustomization.yaml is the base; monitoring builds on the base, not inside it', () => {
    expect(
      (parse(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8')) as { resources: string[] }).resources,
    ).toEqual(['base']);
    expect(monitoringKustomization.resources).toContain('../base');
  });

  const kubectl = (process.env['PATH'] ?? '')
    .split(delimiter)
    .some((d) => d !== '' && existsSync(join(d, 'kubectl')));
  it.skipIf(!kubectl)('renders with `kubectl kustomize`, the sidecar patched in', () => {
    for (const dir of ['', 'optional', 'monitoring', 'access']) {
      const result = spawnSync('kubectl', ['kustomize', join(DEPLOY, dir)], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    }
    const rendered = spawnSync('kubectl', ['kustomize', join(DEPLOY, 'monitoring')], {
      encoding: 'utf8',
    }).stdout;
    const dep = parseAllDocuments(rendered)
      .map((d) => d.toJS() as Obj)
      .find((o) => o.kind === 'Deployment') as unknown as { spec: { template: { spec: PodSpec } } };
    // A strategic merge puts the patch's new container first; the default-container annotation
    // keeps `kubectl logs/exec` on the server either way.
    const containers = dep.spec.template.spec.containers;
    expect(containers.map((c) => c.name)).toEqual(['metrics-proxy', 'gatescope']);
    expect(containers.find((c) => c.name === 'metrics-proxy')?.command).toEqual(sidecar?.command);
  });
});

describe('deploy/base Deployment', () => {
  it('listens on 127.0.0.1 only, on the port its container port and Service name', () => {
    expect(argValue('--host')).toBe('127.0.0.1');
    const port = Number(argValue('--port'));
    expect(server?.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    const service = one('base/service.yaml')['spec'] as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(service.ports[0]?.targetPort).toBe('http');
    expect(template.metadata.labels).toMatchObject(service.selector);
  });

  it('probes with exec (a loopback listener is out of kubelet HTTP probes’ reach) on the served port', () => {
    const port = argValue('--port');
    for (const [probe, path] of [
      ['startupProbe', '/api/healthz'],
      ['livenessProbe', '/api/healthz'],
      ['readinessProbe', '/api/readyz'],
    ] as const) {
      const spec = server?.[probe];
      expect(Object.keys(spec ?? {}).filter((k) => ['httpGet', 'tcpSocket', 'grpc'].includes(k))).toEqual([]);
      expect(spec?.exec?.command.join(' ')).toContain(`http://127.0.0.1:${port}${path}`);
      expect(Number(spec?.['timeoutSeconds'])).toBeGreaterThanOrEqual(5);
    }
  });

  it('is hardened: non-root as the Dockerfile USER, read-only root with /tmp as emptyDir, limits', () => {
    const dockerUser = /^USER (\d+):(\d+)$/m.exec(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
    expect(template.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: Number(dockerUser?.[1]),
      runAsGroup: Number(dockerUser?.[2]),
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(server?.securityContext).toEqual(HARDENED);
    expect(server?.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(template.spec.volumes.find((v) => v.name === 'tmp')?.emptyDir).toBeDefined();
    for (const key of ['cpu', 'memory']) {
      expect(server?.resources?.requests?.[key]).toBeTruthy();
      expect(server?.resources?.limits?.[key]).toBeTruthy();
    }
    expect(template.spec.serviceAccountName).toBe(one('base/serviceaccount.yaml').metadata.name);
    expect(template.metadata).toMatchObject({
      annotations: { 'kubectl.kubernetes.io/default-container': 'gatescope' },
    });
  });

  it('sets no KUBECONFIG and keeps HOME on the writable /tmp, so the in-cluster ServiceAccount is used', () => {
    const env = Object.fromEntries((server?.env ?? []).map((e) => [e.name, e.value]));
    expect(env['KUBECONFIG']).toBeUndefined();
    expect(env['HOME']).toBe('/tmp');
    expect(template.spec).toMatchObject({ automountServiceAccountToken: true });
  });

  it('the monitoring sidecar runs the same image, as hardened, against the same port', () => {
    expect(sidecar?.image).toBe(server?.image);
    expect(sidecar?.securityContext).toEqual(HARDENED);
    expect(sidecar?.env).toContainEqual({ name: 'GATESCOPE_PORT', value: argValue('--port') });
    expect(sidecar?.resources?.limits?.['memory']).toBeTruthy();
  });
});

describe('deploy NetworkPolicies', () => {
  it('deny all ingress to the pod; the monitoring overlay opens only the sidecar port', () => {
    const deny = one('base/networkpolicy.yaml')['spec'] as Record<string, unknown> & {
      podSelector: { matchLabels: Record<string, string> };
    };
    expect(template.metadata.labels).toMatchObject(deny.podSelector.matchLabels);
    expect(deny).toMatchObject({ policyTypes: ['Ingress'], ingress: [] });
    const allow = one('monitoring/networkpolicy-metrics.yaml')['spec'] as {
      podSelector: unknown;
      ingress: { from?: unknown; ports: { port: string }[] }[];
    };
    expect(allow.podSelector).toEqual(deny.podSelector);
    expect(allow.ingress.flatMap((rule) => rule.ports.map((p) => p.port))).toEqual(['metrics']);
    expect(sidecar?.ports?.map((p) => p.name)).toEqual(['metrics']);
  });
});

describe('deploy RBAC', () => {
  const rules = one('base/clusterrole.yaml')['rules'] as {
    apiGroups: string[];
    resources: string[];
    verbs: string[];
  }[];
  const granted = rules
    .flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`)))
    .sort();
  // Resource plurals of the kinds the server watches (the API's own names).
  const plural = (kind: string): string => {
    const lower = kind.toLowerCase();
    if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
    return lower.endsWith('s') ? `${lower}es` : `${lower}s`;
  };

  it('the base ClusterRole reads exactly what the server watches (minus opt-in Secrets, CRDs included)', () => {
    const watched = WANTED_KINDS.filter((k) => k.optIn !== true).map((k) => `${k.group}/${plural(k.kind)}`);
    expect(watched).toContain('apiextensions.k8s.io/customresourcedefinitions');
    expect(granted).toEqual([...watched].sort());
    for (const rule of rules) expect(rule.verbs).toEqual(['get', 'list', 'watch']);
  });

  it('the optional role is list/watch of the metadata-only kinds and nothing else', () => {
    const optional = one('optional/secrets-clusterrole.yaml')['rules'];
    const optIn = WANTED_KINDS.filter((k) => k.optIn === true);
    expect(optional).toEqual(
      optIn.map((k) => ({
        apiGroups: [k.group],
        resources: [plural(k.kind)],
        verbs: ['list', 'watch'],
      })),
    );
    const binding = one('optional/secrets-clusterrolebinding.yaml');
    expect(binding['subjects']).toEqual(one('base/clusterrolebinding.yaml')['subjects']);
  });
});

describe('exec probe scripts', () => {
  async function serve(status: number): Promise<{ server: Server; port: number }> {
    const http = createServer((_req, res) => res.writeHead(status).end('{}'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const address = http.address();
    return { server: http, port: typeof address === 'object' && address ? address.port : 0 };
  }
  // Asynchronous: the HTTP servers answering the probe live in this process's event loop.
  const runProbe = async (command: string[], port: number): Promise<number | null> => {
    const [node, flag, script = ''] = command;
    expect([node, flag]).toEqual(['node', '-e']);
    const child = spawn(process.execPath, ['-e', script.replace(':7080/', `:${port}/`)], { stdio: 'ignore' });
    return new Promise((done) => child.once('exit', (code) => done(code)));
  };

  it('exit 0 for a 200, non-zero for a 503 or a closed port', async () => {
    const readiness = server?.readinessProbe?.exec?.command ?? [];
    const liveness = server?.livenessProbe?.exec?.command ?? [];
    const ok = await serve(200);
    const sick = await serve(503);
    try {
      for (const probe of [readiness, liveness]) {
        expect(await runProbe(probe, ok.port)).toBe(0);
        expect(await runProbe(probe, sick.port)).toBe(1);
      }
    } finally {
      ok.server.close();
      sick.server.close();
    }
    expect(await runProbe(readiness, ok.port)).toBe(1);
  });
});
