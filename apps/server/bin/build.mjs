#!/usr/bin/env node
// `npm run build -w @gatescope/server`: writes apps/server/dist/cli/main.mjs (see bundle.mjs).
import { BUNDLE, buildBundle } from './bundle.mjs';

await buildBundle();
console.log(`bundled server: ${BUNDLE}`);
