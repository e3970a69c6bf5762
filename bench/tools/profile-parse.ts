/**
 * Profiles the parse of the 5 MB bundle alone (run with node --cpu-prof), and compares the
 * `yaml` package's parseAllDocuments with js-yaml's loadAll on the same text.
 * Usage: node --cpu-prof --cpu-prof-dir=/tmp/prof apps/server/bin/run-ts.mjs bench/tools/profile-parse.ts
 */
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { teamsOfSize } from '../generator/index.ts';
import { bundleOfSize } from '../lib/pipeline.ts';
import { loadParse } from '../lib/core-api.ts';
import { medianMs } from '../lib/stats.ts';
import { resolve } from 'node:path';

const file = bundleOfSize(teamsOfSize(7000), 5 * 1024 * 1024);
const root = resolve(import.meta.dirname, '../..');
console.log(`bundle ${file.text.length} bytes`);
console.log(
  `yaml parseAllDocuments (1.1) + toJS: ${medianMs(3, () => parseAllDocuments(file.text, { version: '1.1' }).map((d) => d.toJS())).toFixed(0)} ms`,
);
console.log(`js-yaml loadAll: ${medianMs(3, () => loadAll(file.text)).toFixed(0)} ms`);
const parse = await loadParse(root);
if (parse.ok)
  console.log(`parseManifests: ${medianMs(3, () => parse.api.parseManifests([file])).toFixed(0)} ms`);
