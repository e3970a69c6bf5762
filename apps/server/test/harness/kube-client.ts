/**
 * A tiny admin REST client for the test apiserver (the tests' view of the truth; deliberately not
 * the code under test).
 */
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export interface KubeResponse {
  readonly status: number;
  readonly body: unknown;
}

export type KubeObject = Record<string, unknown> & {
  metadata: Record<string, unknown> & { name: string; namespace?: string; resourceVersion?: string };
};

export class KubeClient {
  constructor(
    readonly server: string,
    private readonly ca: string,
    private readonly token: string,
  ) {}

  /** One request; 429 (e.g. "storage is (re)initializing" after a restart) is retried briefly. */
  async raw(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<KubeResponse> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.once(method, path, body, contentType);
      if (res.status !== 429 || attempt >= 60) return res;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  private async once(
    method: string,
    path: string,
    body: unknown,
    contentType: string,
  ): Promise<KubeResponse> {
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolveResponse, reject) => {
      const req = request(
        url,
        {
          method,
          ca: readFileSync(this.ca),
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': contentType }),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON (readyz says "ok")
            }
            resolveResponse({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async must(method: string, path: string, body?: unknown, contentType?: string): Promise<unknown> {
    const res = await this.raw(method, path, body, contentType);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async list(path: string): Promise<{ resourceVersion: string; items: KubeObject[] }> {
    const body = (await this.must('GET', path)) as {
      metadata: { resourceVersion: string };
      items: KubeObject[];
    };
    return { resourceVersion: body.metadata.resourceVersion, items: body.items };
  }

  /** Server-side apply (create or update) of one object at its collection path. */
  async apply(collectionPath: string, object: KubeObject): Promise<KubeObject> {
    const path = `${collectionPath}/${object.metadata.name}?fieldManager=gatescope-test&force=true`;
    return (await this.must('PATCH', path, object, 'application/apply-patch+yaml')) as KubeObject;
  }

  /**
   * A ServiceAccount bound (ClusterRole + ClusterRoleBinding named `role`) to exactly `rules`,
   * and a token to act as it: a user with partial RBAC.
   */
  async serviceAccountWithRules(
    namespace: string,
    name: string,
    role: string,
    rules: readonly Record<string, unknown>[],
  ): Promise<string> {
    const RBAC = 'rbac.authorization.k8s.io';
    await this.apply(`/api/v1/namespaces/${namespace}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace },
    });
    await this.apply(`/apis/${RBAC}/v1/clusterroles`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRole',
      metadata: { name: role },
      rules,
    });
    await this.apply(`/apis/${RBAC}/v1/clusterrolebindings`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name: role },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    });
    return this.serviceAccountToken(namespace, name);
  }

  /** A one-hour token of a ServiceAccount (TokenRequest), to act as it. */
  async serviceAccountToken(namespace: string, name: string): Promise<string> {
    const path = `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`;
    const review = (await this.must('POST', path, {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: 3600 },
    })) as { status: { token: string } };
    return review.status.token;
  }

  async remove(path: string): Promise<void> {
    const res = await this.raw('DELETE', path);
    if (res.status >= 300 && res.status !== 404) throw new Error(`DELETE ${path} → ${res.status}`);
  }

  /** Applies every CRD in a YAML file and waits until each is Established. */
  async installCrds(file: string): Promise<void> {
    const docs = parseAllDocuments(readFileSync(file, 'utf8'))
      .map((doc) => doc.toJS() as KubeObject | null)
      .filter((doc): doc is KubeObject => doc !== null);
    for (const crd of docs) await this.apply('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    for (const crd of docs) {
      await waitFor(`CRD ${crd.metadata.name} established`, async () => {
        const res = await this.raw(
          'GET',
          `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`,
        );
        const conditions = ((res.body as { status?: { conditions?: { type: string; status: string }[] } })
          .status?.conditions ?? []) as { type: string; status: string }[];
        return conditions.some((c) => c.type === 'Established' && c.status === 'True');
      });
    }
  }
}

/** Polls until `check` is true (the tests wait for facts, never for fixed durations). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError === undefined ? '' : `: ${String(lastError)}`}`);
}
