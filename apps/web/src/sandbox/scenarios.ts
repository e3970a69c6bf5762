/**
 * Built-in scenarios: our own YAML in public/scenarios, bundled by Vite so the sandbox works with
 * no server at all. The index (scenarios.json) is small and eager; each scenario's text loads on
 * demand.
 */
import type { RouteTest } from '@gatescope/core';

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly file: string;
  readonly tests?: readonly RouteTest[];
}

const index = import.meta.glob<{ scenarios: Scenario[] }>('../../../../public/scenarios/scenarios.json', {
  eager: true,
  import: 'default',
});
const texts = import.meta.glob<string>('../../../../public/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
});

export const SCENARIOS: readonly Scenario[] = Object.values(index)[0]?.scenarios ?? [];

export async function loadScenarioText(scenario: Scenario): Promise<string> {
  const loader = texts[`../../../../public/scenarios/${scenario.file}`];
  if (loader === undefined) throw new Error(`Scenario file ${scenario.file} is not bundled`);
  return loader();
}
