#!/usr/bin/env node
// `npm run build -w @gatescope/server`: writes apps/server/dist/cli/main.mjs and, beside it, the
// /metrics analysis worker health-worker.mjs (see bundle.mjs).
import { BUNDLE, buildBundle, workerBundleOf } from './bundle.mjs';

await buildBundle();
console.log(`bundled server: ${BUNDLE} (worker: ${workerBundleOf(BUNDLE)})`);
