/**
 * Real-world corpus: one folder per project (gateway-api guides, Envoy Gateway, NGINX Gateway
 * Fabric, Istio, kgateway, Contour, Cilium, mcs-api, Linkerd), each with our own fixtures in the
 * shapes those projects document: vendor policies and backends, HBONE waypoints, mesh routes with
 * Service parents, ServiceImport backends, cert-manager annotations, certificate Secrets and
 * GatewayClasses that are not in git, ReferenceGrants. Every file is correct as its project
 * documents it, so:
 * - no diagnostic may be an error (each one would be a false positive of the engine);
 * - every reference to an object the folder does not hold is reported as "not in the input";
 * - the features each project relies on are recognised (expected codes);
 * - simulate routes requests the way the project's docs say, once what the folder references but
 *   does not hold (GatewayClasses, certificate Secrets, Services) is assumed to exist in the
 *   cluster (matching/assume-present.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { analyzeIncremental } from '../../src/analysis/incremental/analyze-incremental.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import type { Diagnostic } from '../../src/diagnostics/types.ts';
import { keyOf } from '../../src/model/identity.ts';
import type { ObjectKey } from '../../src/model/identity.ts';
import { parseManifests } from '../../src/manifest/parse.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { isRoute } from '../../src/model/types.ts';
import { buildTopology } from '../../src/topology/build.ts';
import type { GwObject } from '../../src/model/types.ts';
import { assumeAbsentPresent } from '../../src/matching/assume-present.ts';
import { simulate } from '../../src/matching/simulate.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import { applyWatchEvent } from '../../src/store/apply.ts';
import { EXPECTED_CODES, REQUESTS } from './expectations.ts';

const DIR = import.meta.dirname;
const PROJECTS = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function files(project: string): { name: string; text: string }[] {
  const folder = join(DIR, project);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `${project}/${f}`, text: readFileSync(join(folder, f), 'utf8') }));
}

function load(project: string): ReturnType<typeof loadManifests> {
  return loadManifests(files(project));
}

function comparable(a: Analysis): unknown {
  return {
    predicted: [...a.predicted],
    listeners: a.listeners,
    attachments: a.attachments,
    backends: a.backends,
    diagnostics: a.diagnostics,
  };
}

interface Reference {
  readonly from: GwObject;
  readonly key: ObjectKey;
  readonly name: string;
  readonly what: string;
}

/**
 * Every reference the model resolves: class, parameters, certificates, parents, backends, rule
 * extensionRef filters, policy targets.
 */
function references(snapshot: Snapshot): Reference[] {
  const refs: Reference[] = [];
  const add = (from: GwObject, key: ObjectKey, name: string, what: string): void => {
    refs.push({ from, key, name, what });
  };
  for (const o of snapshot.objects) {
    if (o.kind === 'Gateway') {
      const gc = {
        group: 'gateway.networking.k8s.io',
        kind: 'GatewayClass',
        namespace: '',
        name: o.gatewayClassName,
      };
      add(o, keyOf(gc), gc.name, 'gatewayClassName');
      for (const l of o.listeners) {
        for (const c of l.tls?.certificateRefs ?? [])
          add(o, c.key, c.name, `listener ${l.name} certificateRef`);
      }
    } else if (o.kind === 'GatewayClass' && o.parametersRef !== undefined) {
      add(o, o.parametersRef.key, o.parametersRef.name, 'parametersRef');
    } else if (o.kind === 'Policy' || o.kind === 'BackendTLSPolicy') {
      for (const t of o.targetRefs) add(o, t.key, t.name, 'targetRef');
    } else if (isRoute(o)) {
      for (const p of o.parentRefs) add(o, p.key, p.name, 'parentRef');
      for (const rule of o.rules) {
        for (const b of rule.backendRefs) add(o, b.key, b.name, 'backendRef');
        for (const f of 'filters' in rule ? rule.filters : []) {
          if (f.type === 'ExtensionRef') add(o, f.ref.key, f.ref.name, 'extensionRef filter');
        }
      }
    }
  }
  return refs;
}

function sameObject(d: Diagnostic, o: GwObject): boolean {
  return (
    d.object.kind === o.ref.kind && d.object.namespace === o.meta.namespace && d.object.name === o.meta.name
  );
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.code} ${d.object.kind} ${d.object.namespace}/${d.object.name}: ${d.message}`;
}

const analyses = new Map<string, { analysis: Analysis; parse: readonly Diagnostic[] }>();
function analysed(project: string): { analysis: Analysis; parse: readonly Diagnostic[] } {
  let hit = analyses.get(project);
  if (hit === undefined) {
    const loaded = load(project);
    hit = { analysis: analyze(loaded.snapshot), parse: loaded.diagnostics };
    analyses.set(project, hit);
  }
  return hit;
}

describe('real-world corpus', () => {
  it('has expectations for every project folder', () => {
    expect(PROJECTS).toEqual(Object.keys(EXPECTED_CODES).sort());
    expect(Object.keys(REQUESTS).sort()).toEqual(PROJECTS);
  });

  describe.each(PROJECTS)('%s', (project) => {
    it('loads without parse or normalize problems', () => {
      const { parse } = analysed(project);
      expect(parse.map(describeDiagnostic)).toEqual([]);
    });

    it('has no error-severity diagnostic (each would be a false positive)', () => {
      const { analysis } = analysed(project);
      const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map(describeDiagnostic)).toEqual([]);
    });

    it('reports every reference to an object not in the input as "not in the input"', () => {
      const { analysis } = analysed(project);
      const absent = references(analysis.snapshot).filter((r) => !analysis.snapshot.byKey.has(r.key));
      const unreported = absent.filter(
        (r) =>
          !analysis.diagnostics.some(
            (d) =>
              d.severity !== 'error' &&
              sameObject(d, r.from) &&
              d.message.includes('not in the input') &&
              d.message.includes(r.name),
          ),
      );
      expect(unreported.map((r) => `${r.from.key} ${r.what} → ${r.key}`)).toEqual([]);
    });

    it('recognises what the project relies on (expected codes)', () => {
      const { analysis } = analysed(project);
      const codes = new Set(analysis.diagnostics.map((d) => d.code.split('-')[0]));
      for (const code of EXPECTED_CODES[project] ?? []) expect(codes, code).toContain(code);
    });

    it('gives the same analysis incrementally as in full when each route is edited', () => {
      // Mesh parents, vendor backends and class parameters are reported by route stages and by
      // checks: the incremental path must report them exactly as a full analysis does.
      let snapshot = load(project).snapshot;
      let { state } = analyzeIncremental(undefined, snapshot);
      const routes = parseManifests(files(project)).docs.filter((d) =>
        isRoute({ kind: String(d.object['kind']) }),
      );
      expect(routes.length).toBeGreaterThan(0);
      for (const doc of routes) {
        const edited = {
          ...doc.object,
          metadata: { ...(doc.object['metadata'] as object), labels: { edited: 'yes' } },
        };
        for (const event of [
          { type: 'MODIFIED', object: edited },
          { type: 'DELETED', object: edited },
          { type: 'ADDED', object: doc.object },
        ] as const) {
          snapshot = applyWatchEvent(snapshot, event);
          const next = analyzeIncremental(state, snapshot);
          expect(comparable(next.analysis), `${event.type} ${String(doc.object['kind'])}`).toEqual(
            comparable(analyze(snapshot)),
          );
          state = next.state;
        }
      }
    });

    it('draws no vendor backend and no mesh parent in the input as broken', () => {
      const { analysis } = analysed(project);
      const topology = buildTopology(analysis);
      const nodeHealth = new Map(topology.nodes.map((n) => [n.id, n.health]));
      const red: string[] = [];
      for (const e of topology.edges) {
        const vendorTarget = analysis.backends.some(
          (b) =>
            b.implementationSpecific === true &&
            e.target === `${b.target.kind}/${b.target.namespace}/${b.target.name}`,
        );
        const meshParent =
          e.kind === 'parent' && e.source.startsWith('Service/') && nodeHealth.get(e.source) === 'ok';
        if ((vendorTarget || meshParent) && e.health === 'error') red.push(e.id);
      }
      for (const b of analysis.backends) {
        const id = `${b.target.kind}/${b.target.namespace}/${b.target.name}`;
        if (b.implementationSpecific === true && nodeHealth.get(id) === 'error') red.push(id);
      }
      expect(red).toEqual([]);
    });

    it('simulates requests as the project documents them', () => {
      const loaded = load(project);
      const { snapshot, assumed } = assumeAbsentPresent(loaded.snapshot);
      const tables = compileRouteTables(analyze(snapshot));
      for (const { request, expect: want } of REQUESTS[project] ?? []) {
        const result = simulate(tables, request);
        const label = `${project} ${JSON.stringify(request)} (assumed present: ${assumed.join(', ') || 'none'})\n${result.explanation.join('\n')}`;
        expect(result.status, label).toBe(want.status);
        expect(result.route?.name ?? null, label).toBe(want.route);
        expect(
          result.backends.filter((b) => b.probability > 0).map((b) => `${b.kind}/${b.name}`),
          label,
        ).toEqual(want.backends);
        if (want.redirect !== undefined) expect(result.redirect?.location, label).toBe(want.redirect);
      }
    });
  });
});
