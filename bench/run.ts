/**
 * `npm run bench [-- --quick] [-- --only name[,name]] [-- --out file] [-- --markdown file]`: runs the benchmarks,
 * prints a summary table and writes bench-results.json (figures that have a DESIGN.md target).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHES } from './benches/index.ts';
import { writeFileSync } from 'node:fs';
import { markdownTable, mergeResults, summaryTable, writeResults } from './lib/results.ts';
import { runBenches } from './lib/runner.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    markdown: { type: 'string' },
  },
});

const root = resolve(import.meta.dirname, '..');
const only = (values.only ?? []).flatMap((o) => o.split(',')).filter((o) => o !== '');
const unknown = only.filter((o) => !BENCHES.some((b) => b.name === o));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = only.length === 0 ? BENCHES : BENCHES.filter((b) => only.includes(b.name));
const out = resolve(values.out ?? resolve(root, 'bench-results.json'));

const sections = await runBenches(selected, { quick: values.quick, root, log: (line) => console.log(line) });
// A partial run (--only) merges into the existing file so the other benches' figures stay.
const write = only.length === 0 ? writeResults : mergeResults;
const entries = write(
  out,
  sections.map((s) => s.report),
);
console.log('\n' + summaryTable(sections));
if (values.markdown !== undefined) writeFileSync(values.markdown, markdownTable(sections));
for (const s of sections) for (const n of s.report.notes) console.log(`note (${s.name}): ${n}`);
console.log(`\n${entries.length} figures with targets ${only.length === 0 ? 'written' : 'merged'} to ${out}`);
const failed = sections.flatMap((s) => s.report.checks.filter((c) => !c.ok));
if (failed.length > 0) {
  console.error(`${failed.length} correctness check(s) failed`);
  process.exitCode = 1;
}
