/**
 * The step harness really changes what it analyses: the expectations after a step would fail on
 * the analysis before it (and the other way round), and the API server's generation bump is
 * reproduced.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSteps, checkExpectation, conformanceAvailable, runsOn } from './harness.ts';
import { BACKEND_TLS_CASES } from './table-backend-tls.ts';
import { GATEWAY_V17_CASES } from './table-gateway-v17.ts';
import { L4_ROUTE_CASES } from './table-l4-routes.ts';
import { ROUTE_V17_CASES } from './table-routes-v17.ts';
import { STEP_CASES } from './table-steps.ts';
import type { ConformanceCase } from './table-types.ts';

function byTest(name: string) {
  const c = STEP_CASES.find((x) => x.test === name && runsOn(x, 'v1.6.1'));
  if (c === undefined) throw new Error(name);
  return c;
}

describe.skipIf(!conformanceAvailable())('conformance steps harness', () => {
  it('GatewayModifyListeners: a step expectation fails before its change is applied', () => {
    const c = byTest('GatewayModifyListeners');
    const [before, afterAdd, afterRemove] = analyzeSteps(c);
    const addExpectation = c.steps?.[0]?.expectations[0];
    const removeExpectation = c.steps?.[1]?.expectations[0];
    if (before === undefined || afterAdd === undefined || afterRemove === undefined) throw new Error('steps');
    if (addExpectation === undefined || removeExpectation === undefined) throw new Error('expectations');
    expect(checkExpectation(before, addExpectation)).not.toEqual([]);
    expect(checkExpectation(afterAdd, addExpectation)).toEqual([]);
    expect(checkExpectation(afterAdd, removeExpectation)).not.toEqual([]);
    expect(checkExpectation(afterRemove, removeExpectation)).toEqual([]);
  });

  it('bumps metadata.generation and stamps it on every predicted condition', () => {
    const c = byTest('HTTPRouteObservedGenerationBump');
    const analyses = analyzeSteps(c);
    const generations = analyses.map((a) => {
      const route = a.snapshot.objects.find(
        (o) => o.kind === 'HTTPRoute' && o.meta.name === 'observed-generation-bump',
      );
      const status = route === undefined ? undefined : a.predicted.get(route.key);
      const observed =
        status?.kind === 'Route'
          ? status.parents.flatMap((p) => p.conditions.map((x) => x.observedGeneration))
          : [];
      return { generation: route?.meta.generation, observed: [...new Set(observed)] };
    });
    expect(generations).toEqual([
      { generation: 1, observed: [1] },
      { generation: 2, observed: [2] },
    ]);
  });

  it('GatewayClassSupportedVersionCondition: the condition follows the CRD annotation', () => {
    const c = byTest('GatewayClassSupportedVersionCondition');
    const statuses = analyzeSteps(c).map((a) => {
      const gc = a.snapshot.objects.find((o) => o.kind === 'GatewayClass');
      const status = gc === undefined ? undefined : a.predicted.get(gc.key);
      return status?.kind === 'GatewayClass'
        ? status.conditions.find((x) => x.type === 'SupportedVersion')?.reason
        : undefined;
    });
    expect(statuses).toEqual([
      'SupportedVersion',
      'UnsupportedVersion',
      'SupportedVersion',
      'UnsupportedVersion',
      'SupportedVersion',
    ]);
  });
});

describe.skipIf(!conformanceAvailable('v1.7.0'))('conformance steps harness (v1.7.0 steps)', () => {
  const find = (cases: readonly ConformanceCase[], name: string): ConformanceCase => {
    const c = cases.find((x) => x.test === name);
    if (c === undefined) throw new Error(name);
    return c;
  };

  /** The step's first expectation fails on the analysis before the step and holds after it. */
  function flips(c: ConformanceCase): void {
    const [before, after] = analyzeSteps(c, 'v1.7.0');
    const e = c.steps?.[0]?.expectations[0];
    if (before === undefined || after === undefined || e === undefined) throw new Error(c.test);
    expect(checkExpectation(before, e)).not.toEqual([]);
    expect(checkExpectation(after, e)).toEqual([]);
  }

  it('a deleted ReferenceGrant is gone from the analysis (TCPRouteReferenceGrant)', () => {
    flips(find(L4_ROUTE_CASES, 'TCPRouteReferenceGrant'));
  });

  it('seeded foreign status reaches the analysis (preserve-foreign tests)', () => {
    flips(find(ROUTE_V17_CASES, 'HTTPRoutePreserveForeignStatus'));
    flips(find(GATEWAY_V17_CASES, 'GatewayPreserveForeignConditions'));
    flips(find(BACKEND_TLS_CASES, 'BackendTLSPolicyPreserveForeignStatus'));
  });
});
