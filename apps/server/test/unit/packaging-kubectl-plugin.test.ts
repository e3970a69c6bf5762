/**
 * The kubectl plugin (tools/kubectl-gatescope): shell syntax, shellcheck, krew manifest in sync
 * with the release archive, and its behaviour with a stub kubectl (no cluster needed): which
 * kubectl commands it runs, that it opens the browser on the forwarded port, and that it stops
 * what it started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const PLUGIN_DIR = join(REPO_ROOT, 'tools/kubectl-gatescope');
const PLUGIN = join(PLUGIN_DIR, 'kubectl-gatescope');

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, command)));
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function portOpen(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/healthz`);
    return true;
  } catch {
    return false;
  }
}

/** A node one-liner serving 200 on every path: stands in for the forwarded Gatescope server. */
const serveScript = (portExpr: string): string =>
  `exec "${process.execPath}" -e "require('http').createServer((q,s)=>s.end('ok')).listen(${portExpr},'127.0.0.1')"`;

describe('kubectl-gatescope', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', PLUGIN]).status).toBe(0);
    expect(spawnSync('bash', ['-n', join(PLUGIN_DIR, 'package.sh')]).status).toBe(0);
  });

  it.skipIf(!onPath('shellcheck'))('passes shellcheck', () => {
    for (const script of [PLUGIN, join(PLUGIN_DIR, 'package.sh')]) {
      const result = spawnSync('shellcheck', ['--shell=bash', script], { encoding: 'utf8' });
      expect(result.stdout, script).toBe('');
      expect(result.status).toBe(0);
    }
  });
  if (!onPath('shellcheck'))
    process.stderr.write('!! shellcheck not installed (apt-get install shellcheck): check skipped\n');

  it('has a krew manifest whose sha256 and version match the archive package.sh builds', () => {
    const out = mkdtempSync(join(tmpdir(), 'kubectl-gatescope-'));
    try {
      const [archive = '', sha = ''] = execFileSync('bash', [join(PLUGIN_DIR, 'package.sh'), out], {
        encoding: 'utf8',
      })
        .trim()
        .split(' ');
      const manifest = parse(readFileSync(join(PLUGIN_DIR, 'plugin.yaml'), 'utf8')) as {
        kind: string;
        metadata: { name: string };
        spec: {
          version: string;
          shortDescription: string;
          platforms: { uri: string; sha256: string; bin: string; files: { from: string }[] }[];
        };
      };
      const version = /^VERSION="(.*)"$/m.exec(readFileSync(PLUGIN, 'utf8'))?.[1];
      expect(manifest.kind).toBe('Plugin');
      expect(`kubectl-${manifest.metadata.name}`).toBe('kubectl-gatescope');
      expect(manifest.spec.version).toBe(`v${version}`);
      // krew-index conventions: a short one-liner, and a name that is the plugin's kubectl verb.
      expect(manifest.spec.shortDescription.length).toBeLessThanOrEqual(50);
      expect(manifest.metadata.name).toMatch(/^[a-z][a-z0-9-]*$/);
      const [platform] = manifest.spec.platforms;
      expect(platform?.bin).toBe('kubectl-gatescope');
      expect(platform?.files.map((f) => f.from)).toContain('kubectl-gatescope');
      expect(platform?.uri.endsWith(`/v${version}/kubectl-gatescope-v${version}.tar.gz`)).toBe(true);
      expect(archive.endsWith(`kubectl-gatescope-v${version}.tar.gz`)).toBe(true);
      // If this fails after editing the plugin: run tools/kubectl-gatescope/package.sh --update.
      expect(platform?.sha256).toBe(sha);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('prints usage with --help and rejects unknown arguments', () => {
    const help = spawnSync('bash', [PLUGIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--local');
    const bad = spawnSync('bash', [PLUGIN, '--bogus'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("unknown argument '--bogus'");
    expect(spawnSync('bash', [PLUGIN, '--port', '99999'], { encoding: 'utf8' }).stderr).toContain(
      'invalid port',
    );
  });

  describe('with a stub kubectl', () => {
    let dir: string;
    let child: ChildProcess | undefined;
    const log = (): string =>
      existsSync(join(dir, 'kubectl.log')) ? readFileSync(join(dir, 'kubectl.log'), 'utf8') : '';
    const opened = (): string =>
      existsSync(join(dir, 'opened')) ? readFileSync(join(dir, 'opened'), 'utf8') : '';

    function stub(name: string, body: string): void {
      writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    }

    function run(args: string[], env: Record<string, string> = {}): ChildProcess {
      child = spawn('bash', [PLUGIN, ...args], {
        env: {
          ...process.env,
          PATH: `${dir}${delimiter}${process.env['PATH'] ?? ''}`,
          BROWSER: join(dir, 'browser'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return child;
    }

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kubectl-gatescope-stub-'));
      stub('browser', `echo "$1" > "${join(dir, 'opened')}"`);
      stub(
        'kubectl',
        [
          `echo "$*" >> "${join(dir, 'kubectl.log')}"`,
          'case " $* " in',
          '  *" get deployment "*) [[ -f "$(dirname "$0")/no-deployment" ]] && exit 1; echo deployment.apps/gatescope ;;',
          '  *" rollout status "*) echo rolled out ;;',
          '  *" config current-context "*) echo ctx-current ;;',
          '  *" port-forward "*) for a in "$@"; do [[ "$a" == *:7080 ]] && port="${a%%:*}"; done',
          `    ${serveScript('$port')} ;;`,
          'esac',
        ].join('\n'),
      );
    });

    afterEach(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child?.once('exit', r));
      }
      child = undefined;
      rmSync(dir, { recursive: true, force: true });
    });

    it('port-forwards to the Deployment on loopback, opens the browser, and stops the forward on exit', async () => {
      const port = await freePort();
      const plugin = run(['--context', 'ctx-a', '-n', 'ns-x', '--port', String(port)]);
      await until('browser opened', () => opened() !== '');
      expect(opened().trim()).toBe(`http://127.0.0.1:${port}/`);
      const calls = log().trim().split('\n');
      expect(calls[0]).toBe('--context ctx-a -n ns-x get deployment gatescope -o name');
      expect(calls[1]).toBe('--context ctx-a -n ns-x rollout status deployment/gatescope --timeout=120s');
      expect(calls[2]).toBe(
        `--context ctx-a -n ns-x port-forward deployment/gatescope ${port}:7080 --address 127.0.0.1`,
      );
      expect(await portOpen(port)).toBe(true);

      plugin.kill('SIGTERM');
      await new Promise((r) => plugin.once('exit', r));
      // The plugin's exit trap stops the port-forward it started: nothing listens any more.
      await until('port-forward stopped', async () => !(await portOpen(port)));
    });

    it('explains how to install when the Deployment is missing', async () => {
      writeFileSync(join(dir, 'no-deployment'), '');
      const result = spawnSync('bash', [PLUGIN, '--no-browser'], {
        env: { ...process.env, PATH: `${dir}${delimiter}${process.env['PATH'] ?? ''}` },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('no deployment/gatescope in namespace gatescope');
      expect(result.stderr).toContain('kubectl apply -k deploy/');
      expect(result.stderr).toContain('kubectl gatescope --local');
      expect(opened()).toBe('');
    });

    it('--local runs gatescope serve on loopback for the current context', async () => {
      const port = await freePort();
      stub('fake-gatescope', `echo "$*" > "${join(dir, 'serve-args')}"\n${serveScript(String(port))}`);
      const plugin = run(['--local', '--port', String(port)], { GATESCOPE_BIN: join(dir, 'fake-gatescope') });
      await until('browser opened', () => opened() !== '');
      expect(readFileSync(join(dir, 'serve-args'), 'utf8').trim()).toBe(
        `serve --host 127.0.0.1 --port ${port} --context ctx-current`,
      );
      expect(log()).toContain('config current-context');
      expect(opened().trim()).toBe(`http://127.0.0.1:${port}/`);
      plugin.kill('SIGINT'); // Ctrl-C
      await new Promise((r) => plugin.once('exit', r));
      await until('local server stopped', async () => !(await portOpen(port)));
    });
  });
});
