/**
 * Topology build (analysis → generic graph) and the web layout, run through the same functions
 * the engine Worker calls: aggregate (DOM budget) and layoutGraph (kind fixes the column).
 */
import type { Analysis } from '../../packages/core/src/analysis/types.ts';
import type { GeneratedCluster } from '../generator/index.ts';
import { generateCluster, teamsOfSize } from '../generator/index.ts';
import type { AnalyzeApi, LoadApi, TopologyApi } from '../lib/core-api.ts';
import { loadAnalyze, loadFunctions, loadLoad, loadTopology } from '../lib/core-api.ts';
import { toFiles } from '../lib/pipeline.ts';
import { collectGarbage, budgetedMedianMs } from '../lib/stats.ts';

/** Repeat a measurement up to 3 times within this budget (slow stages are measured once). */
const BUDGET_MS = 3_000;
const median = (quick: boolean, fn: () => unknown): number =>
  budgetedMedianMs(quick ? 1 : 3, BUDGET_MS, fn).ms;
import type { Bench, BenchContext, BenchReport } from '../lib/types.ts';
import { ReportBuilder } from '../lib/types.ts';

interface GraphNode {
  readonly id: string;
  readonly column: number;
}
interface GraphEdge {
  readonly source: string;
  readonly target: string;
}
interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

interface LayoutApi {
  layoutGraph(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    previous?: ReadonlyMap<string, unknown>,
  ): Map<string, unknown>;
}
interface AggregateApi {
  aggregate(topology: Graph, expanded: ReadonlySet<string>): Graph & { aggregated: boolean };
}

const LAYOUT_PATH = 'apps/web/src/engine/layout.ts';
const AGGREGATE_PATH = 'apps/web/src/engine/aggregate.ts';

interface Case {
  readonly preset: string;
  readonly cluster: GeneratedCluster;
}

/** teams-3k yields about 10k graph nodes (route, 2 rules, services, endpoints per route). */
function* cases(quick: boolean): Generator<Case> {
  if (quick) {
    yield { preset: 'ns-5k:tiny', cluster: generateCluster('ns-5k', 'tiny') };
    return;
  }
  yield { preset: 'teams-3k', cluster: teamsOfSize(3_000) };
  yield { preset: 'ns-5k', cluster: generateCluster('ns-5k') };
  yield { preset: 'listenersets-40k', cluster: generateCluster('listenersets-40k') };
}

function layoutFigures(
  r: ReportBuilder,
  preset: string,
  graph: Graph,
  layout: LayoutApi,
  quick: boolean,
): void {
  const n = graph.nodes.length;
  let positions = new Map<string, unknown>();
  const full = median(quick, () => (positions = layout.layoutGraph(graph.nodes, graph.edges)));
  const near10k = n >= 8_000 && n <= 14_000;
  const target = quick || near10k ? { target: 150 } : {};
  r.figure({ name: `layout full (${n} nodes)`, value: full, unit: 'ms', better: 'lower', preset, ...target });
  const extra = { id: 'Bench/bench/added', column: 3 };
  const incremental = median(quick, () =>
    layout.layoutGraph([...graph.nodes, extra], graph.edges, positions),
  );
  r.figure({
    name: `layout update (+1 node of ${n})`,
    value: incremental,
    unit: 'ms',
    better: 'lower',
    preset,
  });
}

export const topologyBench: Bench = {
  name: 'topology',
  title: 'Topology build and layout',
  async run(ctx: BenchContext): Promise<BenchReport> {
    const r = new ReportBuilder();
    const [load, analyze, topo] = await Promise.all([
      loadLoad(ctx.root),
      loadAnalyze(ctx.root),
      loadTopology(ctx.root),
    ]);
    const layout = await loadFunctions<LayoutApi>(ctx.root, LAYOUT_PATH, ['layoutGraph']);
    const agg = await loadFunctions<AggregateApi>(ctx.root, AGGREGATE_PATH, ['aggregate']);
    for (const [what, l] of Object.entries({
      loadManifests: load,
      analyze,
      buildTopology: topo,
      layoutGraph: layout,
      aggregate: agg,
    })) {
      if (!l.ok) r.missing(`${what}: ${l.reason}`);
    }
    if (!load.ok || !analyze.ok || !topo.ok) return r.build();
    for (const c of cases(ctx.quick)) {
      collectGarbage();
      ctx.log(`  topology ${c.preset}`);
      runCase(
        r,
        c,
        { ...load.api, ...analyze.api, ...topo.api },
        layout.ok ? layout.api : null,
        agg.ok ? agg.api : null,
        ctx.quick,
      );
    }
    return r.build();
  },
};

function runCase(
  r: ReportBuilder,
  c: Case,
  core: LoadApi & AnalyzeApi & TopologyApi,
  layout: LayoutApi | null,
  agg: AggregateApi | null,
  quick: boolean,
): void {
  const analysis: Analysis = core.analyze(core.loadManifests(toFiles(c.cluster)).snapshot);
  let graph: Graph = { nodes: [], edges: [] };
  const build = median(quick, () => (graph = core.buildTopology(analysis) as Graph));
  r.figure({
    name: `topology build (${graph.nodes.length} nodes, ${graph.edges.length} edges)`,
    value: build,
    unit: 'ms',
    better: 'lower',
    preset: c.preset,
  });
  r.check(
    `topology ${c.preset}`,
    graph.nodes.length > 0,
    `${graph.nodes.length} nodes, ${graph.edges.length} edges`,
  );
  if (layout !== null) layoutFigures(r, c.preset, graph, layout, quick);
  if (agg === null || layout === null) return;
  let view: Graph = graph;
  const worker = median(quick, () => {
    view = agg.aggregate(graph, new Set());
    layout.layoutGraph(view.nodes, view.edges);
  });
  r.figure({
    name: `worker view: aggregate + layout (${view.nodes.length} nodes shown)`,
    value: worker,
    unit: 'ms',
    better: 'lower',
    preset: c.preset,
  });
  r.figure({
    name: 'view graph nodes + edges to mount',
    value: view.nodes.length + view.edges.length,
    unit: 'elements',
    better: 'lower',
    preset: c.preset,
  });
}
