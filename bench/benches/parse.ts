/**
 * Parse: a 5 MB multi-document bundle (ns-5k shape) through parseManifests (text → raw objects
 * with positions), then loadManifests (parse + normalize + snapshot). The code is the same a
 * Worker runs; here it runs on Node's main thread, which is the harder case (no idle core).
 */
import { generateCluster, teamsOfSize } from '../generator/index.ts';
import { loadLoad, loadParse } from '../lib/core-api.ts';
import { bundleOfSize } from '../lib/pipeline.ts';
import { medianMs } from '../lib/stats.ts';
import type { Bench, BenchContext, BenchReport } from '../lib/types.ts';
import { ReportBuilder } from '../lib/types.ts';

const FIVE_MB = 5 * 1024 * 1024;

export const parseBench: Bench = {
  name: 'parse',
  title: 'Parse 5 MB bundle',
  async run(ctx: BenchContext): Promise<BenchReport> {
    const r = new ReportBuilder();
    const bytes = ctx.quick ? 64 * 1024 : FIVE_MB;
    const cluster = ctx.quick ? generateCluster('ns-5k', 'tiny') : teamsOfSize(7000);
    const file = bundleOfSize(cluster, bytes);
    const preset = ctx.quick ? 'ns-5k:tiny' : `bundle-${(file.text.length / 1e6).toFixed(1)}MB`;
    const runs = ctx.quick ? 1 : 5;
    const parse = await loadParse(ctx.root);
    if (parse.ok) {
      let docs = 0;
      const ms = medianMs(runs, () => (docs = parse.api.parseManifests([file]).docs.length));
      r.figure({ name: 'parse-5mb', value: ms, unit: 'ms', target: 600, better: 'lower', preset });
      r.check('parse-5mb documents', docs > 0, `${docs} documents from ${file.text.length} bytes`);
    } else r.missing(`parseManifests: ${parse.reason}`);
    if (parse.ok) {
      // Adversarial: few objects at the CRD's maximum sizes (deep, wide documents).
      const big = generateCluster('adv-max-size', ctx.quick ? 'tiny' : 'full');
      const bigFile = bundleOfSize(big, Number.POSITIVE_INFINITY);
      const ms = medianMs(runs, () => parse.api.parseManifests([bigFile]));
      const mb = (bigFile.text.length / 1e6).toFixed(1);
      r.figure({
        name: `parse max-size objects (${mb} MB)`,
        value: ms,
        unit: 'ms',
        better: 'lower',
        preset: big.preset,
      });
    }
    const load = await loadLoad(ctx.root);
    if (load.ok) {
      let objects = 0;
      const ms = medianMs(runs, () => (objects = load.api.loadManifests([file]).snapshot.objects.length));
      r.figure({ name: 'parse+normalize-5mb', value: ms, unit: 'ms', better: 'lower', preset });
      r.check('loadManifests objects', objects > 0, `${objects} objects in the snapshot`);
    } else r.missing(`loadManifests: ${load.reason}`);
    return r.build();
  },
};
