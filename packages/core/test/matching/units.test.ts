/** The small pure pieces: hostnames, bounded regex, path modifiers, durations, request validation. */
import { describe, expect, it } from 'vitest';
import {
  candidatePatterns,
  hostnameMatches,
  intersectHostnames,
  parseHost,
} from '../../src/matching/hostname.ts';
import { compileRegex, MAX_INPUT_LENGTH } from '../../src/matching/regex.ts';
import { modifyPath } from '../../src/matching/filters.ts';
import { durationMs } from '../../src/matching/timing.ts';
import { parseSimRequest } from '../../src/matching/request-schema.ts';

describe('hostnames (spec: Hostname, Listener.hostname, HTTPRoute.spec.hostnames)', () => {
  it.each([
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', 'foo.bar.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.Example.com', 'a.example.com', true],
    ['foo.example.com', 'foo.example.com', true],
    ['foo.example.com', 'bar.example.com', false],
  ])('%s matches %s: %s', (pattern, host, want) => {
    expect(hostnameMatches(pattern, host)).toBe(want);
  });

  it.each([
    ['test.example.com', '*.example.com', 'test.example.com'],
    ['*.example.com', 'foo.test.example.com', 'foo.test.example.com'],
    ['*.example.com', '*.foo.example.com', '*.foo.example.com'],
    ['*.example.com', 'example.com', null],
    ['*.example.com', 'test.example.net', null],
    ['a.example.com', 'b.example.com', null],
  ])('intersect(%s, %s) = %s', (a, b, want) => {
    expect(intersectHostnames(a, b)).toBe(want);
    expect(intersectHostnames(b, a)).toBe(want);
  });

  it.each([
    ['very.specific.com:1234', 'very.specific.com', 1234],
    ['Very.Specific.COM', 'very.specific.com', null],
    ['10.0.0.1:80', null, 80],
    ['[2001:db8::1]:8080', null, 8080],
    ['2001:db8::1', null, null],
    ['', null, null],
  ])('parseHost(%s): port ignored, IPs are no hostname', (raw, name, port) => {
    const h = parseHost(raw);
    expect([h.name, h.port]).toEqual([name, port]);
  });

  it('candidate patterns go from the name to the shortest wildcard', () => {
    expect(candidatePatterns('a.b.example.com')).toEqual([
      'a.b.example.com',
      '*.b.example.com',
      '*.example.com',
      '*.com',
    ]);
  });
});

describe('bounded regular expressions (RE2 semantics)', () => {
  it('matches the whole input', () => {
    const re = compileRegex('/v[0-9]+');
    expect(re.ok && re.test('/v12')).toBe(true);
    expect(re.ok && re.test('/v12/x')).toBe(false);
  });
  it('an invalid or non-RE2 pattern is reported, not thrown', () => {
    const bad = compileRegex('(a');
    expect(bad.ok).toBe(false);
    const backref = compileRegex('(a)\\1');
    expect(backref.ok).toBe(false);
    if (!backref.ok) expect(backref.error).toMatch(/escape|backreference|invalid/i);
  });
  it('a catastrophic-backtracking pattern runs in linear time and inputs are capped', () => {
    const re = compileRegex('(a+)+$');
    expect(re.ok).toBe(true);
    if (!re.ok) return;
    expect(re.test(`${'a'.repeat(5000)}b`)).toBe(false);
    expect(re.test('a'.repeat(MAX_INPUT_LENGTH + 1))).toBe(false);
  });
});

describe('ReplacePrefixMatch (the table in the HTTPPathModifier Go doc)', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
  ])('%s with prefix %s replaced by "%s" → %s', (path, prefix, value, want) => {
    expect(modifyPath(path, { type: 'ReplacePrefixMatch', value }, prefix)).toBe(want);
  });
});

describe('durations (GEP-2257)', () => {
  it.each([
    ['1s', 1000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['0s', 0],
    ['1.5s', null],
    ['10', null],
  ])('%s = %s ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });
});

describe('request validation', () => {
  it('accepts a full request', () => {
    const r = parseSimRequest({
      id: 'a',
      gateway: 'ns/gw',
      port: 443,
      protocol: 'HTTPS',
      sni: 'a.example',
      host: 'a.example:443',
      method: 'POST',
      path: '/x?y=1',
      headers: { a: 'b' },
      backendResponseHeaders: { c: 'd' },
    });
    expect(r.ok).toBe(true);
  });
  it.each([
    [null, 'must be a JSON object'],
    [{ gateway: 'gw' }, '"gateway" must be "namespace/name"'],
    [{ gateway: 'a/b', protocol: 'QUIC' }, '"protocol" must be one of'],
    [{ gateway: 'a/b', headers: { a: 1 } }, '"headers" must be an object of string values'],
    [{ gateway: 'a/b', grpc: { service: 's' } }, '"grpc" must be'],
    [{ gateway: 'a/b', hots: 'x' }, 'unknown field(s): hots'],
  ])('rejects %j', (value, message) => {
    const r = parseSimRequest(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
