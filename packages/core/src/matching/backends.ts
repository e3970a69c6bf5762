/**
 * Where a matched rule sends traffic. Spec (HTTPRouteRule.backendRefs and BackendRef.weight,
 * apis/v1/httproute_types.go, shared_types.go):
 * - share of each entry = weight / sum of the rule's weights (default weight 1, 0 = no traffic);
 * - invalid entries keep their share, and that share of requests gets HTTP 500;
 * - every entry invalid, or every weight 0, or no backendRefs at all → 500 for all requests;
 * - a Service with no ready endpoints → 503 with the same proportional rule.
 */
import type { ResolvedBackend } from '../analysis/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import type { BackendRef } from '../model/types.ts';
import { backendKey } from './keys.ts';
import type { RouteTables } from './tables.ts';
import type { SimBackend } from './types.ts';
import type { MatchedRule } from './respond.ts';

/** Symbol keys: the memo is not part of a rule's data (JSON.stringify skips them). */
export const MEMO_OWNER: unique symbol = Symbol('backends memo owner');
export const MEMO_OUTCOME: unique symbol = Symbol('backends memo outcome');

export interface BackendOutcome {
  readonly backends: readonly SimBackend[];
  /** 200 when some traffic reaches a usable backend; else 500 or 503. */
  readonly status: number;
  readonly notes: readonly string[];
}

function describe(b: { kind: string; namespace: string; name: string; port: number | null }): string {
  return `${b.kind} ${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ''}`;
}

function toSimBackend(ref: BackendRef, resolved: ResolvedBackend | undefined, total: number): SimBackend {
  const weight = resolved?.weight ?? ref.weight;
  const valid = resolved?.valid ?? true;
  const port = resolved?.port ?? ref.port ?? null;
  return {
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
    port,
    weight,
    probability: total > 0 ? weight / total : 0,
    valid,
    ...(resolved?.reason !== undefined && !valid ? { reason: resolved.reason } : {}),
    ...(resolved?.clusters !== undefined ? { clusters: resolved.clusters } : {}),
  };
}

/**
 * The outcome only depends on the rule, so it is computed once per rule and kept in the tables'
 * cache (keyed by the rule's backendRefs array). Results share these readonly objects.
 */
export function resolveBackends(
  tables: RouteTables,
  routeKey: ObjectKey,
  ruleIndex: number,
  refs: readonly BackendRef[],
): BackendOutcome {
  const hit = tables.backendCache.get(refs);
  if (hit) return hit;
  const outcome = computeBackends(tables, routeKey, ruleIndex, refs);
  tables.backendCache.set(refs, outcome);
  return outcome;
}

/**
 * resolveBackends for a matched rule, memoized on the rule itself: one field read instead of a
 * Map lookup per request. The memo names the tables it was computed for by their memoOwner token
 * (rules are shared by tables that an update derived from each other, and their backend maps
 * differ); the token is an empty object, so a shared rule never keeps an old cache alive.
 */
export function ruleBackends(tables: RouteTables, rule: MatchedRule): BackendOutcome {
  const memo = rule[MEMO_OUTCOME];
  if (memo !== null && rule[MEMO_OWNER] === tables.memoOwner) return memo;
  const outcome = resolveBackends(tables, rule.route.key, rule.ruleIndex, rule.backendRefs);
  rule[MEMO_OWNER] = tables.memoOwner;
  rule[MEMO_OUTCOME] = outcome;
  return outcome;
}

function computeBackends(
  tables: RouteTables,
  routeKey: ObjectKey,
  ruleIndex: number,
  refs: readonly BackendRef[],
): BackendOutcome {
  const notes: string[] = [];
  if (refs.length === 0) {
    notes.push('The rule has no backendRefs: the gateway answers 500 (spec: HTTPRouteNoBackendRefs).');
    return { backends: [], status: 500, notes };
  }
  const resolved = refs.map((r) => tables.backends.get(backendKey(routeKey, ruleIndex, r.index)));
  const total = refs.reduce((sum, r, i) => sum + (resolved[i]?.weight ?? r.weight), 0);
  const backends = refs.map((r, i) => toSimBackend(r, resolved[i], total));
  if (total === 0) {
    notes.push('Every backendRef has weight 0: no backend gets traffic, the gateway answers 500.');
    return { backends, status: 500, notes };
  }
  const validShare = backends.filter((b) => b.valid).reduce((s, b) => s + b.probability, 0);
  backends.forEach((b, i) => {
    if (b.weight === 0) notes.push(`${describe(b)} has weight 0: no traffic.`);
    else if (!b.valid) {
      notes.push(
        `${describe(b)} is invalid (${b.reason ?? 'unresolved'}): its ${pct(b.probability)} of requests get 500.`,
      );
    } else {
      const clusters = b.clusters ? ` (exported by clusters: ${b.clusters.join(', ') || 'none known'})` : '';
      notes.push(
        `${describe(b)} gets ${pct(b.probability)} of requests${clusters}${vendorNote(resolved[i])}.`,
      );
    }
  });
  if (validShare === 0) {
    notes.push('Every backendRef with traffic is invalid: all requests get 500.');
    return { backends, status: 500, notes };
  }
  const endpoints = refs.map((_, i) => resolved[i]?.endpoints);
  const usable = backends.some((b, i) => b.valid && b.weight > 0 && (endpoints[i]?.ready ?? 1) > 0);
  if (!usable) {
    notes.push('No valid backend has ready endpoints: requests get 503.');
    return { backends, status: 503, notes };
  }
  return { backends, status: 200, notes };
}

/**
 * An implementation-specific backend (analysis/backend-kinds.ts) is forwarded to as written: the
 * controller that supports its kind decides what it means (an Envoy Gateway Backend, an
 * InferencePool's endpoint picker, a delegated HTTPRoute's rules); Gatescope does not look inside.
 */
function vendorNote(resolved: ResolvedBackend | undefined): string {
  if (resolved?.implementationSpecific !== true) return '';
  const { group, kind } = resolved.target;
  return ` (implementation-specific backend ${group}/${kind}: forwarded as its controller defines, not checked)`;
}

function pct(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}
