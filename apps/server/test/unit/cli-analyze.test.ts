/**
 * `gatescope analyze` as a user runs it: the real binary in a child process, files on disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/gatescope.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gatescope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{port: 8080}]}
`;
const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules: [{backendRefs: [{name: svc, port: 8080}]}]
`;
const CROSS_NS_ROUTE = ROUTE.replace('{name: svc, port: 8080}', '{name: svc, namespace: other, port: 8080}');

mkdirSync(join(dir, 'good/nested'), { recursive: true });
writeFileSync(join(dir, 'good/base.yaml'), GOOD);
writeFileSync(join(dir, 'good/nested/route.yml'), ROUTE);
writeFileSync(join(dir, 'good/nested/notes.txt'), 'not a manifest: {');
// The target Service is in the input: without a ReferenceGrant that is a real error (a target
// that is only absent from the input would be BackendNotInInput, info).
const OTHER_SVC = GOOD.slice(GOOD.indexOf('apiVersion: v1')).replace('namespace: app', 'namespace: other');
writeFileSync(join(dir, 'bad.yaml'), `${GOOD}---\n${CROSS_NS_ROUTE}---\n${OTHER_SVC}`);
writeFileSync(join(dir, 'broken.yaml'), 'kind: Gateway\nmetadata: {name: [unclosed\n');

describe('gatescope analyze', () => {
  it('exit 0 for a clean directory, read recursively (only *.yaml|*.yml|*.json)', () => {
    const r = cli(['analyze', '-f', 'good', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      objects: { kind: string; metadata: unknown; status: Record<string, unknown> }[];
      diagnostics: unknown[];
    };
    expect(out.diagnostics).toEqual([]);
    const route = out.objects.find((o) => o.kind === 'HTTPRoute');
    expect(route?.metadata).toEqual({ namespace: 'app', name: 'r' });
    expect(route?.status).toEqual({
      parents: [
        {
          parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra', name: 'gw' },
          controllerName: 'example.com/c',
          conditions: [
            { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted.' },
            {
              type: 'ResolvedRefs',
              status: 'True',
              reason: 'ResolvedRefs',
              message: 'All references are resolved.',
            },
          ],
        },
      ],
    });
    const gw = out.objects.find((o) => o.kind === 'Gateway');
    expect(Object.keys(gw?.status ?? {})).toEqual(['conditions', 'listeners']);
  });

  it('exit 1 with the ReferenceGrant fix in JSON (fix is one string)', () => {
    const r = cli(['analyze', '-f', 'bad.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      diagnostics: { code: string; severity: string; object: unknown; reason?: string; fix?: string }[];
    };
    const d = out.diagnostics.find((x) => x.code === 'GS313-BackendRefNotPermitted');
    expect(d).toMatchObject({
      severity: 'error',
      reason: 'RefNotPermitted',
      object: { kind: 'HTTPRoute', namespace: 'app', name: 'r' },
    });
    expect(d?.fix).toContain('kind: ReferenceGrant');
    expect(d?.fix).toContain('namespace: other');
  });

  it('text output groups by object with file:line:col and the fix', () => {
    const r = cli(['analyze', '-f', 'bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^HTTPRoute app\/r\n {2}bad\.yaml:\d+:\d+: error GS313-BackendRefNotPermitted/m);
    expect(r.stdout).toContain('fix: Apply this ReferenceGrant in namespace other.');
    expect(r.stdout).toMatch(/1 error\(s\)/);
  });

  it('sarif 2.1.0 with catalogue rules and locations', () => {
    const r = cli(['analyze', '-f', 'bad.yaml', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const result = run.results.find((x) => x.ruleId === 'GS313')!;
    expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe('GS313');
    expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toBe('bad.yaml');
    expect(result.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(1);
  });

  it('reads stdin with -f -', () => {
    const r = cli(['analyze', '-f', '-', '--format', 'json'], `${GOOD}---\n${ROUTE}`);
    expect(r.code).toBe(0);
  });

  it('exit 2 for unreadable paths, broken YAML (file:line:col) and usage errors', () => {
    const missing = cli(['analyze', '-f', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.yaml');
    const broken = cli(['analyze', '-f', 'broken.yaml']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(cli(['analyze', '-f', 'good', '--format', 'xml']).code).toBe(2);
    expect(cli(['analyze']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
  });

  it('--help and --version', () => {
    expect(cli(['--help']).stdout).toContain('analyze');
    expect(cli(['analyze', '--help']).stdout).toContain('--format');
    expect(cli(['--version']).stdout).toMatch(/^gatescope \d+\.\d+\.\d+/);
  });
});
