/**
 * Route tests: simulator requests with expected outcomes, run together, pass/fail per row.
 * Evaluation compares a SimResult with the expectation; only the fields given are checked.
 */
import type { SimRequest, SimResult } from '../matching/types.ts';
import type { RouteTest, RouteTestExpectation } from './types.ts';

export interface RouteTestOutcome {
  readonly pass: boolean;
  /** One sentence per failed check: "expected status 200, got 404". */
  readonly failures: readonly string[];
  /** No expectation given: the row shows the result only. */
  readonly unchecked: boolean;
}

/** The request part of a test, as `simulate` takes it. */
export function requestOf(test: RouteTest): SimRequest {
  const { expect: _expect, ...request } = test;
  return request;
}

export function evaluateRouteTest(test: RouteTest, result: SimResult): RouteTestOutcome {
  const expect: RouteTestExpectation = test.expect ?? {};
  const failures: string[] = [];
  if (expect.status !== undefined && expect.status !== result.status) {
    failures.push(`expected status ${expect.status}, got ${result.status ?? 'no answer'}`);
  }
  if (expect.route !== undefined) {
    const got = result.route;
    const wantNone = expect.route === 'none' || expect.route === '';
    if (wantNone ? got !== null : got === null || !refMatches(expect.route, got)) {
      failures.push(
        `expected route ${expect.route}, got ${got === null ? 'none' : `${got.namespace}/${got.name}`}`,
      );
    }
  }
  if (expect.backend !== undefined) {
    const want = expect.backend;
    const hit = result.backends.some((b) => b.probability > 0 && refMatches(want, b));
    if (!hit) {
      const got = result.backends.map((b) => `${b.namespace}/${b.name}`).join(', ') || 'none';
      failures.push(`expected backend ${want}, got ${got}`);
    }
  }
  if (expect.location !== undefined && expect.location !== (result.redirect?.location ?? null)) {
    failures.push(`expected Location ${expect.location}, got ${result.redirect?.location ?? 'no redirect'}`);
  }
  if (expect.upstreamPath !== undefined && expect.upstreamPath !== (result.upstreamRequest?.path ?? null)) {
    failures.push(
      `expected upstream path ${expect.upstreamPath}, got ${result.upstreamRequest?.path ?? 'none'}`,
    );
  }
  if (expect.grpcCode !== undefined && expect.grpcCode !== result.grpcCode) {
    failures.push(`expected gRPC ${expect.grpcCode}, got ${result.grpcCode ?? 'none'}`);
  }
  const unchecked = Object.values(expect).every((v) => v === undefined);
  return { pass: failures.length === 0, failures, unchecked };
}

/** `ns/name` or `Kind/ns/name` against a {kind, namespace, name}. */
function refMatches(want: string, got: { kind: string; namespace: string; name: string }): boolean {
  const parts = want.split('/');
  if (parts.length === 3) return parts[0] === got.kind && parts[1] === got.namespace && parts[2] === got.name;
  if (parts.length === 2) return parts[0] === got.namespace && parts[1] === got.name;
  return parts[0] === got.name;
}

/** A test's expectation from what a result did: "save this result as the expected one". */
export function expectationFrom(result: SimResult): RouteTestExpectation {
  const route = result.route === null ? 'none' : `${result.route.namespace}/${result.route.name}`;
  const base: RouteTestExpectation = result.status === null ? { route } : { status: result.status, route };
  if (result.redirect !== null) return { ...base, location: result.redirect.location };
  return base;
}
