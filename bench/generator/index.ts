/**
 * The generator's entry point: named presets at full or tiny size, YAML rendering, the request
 * mix and a replayable watch stream. Everything is a pure function of (preset, size, seed).
 */
import { headerOnly, maxSize, regexHeavy, wildcards } from './adversarial.ts';
import type { GeneratedCluster } from './cluster.ts';
import { envoyScale, huge, listenerSets, teams } from './presets.ts';
import { createPrng } from './prng.ts';

export type { GeneratedCluster } from './cluster.ts';
export { toYamlStream } from './yaml.ts';
export { generateRequests } from './requests.ts';
export type { BenchRequest } from './requests.ts';
export { watchStream } from './watch.ts';
export { createPrng } from './prng.ts';

export type Size = 'full' | 'tiny';

export const PRESET_NAMES = [
  'eg-1k',
  'ns-5k',
  'listenersets-40k',
  'huge-100k',
  'adv-header-10k',
  'adv-max-size',
  'adv-wildcard',
  'adv-regex',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const DEFAULT_SEED = 20260101;

export function generateCluster(
  preset: PresetName,
  size: Size = 'full',
  seed = DEFAULT_SEED,
): GeneratedCluster {
  const full = size === 'full';
  const prng = createPrng(seed);
  switch (preset) {
    case 'eg-1k':
      return envoyScale(full ? 1000 : 20);
    case 'ns-5k':
      return teams(prng, full ? 50 : 3, full ? 100 : 10);
    case 'listenersets-40k':
      return listenerSets(full ? 400 : 3, full ? 100 : 10);
    case 'huge-100k':
      return huge(full ? 10_000 : 5, full ? 10 : 4);
    case 'adv-header-10k':
      return headerOnly(full ? 10_000 : 30);
    case 'adv-max-size':
      return maxSize(full ? 50 : 2);
    case 'adv-wildcard':
      return wildcards(prng, full ? 100 : 3, full ? 50 : 5);
    case 'adv-regex':
      return regexHeavy(full ? 2000 : 20);
  }
}

/** A cluster of `routes` routes in the ns-5k shape (for sizes between presets, e.g. 10k). */
export function teamsOfSize(routes: number, seed = DEFAULT_SEED): GeneratedCluster {
  const perNs = 100;
  return teams(createPrng(seed), Math.max(1, Math.ceil(routes / perNs)), Math.min(perNs, routes));
}
