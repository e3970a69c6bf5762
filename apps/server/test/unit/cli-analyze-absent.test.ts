/**
 * A CI job on a real repository: `gatescope analyze` over a GitOps-like folder whose GatewayClass,
 * Services, certificate Secrets and CA bundle live elsewhere (test/fixtures/gitops-absent) must
 * pass quietly (exit 0, info-level "not in the input"), and fail with `--absent error`.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(HERE, '../../bin/gatescope.mjs');
const REPO = resolve(HERE, '../fixtures/gitops-absent');

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Out {
  objects: {
    kind: string;
    metadata: { name: string };
    status: { conditions?: { type: string; status: string; reason: string }[] };
  }[];
  diagnostics: { code: string; severity: string; message: string }[];
}

const ABSENT = [
  'GS230-GatewayClassNotInInput',
  'GS232-SecretNotInInput',
  'GS342-BackendNotInInput',
  'GS430-PolicyTargetNotInInput',
  'GS431-ConfigMapNotInInput',
];

describe('gatescope analyze on a GitOps folder (absent is not missing)', () => {
  it('exit 0: only info-level "not in the input" diagnostics, the predicted status unchanged', () => {
    const r = cli(['analyze', '-f', '.', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const codes = new Set(out.diagnostics.map((d) => d.code));
    for (const code of ABSENT) expect(codes).toContain(code);
    for (const d of out.diagnostics) expect(d.message).not.toMatch(/does not exist/);
    expect(
      out.diagnostics
        .filter((d) => d.code.endsWith('NotInInput'))
        .every((d) => /is not in the input/.test(d.message)),
    ).toBe(true);
    // DESIGN.md: a Gateway whose GatewayClass is absent from the input is Accepted=Unknown/Pending.
    const gw = out.objects.find((o) => o.kind === 'Gateway');
    expect(gw?.status.conditions?.find((c) => c.type === 'Accepted')).toMatchObject({
      status: 'Unknown',
      reason: 'Pending',
    });
  });

  it('--absent error: the same diagnostics fail the run (exit 1)', () => {
    const r = cli(['analyze', '-f', '.', '--format', 'json', '--absent', 'error']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    const absent = out.diagnostics.filter((d) => d.code.endsWith('NotInInput'));
    expect(absent.length).toBeGreaterThanOrEqual(ABSENT.length);
    expect(absent.every((d) => d.severity === 'error')).toBe(true);
  });

  it('--complete all: the folder is declared a whole cluster, so absent objects are missing', () => {
    const r = cli(['analyze', '-f', '.', '--format', 'json', '--complete', 'all']);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as Out).diagnostics.map((d) => d.code);
    expect(codes).toContain('GS201-GatewayClassNotFound');
    expect(codes).toContain('GS310-BackendNotFound');
    expect(codes.filter((c) => c.endsWith('NotInInput'))).toEqual([]);
  });

  it('text output counts 0 errors; a bad --absent or --complete value is a usage error (exit 2)', () => {
    const r = cli(['analyze', '-f', '.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/info GS230-GatewayClassNotInInput/);
    expect(r.stdout).toMatch(/\b0 error\(s\)/);
    const bad = cli(['analyze', '-f', '.', '--absent', 'fatal']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown --absent "fatal"');
    const typo = cli(['analyze', '-f', '.', '--complete', 'services']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--complete "services" is not a kind');
  });

  it('simulate names the absent GatewayClass instead of a refused connection', () => {
    const r = cli([
      'simulate',
      '-f',
      '.',
      '--format',
      'text',
      '--request',
      '{"gateway":"infra/public","host":"shop.example.com","path":"/"}',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GatewayClass "vendor-gateway" is not in the input');
    expect(r.stdout).not.toContain('connection refused');
  });
});
