/**
 * The simulator against the upstream conformance suite v1.6.1: every transcribed request case
 * must give the answer the upstream test expects. Skips loudly when the manifests are absent.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR, conformanceAvailable, runCase } from './run.ts';
import { ALL_CASES } from './cases.ts';

const available = conformanceAvailable();
if (!available) console.warn(`SKIPPED: conformance manifests not found in ${CONFORMANCE_DIR}`);

describe.skipIf(!available)('upstream conformance v1.6.1 request cases', () => {
  const failures: string[] = [];
  afterAll(() => {
    const passed = ALL_CASES.length - failures.length;
    console.log(`conformance request cases: ${passed}/${ALL_CASES.length} right`);
    if (failures.length > 0) console.log(failures.join('\n'));
  });
  ALL_CASES.forEach((c, i) => {
    it(`${c.test} #${i} ${c.request.method ?? 'GET'} ${c.request.host ?? ''}${c.request.path ?? '/'}`, () => {
      const { result, problems } = runCase(c);
      if (problems.length > 0)
        failures.push(`${c.test} #${i}: ${problems.join('; ')} | ${result.explanation.join(' / ')}`);
      expect(problems).toEqual([]);
    });
  });
});
