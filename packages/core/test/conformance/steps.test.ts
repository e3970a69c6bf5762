/**
 * The step harness really changes what it analyses: the expectations after a step would fail on
 * the analysis before it (and the other way round), and the API server's generation bump is
 * reproduced.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSteps, checkExpectation, conformanceAvailable, runsOn } from './harness.ts';
import { STEP_CASES } from './table-steps.ts';

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
