/**
 * Times each stage from YAML to layout for one preset (run with node --cpu-prof to see why).
 * Usage: node apps/server/bin/run-ts.mjs bench/tools/profile-topology.ts [tenants] [routesPerTenant]
 *        node apps/server/bin/run-ts.mjs bench/tools/profile-topology.ts teams [routes]
 */
import { teamsOfSize } from '../generator/index.ts';
import { listenerSets } from '../generator/presets.ts';
import { loadManifests } from '../../packages/core/src/model/load.ts';
import { analyze } from '../../packages/core/src/analysis/analyze.ts';
import { buildTopology } from '../../packages/core/src/topology/index.ts';
import { toFiles } from '../lib/pipeline.ts';
import { timed } from '../lib/stats.ts';

// The web engine is another TypeScript project: imported by path at run time, as the topology bench does.
const engine = (name: string): Promise<Record<string, (...args: never[]) => unknown>> =>
  import(new URL(`../../apps/web/src/engine/${name}.ts`, import.meta.url).href) as never;
const { layoutGraph } = (await engine('layout')) as unknown as {
  layoutGraph: (nodes: readonly unknown[], edges: readonly unknown[]) => unknown;
};
const { aggregate } = (await engine('aggregate')) as unknown as {
  aggregate: (t: unknown, expanded: ReadonlySet<string>) => { nodes: unknown[]; edges: unknown[] };
};
const [tenants = '100', perTenant = '100'] = process.argv.slice(2);
const cluster =
  tenants === 'teams' ? teamsOfSize(Number(perTenant)) : listenerSets(Number(tenants), Number(perTenant));
const step = <T>(name: string, fn: () => T): T => {
  const { value, ms } = timed(fn);
  console.log(`${name}: ${ms.toFixed(0)} ms`);
  return value;
};
const snapshot = step('load', () => loadManifests(toFiles(cluster)).snapshot);
const analysis = step('analyze', () => analyze(snapshot));
const topology = step('buildTopology', () => buildTopology(analysis));
console.log(`${topology.nodes.length} nodes, ${topology.edges.length} edges`);
for (let i = 0; i < 5; i++)
  step('layoutGraph (all nodes)', () => layoutGraph(topology.nodes, topology.edges));
const view = step('aggregate', () => aggregate(topology, new Set()));
step('layoutGraph (view)', () => layoutGraph(view.nodes, view.edges));
console.log(`view ${view.nodes.length} nodes, ${view.edges.length} edges`);
