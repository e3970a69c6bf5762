/**
 * Attack test for RegularExpression matches (SECURITY.md "Regular expressions"): valid RE2 with a
 * huge program, like `(?:a|aa){1000}` (~0.45 s per test on an 8 KB value), is not evaluated — the
 * analysis reports GS336-RegularExpressionTooComplex and simulate treats the match as never
 * matching — in POST /api/analyze and /api/simulate alike, and /api/healthz answers meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL, useDemoApp } from '../harness/demo-app.ts';
import { regexBombYaml } from '../attack/bombs.ts';

const server = useDemoApp();

describe('regex bombs', () => {
  it('analyze reports the too-complex pattern as GS336, a warning on its field', async () => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/analyze',
      headers: LOCAL,
      payload: { yaml: regexBombYaml(1) },
    });
    expect(res.statusCode).toBe(200);
    const diagnostics = (res.json() as { diagnostics: { code: string; severity: string; field?: string }[] })
      .diagnostics;
    const bomb = diagnostics.find((d) => d.code === 'GS336-RegularExpressionTooComplex');
    expect(bomb).toMatchObject({ severity: 'warning', field: 'spec.rules[0].matches[0].path.value' });
  }, 120_000);

  it('simulate does not evaluate it: a path the pattern would match gets no route', async () => {
    const request = { gateway: 'web/gw', host: 'rx.example.com', path: `/${'a'.repeat(1000)}` };
    const [res, health] = await Promise.all([
      server().inject({
        method: 'POST',
        url: '/api/simulate',
        headers: LOCAL,
        payload: { yaml: regexBombYaml(20), request },
      }),
      server().inject({ method: 'GET', url: '/api/healthz', headers: LOCAL }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode).toBe(200);
    const result = res.json() as { status: number; route: unknown };
    // Valid RE2 that matches this path: before the bound it routed here (status 200).
    expect(result.route).toBeNull();
    expect(result.status).toBe(404);
  }, 120_000);
});
