/**
 * Identity, metadata and the stripped `raw` copy shared by every kind. Namespace defaulting
 * lives here: namespaced kinds without metadata.namespace are in "default" (kubectl's default
 * for a context without a namespace), cluster-scoped kinds always have "".
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { keyOf, type ObjectKey, type ObjectRef } from '../identity.ts';
import type { ObjectMeta, SourcePos } from '../types.ts';
import { int, isRec, rec, report, str, strMap, type FieldCtx, type Rec } from './fields.ts';
import { isClusterScoped, kindInfo, knownGroupOf, splitApiVersion, type KindInfo } from './kinds.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEFAULT_NAMESPACE = 'default';
const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export interface NormalizeContext {
  /** Kube context the object came from; "" (the default) for single-source input. */
  readonly cluster?: string;
  /** Creation order for ties when there is no creationTimestamp. */
  readonly order?: number;
  readonly source?: SourcePos;
  /** Where a field path is written (parse provides it for pasted text); diagnostics use it. */
  readonly locate?: (field: string) => SourcePos | undefined;
}

/** Everything about an object except its kind-specific fields. */
export interface Header {
  readonly group: string;
  readonly realKind: string;
  readonly version: string;
  readonly info: KindInfo | undefined;
  readonly key: ObjectKey;
  readonly ref: ObjectRef;
  readonly apiVersion: string;
  readonly meta: ObjectMeta;
  readonly order: number;
  readonly source?: SourcePos;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly spec: Rec;
  readonly status: Rec | undefined;
  readonly ctx: FieldCtx;
}

/** The shared ObjectBase fields of a header. */
export function baseOf(
  h: Header,
): Pick<Header, 'key' | 'ref' | 'apiVersion' | 'meta' | 'order' | 'raw'> & { readonly source?: SourcePos } {
  return {
    key: h.key,
    ref: h.ref,
    apiVersion: h.apiVersion,
    meta: h.meta,
    order: h.order,
    raw: h.raw,
    ...(h.source !== undefined && { source: h.source }),
  };
}

function fileLevelObject(raw: Rec): { kind: string; namespace: string; name: string } {
  const meta = isRec(raw['metadata']) ? raw['metadata'] : {};
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return { kind: text(raw['kind']), namespace: text(meta['namespace']), name: text(meta['name']) };
}

/** Reads identity and metadata; undefined (with a diagnostic) when the object has no identity. */
export function readHeader(
  raw: Rec,
  context: NormalizeContext,
  diagnostics: Diagnostic[],
): Header | undefined {
  const { source, locate } = context;
  const loose: FieldCtx = { object: fileLevelObject(raw), source, locate, diagnostics };
  const apiVersion = raw['apiVersion'];
  const kind = raw['kind'];
  const metadata = raw['metadata'];
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    report(loose, 'MissingTypeMeta', typeof apiVersion === 'string' ? 'kind' : 'apiVersion', 'is required');
    return undefined;
  }
  if (!isRec(metadata) || typeof metadata['name'] !== 'string' || metadata['name'] === '') {
    report(loose, 'MissingName', 'metadata.name', 'is required: the object cannot be identified');
    return undefined;
  }
  const { group, version } = splitApiVersion(apiVersion);
  const info = kindInfo(group, kind);
  const name = metadata['name'];
  const written = metadata['namespace'];
  const namespace = namespaceOf(group, kind, written);
  const ref: ObjectRef = { group, kind, namespace, name };
  const ctx: FieldCtx = { object: { group, kind, namespace, name }, source, locate, diagnostics };
  if (!checkNames(ctx, name, namespace)) return undefined;
  checkVersion(ctx, apiVersion, group, version, kind, info);
  // Reports a non-string namespace (e.g. `namespace: no`, a YAML 1.1 boolean); "default" is used.
  if (typeof written !== 'string') str(ctx, metadata, 'namespace', 'metadata');
  const spec = rec(ctx, raw, 'spec', '') ?? {};
  const status = rec(ctx, raw, 'status', '');
  return {
    group,
    realKind: kind,
    version,
    info,
    key: keyOf(ref),
    ref,
    apiVersion,
    meta: readMeta(ctx, metadata, name, namespace, context.cluster ?? ''),
    order: context.order ?? 0,
    ...(context.source !== undefined && { source: context.source }),
    raw: stripRaw(raw, info?.model === 'Secret'),
    spec,
    status,
    ctx,
  };
}

/** Cluster-scoped kinds have none; namespaced kinds without one are in "default". */
function namespaceOf(group: string, kind: string, written: unknown): string {
  if (isClusterScoped(group, kind)) return '';
  return typeof written === 'string' && written !== '' ? written : DEFAULT_NAMESPACE;
}

function checkVersion(
  ctx: FieldCtx,
  apiVersion: string,
  group: string,
  version: string,
  kind: string,
  info: KindInfo | undefined,
): void {
  if (info !== undefined) {
    if (!info.versions.includes(version)) {
      const message = `${apiVersion} is not a known version of ${kind} (read as ${info.versions[0]})`;
      report(ctx, 'UnknownVersion', 'apiVersion', message);
    }
    return;
  }
  const expected = knownGroupOf(kind);
  if (expected !== undefined && expected !== group && wrongGroupFor(group, expected)) {
    const want = expected === '' ? 'v1' : `${expected}/${kindInfo(expected, kind)?.versions[0] ?? 'v1'}`;
    const message = `${apiVersion} does not serve ${kind} (expected ${want}): kept as an unknown kind`;
    report(ctx, 'UnknownVersion', 'apiVersion', message);
  }
}

/**
 * A known kind name under another group is a mistake only when that group cannot own a kind of
 * its own: the core group, a Kubernetes-owned group (*.k8s.io, *.x-k8s.io), or a misspelling of
 * the expected group. Vendor groups define kinds with the same names (Istio's
 * networking.istio.io Gateway, Linkerd's policy.linkerd.io HTTPRoute, GKE's net.gke.io
 * ServiceImport): those are other kinds, kept as such without a warning.
 */
function wrongGroupFor(group: string, expected: string): boolean {
  if (group === '' || group.endsWith('.k8s.io') || group.endsWith('.x-k8s.io')) return true;
  return editDistanceAtMost(group, expected, 2);
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return (previous[b.length] ?? limit + 1) <= limit;
}

function checkNames(ctx: FieldCtx, name: string, namespace: string): boolean {
  if (name.includes('/') || namespace.includes('/')) {
    report(ctx, 'InvalidObjectName', 'metadata.name', 'names and namespaces cannot contain "/": skipped');
    return false;
  }
  if (!NAME_PATTERN.test(name)) {
    report(
      ctx,
      'InvalidObjectName',
      'metadata.name',
      `"${name}" is not a valid Kubernetes name (RFC 1123 subdomain)`,
    );
  }
  if (namespace !== '' && !NAME_PATTERN.test(namespace)) {
    report(ctx, 'InvalidObjectName', 'metadata.namespace', `"${namespace}" is not a valid namespace name`);
  }
  return true;
}

function readMeta(
  ctx: FieldCtx,
  metadata: Rec,
  name: string,
  namespace: string,
  cluster: string,
): ObjectMeta {
  const uid = str(ctx, metadata, 'uid', 'metadata');
  const generation = int(ctx, metadata, 'generation', 'metadata');
  const resourceVersion = str(ctx, metadata, 'resourceVersion', 'metadata');
  const creationTimestamp = str(ctx, metadata, 'creationTimestamp', 'metadata');
  const annotations = strMap(ctx, metadata, 'annotations', 'metadata');
  delete annotations[LAST_APPLIED];
  return {
    name,
    namespace,
    ...(uid !== undefined && { uid }),
    ...(generation !== undefined && { generation }),
    ...(resourceVersion !== undefined && { resourceVersion }),
    ...(creationTimestamp !== undefined && { creationTimestamp }),
    labels: strMap(ctx, metadata, 'labels', 'metadata'),
    annotations,
    cluster,
  };
}

/**
 * The object as received minus managedFields, the last-applied annotation (it repeats the whole
 * object, Secret data included) and, for Secrets, data and stringData.
 */
export function stripRaw(raw: Rec, secret: boolean): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...raw };
  if (secret) {
    delete out['data'];
    delete out['stringData'];
  }
  if (isRec(raw['metadata'])) {
    const metadata: Record<string, unknown> = { ...raw['metadata'] };
    delete metadata['managedFields'];
    if (isRec(metadata['annotations'])) {
      const annotations: Record<string, unknown> = { ...metadata['annotations'] };
      delete annotations[LAST_APPLIED];
      metadata['annotations'] = annotations;
    }
    out['metadata'] = metadata;
  }
  return out;
}
