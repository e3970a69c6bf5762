/**
 * Normalize + analyze: cold analysis of a whole cluster, and the one-route incremental case
 * (a watch event changes one HTTPRoute: apply it to the snapshot, then re-analyse).
 */
import type { Analysis } from '../../packages/core/src/analysis/types.ts';
import type { GeneratedCluster } from '../generator/index.ts';
import { generateCluster, teamsOfSize } from '../generator/index.ts';
import type { AnalyzeApi, LoadApi, StoreApi } from '../lib/core-api.ts';
import { loadAnalyze, loadLoad, loadStore } from '../lib/core-api.ts';
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
  store: StoreApi | null,
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
  if (!t.targeted) return;
  if (store === null) return;
  const samples: number[] = [];
  let current = snapshot;
  for (let i = 0; i < (quick ? 2 : 9); i++) {
    const object = editedRoute(t.cluster, i);
    samples.push(
      timed(() => api.analyze((current = store.applyWatchEvent(current, { type: 'MODIFIED', object })))).ms,
    );
  }
  r.figure({
    name: 'analyze-incremental (1 route)',
    value: percentile(samples, 50),
    unit: 'ms',
    target: 10,
    better: 'lower',
    preset: t.preset,
  });
}

export const analyzeBench: Bench = {
  name: 'analyze',
  title: 'Normalize + analyze',
  async run(ctx: BenchContext): Promise<BenchReport> {
    const r = new ReportBuilder();
    const [load, analyze, store] = await Promise.all([
      loadLoad(ctx.root),
      loadAnalyze(ctx.root),
      loadStore(ctx.root),
    ]);
    if (!load.ok) r.missing(`loadManifests: ${load.reason}`);
    if (!analyze.ok) r.missing(`analyze: ${analyze.reason}`);
    if (!store.ok) r.missing(`incremental (applyWatchEvent): ${store.reason}`);
    if (!load.ok || !analyze.ok) return r.build();
    for (const t of targets(ctx.quick)) {
      collectGarbage();
      ctx.log(`  analyze ${t.preset} (${t.cluster.objects.length} objects)`);
      runOne(r, t, { ...load.api, ...analyze.api }, store.ok ? store.api : null, ctx.quick);
    }
    return r.build();
  },
};
