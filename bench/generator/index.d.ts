import type { GeneratedCluster } from './cluster.ts';
export type { GeneratedCluster, RouteProbe } from './cluster.ts';
export { countKinds } from './cluster.ts';
export type { RawObject } from './objects.ts';
export { toYamlStream } from './yaml.ts';
export { generateRequests } from './requests.ts';
export type { BenchRequest, RequestMix } from './requests.ts';
export { watchStream } from './watch.ts';
export type { WatchEvent } from './watch.ts';
export { createPrng } from './prng.ts';
export type Size = 'full' | 'tiny';
export declare const PRESET_NAMES: readonly [
  'eg-1k',
  'ns-5k',
  'listenersets-40k',
  'huge-100k',
  'adv-header-10k',
  'adv-max-size',
  'adv-wildcard',
  'adv-regex',
];
export type PresetName = (typeof PRESET_NAMES)[number];
export declare const DEFAULT_SEED = 20260101;
export declare function generateCluster(preset: PresetName, size?: Size, seed?: number): GeneratedCluster;
/** A cluster of `routes` routes in the ns-5k shape (for sizes between presets, e.g. 10k). */
export declare function teamsOfSize(routes: number, seed?: number): GeneratedCluster;
