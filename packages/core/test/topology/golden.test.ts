/**
 * Golden files for the whole chain into the graph: YAML → loadManifests → analyze →
 * buildTopology, written as one readable line per node and edge. Regenerate with
 * UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadManifests } from '../../src/model/load.ts';
import { buildTopology } from '../../src/topology/build.ts';
import type { Topology } from '../../src/topology/types.ts';

const DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

export function renderTopology(topology: Topology): string {
  const lines = ['# nodes: column health id (kind) label', ''];
  for (const n of topology.nodes) {
    const ghost = n.ghost === true ? (n.notInInput === true ? ' ghost, not in the input' : ' ghost') : '';
    lines.push(`${n.column} ${n.health.padEnd(7)} ${n.id} (${n.realKind ?? n.kind}${ghost}) ${n.label}`);
  }
  lines.push('', '# edges: kind health source -> target [label] {grant}', '');
  for (const e of topology.edges) {
    const label = e.label === undefined ? '' : ` [${e.label}]`;
    const grant = e.grant === undefined ? '' : ` {${e.grant}}`;
    lines.push(`${e.kind} ${e.health} ${e.source} -> ${e.target}${label}${grant}`);
  }
  return `${lines.join('\n')}\n`;
}

const inputs = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('topology goldens', () => {
  it.each(inputs)('%s', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const { snapshot } = loadManifests([{ name: file, text }]);
    const rendered = renderTopology(buildTopology(analyze(snapshot)));
    const golden = join(DIR, file.replace(/\.yaml$/, '.topology.txt'));
    if (UPDATE || !existsSync(golden)) writeFileSync(golden, rendered);
    expect(rendered).toBe(readFileSync(golden, 'utf8'));
  });
});
