import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '@gatescope/core/analysis/analyze';
import { loadManifests } from '@gatescope/core/model/load';
import type { SimResult } from '@gatescope/core/matching/index';
import { explainingDiagnostics } from './why.ts';

const DEMO = readFileSync(new URL('../../../../public/scenarios/demo.yaml', import.meta.url), 'utf8');
const analysis = analyze(loadManifests([{ name: 'demo.yaml', text: DEMO }]).snapshot);

function answer(status: number | null, route: SimResult['route']): SimResult {
  return { status, route } as SimResult;
}

describe('explainingDiagnostics', () => {
  it('explains a 500 by the errors on the matched route', () => {
    const route = { kind: 'HTTPRoute', namespace: 'billing', name: 'invoices' };
    const why = explainingDiagnostics(analysis, { gateway: 'infra/public' }, answer(500, route));
    expect(why.length).toBeGreaterThan(0);
    expect(why.every((d) => d.object.name === 'invoices')).toBe(true);
    expect(why.some((d) => d.code.includes('BackendRefNotPermitted'))).toBe(true);
  });

  it('explains a 404 by the errors on the routes that name the Gateway', () => {
    const why = explainingDiagnostics(analysis, { gateway: 'infra/public' }, answer(404, null));
    expect(why.some((d) => d.object.name === 'promo')).toBe(true);
  });

  it('explains nothing for a 200', () => {
    const route = { kind: 'HTTPRoute', namespace: 'billing', name: 'invoices' };
    expect(explainingDiagnostics(analysis, { gateway: 'infra/public' }, answer(200, route))).toEqual([]);
  });
});
