/**
 * Issue 12 (attack review): CLI text output never passes terminal escapes or GitHub Actions
 * workflow commands from manifests through. A value from a manifest must never start a line
 * with `::` (`::add-mask::`, `::error::`) nor carry ESC/CR/bidi characters to the terminal.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafe } from '../../src/cli/output/terminal-safe.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/gatescope.mjs');

function cli(args: string[], input: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Double-quoted YAML: \e is ESC, \n a newline, \r a carriage return, \u202e a bidi override.
const HOSTILE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: "r\\e]0;owned\\a\\e[31m"
  namespace: "app\\n::add-mask::hunter2"
spec:
  parentRefs: [{name: "gw\\n::error file=x::pwned\\r\\u202e", namespace: infra}]
  hostnames: ["a.example.com\\n  ::warning::x"]
  rules: [{backendRefs: [{name: "svc\\n::stop-commands::t", port: 8080}]}]
`;

function expectSafe(text: string): void {
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*::/);
}

describe('CLI text output is terminal- and CI-log-safe', () => {
  it('analyze --format text escapes control characters and workflow commands from manifests', () => {
    const r = cli(['analyze', '-f', '-', '--format', 'text'], HOSTILE);
    expect(r.stdout).toContain('HTTPRoute');
    expect(r.stdout).toContain('\\x1b');
    expectSafe(r.stdout);
    expectSafe(r.stderr);
  });

  it('analyze reports on unreadable input are safe too', () => {
    const r = cli(['analyze', '-f', '-', '--format', 'text'], '"\\e[2J\\n::add-mask::x"\n');
    expectSafe(r.stderr);
    expectSafe(r.stdout);
  });

  it('simulate --format text is safe for request and manifest values', () => {
    const manifests = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners: [{name: "web\\n::error::l", port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
${HOSTILE.replace('"gw\\n::error file=x::pwned\\r\\u202e"', 'gw')}`;
    const request = JSON.stringify({
      gateway: 'infra/gw',
      host: 'a.example.com',
      path: '/x\n::add-mask::p\u001b[0m',
    });
    const r = cli(['simulate', '-f', '-', '--request', request, '--format', 'text'], manifests);
    expect(r.stdout).toContain('Why:');
    expectSafe(r.stdout);
    expectSafe(r.stderr);
  });

  it('oneLine and terminalSafe', () => {
    expect(oneLine('a\nb\r\u001b[1m')).toBe('a\\nb\\r\\x1b[1m');
    expect(terminalSafe('ok\n  ::error::x\n::add-mask::y\n')).toBe('ok\n  \\::error::x\n\\::add-mask::y\n');
  });
});
