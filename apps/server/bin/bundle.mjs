// The bundled server: one ESM file with the TypeScript sources and their dependencies, so Node
// starts without a run-time transpiler (tsx) and without resolving hundreds of modules. At idle
// it measured ~95 MB RSS against ~208 MB through tsx (see the server memory notes).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * dist/cli/main.mjs mirrors src/cli/main.ts, so the repo-root paths those modules compute from
 * import.meta (package.json, the web build, the demo scenario) resolve the same.
 */
export const BUNDLE = here('../dist/cli/main.mjs');
export const ENTRY = here('../src/cli/main.ts');

/**
 * The /metrics analysis runs in a worker thread (src/analysis/health-in-worker.ts), whose code is
 * a second entry bundled beside the main one: the bundled server starts it from there.
 */
export const WORKER_ENTRY = here('../src/analysis/health-worker.ts');
export const workerBundleOf = (bundle) => join(dirname(bundle), 'health-worker.mjs');
/** POST /api/analyze and /api/simulate run in a worker too (src/batch/batch-runner.ts). */
export const BATCH_WORKER_ENTRY = here('../src/batch/batch-worker.ts');
export const batchWorkerBundleOf = (bundle) => join(dirname(bundle), 'batch-worker.mjs');

/** What the bundle is built from: newer than the bundle means the bundle is stale. */
export const SOURCES = [
  here('../src'),
  here('../../../packages/core/src'),
  here('../../../package-lock.json'),
];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file bumps its directory
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when the bundle exists and nothing it was built from changed after it was written. */
export function bundleIsFresh(bundle = BUNDLE, sources = SOURCES) {
  // Both entries: a main bundle without its /metrics worker would run, then fail every analysis.
  const built = [bundle, workerBundleOf(bundle), batchWorkerBundleOf(bundle)].map((file) =>
    statSync(file, { throwIfNoEntry: false }),
  );
  if (built.some((stat) => stat === undefined)) return false;
  const oldest = Math.min(...built.map((stat) => stat.mtimeMs));
  return sources.every((source) => newestMtime(source) <= oldest);
}

/** esbuild options shared by both entries. */
const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
  // Whitespace and syntax only (names stay, so stack traces keep function names): V8 keeps the
  // source text in memory, and this measured ~9 MB less RSS. `node --enable-source-maps` maps
  // stack traces back to the TypeScript through the linked source map.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  banner: {
    js: "import { createRequire as __gatescopeRequire } from 'node:module'; const require = __gatescopeRequire(import.meta.url);",
  },
};

/**
 * Writes the bundle and, beside it, the health worker's (esbuild; CommonJS dependencies get a
 * `require` for Node built-ins).
 */
export async function buildBundle(outfile = BUNDLE, entry = ENTRY) {
  const { build } = await import('esbuild');
  const bundleOf = (entryPoint, file) => build({ ...OPTIONS, entryPoints: [entryPoint], outfile: file });
  await Promise.all([
    bundleOf(entry, outfile),
    bundleOf(WORKER_ENTRY, workerBundleOf(outfile)),
    bundleOf(BATCH_WORKER_ENTRY, batchWorkerBundleOf(outfile)),
  ]);
}
