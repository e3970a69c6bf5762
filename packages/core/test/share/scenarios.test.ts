/**
 * The built-in scenarios (public/scenarios) are our own YAML: each must load without parse
 * problems, show the failures its description promises, and pass its own route tests.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileRouteTables, simulate } from '../../src/matching/index.ts';
import { loadManifests } from '../../src/model/load.ts';
import { routeTestSchema } from '../../src/share/schema.ts';
import { evaluateRouteTest, requestOf } from '../../src/share/route-tests.ts';
import type { RouteTest } from '../../src/share/types.ts';

const DIR = resolve(import.meta.dirname, '../../../../public/scenarios');

interface Entry {
  id: string;
  title: string;
  description: string;
  file: string;
  tests?: RouteTest[];
}

const index = JSON.parse(readFileSync(join(DIR, 'scenarios.json'), 'utf8')) as { scenarios: Entry[] };

function load(file: string): ReturnType<typeof analyze> & { parse: number } {
  const { snapshot, diagnostics } = loadManifests([
    { name: file, text: readFileSync(join(DIR, file), 'utf8') },
  ]);
  return { ...analyze(snapshot), parse: diagnostics.length };
}

function codes(file: string): string[] {
  return load(file).diagnostics.map(
    (d) => `${d.code.replace(/^GS\d+-/, '')} ${d.object.kind}/${d.object.name}`,
  );
}

describe('built-in scenarios', () => {
  it('has the scenarios the sandbox offers, demo first', () => {
    expect(index.scenarios[0]?.id).toBe('demo');
    expect(index.scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'shared-gateway-selector',
        'cross-namespace-grant',
        'canary',
        'header-query-routing',
        'https-redirect',
        'url-rewrite',
        'request-mirror',
        'multicluster-blend',
        'grpcroute',
        'tls-passthrough',
        'broken-cluster',
      ]),
    );
  });

  for (const scenario of index.scenarios) {
    it(`${scenario.id}: loads cleanly and passes its route tests`, () => {
      const analysis = load(scenario.file);
      expect(analysis.parse).toBe(0);
      const tables = compileRouteTables(analysis);
      for (const test of scenario.tests ?? []) {
        expect(routeTestSchema.safeParse(test).success).toBe(true);
        const outcome = evaluateRouteTest(test, simulate(tables, requestOf(test)));
        expect(outcome.failures, `${scenario.id}/${String(test.id)}`).toEqual([]);
      }
    });
  }

  it('healthy scenarios have no error diagnostics', () => {
    for (const file of [
      'canary.yaml',
      'header-query-routing.yaml',
      'https-redirect.yaml',
      'url-rewrite.yaml',
      'request-mirror.yaml',
      'multicluster-blend.yaml',
      'grpcroute.yaml',
      'tls-passthrough.yaml',
    ]) {
      const errors = load(file).diagnostics.filter((d) => d.severity === 'error');
      expect(
        errors.map((d) => d.code),
        file,
      ).toEqual([]);
    }
  });

  it('demo: a missing ReferenceGrant and a route with no hostname intersection, nothing else broken', () => {
    const found = codes('demo.yaml');
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/NotPermitted HTTPRoute\/invoices/),
        expect.stringMatching(/Hostname HTTPRoute\/promo/),
      ]),
    );
    expect(load('demo.yaml').diagnostics.filter((d) => d.severity === 'error')).toHaveLength(2);
  });

  it('shared gateway and cross-namespace scenarios fail exactly where their comments say', () => {
    expect(codes('shared-gateway-selector.yaml')).toEqual(['RouteNamespaceNotAllowed HTTPRoute/experiments']);
    expect(codes('cross-namespace-grant.yaml')).toEqual([
      expect.stringMatching(/NotPermitted HTTPRoute\/reports$/),
    ]);
  });

  it('broken cluster: a different failure on each broken object', () => {
    expect(new Set(codes('broken-cluster.yaml'))).toEqual(
      new Set([
        'ListenerProtocolConflict Gateway/edge',
        'ListenerCertificateRefNotPermitted Gateway/edge',
        // Sandbox input is files, not a cluster: absent objects are "not in the input" (info).
        'GatewayClassNotInInput Gateway/orphan',
        'BackendNotInInput HTTPRoute/missing-backend',
        'RouteNoMatchingSection HTTPRoute/typo-section',
        'RouteNoMatchingListenerHostname HTTPRoute/wrong-host',
        'BackendPortInvalid HTTPRoute/wrong-port',
        'RouteKindNotAllowed TCPRoute/tcp-on-http',
        'AllBackendWeightsZero HTTPRoute/all-zero',
      ]),
    );
  });
});
