/** Runs the selected benches in order, isolating failures, and collects their reports. */
import { collectGarbage } from './stats.ts';
import type { Bench, BenchContext, BenchReport } from './types.ts';

export interface Section {
  readonly name: string;
  readonly title: string;
  readonly report: BenchReport;
}

export async function runBenches(benches: readonly Bench[], ctx: BenchContext): Promise<Section[]> {
  const sections: Section[] = [];
  for (const bench of benches) {
    collectGarbage();
    ctx.log(`▶ ${bench.name}: ${bench.title}`);
    const start = performance.now();
    let report: BenchReport;
    try {
      report = await bench.run(ctx);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report = {
        figures: [],
        checks: [
          { name: `${bench.name} ran`, ok: false, detail: message.split('\n').slice(0, 4).join(' | ') },
        ],
        notes: [],
        unavailable: [],
      };
    }
    ctx.log(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    for (const u of report.unavailable) ctx.log(`  unavailable: ${u}`);
    sections.push({ name: bench.name, title: bench.title, report });
  }
  return sections;
}
