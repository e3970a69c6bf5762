/**
 * Profiles simulate and explain at 10k routes (run with node --cpu-prof) so a missed simulate or
 * explain target can be traced to its cause.
 * Usage: node --cpu-prof --cpu-prof-dir=/tmp/prof apps/server/bin/run-ts.mjs bench/tools/profile-simulate.ts [preset] [simulate|explain]
 * (env ROUNDS: passes over the 20 000 simulate requests, default 10; more makes setup a smaller share)
 */
import { generateCluster, generateRequests, teamsOfSize } from '../generator/index.ts';
import type { PresetName } from '../generator/index.ts';
import { loadManifests } from '../../packages/core/src/model/load.ts';
import { analyze } from '../../packages/core/src/analysis/analyze.ts';
import { compileRouteTables, explain, simulate } from '../../packages/core/src/matching/index.ts';
import type { SimRequest } from '../../packages/core/src/matching/index.ts';
import { toFiles } from '../lib/pipeline.ts';

const [preset = 'teams-10k', what = 'simulate'] = process.argv.slice(2);
const cluster = preset === 'teams-10k' ? teamsOfSize(10_000) : generateCluster(preset as PresetName);
const tables = compileRouteTables(analyze(loadManifests(toFiles(cluster)).snapshot));
const requests = generateRequests(cluster, 20_000, 7).map(({ expect: _e, ...q }) => q as SimRequest);
const fn = what === 'explain' ? explain : simulate;
const rounds = what === 'explain' ? 1 : Number(process.env.ROUNDS ?? 10);
const start = performance.now();
for (let round = 0; round < rounds; round++)
  for (const q of what === 'explain' ? requests.slice(0, 500) : requests) fn(tables, q);
const calls = what === 'explain' ? 500 : rounds * requests.length;
console.log(
  `${what} ${preset}: ${(((performance.now() - start) * 1000) / calls).toFixed(2)} µs/call over ${calls} calls`,
);
