import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../src/matching/types.ts';
import { evaluateRouteTest, expectationFrom, requestOf } from '../../src/share/route-tests.ts';

const forwarded: SimResult = {
  id: 't1',
  status: 200,
  listener: 'https',
  route: { kind: 'HTTPRoute', namespace: 'shop', name: 'storefront' },
  rule: 0,
  backends: [
    { kind: 'Service', namespace: 'shop', name: 'v1', port: 8080, weight: 90, probability: 0.9, valid: true },
    { kind: 'Service', namespace: 'shop', name: 'v2', port: 8080, weight: 0, probability: 0, valid: true },
  ],
  redirect: null,
  upstreamRequest: { method: 'GET', host: 'www.example.com', path: '/x', headers: {} },
  responseHeaders: null,
  mirrors: [],
  explanation: [],
};

describe('route tests', () => {
  it('passes when every given expectation holds', () => {
    const outcome = evaluateRouteTest(
      {
        gateway: 'infra/public',
        expect: { status: 200, route: 'HTTPRoute/shop/storefront', backend: 'shop/v1', upstreamPath: '/x' },
      },
      forwarded,
    );
    expect(outcome).toEqual({ pass: true, failures: [], unchecked: false });
  });

  it('fails with one readable reason per broken expectation', () => {
    const outcome = evaluateRouteTest(
      { gateway: 'infra/public', expect: { status: 404, route: 'shop/other', backend: 'shop/v2' } },
      forwarded,
    );
    expect(outcome.pass).toBe(false);
    expect(outcome.failures).toEqual([
      'expected status 404, got 200',
      'expected route shop/other, got shop/storefront',
      'expected backend shop/v2, got shop/v1, shop/v2',
    ]);
  });

  it('treats "none" as no matching route', () => {
    const notFound: SimResult = { ...forwarded, status: 404, route: null, rule: null, backends: [] };
    expect(evaluateRouteTest({ gateway: 'a/b', expect: { route: 'none', status: 404 } }, notFound).pass).toBe(
      true,
    );
    expect(evaluateRouteTest({ gateway: 'a/b', expect: { route: 'none' } }, forwarded).pass).toBe(false);
  });

  it('marks tests without expectations as unchecked and strips expect from the request', () => {
    expect(evaluateRouteTest({ gateway: 'a/b' }, forwarded).unchecked).toBe(true);
    expect(requestOf({ gateway: 'a/b', path: '/', expect: { status: 200 } })).toEqual({
      gateway: 'a/b',
      path: '/',
    });
  });

  it('derives an expectation from a result', () => {
    expect(expectationFrom(forwarded)).toEqual({ status: 200, route: 'shop/storefront' });
  });
});
