/**
 * References with every API default resolved (gateway-api apis/v1/shared_types.go,
 * object_reference_types.go):
 * - ParentReference: group gateway.networking.k8s.io, kind Gateway, namespace = the route's.
 * - BackendObjectReference / BackendRef: group "" (core), kind Service, namespace = the route's,
 *   weight 1.
 * - SecretObjectReference (certificateRefs): group "", kind Secret, namespace = the referrer's.
 * - LocalObjectReference / LocalPolicyTargetReference: no defaults, namespace = the referrer's.
 * A reference without a name cannot be resolved: it is reported and dropped.
 */
import { CORE_GROUP, GATEWAY_GROUP, keyOf } from '../identity.ts';
import type { BackendRef, ParentRef, PolicyTargetRef, ResolvedRef } from '../types.ts';
import { int, reqStr, str, type FieldCtx, type Rec } from './fields.ts';

export interface RefDefaults {
  readonly group: string;
  readonly kind: string;
  /** Namespace used when the reference has none (the referrer's). */
  readonly namespace: string;
  /** Local references ignore any namespace written in them. */
  readonly local?: boolean;
}

export function resolveRef(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  defaults: RefDefaults,
): ResolvedRef | undefined {
  const name = reqStr(ctx, raw, 'name', path);
  if (name === '') return undefined;
  const group = str(ctx, raw, 'group', path) ?? defaults.group;
  const kind = str(ctx, raw, 'kind', path) ?? defaults.kind;
  const written = defaults.local === true ? undefined : str(ctx, raw, 'namespace', path);
  const namespace = written === undefined || written === '' ? defaults.namespace : written;
  const ref = { group, kind, namespace, name };
  return { ...ref, key: keyOf(ref) };
}

export function parentRef(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  routeNamespace: string,
  index: number,
): ParentRef | undefined {
  const ref = resolveRef(ctx, raw, path, {
    group: GATEWAY_GROUP,
    kind: 'Gateway',
    namespace: routeNamespace,
  });
  if (ref === undefined) return undefined;
  const sectionName = str(ctx, raw, 'sectionName', path);
  const port = int(ctx, raw, 'port', path);
  return {
    ...ref,
    ...(sectionName !== undefined && { sectionName }),
    ...(port !== undefined && { port }),
    index,
  };
}

/** A BackendObjectReference (backendRefs, mirror targets): core Service by default. */
export function backendObjectRef(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  routeNamespace: string,
): (ResolvedRef & { readonly port?: number }) | undefined {
  const ref = resolveRef(ctx, raw, path, { group: CORE_GROUP, kind: 'Service', namespace: routeNamespace });
  if (ref === undefined) return undefined;
  const port = int(ctx, raw, 'port', path);
  return { ...ref, ...(port !== undefined && { port }) };
}

export function backendRef(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  routeNamespace: string,
  index: number,
): BackendRef | undefined {
  const ref = backendObjectRef(ctx, raw, path, routeNamespace);
  if (ref === undefined) return undefined;
  return { ...ref, weight: int(ctx, raw, 'weight', path) ?? 1, index };
}

export function secretRef(ctx: FieldCtx, raw: Rec, path: string, namespace: string): ResolvedRef | undefined {
  return resolveRef(ctx, raw, path, { group: CORE_GROUP, kind: 'Secret', namespace });
}

/** LocalObjectReference: group and kind are required, the namespace is the referrer's. */
export function localRef(ctx: FieldCtx, raw: Rec, path: string, namespace: string): ResolvedRef | undefined {
  reqStr(ctx, raw, 'kind', path);
  if (raw['group'] === undefined) reqStr(ctx, raw, 'group', path);
  return resolveRef(ctx, raw, path, { group: '', kind: '', namespace, local: true });
}

/** LocalPolicyTargetReference(WithSectionName): policies target objects in their own namespace. */
export function policyTargetRef(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  namespace: string,
): PolicyTargetRef | undefined {
  const ref = localRef(ctx, raw, path, namespace);
  if (ref === undefined) return undefined;
  const sectionName = str(ctx, raw, 'sectionName', path);
  return { ...ref, ...(sectionName !== undefined && { sectionName }) };
}
