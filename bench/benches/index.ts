/** Every bench, in the order `npm run bench` runs them (pipeline order, then server and browser). */
import type { Bench } from '../lib/types.ts';
import { analyzeBench } from './analyze.ts';
import { browserBench } from './browser.ts';
import { matchingBench } from './matching.ts';
import { parseBench } from './parse.ts';
import { serverBench } from './server.ts';
import { topologyBench } from './topology.ts';

export const BENCHES: readonly Bench[] = [
  parseBench,
  analyzeBench,
  matchingBench,
  topologyBench,
  serverBench,
  browserBench,
];
