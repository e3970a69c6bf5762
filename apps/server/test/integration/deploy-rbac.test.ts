/**
 * The RBAC in deploy/ grants exactly what DESIGN.md's security rules say, proven with
 * SubjectAccessReviews against a real kube-apiserver's RBAC authorizer:
 * - the gatescope ServiceAccount can get/list/watch every kind Gatescope reads;
 * - compared with a ServiceAccount that has no bindings at all (what every authenticated user gets
 *   by default), it gains those reads and nothing else: no Secrets, no writes, no wildcards;
 * - the opt-in role in deploy/optional/ adds list/watch of Secrets and nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpsRequest } from 'node:https';
import { parseAllDocuments } from 'yaml';
import { binariesOrSkip, REPO_ROOT } from '../harness/binaries.ts';
import { CRD_FILES, TestCluster } from '../harness/cluster.ts';
import { KubeClient, type KubeObject } from '../harness/kube-client.ts';
import {
  allowed,
  allowedSet,
  keyOf,
  READ_VERBS,
  serviceAccount,
  universeOf,
  WRITE_VERBS,
  type Attributes,
  type Subject,
} from '../harness/access-review.ts';
import { WANTED_KINDS } from '../../src/kube/kinds.ts';

const binaries = binariesOrSkip();
const GATESCOPE = serviceAccount('gatescope', 'gatescope');
const UNBOUND = serviceAccount('gatescope-baseline', 'nobody');

/**
 * What Gatescope reads: every kind the server watches (its own table, WANTED_KINDS, CRDs
 * included: which Gateway API release and channel is installed) except the opt-in Secrets.
 * Resource names come from discovery where the test cluster serves the kind, else `plural`.
 */
let READS: readonly (readonly [group: string, resource: string])[] = [];

/** Kubernetes' plural for the kinds involved (lowercase + s, -es after s, -ies after consonant+y). */
function plural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('s') ? `${lower}es` : `${lower}s`;
}

function readsOf(served: ReadonlyMap<string, string>): (readonly [string, string])[] {
  return [
    ...WANTED_KINDS.filter((k) => k.optIn !== true).map(
      (k) => [k.group, served.get(`${k.group}|${k.kind}`) ?? plural(k.kind)] as const,
    ),
  ];
}

/**
 * Every resource and subresource the apiserver serves (all groups, all versions), and READS
 * (set here, from the served kinds' plurals) added to them.
 */
async function discoveredResources(admin: KubeClient): Promise<[group: string, resource: string][]> {
  const paths = ['/api/v1'];
  const groups = (await admin.must('GET', '/apis')) as { groups: { versions: { groupVersion: string }[] }[] };
  for (const group of groups.groups) for (const v of group.versions) paths.push(`/apis/${v.groupVersion}`);
  const found = new Map<string, [string, string]>();
  const kinds = new Map<string, string>();
  for (const path of paths) {
    const list = (await admin.must('GET', path)) as {
      groupVersion: string;
      resources: { name: string; kind: string }[];
    };
    const group = list.groupVersion.includes('/') ? (list.groupVersion.split('/')[0] ?? '') : '';
    for (const r of list.resources) {
      found.set(`${group}|${r.name}`, [group, r.name]);
      if (!r.name.includes('/')) kinds.set(`${group}|${r.kind}`, r.name);
    }
  }
  READS = readsOf(kinds);
  for (const [g, r] of READS) found.set(`${g}|${r}`, [g, r]);
  return [...found.values()].sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
}

function loadObjects(...files: string[]): KubeObject[] {
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(REPO_ROOT, 'deploy', file), 'utf8')).map(
      (d) => d.toJS() as KubeObject,
    ),
  );
}

const PATHS: Record<string, (o: KubeObject) => string> = {
  Namespace: () => '/api/v1/namespaces',
  ServiceAccount: (o) => `/api/v1/namespaces/${o.metadata.namespace}/serviceaccounts`,
  ClusterRole: () => '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  ClusterRoleBinding: () => '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
  Role: (o) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${o.metadata.namespace}/roles`,
  RoleBinding: (o) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${o.metadata.namespace}/rolebindings`,
};

async function install(admin: KubeClient, objects: readonly KubeObject[]): Promise<void> {
  for (const object of objects) {
    const path = PATHS[String(object['kind'])];
    if (path === undefined) throw new Error(`no path for ${String(object['kind'])}`);
    await admin.apply(path(object), object);
  }
}

/** A list as PartialObjectMetadata, the form the server uses for Secrets (never `data`). */
async function metadataList(
  cluster: TestCluster,
  token: string,
  path: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolveList, reject) => {
    const req = httpsRequest(
      new URL(path, cluster.server),
      {
        ca: readFileSync(cluster.pki.caCert),
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolveList({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const expectedReads = (): string[] =>
  READS.flatMap(([group, resource]) => READ_VERBS.map((verb) => keyOf({ verb, group, resource }))).sort();

describe.skipIf(!binaries.ok)('deploy/ RBAC, proven by SubjectAccessReview', () => {
  let cluster: TestCluster;
  let universe: Attributes[];
  let unbound: Set<string>;
  let granted: Set<string>;

  beforeAll(async () => {
    if (!binaries.ok) return;
    cluster = await TestCluster.start(binaries.dir);
    await cluster.admin.installCrds(CRD_FILES.gatewayApi);
    await cluster.admin.installCrds(CRD_FILES.mcs);
    await install(
      cluster.admin,
      loadObjects(
        'base/namespace.yaml',
        'base/serviceaccount.yaml',
        'base/clusterrole.yaml',
        'base/clusterrolebinding.yaml',
      ),
    );
    await install(cluster.admin, [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gatescope-baseline' } },
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'nobody', namespace: 'gatescope-baseline' },
      },
    ]);
    universe = universeOf(await discoveredResources(cluster.admin));
    unbound = await allowedSet(cluster.admin, UNBOUND, universe);
    granted = await allowedSet(cluster.admin, GATESCOPE, universe);
  });
  afterAll(async () => cluster?.stop());

  it('reviews a meaningful universe (every served resource and subresource × 8 verbs)', () => {
    const resources = new Set(universe.map((a) => `${a.group}/${a.resource}/${a.subresource ?? ''}`));
    expect(resources.size).toBeGreaterThan(50);
    expect(resources).toContain('/secrets/');
    expect(resources).toContain('/pods/exec');
    expect(READS).toContainEqual(['gateway.networking.k8s.io', 'gateways']);
    expect(READS).toContainEqual(['gateway.networking.x-k8s.io', 'xlistenersets']);
    expect(READS.map(([, r]) => r)).not.toContain('secrets');
  });

  it('lets the ServiceAccount get/list/watch each kind Gatescope reads', async () => {
    for (const key of expectedReads()) expect(granted, key).toContain(key);
  });

  it('grants nothing beyond those reads compared with an unbound ServiceAccount', () => {
    const added = [...granted].filter((key) => !unbound.has(key)).sort();
    expect(added).toEqual(expectedReads());
    expect([...unbound].filter((key) => !granted.has(key))).toEqual([]);
  });

  it('cannot write anything (only the self-reviews every authenticated user may create)', () => {
    const writes = [...granted].filter((key) => WRITE_VERBS.some((verb) => key.startsWith(`${verb} `)));
    expect(
      writes.every((key) =>
        /^create authorization\.k8s\.io\/self|^create authentication\.k8s\.io\/self/.test(key),
      ),
    ).toBe(true);
    expect(writes).toEqual(
      [...unbound].filter((key) => WRITE_VERBS.some((verb) => key.startsWith(`${verb} `))),
    );
  });

  it('cannot read Secrets, ConfigMaps or Pods, cluster-wide or in its own namespace', async () => {
    for (const resource of ['secrets', 'configmaps', 'pods']) {
      for (const verb of READ_VERBS) {
        for (const namespace of [undefined, 'gatescope', 'default']) {
          const attributes = { verb, group: '', resource, ...(namespace ? { namespace } : {}) };
          expect(await allowed(cluster.admin, GATESCOPE, attributes), keyOf(attributes)).toBe(false);
        }
      }
    }
  });

  it('has none of the escalation verbs (impersonate, escalate, bind, approve, sign, proxy)', async () => {
    const special: Attributes[] = [
      { verb: 'impersonate', group: '', resource: 'users' },
      { verb: 'impersonate', group: '', resource: 'groups' },
      { verb: 'impersonate', group: '', resource: 'serviceaccounts' },
      { verb: 'impersonate', group: 'authentication.k8s.io', resource: 'userextras' },
      { verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
      { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
      { verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'roles' },
      { verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'roles' },
      { verb: 'approve', group: 'certificates.k8s.io', resource: 'signers' },
      { verb: 'sign', group: 'certificates.k8s.io', resource: 'signers' },
      { verb: 'get', group: '', resource: 'nodes', subresource: 'proxy' },
      { verb: 'get', group: '', resource: 'services', subresource: 'proxy' },
      { verb: 'create', group: '', resource: 'pods', subresource: 'portforward' },
    ];
    for (const attributes of special) {
      expect(await allowed(cluster.admin, GATESCOPE, attributes), keyOf(attributes)).toBe(false);
    }
  });

  it('has no wildcard grants: a "*" verb, group or resource is never allowed', async () => {
    // RBAC matches a requested "*" only against a rule that itself says "*".
    for (const [group, resource] of READS) {
      expect(await allowed(cluster.admin, GATESCOPE, { verb: '*', group, resource })).toBe(false);
      expect(await allowed(cluster.admin, GATESCOPE, { verb: 'list', group, resource: '*' })).toBe(false);
    }
    expect(
      await allowed(cluster.admin, GATESCOPE, { verb: 'list', group: '*', resource: 'httproutes' }),
    ).toBe(false);
    for (const rule of (loadObjects('base/clusterrole.yaml')[0]?.['rules'] ?? []) as Record<
      string,
      string[]
    >[]) {
      for (const field of ['apiGroups', 'resources', 'verbs']) expect(rule[field]).not.toContain('*');
      expect(rule['resourceNames']).toBeUndefined();
    }
  });

  it('a real token of the ServiceAccount reads routes and is refused Secrets and writes', async () => {
    const client = new KubeClient(
      cluster.server,
      cluster.pki.caCert,
      await cluster.admin.serviceAccountToken('gatescope', 'gatescope'),
    );
    expect((await client.raw('GET', '/apis/gateway.networking.k8s.io/v1/httproutes')).status).toBe(200);
    expect((await client.raw('GET', '/api/v1/secrets')).status).toBe(403);
    const write = await client.raw('POST', '/api/v1/namespaces/gatescope/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'nope' },
    });
    expect(write.status).toBe(403);
  });

  describe('with the opt-in Secrets role (deploy/optional/)', () => {
    let withSecrets: Set<string>;

    beforeAll(async () => {
      if (!binaries.ok) return;
      await install(
        cluster.admin,
        loadObjects('optional/secrets-clusterrole.yaml', 'optional/secrets-clusterrolebinding.yaml'),
      );
      withSecrets = await allowedSet(cluster.admin, GATESCOPE, universe);
    });

    it('adds list/watch of Secrets and nothing more', () => {
      expect([...withSecrets].filter((key) => !granted.has(key)).sort()).toEqual([
        'list core/secrets',
        'watch core/secrets',
      ]);
      expect([...granted].filter((key) => !withSecrets.has(key))).toEqual([]);
      expect(withSecrets).not.toContain('get core/secrets');
    });

    it('lets the token list Secret metadata (what the server asks for)', async () => {
      await cluster.admin.apply('/api/v1/namespaces/gatescope/secrets', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'tls-cert', namespace: 'gatescope' },
        stringData: { 'tls.key': 'private' },
      });
      const token = await cluster.admin.serviceAccountToken('gatescope', 'gatescope');
      const client = new KubeClient(cluster.server, cluster.pki.caCert, token);
      expect((await client.raw('GET', '/api/v1/namespaces/gatescope/secrets/tls-cert')).status).toBe(403);
      const list = await metadataList(cluster, token, '/api/v1/secrets');
      expect(list.status).toBe(200);
      const body = list.body as { kind: string; items: Record<string, unknown>[] };
      expect(body.kind).toBe('PartialObjectMetadataList');
      expect(body.items.map((i) => (i['metadata'] as { name: string }).name)).toContain('tls-cert');
      expect(JSON.stringify(body)).not.toContain('private');
      expect(JSON.stringify(body)).not.toContain(Buffer.from('private').toString('base64'));
    });
  });

  describe('the access Role for people who open Gatescope (deploy/access/)', () => {
    const member: Subject = { user: 'alice', groups: ['gatescope-users', 'system:authenticated'] };
    const outsider: Subject = { user: 'bob', groups: ['system:authenticated'] };
    const inNamespace = (namespace: string): Attributes[] => universe.map((a) => ({ ...a, namespace }));

    beforeAll(async () => {
      if (!binaries.ok) return;
      await install(cluster.admin, loadObjects('access/role.yaml', 'access/rolebinding.yaml'));
    });

    it('allows what kubectl gatescope does (find, watch the rollout, port-forward) and nothing more', async () => {
      const scope = inNamespace('gatescope');
      const [withRole, without] = [
        await allowedSet(cluster.admin, member, scope),
        await allowedSet(cluster.admin, outsider, scope),
      ];
      expect([...withRole].filter((key) => !without.has(key)).sort()).toEqual(
        [
          'get apps/deployments in gatescope',
          'list apps/deployments in gatescope',
          'watch apps/deployments in gatescope',
          'get core/pods in gatescope',
          'list core/pods in gatescope',
          'create core/pods/portforward in gatescope',
        ].sort(),
      );
      expect(
        await allowed(cluster.admin, member, {
          verb: 'create',
          group: '',
          resource: 'pods',
          subresource: 'exec',
          namespace: 'gatescope',
        }),
      ).toBe(false);
    });

    it('grants nothing outside the gatescope namespace', async () => {
      const scope = inNamespace('default');
      const withRole = await allowedSet(cluster.admin, member, scope);
      const without = await allowedSet(cluster.admin, outsider, scope);
      expect([...withRole].filter((key) => !without.has(key))).toEqual([]);
    });
  });
});
