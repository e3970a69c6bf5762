/** Runs the selected benches in order, isolating failures, and collects their reports. */
import { loadavg } from 'node:os';
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
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    // The machine may be shared: the 1-minute load average says how much other work competed.
    const load = loadavg()[0]?.toFixed(1) ?? '?';
    report = {
      ...report,
      notes: [...report.notes, `ran ${seconds} s; 1-min load average at the end: ${load}`],
    };
    ctx.log(`  done in ${seconds} s (load average ${load})`);
    for (const u of report.unavailable) ctx.log(`  unavailable: ${u}`);
    sections.push({ name: bench.name, title: bench.title, report });
  }
  return sections;
}
