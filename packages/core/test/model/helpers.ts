import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/types.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { GwObject } from '../../src/model/types.ts';

export interface Loaded {
  readonly objects: readonly GwObject[];
  readonly diagnostics: readonly Diagnostic[];
}

export function load(yaml: string, options: { cluster?: string } = {}): Loaded {
  const { snapshot, diagnostics } = loadManifests([{ name: 'test.yaml', text: yaml }], options);
  return { objects: snapshot.objects, diagnostics };
}

/** The only object of a model kind; fails the test when there is not exactly one. */
export function only<K extends GwObject['kind']>(loaded: Loaded, kind: K): Extract<GwObject, { kind: K }> {
  const found = loaded.objects.filter((o): o is Extract<GwObject, { kind: K }> => o.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0] as Extract<GwObject, { kind: K }>;
}

export function codes(loaded: Loaded): string[] {
  return loaded.diagnostics.map((d) => `${d.code} ${d.field ?? ''}`.trim());
}
