/**
 * Starts the real server (`gatescope serve`) as a child process, as users run it, against a
 * kubeconfig of our choosing; waits for readiness; reads its memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SERVE_PATH = 'apps/server/src/cli/serve.ts';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Why the server cannot be benchmarked yet, or null when `gatescope serve` exists. */
export function serverUnavailable(root: string): string | null {
  if (!existsSync(join(root, SERVE_PATH))) return `${SERVE_PATH} does not exist yet`;
  return null;
}

export async function startServer(
  root: string,
  args: readonly string[],
  kubeconfig?: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (kubeconfig !== undefined) {
    const file = join(mkdtempSync(join(tmpdir(), 'gatescope-bench-')), 'kubeconfig');
    writeFileSync(file, kubeconfig);
    env['KUBECONFIG'] = file;
  }
  // Measure what `npm start` ships: its heap flag, and the bundled server, which `npm run bench`
  // builds first (the bin falls back to tsx when the bundle is missing or stale).
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-semi-space-size=4',
      'apps/server/bin/gatescope.mjs',
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...args,
    ],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`gatescope serve exited ${child.exitCode}: ${output.slice(-600)}`);
    const ok = await fetch(`${url}/api/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, pid: child.pid ?? -1, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`gatescope serve not ready within 180 s: ${output.slice(-600)}`);
}

/** Resident and peak resident memory of a process in MB (Linux /proc). */
export function processMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
