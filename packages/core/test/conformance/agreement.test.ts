/**
 * Conformance agreement: our predicted status vs the expectations of the upstream Gateway API
 * conformance tests, transcribed in table-*.ts, run once per release folder (v1.6.1, v1.7.0).
 * Every expectation is one test; known gaps run as expected failures (they start failing loudly
 * once fixed) and pending ones (waiting on another item) are skipped with the reason. Prints the
 * agreement per release and per table.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis/types.ts';
import {
  analyzeCase,
  analyzeSteps,
  checkExpectation,
  conformanceAvailable,
  conformanceDir,
  runsOn,
} from './harness.ts';
import { BACKEND_TLS_CASES } from './table-backend-tls.ts';
import { GATEWAY_CASES } from './table-gateway.ts';
import { GATEWAY_V17_CASES } from './table-gateway-v17.ts';
import { L4_ROUTE_CASES } from './table-l4-routes.ts';
import { LISTENERSET_CASES } from './table-listenersets.ts';
import { ROUTE_CASES } from './table-routes.ts';
import { ROUTE_V17_CASES } from './table-routes-v17.ts';
import { STEP_CASES } from './table-steps.ts';
import type { ConformanceCase, Expectation, Version } from './table-types.ts';
import { VERSIONS } from './table-types.ts';

const TABLES: readonly (readonly [string, readonly ConformanceCase[]])[] = [
  ['gateway', [...GATEWAY_CASES, ...GATEWAY_V17_CASES]],
  ['routes', [...ROUTE_CASES, ...ROUTE_V17_CASES]],
  ['l4-routes', L4_ROUTE_CASES],
  ['backend-tls', BACKEND_TLS_CASES],
  ['listenersets', LISTENERSET_CASES],
  ['steps', STEP_CASES],
];

interface Tally {
  agreed: number;
  total: number;
  tests: number;
  pending: number;
}

for (const version of VERSIONS) describeVersion(version);

function describeVersion(version: Version): void {
  const available = conformanceAvailable(version);
  if (!available) {
    console.warn(
      `\n!!! Conformance manifests not found at ${conformanceDir(version)}: ${version} agreement SKIPPED.\n`,
    );
  }
  const tallies = new Map<string, Tally>();

  describe.skipIf(!available)(`conformance agreement (Gateway API ${version})`, () => {
    afterAll(() => {
      const all = [...tallies.values()].reduce(
        (a, t) => ({
          agreed: a.agreed + t.agreed,
          total: a.total + t.total,
          tests: a.tests + t.tests,
          pending: a.pending + t.pending,
        }),
        { agreed: 0, total: 0, tests: 0, pending: 0 },
      );
      const rows = [...tallies].map(
        ([table, t]) => `  ${table}: ${t.agreed}/${t.total} over ${t.tests} tests (${t.pending} pending)`,
      );
      console.log(
        `conformance agreement ${version}: ${all.agreed}/${all.total} expectations over ${all.tests} tests (${all.pending} pending)\n${rows.join('\n')}`,
      );
    });

    for (const [table, cases] of TABLES) {
      const tally: Tally = { agreed: 0, total: 0, tests: 0, pending: 0 };
      tallies.set(table, tally);
      for (const c of cases.filter((x) => runsOn(x, version))) {
        tally.tests += 1;
        describeCase(version, c, tally);
      }
    }

    it('covers the manifests the suite ships for these features', () => {
      const used = new Set(
        TABLES.flatMap(([, cases]) => cases.filter((c) => runsOn(c, version)).flatMap((c) => c.manifests)),
      );
      expect(used.size).toBeGreaterThan(version === 'v1.6.1' ? 80 : 130);
    });
  });
}

function describeCase(version: Version, c: ConformanceCase, tally: Tally): void {
  describe(c.test, () => {
    // Step 0 is the manifests as applied; step n the analysis after the n-th change.
    let analyses: Analysis[] | undefined;
    const get = (step: number): Analysis => {
      analyses ??= c.steps === undefined ? [analyzeCase(c, version)] : analyzeSteps(c, version);
      return analyses[step] as Analysis;
    };
    const check = (step: number, e: Expectation): void => {
      const problems = checkExpectation(get(step), e);
      tally.total += 1;
      if (problems.length === 0) tally.agreed += 1;
      expect(problems).toEqual([]);
    };
    c.expectations.forEach((e, i) => {
      const gap = c.knownGaps?.[i];
      const pending = c.pending?.[i];
      const name = `#${i} ${e.what} ${e.name}`;
      if (pending !== undefined) {
        tally.pending += 1;
        it.skip(`${name} (pending: ${pending})`, () => check(0, e));
      } else if (gap === undefined) it(name, () => check(0, e));
      else it.fails(`${name} (known gap): ${gap}`, () => check(0, e));
    });
    (c.steps ?? []).forEach((step, s) => {
      step.expectations.forEach((e, i) => {
        const gap = step.knownGaps?.[i];
        const name = `after step ${s + 1} (${step.change}) #${i} ${e.what} ${e.name}`;
        if (gap === undefined) it(name, () => check(s + 1, e));
        else it.fails(`${name} (known gap): ${gap}`, () => check(s + 1, e));
      });
    });
  });
}
