#!/usr/bin/env node
// Runs the bundled server when one was built (`npm run build -w @gatescope/server`, done by
// `npm start`) and no source changed since; otherwise the TypeScript sources through tsx, so
// there is no build step after `npm ci`. GATESCOPE_FROM_SOURCE=1 forces the sources.
// The Node version is checked first, before the bundle or tsx is even loaded (static imports
// would run before any statement here, so everything else is imported dynamically).
import { nodeVersionProblem } from './node-version.mjs';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}

const { pathToFileURL } = await import('node:url');
const { BUNDLE, bundleIsFresh } = await import('./bundle.mjs');

if (process.env.GATESCOPE_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(pathToFileURL(BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
