/**
 * The result for a plain rule (no filters, timeouts or retry; MatchedRule.plain) when the request
 * describes no backend behaviour: the rule's backends outcome (memoized per rule) and the request
 * forwarded as is. It is what simulateHttp builds from respond() for such a rule, field for field
 * and in the same key order, without the filter machinery's per-request bookkeeping (simulate's
 * common case; backends.test.ts checks it against respond()).
 */
import { ruleBackends } from './backends.ts';
import { bagOf, recordOf } from './filters.ts';
import type { RequestView } from './request.ts';
import type { MatchedRule } from './respond.ts';
import type { RouteTables } from './tables.ts';
import type { SimRequest, SimResult } from './types.ts';

export function plainResult(
  tables: RouteTables,
  rule: MatchedRule,
  view: RequestView,
  request: SimRequest,
  listener: string,
  trace: string[],
): SimResult {
  const resolved = ruleBackends(tables, rule);
  for (const note of resolved.notes) trace.push(note);
  const forwarded = resolved.status === 200;
  return {
    id: request.id ?? null,
    status: resolved.status,
    listener,
    route: rule.ref,
    rule: rule.ruleIndex,
    backends: resolved.backends,
    redirect: null,
    upstreamRequest: forwarded
      ? {
          method: view.method,
          host: view.host.header,
          path: view.rawQuery === '' ? view.path : `${view.path}?${view.rawQuery}`,
          headers: forwardedHeaders(view),
        }
      : null,
    responseHeaders: forwarded ? backendResponse(request.backendResponseHeaders) : null,
    mirrors: [],
    explanation: trace,
  };
}

/** The backend's response headers as described (none by default); no filter changes them. */
function backendResponse(
  headers: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> {
  return headers === undefined ? {} : recordOf(bagOf(headers));
}

/** The client's headers unchanged by any filter: their spelling, Host excluded (it is `host`). */
export function forwardedHeaders(view: RequestView): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.hasHeaders)
    for (const [lower, value] of view.headers) out[view.headerNames.get(lower) ?? lower] = value;
  return out;
}
