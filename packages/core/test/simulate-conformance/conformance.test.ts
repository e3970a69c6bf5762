/**
 * The simulator against the upstream conformance suites v1.6.1 and v1.7.0: every transcribed
 * request case of a version must give the answer the upstream test of that version expects.
 * Skips loudly when a version's manifests are absent.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { casesFor, conformanceAvailable, conformanceDir, runCase } from './run.ts';
import { ALL_CASES } from './cases.ts';
import { VERSIONS } from './case-types.ts';

for (const version of VERSIONS) {
  const available = conformanceAvailable(version);
  if (!available) console.warn(`SKIPPED: conformance manifests not found in ${conformanceDir(version)}`);
  const cases = casesFor(version, ALL_CASES);

  describe.skipIf(!available)(`upstream conformance ${version} request cases`, () => {
    const failures: string[] = [];
    afterAll(() => {
      const passed = cases.length - failures.length;
      const tests = new Set(cases.map((c) => c.test)).size;
      console.log(`conformance ${version} request cases: ${passed}/${cases.length} right (${tests} tests)`);
      if (failures.length > 0) console.log(failures.join('\n'));
    });
    cases.forEach((c, i) => {
      const r = c.request;
      const what =
        r.protocol === 'TCP' || r.protocol === 'UDP'
          ? `${r.protocol} :${r.port ?? ''}`
          : `${r.method ?? 'GET'} ${r.host ?? r.sni ?? ''}${r.path ?? '/'}`;
      it(`${c.test} #${i} ${what}`, () => {
        const { result, problems } = runCase(c, version);
        if (problems.length > 0)
          failures.push(`${c.test} #${i}: ${problems.join('; ')} | ${result.explanation.join(' / ')}`);
        expect(problems).toEqual([]);
      });
    });
  });
}
