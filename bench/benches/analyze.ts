/**
 * Normalize + analyze: cold analysis of a whole cluster, and the one-route incremental case
 * (a watch event changes one HTTPRoute: applyWatchEvent, then analyzeIncremental with the state
 * of the previous call; both are timed).
 */
import type { Analysis } from '../../packages/core/src/analysis/types.ts';
import type { Snapshot } from '../../packages/core/src/model/snapshot.ts';
import type { GeneratedCluster } from '../generator/index.ts';
import { generateCluster, teamsOfSize } from '../generator/index.ts';
import type { AnalyzeApi, IncrementalApi, LoadApi, StoreApi } from '../lib/core-api.ts';
import { loadAnalyze, loadIncremental, loadLoad, loadStore } from '../lib/core-api.ts';
import { toFiles } from '../lib/pipeline.ts';
import { collectGarbage, budgetedMedianMs, percentile, timed } from '../lib/stats.ts';
import type { Bench, BenchContext, BenchReport } from '../lib/types.ts';
import { ReportBuilder } from '../lib/types.ts';

interface Target {
  readonly cluster: GeneratedCluster;
  readonly preset: string;
  /** Only the 10k-route cluster carries the DESIGN.md targets; the others are context. */
  readonly targeted: boolean;
}

/** One case at a time: a cluster is garbage once its case is done (less GC noise later). */
function* targets(quick: boolean): Generator<Target> {
  if (quick) {
    yield { cluster: generateCluster('ns-5k', 'tiny'), preset: 'ns-5k:tiny', targeted: true };
    return;
  }
  yield { cluster: teamsOfSize(10_000), preset: 'teams-10k', targeted: true };
  yield { cluster: generateCluster('listenersets-40k'), preset: 'listenersets-40k', targeted: false };
  yield { cluster: generateCluster('huge-100k'), preset: 'huge-100k', targeted: false };
}

/** The route object changed by the incremental case: one path edited, new resourceVersion. */
function editedRoute(cluster: GeneratedCluster, revision: number): Record<string, unknown> {
  const route = cluster.objects.find((o) => o['kind'] === 'HTTPRoute');
  if (route === undefined) throw new Error('cluster without routes');
  const copy = structuredClone(route) as Record<string, unknown> & {
    metadata: Record<string, unknown>;
    spec: { rules: { matches: { path?: { value: string } }[] }[] };
  };
  copy.metadata['resourceVersion'] = String(5_000_000 + revision);
  const match = copy.spec.rules[0]?.matches[0];
  if (match?.path) match.path.value = `/edited-${revision}`;
  return copy;
}

function runOne(
  r: ReportBuilder,
  t: Target,
  api: LoadApi & AnalyzeApi,
  incremental: (StoreApi & IncrementalApi & AnalyzeApi) | null,
  quick: boolean,
): void {
  const files = toFiles(t.cluster);
  const routes = t.cluster.objects.filter((o) => o['kind'] === 'HTTPRoute').length;
  const loaded = timed(() => api.loadManifests(files));
  r.figure({
    name: 'load (parse+normalize)',
    value: loaded.ms,
    unit: 'ms',
    better: 'lower',
    preset: t.preset,
  });
  const snapshot = loaded.value.snapshot;
  const last: { analysis?: Analysis } = {};
  const cold = budgetedMedianMs(quick ? 1 : 3, 5_000, () => (last.analysis = api.analyze(snapshot)));
  const target = t.targeted ? { target: 1000 } : {};
  r.figure({
    name: 'analyze-cold',
    value: cold.ms,
    unit: 'ms',
    better: 'lower',
    preset: t.preset,
    ...target,
  });
  const analysis = last.analysis;
  if (analysis === undefined) return;
  r.check(
    `analyze ${t.preset}`,
    analysis.attachments.length > 0,
    `${routes} routes, ${analysis.attachments.length} attachments, ${analysis.diagnostics.length} diagnostics`,
  );
  if (!t.targeted || incremental === null) return;
  measureIncremental(r, t, snapshot, analysis, incremental, quick);
}

/**
 * One cold analyzeIncremental (builds the state), then per edit: applyWatchEvent + analyzeIncremental
 * with the state the previous call returned, timed together. Checked against a full analyze.
 */
function measureIncremental(
  r: ReportBuilder,
  t: Target,
  snapshot: Snapshot,
  cold: Analysis,
  api: StoreApi & IncrementalApi & AnalyzeApi,
  quick: boolean,
): void {
  let { state, analysis } = api.analyzeIncremental(undefined, snapshot);
  r.check(
    `analyzeIncremental cold == analyze (${t.preset})`,
    sameAnalysis(analysis, cold),
    `${analysis.attachments.length} attachments, ${analysis.diagnostics.length} diagnostics`,
  );
  const samples: number[] = [];
  const applySamples: number[] = [];
  let current = snapshot;
  for (let i = 0; i < (quick ? 2 : 9); i++) {
    const object = editedRoute(t.cluster, i);
    const applied = timed(() => api.applyWatchEvent(current, { type: 'MODIFIED', object }));
    current = applied.value;
    const analysed = timed(() => api.analyzeIncremental(state, current));
    ({ state, analysis } = analysed.value);
    applySamples.push(applied.ms);
    samples.push(applied.ms + analysed.ms);
  }
  r.check(
    `analyzeIncremental after ${samples.length} edits == analyze (${t.preset})`,
    sameAnalysis(analysis, api.analyze(current)),
    'attachments, listeners, backends, diagnostics and predicted status compared',
  );
  r.figure({
    name: 'analyze-incremental (1 route)',
    value: percentile(samples, 50),
    unit: 'ms',
    target: 10,
    better: 'lower',
    preset: t.preset,
  });
  r.figure({
    name: 'of which applyWatchEvent',
    value: percentile(applySamples, 50),
    unit: 'ms',
    better: 'lower',
    preset: t.preset,
  });
}

/** The parts of two analyses a consumer reads, compared as JSON (the snapshot is the input). */
function sameAnalysis(a: Analysis, b: Analysis): boolean {
  const parts = (x: Analysis): string => {
    const predicted = [...x.predicted].sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0));
    return JSON.stringify([x.attachments, x.listeners, x.backends, x.diagnostics, predicted]);
  };
  return parts(a) === parts(b);
}

export const analyzeBench: Bench = {
  name: 'analyze',
  title: 'Normalize + analyze',
  async run(ctx: BenchContext): Promise<BenchReport> {
    const r = new ReportBuilder();
    const [load, analyze, store, incremental] = await Promise.all([
      loadLoad(ctx.root),
      loadAnalyze(ctx.root),
      loadStore(ctx.root),
      loadIncremental(ctx.root),
    ]);
    if (!load.ok) r.missing(`loadManifests: ${load.reason}`);
    if (!analyze.ok) r.missing(`analyze: ${analyze.reason}`);
    if (!store.ok) r.missing(`incremental (applyWatchEvent): ${store.reason}`);
    if (!incremental.ok) r.missing(`incremental (analyzeIncremental): ${incremental.reason}`);
    if (!load.ok || !analyze.ok) return r.build();
    const inc = store.ok && incremental.ok ? { ...store.api, ...incremental.api, ...analyze.api } : null;
    for (const t of targets(ctx.quick)) {
      collectGarbage();
      ctx.log(`  analyze ${t.preset} (${t.cluster.objects.length} objects)`);
      runOne(r, t, { ...load.api, ...analyze.api }, inc, ctx.quick);
    }
    return r.build();
  },
};
