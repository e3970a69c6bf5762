#!/usr/bin/env node
// Runs the bundled server when one was built (`npm run build -w @gatescope/server`, done by
// `npm start`) and no source changed since; otherwise the TypeScript sources through tsx, so
// there is no build step after `npm ci`. GATESCOPE_FROM_SOURCE=1 forces the sources.
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundleIsFresh } from './bundle.mjs';

if (process.env.GATESCOPE_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(pathToFileURL(BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
