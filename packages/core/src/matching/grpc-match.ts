/**
 * One `GRPCRouteMatch`, compiled. Spec (GRPCMethodMatch in apis/v1/grpcroute_types.go): `service`
 * and `method` are matched Exact (case-sensitive) or by RegularExpression; an absent one matches
 * anything; headers as for HTTP (case-insensitive names, first duplicate counts). All ANDed.
 */
import type { GRPCRouteMatch } from '../model/types.ts';
import { compileRegex } from './regex.ts';
import type { CompiledRegex } from './regex.ts';
import type { CompiledValueMatch } from './http-match.ts';
import type { RequestView } from './request.ts';

export interface CompiledGrpcMatch {
  readonly type: 'Exact' | 'RegularExpression';
  readonly service?: string;
  readonly method?: string;
  readonly serviceRegex?: CompiledRegex;
  readonly methodRegex?: CompiledRegex;
  readonly headers: readonly CompiledValueMatch[];
}

export interface GrpcCall {
  readonly service: string;
  readonly method: string;
}

export function compileGrpcMatch(m: GRPCRouteMatch): CompiledGrpcMatch {
  const type = m.method?.type ?? 'Exact';
  const service = m.method?.service;
  const method = m.method?.method;
  const seen = new Set<string>();
  const headers: CompiledValueMatch[] = [];
  for (const h of m.headers) {
    const name = h.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    headers.push({
      type: h.type,
      name,
      value: h.value,
      ...(h.type === 'RegularExpression' ? { regex: compileRegex(h.value) } : {}),
    });
  }
  return {
    type,
    ...(service !== undefined ? { service } : {}),
    ...(method !== undefined ? { method } : {}),
    ...(type === 'RegularExpression' && service !== undefined ? { serviceRegex: compileRegex(service) } : {}),
    ...(type === 'RegularExpression' && method !== undefined ? { methodRegex: compileRegex(method) } : {}),
    headers,
  };
}

function partMatches(want: string | undefined, regex: CompiledRegex | undefined, got: string): boolean {
  if (want === undefined) return true;
  if (regex) return regex.ok && regex.test(got);
  return want === got;
}

/** Reasons the match fails (empty when it holds). */
export function grpcMatchFailures(m: CompiledGrpcMatch, call: GrpcCall, req: RequestView): string[] {
  const out: string[] = [];
  if (!partMatches(m.service, m.serviceRegex, call.service)) {
    out.push(`service ${call.service} is not ${describe(m.type, m.service)}`);
  }
  if (!partMatches(m.method, m.methodRegex, call.method)) {
    out.push(`method ${call.method} is not ${describe(m.type, m.method)}`);
  }
  for (const h of m.headers) {
    const got = req.headers.get(h.name);
    const ok =
      got !== undefined && (h.type === 'Exact' ? got === h.value : h.regex?.ok === true && h.regex.test(got));
    if (!ok) out.push(got === undefined ? `header ${h.name} is absent` : `header ${h.name} is "${got}"`);
  }
  return out;
}

export function grpcMatchHolds(m: CompiledGrpcMatch, call: GrpcCall, req: RequestView): boolean {
  return grpcMatchFailures(m, call, req).length === 0;
}

function describe(type: string, value: string | undefined): string {
  return type === 'Exact' ? `${value}` : `~/${value}/`;
}

/** The call from the request: `grpc` field, else the `/service/method` path. */
export function grpcCallOf(grpc: GrpcCall | undefined, path: string): GrpcCall {
  if (grpc) return grpc;
  const [, service = '', method = ''] = path.split('/');
  return { service, method };
}
