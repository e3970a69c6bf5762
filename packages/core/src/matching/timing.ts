/**
 * Timeouts and retry applied to a described backend behaviour (request extension
 * `backendBehavior`), try by try on a clock. Spec (HTTPRouteTimeouts, HTTPRouteRetry in
 * apis/v1/httproute_types.go, v1.7, where `retry` is standard):
 * - `timeouts.request` bounds the whole request "initial request and any retry attempts"; when it
 *   is reached the Gateway "MUST immediately return a timeout error" (504). `"0s"` disables it.
 * - `timeouts.backendRequest` bounds one try; a try that reaches it "SHOULD be canceled ... and the
 *   Gateway SHOULD schedule the next retry attempt according to the configured backoff" (so a
 *   backend timeout is retried when a retry stanza is set; without retries it answers 504).
 * - `retry.attempts` is "the maximum number of times an individual request ... should be retried
 *   in addition to the initial request"; "If unspecified, the number of attempts MAY be an
 *   implementation-specific default, including none. An explicit zero value MUST disable
 *   retries." The simulation assumes none when unspecified and says so.
 * - `retry.codes`: the response codes that are retried. Connection failures (refused, reset
 *   before the request was processed) "SHOULD" be retried whenever a retry stanza is set.
 * - `retry.backoff`: the base interval between tries; the curve and jitter are
 *   implementation-specific, so the simulation waits exactly the base interval.
 * When the tries run out, the last backend answer is returned (a connection failure: 503).
 */
import type { SimRequest } from './types.ts';

/** A rule's retry stanza with what the simulation makes of it (built once with the tables). */
export interface EffectiveRetry {
  readonly codes: readonly number[];
  readonly attempts?: number;
  readonly backoff?: string;
  /** Extension: retries after the first try the simulation uses (attempts; unspecified: 1). */
  readonly retries: number;
  /** Extension: true when `attempts` is unspecified and the v1.7 CRD default (1) applies. */
  readonly attemptsDefaulted: boolean;
  /** Extension: connection failures and backend-request timeouts are retried too (spec SHOULD). */
  readonly retriesConnectionFailures: true;
}

/** HTTPRouteRetry.attempts when unspecified: the v1.7 CRD default. */
export const DEFAULT_RETRY_ATTEMPTS = 1;

export function effectiveRetry(retry: {
  readonly codes: readonly number[];
  readonly attempts?: number;
  readonly backoff?: string;
}): EffectiveRetry {
  return {
    codes: retry.codes,
    ...(retry.attempts !== undefined ? { attempts: retry.attempts } : {}),
    ...(retry.backoff !== undefined ? { backoff: retry.backoff } : {}),
    // Gateway API v1.7 puts retry in the standard channel and its CRD defaults `attempts` to 1
    // (+kubebuilder:default=1): a stanza without attempts retries once. 0 disables retries.
    retries: Math.max(0, retry.attempts ?? DEFAULT_RETRY_ATTEMPTS),
    attemptsDefaulted: retry.attempts === undefined,
    retriesConnectionFailures: true,
  };
}

export interface TimingRule {
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string } | undefined;
  readonly retry?: EffectiveRetry | undefined;
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

/** A timeout in ms, null when absent, invalid or "0s" (disabled). */
function limitMs(text: string | undefined): number | null {
  if (text === undefined) return null;
  const ms = durationMs(text);
  return ms === null || ms === 0 ? null : ms;
}

/** What one try gives: an HTTP status, a backend-request timeout or a failed connection. */
type Outcome = number | 'timeout' | 'connection';

/** Status for an outcome that is returned as is. */
function statusOf(o: Outcome): number {
  return o === 'timeout' ? 504 : o === 'connection' ? 503 : o;
}

function describe(o: Outcome): string {
  return o === 'timeout'
    ? 'the backend request timeout'
    : o === 'connection'
      ? 'a connection failure'
      : `${o}`;
}

/** The status after timeouts and retries, with the reasons; `status` is the forwarded status. */
export function applyTiming(
  status: number,
  rule: TimingRule,
  behavior: SimRequest['backendBehavior'],
): { status: number; notes: string[] } {
  const notes = policyNotes(rule);
  if (status !== 200 || !behavior) return { status, notes };
  const request = limitMs(rule.timeouts?.request);
  const backendRequest = limitMs(rule.timeouts?.backendRequest);
  const retry = rule.retry;
  const tries = 1 + (retry?.retries ?? 0);
  const backoff = retry?.backoff === undefined ? 0 : (durationMs(retry.backoff) ?? 0);
  const answerDelay = behavior.delay === undefined ? 0 : (durationMs(behavior.delay) ?? 0);
  const failures = behavior.failures;
  const failDelay = failures?.delay === undefined ? answerDelay : (durationMs(failures.delay) ?? 0);
  let elapsed = 0;
  for (let attempt = 1; attempt <= tries; attempt++) {
    const failing = failures !== undefined && attempt <= failures.count;
    const delay = failing ? failDelay : answerDelay;
    const answer: Outcome = failing
      ? failures.connectionError === true
        ? 'connection'
        : failures.code
      : 200;
    // Reaching a timeout is timing out: an answer never takes exactly zero time on top.
    const timedOut = backendRequest !== null && delay >= backendRequest;
    elapsed += timedOut ? backendRequest : delay;
    if (request !== null && elapsed >= request) {
      notes.push(
        `Try ${attempt} ends after ${elapsed} ms in all, past the ${request} ms request timeout: 504.`,
      );
      return { status: 504, notes };
    }
    const outcome: Outcome = timedOut ? 'timeout' : answer;
    if (outcome === 200) {
      if (attempt > 1) notes.push(`Try ${attempt} succeeds after ${elapsed} ms in all.`);
      return { status: 200, notes };
    }
    const retriable =
      retry !== undefined &&
      (outcome === 'timeout' || outcome === 'connection' || retry.codes.includes(outcome));
    if (!retriable || attempt === tries) {
      notes.push(lastNote(attempt, outcome, retriable));
      return { status: statusOf(outcome), notes };
    }
    notes.push(
      `Try ${attempt} gets ${describe(outcome)}: retried${backoff > 0 ? ` after ${backoff} ms` : ''}.`,
    );
    elapsed += backoff;
    if (request !== null && elapsed >= request) {
      notes.push(`The backoff runs past the ${request} ms request timeout: 504.`);
      return { status: 504, notes };
    }
  }
  return { status, notes };
}

function lastNote(attempt: number, outcome: Outcome, retriable: boolean): string {
  const what = describe(outcome);
  if (retriable) return `Try ${attempt} gets ${what}; no retries left: ${statusOf(outcome)}.`;
  return `Try ${attempt} gets ${what}, which is not retried: ${statusOf(outcome)}.`;
}

function policyNotes(rule: TimingRule): string[] {
  const notes: string[] = [];
  if (rule.timeouts?.request !== undefined) notes.push(`Request timeout ${rule.timeouts.request}.`);
  if (rule.timeouts?.backendRequest !== undefined)
    notes.push(`Backend request timeout ${rule.timeouts.backendRequest}.`);
  const retry = rule.retry;
  if (retry) {
    const times = retry.attemptsDefaulted
      ? `up to ${retry.retries} time(s) (attempts unspecified: the CRD default, ${DEFAULT_RETRY_ATTEMPTS})`
      : retry.retries === 0
        ? 'never (attempts: 0 disables retries)'
        : `up to ${retry.retries} time(s)`;
    const codes = retry.codes.length > 0 ? `on ${retry.codes.join(', ')}` : 'on no status code';
    notes.push(`Retry ${times} ${codes}, and on connection failures and backend request timeouts.`);
  }
  return notes;
}
