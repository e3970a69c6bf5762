/**
 * Timeouts and retry applied to a described backend behaviour (request extension
 * `backendBehavior`). Spec (HTTPRouteTimeouts, HTTPRouteRetry in apis/v1/httproute_types.go):
 * - `request` bounds the whole request, `backendRequest` one try to the backend; "0s" disables;
 *   a timeout answers 504;
 * - `retry.attempts` is the number of retries after the first try, for responses whose code is in
 *   `retry.codes`; when the tries run out the last backend answer is returned.
 */
import type { SimRequest } from './types.ts';

export interface TimingRule {
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string } | undefined;
  readonly retry?:
    | {
        readonly codes: readonly number[];
        readonly attempts?: number;
        readonly backoff?: string;
      }
    | undefined;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Gateway API Duration (GEP-2257 subset: h, m, s, ms) in milliseconds; null when invalid. */
export function durationMs(text: string): number | null {
  const re = /(\d+)(ms|h|m|s)/gy;
  let total = 0;
  let seen = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 0);
    seen = re.lastIndex;
  }
  return seen === text.length && text !== '' ? total : null;
}

/** The status after timeouts and retries, with the reasons; `status` is the forwarded status. */
export function applyTiming(
  status: number,
  rule: TimingRule,
  behavior: SimRequest['backendBehavior'],
): { status: number; notes: string[] } {
  const notes: string[] = [];
  if (rule.timeouts?.request !== undefined) notes.push(`Request timeout ${rule.timeouts.request}.`);
  if (rule.timeouts?.backendRequest !== undefined)
    notes.push(`Backend request timeout ${rule.timeouts.backendRequest}.`);
  if (rule.retry) {
    notes.push(
      `Retry up to ${rule.retry.attempts ?? 'an implementation-specific number of'} times on ${rule.retry.codes.join(', ') || 'implementation-specific codes'}.`,
    );
  }
  if (status !== 200 || !behavior) return { status, notes };
  const delay = behavior.delay === undefined ? 0 : (durationMs(behavior.delay) ?? 0);
  const limit = activeTimeout(rule);
  if (limit !== null && delay > limit) {
    notes.push(`The backend answers after ${behavior.delay}, later than the ${limit} ms timeout: 504.`);
    return { status: 504, notes };
  }
  const failures = behavior.failures;
  if (!failures || failures.count <= 0) return { status, notes };
  const retriable = rule.retry?.codes.includes(failures.code) ?? false;
  const tries = 1 + (retriable ? (rule.retry?.attempts ?? 0) : 0);
  if (failures.count < tries) {
    notes.push(
      `The backend fails ${failures.count}× with ${failures.code}; retried, try ${failures.count + 1} succeeds.`,
    );
    return { status, notes };
  }
  notes.push(
    retriable
      ? `The backend fails ${failures.count}× with ${failures.code}; ${tries} tries are not enough: ${failures.code}.`
      : `The backend answers ${failures.code}, which is not retried: ${failures.code}.`,
  );
  return { status: failures.code, notes };
}

function activeTimeout(rule: TimingRule): number | null {
  const values = [rule.timeouts?.request, rule.timeouts?.backendRequest]
    .map((t) => (t === undefined ? null : durationMs(t)))
    .filter((ms): ms is number => ms !== null && ms > 0);
  return values.length > 0 ? Math.min(...values) : null;
}
