/**
 * The generated Gateway API objects are valid for our own analysis: with the referenced
 * Services and Secrets present, nothing is reported, and requests route like the Ingress did.
 * The input is the example the import dialog offers.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { convertIngressYaml } from '../../src/ingress/convert.ts';
import { INGRESS_EXAMPLE } from '../../src/ingress/example.ts';
import { compileRouteTables, simulate } from '../../src/matching/index.ts';
import { loadManifests } from '../../src/model/load.ts';

const INPUT = INGRESS_EXAMPLE;

const SUPPORT = ['api', 'api-next']
  .map(
    (n) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${n}, namespace: shop}\nspec: {ports: [{port: 8080}]}\n`,
  )
  .concat(
    'apiVersion: v1\nkind: Secret\nmetadata: {name: shop-tls, namespace: shop}\ntype: kubernetes.io/tls\n',
  )
  .join('---\n');

describe('converted Ingress, analysed', () => {
  const converted = convertIngressYaml(INPUT);
  const { snapshot, diagnostics } = loadManifests([
    { name: 'converted.yaml', text: converted.yaml },
    { name: 'support.yaml', text: SUPPORT },
  ]);
  const analysis = analyze(snapshot);

  it('loads and analyses without problems', () => {
    expect(diagnostics).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('routes like the Ingress: HTTPS strips the prefix and splits 80/20; HTTP redirects', () => {
    const tables = compileRouteTables(analysis);
    const https = simulate(tables, {
      gateway: 'shop/nginx',
      protocol: 'HTTPS',
      port: 443,
      host: 'shop.example.com',
      path: '/api/orders?x=1',
    });
    expect(https.status).toBe(200);
    expect(https.upstreamRequest?.path).toBe('/orders?x=1');
    expect(https.backends.map((b) => [b.name, b.probability])).toEqual([
      ['api', 0.8],
      ['api-next', 0.2],
    ]);
    const http = simulate(tables, {
      gateway: 'shop/nginx',
      port: 80,
      host: 'shop.example.com',
      path: '/api/x',
    });
    expect(http.status).toBe(308);
    expect(http.redirect?.location).toBe('https://shop.example.com/api/x');
  });
});
