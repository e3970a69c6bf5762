/**
 * Finds kube-apiserver + etcd for the integration tests through tools/kube-harness/ensure-binaries.sh
 * (KUBEBUILDER_ASSETS, else a per-version cache built from the Go module proxy).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const ENSURE_SCRIPT = join(REPO_ROOT, 'tools/kube-harness/ensure-binaries.sh');

export type BinariesResult =
  { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly reason: string };

function onPath(command: string): boolean {
  const dirs = (process.env['PATH'] ?? '').split(delimiter);
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, command)));
}

export function findBinaries(): BinariesResult {
  try {
    // The script prints the folder on its last stdout line; building may take minutes the first time.
    const out = execFileSync('bash', [ENSURE_SCRIPT], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 30 * 60_000,
    });
    const dir = out.trim().split('\n').pop() ?? '';
    if (!existsSync(join(dir, 'kube-apiserver')) || !existsSync(join(dir, 'etcd'))) {
      return {
        ok: false,
        reason: `ensure-binaries.sh printed ${JSON.stringify(dir)}, which lacks the binaries`,
      };
    }
    return { ok: true, dir };
  } catch (error) {
    const assets = process.env['KUBEBUILDER_ASSETS'];
    const why =
      (assets === undefined || assets === '') && !onPath('go')
        ? 'neither KUBEBUILDER_ASSETS nor Go is available'
        : 'ensure-binaries.sh failed';
    return {
      ok: false,
      reason: `${why}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}

let cached: BinariesResult | undefined;

/**
 * The integration suites call this at collection time: skip loudly without binaries, but in CI
 * (CI=true) a missing apiserver is a failure, never a silent skip.
 */
export function binariesOrSkip(): BinariesResult {
  cached ??= findBinaries();
  if (!cached.ok) {
    const banner = `\n${'!'.repeat(78)}\n!! INTEGRATION TESTS SKIPPED: no kube-apiserver/etcd (${cached.reason}).\n!! Set KUBEBUILDER_ASSETS or install Go, then run tools/kube-harness/ensure-binaries.sh.\n${'!'.repeat(78)}\n`;
    if (process.env['CI'] === 'true') throw new Error(`CI=true and ${banner}`);
    process.stderr.write(banner);
  }
  return cached;
}
