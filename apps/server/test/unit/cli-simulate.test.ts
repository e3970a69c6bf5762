/**
 * `gatescope simulate`: in-process through runSimulate (fake IO, files on disk) for the cases,
 * and once through the real binary to prove the command is wired into `gatescope`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import type { CliIO } from '../../src/cli/inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatescope-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MANIFESTS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: gw }
spec:
  gatewayClassName: gc
  listeners: [{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: api, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /api/v2 }, headers: [{ name: X-Version, value: v2 }] }]
    backendRefs: [{ name: v2, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /old } }]
    filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, statusCode: 301 } }]
---
apiVersion: v1
kind: Service
metadata: { name: v2, namespace: app }
spec: { ports: [{ port: 8080 }] }
`;
writeFileSync(join(dir, 'm.yaml'), MANIFESTS);
writeFileSync(
  join(dir, 'reqs.jsonl'),
  [
    '{"id":1,"gateway":"gw/web","host":"a.example","path":"/api/v2/x","headers":{"x-version":"v2"}}',
    '',
    '{"id":2,"gateway":"gw/web","host":"a.example","path":"/old/page"}',
    '{"id":3,"gateway":"gw/web","host":"a.example","path":"/api/v2/x"}',
  ].join('\n'),
);

function fakeIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => stdin,
    cwd: dir,
  };
  return io;
}

describe('gatescope simulate', () => {
  it('--request prints one JSON result with the contract fields', async () => {
    const io = fakeIO();
    const code = await runSimulate(
      [
        '-f',
        'm.yaml',
        '--request',
        '{"gateway":"gw/web","host":"a.example","path":"/api/v2/x","headers":{"X-Version":"v2"}}',
      ],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(io.out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        'id',
        'status',
        'listener',
        'route',
        'rule',
        'backends',
        'redirect',
        'upstreamRequest',
        'responseHeaders',
        'mirrors',
        'explanation',
      ]),
    );
    expect(result).toMatchObject({
      id: null,
      status: 200,
      listener: 'http',
      route: { kind: 'HTTPRoute', namespace: 'app', name: 'api' },
      rule: 0,
      backends: [{ kind: 'Service', namespace: 'app', name: 'v2', port: 8080, weight: 1, probability: 1 }],
      redirect: null,
      upstreamRequest: { method: 'GET', host: 'a.example', path: '/api/v2/x' },
      mirrors: [],
    });
  });

  it('--requests FILE prints JSONL, one line per request, in order', async () => {
    const io = fakeIO();
    expect(await runSimulate(['-f', 'm.yaml', '--requests', 'reqs.jsonl'], io)).toBe(0);
    const lines = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; status: number; redirect: { location: string } | null });
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      [1, 200],
      [2, 301],
      [3, 404],
    ]);
    expect(lines[1]?.redirect?.location).toBe('https://a.example/old/page');
  });

  it('--requests - reads JSONL from stdin', async () => {
    const io = fakeIO('{"gateway":"gw/web","path":"/old"}\n');
    expect(await runSimulate(['-f', 'm.yaml', '--requests', '-'], io)).toBe(0);
    expect((JSON.parse(io.out) as { status: number }).status).toBe(301);
  });

  it('--format text is a readable trace with the near miss', async () => {
    const io = fakeIO();
    const code = await runSimulate(
      [
        '-f',
        'm.yaml',
        '--format',
        'text',
        '--request',
        '{"gateway":"gw/web","host":"a.example","path":"/api/v2/x"}',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out).toContain('Answer:  404');
    expect(io.out).toContain('would match rule 0 of HTTPRoute app/api if the header x-version were v2');
  });

  it.each([
    [['-f', 'm.yaml'], 'no request'],
    [['-f', 'm.yaml', '--request', '{"gateway":"gw/web"}', '--requests', 'reqs.jsonl'], 'not both'],
    [['-f', 'm.yaml', '--request', '{not json'], '--request: not valid JSON'],
    [['-f', 'm.yaml', '--request', '{"path":"/x"}'], '"gateway" ("namespace/name") is required'],
    [['-f', 'm.yaml', '--request', '{"gateway":"gw/web","port":"80"}'], '"port" must be an integer'],
    [['-f', 'm.yaml', '--request', '{"gateway":"gw/web","path":"x"}'], '"path" must start with "/"'],
    [
      ['-f', 'm.yaml', '--request', '{"gateway":"gw/nope"}'],
      'Gateway gw/nope is not in the input (Gateways: gw/web)',
    ],
    [['-f', 'missing.yaml', '--request', '{"gateway":"gw/web"}'], 'cannot read missing.yaml'],
    [['-f', 'm.yaml', '--requests', 'nope.jsonl'], 'cannot read nope.jsonl'],
    [['-f', 'm.yaml', '--format', 'xml', '--request', '{"gateway":"gw/web"}'], 'unknown --format "xml"'],
    [['--request', '{"gateway":"gw/web"}'], 'no input'],
  ])('bad input %j exits 2 with a clear message', async (args, message) => {
    const io = fakeIO();
    expect(await runSimulate(args, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(io.out).toBe('');
  });

  it('a bad JSONL line names the file and line', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"gateway":"gw/web"}\n{"gateway":"gw/web","method":7}\n');
    const io = fakeIO();
    expect(await runSimulate(['-f', 'm.yaml', '--requests', 'bad.jsonl'], io)).toBe(2);
    expect(io.err).toContain('bad.jsonl:2: "method" must be a string');
  });

  it('is wired into the gatescope binary', () => {
    const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/gatescope.mjs');
    const r = spawnSync(
      process.execPath,
      [bin, 'simulate', '-f', 'm.yaml', '--request', '{"gateway":"gw/web","path":"/old"}'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { status: number }).status).toBe(301);
  });
});
