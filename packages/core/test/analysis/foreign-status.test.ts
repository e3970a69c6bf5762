/**
 * Status other controllers wrote is kept as written (apis/v1: implementations MUST NOT remove or
 * change conditions they do not own, nor status entries of another controllerName), and it is
 * neither compared with our prediction nor reported as stale.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { analyzeIncremental } from '../../src/analysis/incremental/analyze-incremental.ts';
import { applyWatchEvent } from '../../src/store/apply.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { loadManifests } from '../../src/model/load.ts';

const OURS = 'example.com/gateway-controller';
const OTHER = 'other.example.net/controller';

const cond = (type: string, status: string, reason: string, generation: number) =>
  `{type: ${type}, status: "${status}", reason: ${reason}, message: "", observedGeneration: ${generation}, lastTransitionTime: "2030-01-01T00:00:00Z"}`;

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: ${OURS}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra, generation: 2}
spec:
  gatewayClassName: c
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
status:
  conditions:
    - ${cond('Accepted', 'True', 'Accepted', 2)}
    - ${cond('Programmed', 'True', 'Programmed', 2)}
    - ${cond('example.net/Seeded', 'True', 'Seeded', 1)}
    - ${cond('ResolvedRefs', 'False', 'Stale', 1)}
  listeners:
    - name: http
      attachedRoutes: 1
      supportedKinds: [{group: gateway.networking.k8s.io, kind: HTTPRoute}]
      conditions:
        - ${cond('Accepted', 'True', 'Accepted', 2)}
        - ${cond('example.net/Seeded', 'False', 'Seeded', 1)}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{port: 80}]}
`;

function route(parentRefs: string, parents: string): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app, generation: 3}
spec:
  parentRefs: ${parentRefs}
  rules: [{backendRefs: [{name: svc, port: 80}]}]
status:
  parents:
${parents}`;
}

const entry = (gateway: string, controller: string, status: string, reason: string, generation: number) =>
  `    - parentRef: {group: gateway.networking.k8s.io, kind: Gateway, namespace: infra, name: ${gateway}}
      controllerName: ${controller}
      conditions: [${cond('Accepted', status, reason, generation)}]
`;

function run(text: string): Analysis {
  return analyze(loadManifests([{ name: 'in.yaml', text }]).snapshot);
}

function statusOf(a: Analysis, kind: string) {
  const o = a.snapshot.objects.find((x) => x.kind === kind);
  return o === undefined ? undefined : a.predicted.get(o.key);
}

const codes = (a: Analysis, kind: string) =>
  a.diagnostics.filter((d) => d.object.kind === kind).map((d) => d.code.replace(/^GS\d+-/, ''));

describe('foreign status', () => {
  it('keeps foreign Gateway and listener conditions unchanged, and drops none of ours', () => {
    const a = run(BASE);
    const s = statusOf(a, 'Gateway');
    if (s?.kind !== 'Gateway') throw new Error('no Gateway status');
    expect(s.conditions.find((c) => c.type === 'example.net/Seeded')).toMatchObject({
      reason: 'Seeded',
      observedGeneration: 1,
    });
    expect(s.listeners[0]?.conditions.find((c) => c.type === 'example.net/Seeded')).toMatchObject({
      status: 'False',
      observedGeneration: 1,
    });
    // An API type (ResolvedRefs) is ours to write: an old one is not carried over.
    expect(s.conditions.some((c) => c.type === 'ResolvedRefs')).toBe(false);
    // The foreign conditions are not stale; our old ResolvedRefs (generation 1) is.
    expect(codes(a, 'Gateway')).toContain('StaleObservedGeneration');
    const b = run(
      BASE.replace(
        cond('ResolvedRefs', 'False', 'Stale', 1),
        cond('ResolvedRefs', 'True', 'ResolvedRefs', 2),
      ),
    );
    expect(codes(b, 'Gateway')).not.toContain('StaleObservedGeneration');
  });

  it("keeps another controller's route parent entry; ours for a parent not in the input gives way", () => {
    const a = run(
      BASE +
        route(
          '[{name: gw, namespace: infra}, {name: unmanaged, namespace: infra}]',
          entry('gw', OURS, 'True', 'Accepted', 3) + entry('unmanaged', OTHER, 'True', 'Accepted', 1),
        ),
    );
    const s = statusOf(a, 'HTTPRoute');
    if (s?.kind !== 'Route') throw new Error('no route status');
    expect(s.parents.map((p) => `${p.parentRef.name}|${p.controllerName}`)).toEqual([
      `gw|${OURS}`,
      `unmanaged|${OTHER}`,
    ]);
    expect(s.parents[1]?.conditions).toEqual([
      expect.objectContaining({ type: 'Accepted', status: 'True', observedGeneration: 1 }),
    ]);
    const routeCodes = codes(a, 'HTTPRoute');
    expect(routeCodes).not.toContain('StatusDisagreesWithPrediction');
    expect(routeCodes).not.toContain('StaleObservedGeneration');
  });

  it('without a foreign entry, our prediction for a parent not in the input stays', () => {
    const a = run(
      BASE + route('[{name: unmanaged, namespace: infra}]', entry('unmanaged', OURS, 'True', 'Accepted', 3)),
    );
    const s = statusOf(a, 'HTTPRoute');
    if (s?.kind !== 'Route') throw new Error('no route status');
    expect(s.parents.map((p) => p.parentRef.name)).toEqual(['unmanaged']);
    expect(s.parents[0]?.conditions[0]).toMatchObject({ status: 'False', reason: 'NoMatchingParent' });
    // Our own stale entry is compared with the prediction.
    expect(codes(a, 'HTTPRoute')).toContain('StatusDisagreesWithPrediction');
  });

  it('predicts the entry of a parent in the input even when another controller name wrote it', () => {
    // The other name is the real controller of gw (e.g. a class not in the input): no duplicate.
    const a = run(BASE + route('[{name: gw, namespace: infra}]', entry('gw', OTHER, 'False', 'Pending', 3)));
    const s = statusOf(a, 'HTTPRoute');
    if (s?.kind !== 'Route') throw new Error('no route status');
    expect(s.parents.map((p) => `${p.parentRef.name}|${p.controllerName}`)).toEqual([`gw|${OURS}`]);
  });

  it('drops an entry of ours for a parentRef the route no longer has', () => {
    const a = run(
      BASE +
        route(
          '[{name: gw, namespace: infra}]',
          entry('gw', OURS, 'True', 'Accepted', 3) + entry('old', OURS, 'True', 'Accepted', 2),
        ),
    );
    const s = statusOf(a, 'HTTPRoute');
    if (s?.kind !== 'Route') throw new Error('no route status');
    expect(s.parents.map((p) => p.parentRef.name)).toEqual(['gw']);
  });

  it('the incremental path (a route changed) predicts the same merged status as analyze()', () => {
    const text =
      BASE +
      route(
        '[{name: gw, namespace: infra}, {name: unmanaged, namespace: infra}]',
        entry('gw', OURS, 'True', 'Accepted', 3) + entry('unmanaged', OTHER, 'True', 'Accepted', 1),
      );
    const first = loadManifests([{ name: 'in.yaml', text }]).snapshot;
    const { state } = analyzeIncremental(undefined, first);
    const route0 = first.objects.find((o) => o.kind === 'HTTPRoute');
    if (route0 === undefined) throw new Error('no route');
    const raw = structuredClone(route0.raw) as Record<string, unknown>;
    raw['metadata'] = { ...(raw['metadata'] as Record<string, unknown>), generation: 4 };
    (raw['spec'] as Record<string, unknown>)['hostnames'] = ['shop.example.com'];
    const next = applyWatchEvent(first, { type: 'MODIFIED', object: raw });
    const incremental = analyzeIncremental(state, next).analysis;
    const full = analyze(next);
    expect([...incremental.predicted]).toEqual([...full.predicted]);
    expect(incremental.diagnostics).toEqual(full.diagnostics);
    const s = statusOf(incremental, 'HTTPRoute');
    expect(s?.kind === 'Route' ? s.parents.map((p) => p.controllerName) : []).toEqual([OURS, OTHER]);
  });
});
