import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveHostnames,
  hostnameSetsIntersect,
  intersectHostname,
} from '../../src/analysis/hostnames.ts';

describe('intersectHostname (spec: HTTPRoute.spec.hostnames examples)', () => {
  it.each([
    ['test.example.com', 'test.example.com', 'test.example.com'],
    ['test.example.com', '*.example.com', 'test.example.com'],
    ['*.example.com', 'foo.test.example.com', 'foo.test.example.com'],
    ['*.example.com', '*.foo.example.com', '*.foo.example.com'],
    ['*.example.com', 'example.com', null],
    ['*.example.com', 'test.example.net', null],
    ['a.example.com', 'b.example.com', null],
    ['Shop.Example.com', 'shop.example.COM', 'shop.example.com'],
  ])('%s ∩ %s = %s', (a, b, want) => {
    expect(intersectHostname(a, b)).toBe(want);
  });

  it('is symmetric', () => {
    const label = fc.constantFrom('a', 'b', 'example', 'com', 'x1');
    const host = fc
      .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 4 }))
      .map(([wild, labels]) => `${wild ? '*.' : ''}${labels.join('.')}`);
    fc.assert(fc.property(host, host, (a, b) => intersectHostname(a, b) === intersectHostname(b, a)));
  });
});

describe('effectiveHostnames', () => {
  it('route without hostnames takes the listener hostname', () => {
    expect(effectiveHostnames('shop.example.com', [])).toEqual(['shop.example.com']);
    expect(effectiveHostnames(undefined, [])).toEqual([]);
  });
  it('keeps only intersecting route hostnames, narrowed', () => {
    expect(
      effectiveHostnames('*.example.com', ['a.example.com', 'b.example.net', '*.shop.example.com']),
    ).toEqual(['*.shop.example.com', 'a.example.com']);
  });
  it('null when nothing intersects', () => {
    expect(effectiveHostnames('*.example.com', ['example.com'])).toBeNull();
  });
  it('set intersection treats [] as any host', () => {
    expect(hostnameSetsIntersect([], ['a.example.com'])).toBe(true);
    expect(hostnameSetsIntersect(['*.example.com'], ['a.example.com'])).toBe(true);
    expect(hostnameSetsIntersect(['a.example.com'], ['b.example.com'])).toBe(false);
  });
});
