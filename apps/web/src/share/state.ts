/**
 * Web side of share links: build the ShareInput from what is on screen, and apply a decoded
 * ShareState back (sandbox text, tests, simulator request, selection, tab and filters).
 */
import { stringify } from 'yaml';
import type { RouteTest, ShareInput, ShareState, ShareView } from '@gatescope/core';
import type { EngineResult } from '../engine/types.ts';
import { getSandbox, updateSandbox } from '../sandbox/store.ts';
import { navigate } from '../shell/router.ts';
import { NO_FILTERS, PANEL_TABS, type ViewState } from '../view/ViewState.tsx';

export interface OnScreen {
  readonly page: 'topology' | 'sandbox';
  readonly view: ViewState;
  readonly result: EngineResult | null;
}

/** The sandbox text (with assumptions, which stay marked by their annotation) or the live objects. */
export function shareInputOf(screen: OnScreen): ShareInput {
  const sandbox = getSandbox();
  if (screen.page === 'sandbox') {
    const parts = [sandbox.yaml, ...sandbox.assumptions.map((a) => a.yaml)].filter((t) => t.trim() !== '');
    return { type: 'sandbox', yaml: parts.map((p) => p.replace(/\n*$/, '\n')).join('---\n') };
  }
  const namespaces = new Set(screen.view.filters.namespaces);
  const objects = (screen.result?.analysis.snapshot.objects ?? [])
    .filter((o) => namespaces.size === 0 || o.meta.namespace === '' || namespaces.has(o.meta.namespace))
    .map((o) => o.raw);
  return {
    type: 'snapshot',
    objects,
    label:
      namespaces.size === 0 ? 'live snapshot' : `live snapshot, namespaces ${[...namespaces].join(', ')}`,
  };
}

export function shareViewOf(screen: OnScreen): ShareView {
  const { selected, tab, filters } = screen.view;
  const request = getSandbox().request;
  const hasFilters =
    filters.text !== '' || filters.namespaces.length > 0 || filters.kinds.length > 0 || filters.onlyProblems;
  return {
    page: screen.page,
    panel: tab,
    ...(selected === null ? {} : { selected }),
    ...(hasFilters ? { filters } : {}),
    ...(request === null ? {} : { request }),
  };
}

export function shareTestsOf(): readonly RouteTest[] {
  return getSandbox().tests;
}

/** The sandbox text a shared state opens as (a shared live snapshot becomes sandbox YAML). */
export function sharedYaml(state: ShareState): string {
  return state.source.type === 'sandbox'
    ? state.source.yaml
    : `# Shared ${state.source.label ?? 'snapshot'} (redacted), opened in the sandbox\n` +
        state.source.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}

/** Opens a shared state: always in the sandbox (a shared live snapshot becomes sandbox YAML). */
export function applySharedState(state: ShareState, view: ViewState): void {
  const yaml = sharedYaml(state);
  updateSandbox(
    { yaml, tests: state.tests, request: state.view.request ?? null, assumptions: [], whatIf: false },
    true,
  );
  navigate('/sandbox');
  const f = state.view.filters;
  view.setFilters({
    ...NO_FILTERS,
    ...(f?.text === undefined ? {} : { text: f.text }),
    ...(f?.namespaces === undefined ? {} : { namespaces: f.namespaces }),
    ...(f?.kinds === undefined ? {} : { kinds: f.kinds }),
    ...(f?.onlyProblems === undefined ? {} : { onlyProblems: f.onlyProblems }),
  });
  view.select(state.view.selected ?? null);
  const tab = PANEL_TABS.find((t) => t.id === state.view.panel)?.id;
  if (tab !== undefined) view.setTab(tab);
}
