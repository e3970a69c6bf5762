/**
 * Every Kubernetes object shipped in deploy/ is accepted by a real kube-apiserver (server-side
 * dry-run apply, so schema validation, defaulting and admission all run), and the Deployment's pod
 * passes the Pod Security "restricted" profile that deploy/namespace.yaml enforces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { binariesOrSkip, REPO_ROOT } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { waitFor, type KubeClient, type KubeObject } from '../harness/kube-client.ts';

const binaries = binariesOrSkip();
const DEPLOY_DIR = join(REPO_ROOT, 'deploy');
const FIELD_MANAGER = 'gatescope-deploy-test';

interface Manifest {
  readonly file: string;
  readonly object: KubeObject & { apiVersion: string; kind: string };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Kubernetes objects in deploy/; kustomizations and plain Prometheus rule files are not objects. */
function deployManifests(): Manifest[] {
  return yamlFiles(DEPLOY_DIR).flatMap((path) => {
    const file = relative(REPO_ROOT, path);
    return parseAllDocuments(readFileSync(path, 'utf8'))
      .map((doc) => doc.toJS() as Record<string, unknown> | null)
      .filter((doc): doc is Record<string, unknown> => doc !== null)
      .filter((doc) => typeof doc['kind'] === 'string' && doc['kind'] !== 'Kustomization')
      .map((doc) => ({ file, object: doc as Manifest['object'] }));
  });
}

/**
 * The test cluster has no Prometheus Operator: these CRDs (our own, minimal, with the structure
 * the operator's schemas require: rule groups with expr and a Prometheus duration in `for`;
 * ServiceMonitor selector and endpoints) let deploy/monitoring/ be dry-run applied and checked.
 */
function operatorCrd(kind: string, spec: Record<string, unknown>): KubeObject {
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.monitoring.coreos.com` },
    spec: {
      group: 'monitoring.coreos.com',
      scope: 'Namespaced',
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec } } },
        },
      ],
    },
  };
}

const PROMETHEUS_DURATION =
  '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$';
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

const MONITORING_CRDS: readonly KubeObject[] = [
  operatorCrd('PrometheusRule', {
    type: 'object',
    required: ['groups'],
    properties: {
      groups: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'rules'],
          properties: {
            name: { type: 'string', minLength: 1 },
            interval: { type: 'string', pattern: PROMETHEUS_DURATION },
            rules: {
              type: 'array',
              items: {
                type: 'object',
                required: ['expr'],
                properties: {
                  alert: { type: 'string' },
                  record: { type: 'string' },
                  expr: { 'x-kubernetes-int-or-string': true },
                  for: { type: 'string', pattern: PROMETHEUS_DURATION },
                  labels: stringMap,
                  annotations: stringMap,
                },
              },
            },
          },
        },
      },
    },
  }),
  operatorCrd('ServiceMonitor', {
    type: 'object',
    required: ['selector', 'endpoints'],
    properties: {
      selector: { type: 'object', properties: { matchLabels: stringMap } },
      endpoints: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            port: { type: 'string' },
            path: { type: 'string' },
            interval: { type: 'string', pattern: PROMETHEUS_DURATION },
          },
        },
      },
    },
  }),
];

interface ApiResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** The collection path of an object, from API discovery (never from a hard-coded plural). */
async function collectionPath(admin: KubeClient, object: Manifest['object']): Promise<string> {
  const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
  const list = (await admin.must('GET', base)) as { resources: ApiResource[] };
  const resource = list.resources.find((r) => r.kind === object.kind && !r.name.includes('/'));
  if (resource === undefined) throw new Error(`${object.apiVersion} ${object.kind} is not served`);
  const namespace = object.metadata.namespace;
  if (resource.namespaced && namespace === undefined) {
    throw new Error(`${object.kind} ${object.metadata.name} is namespaced but names no namespace`);
  }
  return resource.namespaced
    ? `${base}/namespaces/${namespace}/${resource.name}`
    : `${base}/${resource.name}`;
}

async function dryRunApply(
  admin: KubeClient,
  manifest: Manifest,
): Promise<{ status: number; body: unknown }> {
  const path = `${await collectionPath(admin, manifest.object)}/${manifest.object.metadata.name}`;
  return admin.raw(
    'PATCH',
    `${path}?dryRun=All&fieldManager=${FIELD_MANAGER}&fieldValidation=Strict`,
    manifest.object,
    'application/apply-patch+yaml',
  );
}

function baseDeployment(manifests: readonly Manifest[]): Manifest {
  const deployment = manifests.find((m) => m.object.kind === 'Deployment');
  if (deployment === undefined) throw new Error('deploy/ has no Deployment');
  return deployment;
}

type Containers = { name: string }[];
const containersOf = (deployment: KubeObject): Containers =>
  (deployment['spec'] as { template: { spec: { containers: Containers } } }).template.spec.containers;

/**
 * deploy/monitoring/ = the base plus an inline strategic-merge patch that adds the metrics
 * sidecar. Containers merge by name (what kustomize does for this patch), so the result is the
 * base Deployment with the patch's containers added or replaced.
 */
function monitoringDeployment(manifests: readonly Manifest[]): Manifest {
  const kustomization = parse(readFileSync(join(DEPLOY_DIR, 'monitoring/kustomization.yaml'), 'utf8')) as {
    patches: { target: { kind: string; name: string }; patch: string }[];
  };
  const [entry] = kustomization.patches;
  if (entry === undefined || entry.target.kind !== 'Deployment') throw new Error('no Deployment patch');
  const patch = parse(entry.patch) as KubeObject;
  const base = baseDeployment(manifests);
  const merged = structuredClone(base.object);
  const containers = containersOf(merged);
  for (const container of containersOf(patch)) {
    const at = containers.findIndex((c) => c.name === container.name);
    if (at >= 0) containers[at] = { ...containers[at], ...container };
    else containers.unshift(container); // kustomize puts a patch's new list items first
  }
  return { file: 'deploy/monitoring/kustomization.yaml (patched Deployment)', object: merged };
}

function deploymentPod(deployment: Manifest): KubeObject {
  const template = (deployment.object['spec'] as { template: { metadata: object; spec: object } }).template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...template.metadata, name: 'gatescope-psa-check', namespace: 'gatescope' },
    spec: template.spec,
  };
}

describe.skipIf(!binaries.ok)('deploy/ manifests against a real kube-apiserver', () => {
  let cluster: TestCluster;
  const manifests = deployManifests();

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.admin.installCrds(CRD_FILES.mcs);
    for (const crd of MONITORING_CRDS) {
      await cluster.admin.apply('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    }
    await waitFor('monitoring CRDs served', async () => {
      const res = await cluster.admin.raw('GET', '/apis/monitoring.coreos.com/v1');
      return res.status === 200 && JSON.stringify(res.body).includes('servicemonitors');
    });
  });
  afterAll(async () => cluster?.stop());

  it('finds the objects the install needs', () => {
    const kinds = manifests.map((m) => m.object.kind).sort();
    for (const kind of [
      'ClusterRole',
      'ClusterRoleBinding',
      'Deployment',
      'Namespace',
      'NetworkPolicy',
      'PrometheusRule',
      'Service',
      'ServiceAccount',
      'ServiceMonitor',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('dry-run applies every object in deploy/ (the namespace first, then everything in it)', async () => {
    const namespace = manifests.find((m) => m.object.kind === 'Namespace');
    expect(namespace).toBeDefined();
    if (namespace === undefined) return;
    expect((await dryRunApply(cluster.admin, namespace)).status).toBe(201);
    // Namespaced objects are only admitted into an existing namespace (NamespaceLifecycle).
    await cluster.admin.apply('/api/v1/namespaces', namespace.object);
    const failures: string[] = [];
    for (const manifest of manifests) {
      const res = await dryRunApply(cluster.admin, manifest);
      if (res.status >= 300) {
        failures.push(
          `${manifest.file} ${manifest.object.kind}/${manifest.object.metadata.name}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects a manifest the API does not accept (the dry-run really validates)', async () => {
    const service = manifests.find((m) => m.object.kind === 'Service');
    expect(service).toBeDefined();
    if (service === undefined) return;
    const broken = {
      ...service,
      object: { ...service.object, spec: { ...(service.object['spec'] as object), type: 'Nonsense' } },
    };
    expect((await dryRunApply(cluster.admin, broken)).status).toBe(422);
  });

  it("applies the compose demo's scenario (public/scenarios/demo.yaml) the way demo-setup does", async () => {
    // docker-compose.yml's demo-setup runs `kubectl apply --server-side -f /scenarios/demo.yaml`
    // after installing the Gateway API CRDs: every document must be accepted, in file order.
    const file = join(REPO_ROOT, 'public/scenarios/demo.yaml');
    const docs = parseAllDocuments(readFileSync(file, 'utf8'))
      .map((doc) => doc.toJS() as Manifest['object'] | null)
      .filter((doc): doc is Manifest['object'] => doc !== null);
    expect(docs.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const object of docs) {
      const path = `${await collectionPath(cluster.admin, object)}/${object.metadata.name}`;
      const res = await cluster.admin.raw(
        'PATCH',
        `${path}?fieldManager=${FIELD_MANAGER}`,
        object,
        'application/apply-patch+yaml',
      );
      if (res.status >= 300)
        failures.push(`${object.kind}/${object.metadata.name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it('the Deployment pods (base and with the metrics sidecar) pass Pod Security "restricted"', async () => {
    const create = (body: KubeObject) =>
      cluster.admin.raw(
        'POST',
        `/api/v1/namespaces/gatescope/pods?dryRun=All&fieldManager=${FIELD_MANAGER}`,
        body,
      );
    const monitoring = monitoringDeployment(manifests);
    expect(containersOf(monitoring.object).map((c) => c.name)).toEqual(['metrics-proxy', 'gatescope']);
    expect((await dryRunApply(cluster.admin, monitoring)).status).toBe(201);
    for (const deployment of [baseDeployment(manifests), monitoring]) {
      const ok = await create(deploymentPod(deployment));
      expect(ok.status, `${deployment.file}: ${JSON.stringify(ok.body)}`).toBe(201);
    }

    // Negative control: the same pod allowed to escalate privileges is refused by admission.
    const loose = deploymentPod(monitoring);
    const looseSpec = loose['spec'] as { containers: { securityContext: Record<string, unknown> }[] };
    for (const container of looseSpec.containers)
      container.securityContext['allowPrivilegeEscalation'] = true;
    const refused = await create(loose);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('allowPrivilegeEscalation');
  });
});
