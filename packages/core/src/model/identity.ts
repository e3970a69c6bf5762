/**
 * The one identity of every object: group, kind, namespace and name. Objects are linked by this
 * key only, never by name alone. Cluster-scoped objects have namespace "".
 */
export interface ObjectRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** `Kind.group/namespace/name`, kubectl style; the core group has no `.group` suffix. */
export type ObjectKey = string & { readonly __objectKey: unique symbol };

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const GATEWAY_X_GROUP = 'gateway.networking.x-k8s.io';
export const MCS_GROUP = 'multicluster.x-k8s.io';
export const CORE_GROUP = '';

export function groupKindString(gk: GroupKind): string {
  return gk.group === '' ? gk.kind : `${gk.kind}.${gk.group}`;
}

export function keyOf(ref: ObjectRef): ObjectKey {
  return `${groupKindString(ref)}/${ref.namespace}/${ref.name}` as ObjectKey;
}

export function parseKey(key: ObjectKey | string): ObjectRef {
  const firstSlash = key.indexOf('/');
  const secondSlash = key.indexOf('/', firstSlash + 1);
  const gk = key.slice(0, firstSlash);
  const dot = gk.indexOf('.');
  return {
    kind: dot < 0 ? gk : gk.slice(0, dot),
    group: dot < 0 ? '' : gk.slice(dot + 1),
    namespace: key.slice(firstSlash + 1, secondSlash),
    name: key.slice(secondSlash + 1),
  };
}

/** A parentRef as spec and status write it, every default already applied by normalize. */
export interface ParentRefIdentity extends ObjectRef {
  readonly sectionName?: string;
  readonly port?: number;
}

/**
 * The one test that a status.parents entry speaks of a spec parentRef: the whole reference,
 * group and kind included (a ListenerSet and a Gateway may share a name), sectionName and port.
 */
export function sameParentRef(a: ParentRefIdentity, b: ParentRefIdentity): boolean {
  return (
    a.group === b.group &&
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    a.name === b.name &&
    a.sectionName === b.sectionName &&
    a.port === b.port
  );
}

export function sameGroupKind(a: GroupKind, b: GroupKind): boolean {
  return a.group === b.group && a.kind === b.kind;
}

/** `namespace/name` (or `name` when cluster-scoped): the spec's alphabetical tie-break string. */
export function namespacedName(ref: { readonly namespace: string; readonly name: string }): string {
  return ref.namespace === '' ? ref.name : `${ref.namespace}/${ref.name}`;
}

/**
 * UI node id (DESIGN.md automation hooks): `<Kind>/<namespace>/<name>`, cluster-scoped `<Kind>//<name>`.
 */
export function nodeIdOf(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}
