/**
 * HTTPRoute / GRPCRoute filters (apis/v1/httproute_types.go HTTPRouteFilter, grpcroute_types.go).
 * Defaults: RequestRedirect.statusCode 302; HTTPCORSFilter.maxAge 5, allowCredentials false;
 * RequestMirror fraction.denominator 100; mirror backendRef as a BackendObjectReference.
 * RequestRedirect/URLRewrite `path`: path-modifier.ts. The type/config union rules: filter-union.ts.
 */
import type { HTTPFilter, HeaderModifier } from '../types.ts';
import { bool, int, rec, recList, reqStr, str, strList, type FieldCtx, type Rec } from './fields.ts';
import { FILTER_CONFIG_FIELD, knownFilterType } from '../filter-types.ts';
import { checkUnion, type FilterOwner } from './filter-union.ts';
import { pathModifier } from './path-modifier.ts';
import { backendObjectRef, localRef } from './refs.ts';

function headerModifier(ctx: FieldCtx, raw: Rec | undefined, path: string): HeaderModifier {
  if (raw === undefined) return { set: [], add: [], remove: [] };
  const pair = (h: Rec, p: string): { name: string; value: string } => ({
    name: reqStr(ctx, h, 'name', p),
    value: str(ctx, h, 'value', p) ?? '',
  });
  return {
    set: recList(ctx, raw, 'set', path, pair),
    add: recList(ctx, raw, 'add', path, pair),
    remove: strList(ctx, raw, 'remove', path),
  };
}

function redirect(ctx: FieldCtx, raw: Rec, path: string): HTTPFilter {
  const scheme = str(ctx, raw, 'scheme', path);
  const hostname = str(ctx, raw, 'hostname', path);
  const pathMod = pathModifier(ctx, rec(ctx, raw, 'path', path), `${path}.path`);
  const port = int(ctx, raw, 'port', path);
  return {
    type: 'RequestRedirect',
    ...(scheme !== undefined && { scheme }),
    ...(hostname !== undefined && { hostname }),
    ...(pathMod !== undefined && { path: pathMod }),
    ...(port !== undefined && { port }),
    statusCode: int(ctx, raw, 'statusCode', path) ?? 302,
  };
}

function rewrite(ctx: FieldCtx, raw: Rec, path: string): HTTPFilter {
  const hostname = str(ctx, raw, 'hostname', path);
  const pathMod = pathModifier(ctx, rec(ctx, raw, 'path', path), `${path}.path`);
  return {
    type: 'URLRewrite',
    ...(hostname !== undefined && { hostname }),
    ...(pathMod !== undefined && { path: pathMod }),
  };
}

function mirror(ctx: FieldCtx, raw: Rec, path: string, namespace: string): HTTPFilter | undefined {
  const refRaw = rec(ctx, raw, 'backendRef', path);
  const ref =
    refRaw === undefined ? undefined : backendObjectRef(ctx, refRaw, `${path}.backendRef`, namespace);
  if (ref === undefined) {
    if (refRaw === undefined) reqStr(ctx, raw, 'backendRef', path);
    return undefined;
  }
  const percent = int(ctx, raw, 'percent', path);
  const fractionRaw = rec(ctx, raw, 'fraction', path);
  return {
    type: 'RequestMirror',
    backendRef: { ...ref, weight: 1, index: 0 },
    ...(percent !== undefined && { percent }),
    ...(fractionRaw !== undefined && {
      fraction: {
        numerator: int(ctx, fractionRaw, 'numerator', `${path}.fraction`) ?? 0,
        denominator: int(ctx, fractionRaw, 'denominator', `${path}.fraction`) ?? 100,
      },
    }),
  };
}

function cors(ctx: FieldCtx, raw: Rec, path: string): HTTPFilter {
  return {
    type: 'CORS',
    allowOrigins: strList(ctx, raw, 'allowOrigins', path),
    allowCredentials: bool(ctx, raw, 'allowCredentials', path) ?? false,
    allowMethods: strList(ctx, raw, 'allowMethods', path),
    allowHeaders: strList(ctx, raw, 'allowHeaders', path),
    exposeHeaders: strList(ctx, raw, 'exposeHeaders', path),
    maxAge: int(ctx, raw, 'maxAge', path) ?? 5,
  };
}

/**
 * One filter of an `owner` route. A filter whose own config field is missing, or that sets the
 * field of another type, breaks the CRD's union rules (filter-union.ts, reported at the field);
 * it is still read by its `type`, as before: a header modifier without config changes nothing,
 * any other filter without its config is left out of the model.
 */
export function filter(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  namespace: string,
  owner: FilterOwner,
): HTTPFilter | undefined {
  const type = reqStr(ctx, raw, 'type', path);
  const isHeaderModifier = type === 'RequestHeaderModifier' || type === 'ResponseHeaderModifier';
  const ignored = isHeaderModifier
    ? 'Gatescope reads it as a modifier that changes nothing'
    : 'Gatescope ignores this filter';
  checkUnion(ctx, raw, path, owner, type === '' ? undefined : type, ignored);
  // A type outside the owner's enum (a typo, or URLRewrite on a GRPCRoute) stays unknown:
  // analysis reports it, and it is never read as some other filter.
  const known = knownFilterType(owner, type);
  if (known === undefined) return { type: 'Unknown', name: type, raw };
  const field = FILTER_CONFIG_FIELD[known];
  const config = rec(ctx, raw, field, path);
  const configPath = `${path}.${field}`;
  if (config === undefined && !isHeaderModifier) return undefined;
  const c = config ?? {};
  switch (known) {
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier':
      return { type: known, modifier: headerModifier(ctx, config, configPath) };
    case 'RequestRedirect':
      return redirect(ctx, c, configPath);
    case 'URLRewrite':
      return rewrite(ctx, c, configPath);
    case 'RequestMirror':
      return mirror(ctx, c, configPath, namespace);
    case 'CORS':
      return cors(ctx, c, configPath);
    case 'ExtensionRef': {
      const ref = localRef(ctx, c, configPath, namespace);
      return ref === undefined ? undefined : { type: 'ExtensionRef', ref };
    }
    case 'ExternalAuth':
      return { type: 'ExternalAuth', raw: c };
  }
}

export function filters(
  ctx: FieldCtx,
  raw: Rec,
  path: string,
  namespace: string,
  owner: FilterOwner,
): HTTPFilter[] {
  return recList(ctx, raw, 'filters', path, (f, p) => filter(ctx, f, p, namespace, owner));
}
