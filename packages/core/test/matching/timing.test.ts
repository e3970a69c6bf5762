/**
 * timing.ts: retry and timeouts try by try (spec: HTTPRouteRetry / HTTPRouteTimeouts, v1.7).
 * Each row names the spec sentence it checks.
 */
import { describe, expect, it } from 'vitest';
import { applyTiming, effectiveRetry } from '../../src/matching/timing.ts';
import type { TimingRule } from '../../src/matching/timing.ts';
import type { SimBackendBehavior } from '../../src/matching/types.ts';

const rule = (
  retry?: { codes: number[]; attempts?: number; backoff?: string },
  timeouts?: { request?: string; backendRequest?: string },
): TimingRule => ({
  ...(retry ? { retry: effectiveRetry(retry) } : {}),
  ...(timeouts ? { timeouts } : {}),
});

const fails = (code: number, count: number, delay?: string): SimBackendBehavior => ({
  failures: { code, count, ...(delay !== undefined ? { delay } : {}) },
});

describe('effective retry policy', () => {
  it('attempts unspecified: the v1.7 CRD default, one retry', () => {
    expect(effectiveRetry({ codes: [500] })).toEqual({
      codes: [500],
      retries: 1,
      attemptsDefaulted: true,
      retriesConnectionFailures: true,
    });
  });
  it('attempts is the number of retries in addition to the first try', () => {
    expect(effectiveRetry({ codes: [], attempts: 3, backoff: '10ms' })).toMatchObject({
      attempts: 3,
      backoff: '10ms',
      retries: 3,
      attemptsDefaulted: false,
    });
  });
});

describe('applyTiming', () => {
  const cases: { name: string; rule: TimingRule; behavior: SimBackendBehavior; status: number }[] = [
    {
      name: 'retried code, enough tries',
      rule: rule({ codes: [500], attempts: 3 }),
      behavior: fails(500, 3),
      status: 200,
    },
    {
      name: 'retried code, tries run out: last answer',
      rule: rule({ codes: [500], attempts: 3 }),
      behavior: fails(500, 4),
      status: 500,
    },
    {
      name: 'code not in codes is not retried',
      rule: rule({ codes: [500], attempts: 3 }),
      behavior: fails(503, 1),
      status: 503,
    },
    {
      name: 'explicit attempts 0 disables retries',
      rule: rule({ codes: [500, 502, 503, 504], attempts: 0 }),
      behavior: fails(500, 1),
      status: 500,
    },
    {
      name: 'attempts unspecified: one retry (CRD default) recovers from one failure',
      rule: rule({ codes: [500] }),
      behavior: fails(500, 1),
      status: 200,
    },
    {
      name: 'attempts unspecified: one retry (CRD default) is not enough for two failures',
      rule: rule({ codes: [500] }),
      behavior: fails(500, 2),
      status: 500,
    },
    {
      name: 'connection failure is retried with any retry stanza (no codes)',
      rule: rule({ codes: [], attempts: 1 }),
      behavior: { failures: { code: 0, count: 1, connectionError: true } },
      status: 200,
    },
    {
      name: 'connection failure without retry: 503',
      rule: rule(),
      behavior: { failures: { code: 0, count: 1, connectionError: true } },
      status: 503,
    },
    {
      name: 'backend request timeout is retried; the next try succeeds',
      rule: rule({ codes: [500], attempts: 3 }, { backendRequest: '500ms', request: '15s' }),
      behavior: fails(500, 2, '1s'),
      status: 200,
    },
    {
      name: 'every try (1 + 3 retries) times out on the backend request timeout: 504',
      rule: rule({ codes: [500], attempts: 3 }, { backendRequest: '500ms', request: '15s' }),
      behavior: fails(500, 4, '1s'),
      status: 504,
    },
    {
      name: 'fast failing tries fit in the request timeout',
      rule: rule({ codes: [500], attempts: 5 }, { request: '500ms' }),
      behavior: fails(500, 4, '100ms'),
      status: 200,
    },
    {
      name: 'attempts x delay past the request timeout: 504',
      rule: rule({ codes: [500], attempts: 5 }, { request: '500ms' }),
      behavior: fails(500, 4, '200ms'),
      status: 504,
    },
    {
      name: 'backend timeouts are retried without any code (a retry stanza is enough)',
      rule: rule({ codes: [], attempts: 2 }, { backendRequest: '200ms' }),
      behavior: fails(500, 2, '1s'),
      status: 200,
    },
    {
      name: 'reaching the request timeout exactly is a timeout',
      rule: rule({ codes: [500], attempts: 5 }, { request: '400ms' }),
      behavior: fails(500, 4, '100ms'),
      status: 504,
    },
    {
      name: 'backoff counts against the request timeout',
      rule: rule({ codes: [500], attempts: 5, backoff: '200ms' }, { request: '500ms' }),
      behavior: fails(500, 3),
      status: 504,
    },
    {
      name: 'request timeout "0s" disables it',
      rule: rule(undefined, { request: '0s' }),
      behavior: { delay: '1s' },
      status: 200,
    },
    {
      name: 'slow answer past the request timeout: 504',
      rule: rule(undefined, { request: '500ms' }),
      behavior: { delay: '1s' },
      status: 504,
    },
  ];
  it.each(cases)('$name', ({ rule: r, behavior, status }) => {
    expect(applyTiming(200, r, behavior).status).toBe(status);
  });

  it('a status that is not forwarded (e.g. 500 of invalid backends) is kept', () => {
    expect(applyTiming(500, rule({ codes: [500], attempts: 3 }), fails(500, 1)).status).toBe(500);
  });

  it('says what it assumed when attempts is unspecified', () => {
    const { notes } = applyTiming(200, rule({ codes: [500] }), fails(500, 1));
    expect(notes.join(' ')).toMatch(/up to 1 time\(s\) \(attempts unspecified: the CRD default, 1\)/);
  });
});
