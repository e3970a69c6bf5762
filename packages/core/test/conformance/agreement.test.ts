/**
 * Conformance agreement: our predicted status vs the expectations of the upstream Gateway API
 * v1.6.1 conformance tests, transcribed in table-*.ts. Every expectation is one test; known gaps
 * run as expected failures (they start failing loudly once fixed). Prints the agreement rate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis/types.ts';
import {
  CONFORMANCE_DIR,
  analyzeCase,
  analyzeSteps,
  checkExpectation,
  conformanceAvailable,
} from './harness.ts';
import { GATEWAY_CASES } from './table-gateway.ts';
import { LISTENERSET_CASES } from './table-listenersets.ts';
import { ROUTE_CASES } from './table-routes.ts';
import { STEP_CASES } from './table-steps.ts';
import type { Expectation } from './table-types.ts';

const CASES = [...GATEWAY_CASES, ...ROUTE_CASES, ...LISTENERSET_CASES, ...STEP_CASES];
const available = conformanceAvailable();
let agreed = 0;
let total = 0;

if (!available) {
  console.warn(`\n!!! Conformance manifests not found at ${CONFORMANCE_DIR}: agreement test SKIPPED.\n`);
}

describe.skipIf(!available)('conformance agreement (Gateway API v1.6.1)', () => {
  afterAll(() => {
    console.log(`conformance agreement: ${agreed}/${total} expectations over ${CASES.length} tests`);
  });

  for (const c of CASES) {
    describe(c.test, () => {
      // Step 0 is the manifests as applied; step n the analysis after the n-th change.
      let analyses: Analysis[] | undefined;
      const get = (step: number): Analysis => {
        analyses ??= c.steps === undefined ? [analyzeCase(c)] : analyzeSteps(c);
        return analyses[step] as Analysis;
      };
      const check = (step: number, e: Expectation): void => {
        const problems = checkExpectation(get(step), e);
        total += 1;
        if (problems.length === 0) agreed += 1;
        expect(problems).toEqual([]);
      };
      c.expectations.forEach((e, i) => {
        const gap = c.knownGaps?.[i];
        const name = `#${i} ${e.what} ${e.name}${gap === undefined ? '' : ' (known gap)'}`;
        if (gap === undefined) it(name, () => check(0, e));
        else it.fails(`${name}: ${gap}`, () => check(0, e));
      });
      (c.steps ?? []).forEach((step, s) => {
        step.expectations.forEach((e, i) => {
          it(`after step ${s + 1} (${step.change}) #${i} ${e.what} ${e.name}`, () => check(s + 1, e));
        });
      });
    });
  }

  it('covers every manifest the suite ships for these features', () => {
    const used = new Set(CASES.flatMap((c) => c.manifests));
    expect(used.size).toBeGreaterThan(80);
  });
});
