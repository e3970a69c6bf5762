/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time,
 * so a missed target can be reported with its concrete cause.
 * Usage: node apps/server/bin/run-ts.mjs bench/tools/cpu-top.ts FILE.cpuprofile [N] [path-filter]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, n, filter] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: cpu-top.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  if (node === undefined) return;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/work\/main\//, '')}:${lineNumber + 1}`;
  self.set(where, (self.get(where) ?? 0) + dt);
});
const kept = [...self.entries()].filter(([where]) => filter === undefined || where.includes(filter));
const byFile = new Map<string, number>();
for (const [where, us] of kept) {
  const fileName = where.slice(where.indexOf(' ') + 1).replace(/:\d+$/, '');
  byFile.set(fileName, (byFile.get(fileName) ?? 0) + us);
}
const top = kept.sort((a, b) => b[1] - a[1]).slice(0, Number(n ?? 25));
console.log(`total ${(total / 1000).toFixed(0)} ms`);
if (filter !== undefined) {
  console.log('by file:');
  for (const [f, us] of [...byFile.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${f}`);
}
for (const [where, us] of top)
  console.log(
    `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${where}`,
  );
