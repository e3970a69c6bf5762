/**
 * Runs analyze() over the upstream conformance manifests the way the suite applies them
 * (base-manifests.yaml, the Secrets/ConfigMaps the suite creates in code, then the test's
 * manifests; {GATEWAY_CLASS_NAME} substituted and a GatewayClass added) and checks one
 * transcribed expectation against the predicted status, returning the disagreements.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analysis/analyze.ts';
import type {
  Analysis,
  PredictedListenerStatus,
  PredictedRouteParentStatus,
} from '../../src/analysis/types.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { createSnapshot } from '../../src/model/snapshot.ts';
import type { Condition, GwObject } from '../../src/model/types.ts';
import { applyWatchEvent } from '../../src/store/apply.ts';
import { TEST_CERT_PEM, TEST_KEY_PEM, base64 } from '../fixtures/tls-pem.ts';
import type {
  Cond,
  ConformanceCase,
  ConformanceStep,
  Expectation,
  ListenerExp,
  ForeignCond,
  ParentSel,
  Version,
} from './table-types.ts';
import { INFRA } from './table-types.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The folder holding one sub-folder of manifests per release (v1.6.1/, v1.7.0/). */
export const CONFORMANCE_ROOT =
  process.env['GATESCOPE_CONFORMANCE_ROOT'] ?? resolve(REPO_ROOT, '../shared/conformance');
export const conformanceDir = (version: Version): string => resolve(CONFORMANCE_ROOT, version);
/** The v1.6.1 folder (other tests scan its manifests). */
export const CONFORMANCE_DIR = conformanceDir('v1.6.1');
export const conformanceAvailable = (version: Version = 'v1.6.1'): boolean =>
  existsSync(resolve(conformanceDir(version), 'base-manifests.yaml'));

export const CLASS = 'gatescope-conformance';
export const CONTROLLER = 'gatescope.dev/conformance';
const GATEWAY_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: ${CLASS}
spec:
  controllerName: ${CONTROLLER}
`;

/** The releases a case runs on. */
export const runsOn = (c: ConformanceCase, version: Version): boolean =>
  c.versions === undefined || c.versions.includes(version);

const CLUSTER_SCOPED = new Set(['GatewayClass', 'CustomResourceDefinition', 'Namespace']);

/**
 * suite-programmatic-resources.yaml stands in for the Secrets the upstream suite creates in code,
 * with placeholder values (base64 of "PLACEHOLDER"). Upstream creates real certificates there
 * (conformance/utils/kubernetes/certificate.go: pem.Encode of a CERTIFICATE and an RSA PRIVATE
 * KEY), and the engine judges tls.crt/tls.key PEM structure, so the harness gives each of them
 * PEM data (test/fixtures/tls-pem.ts), as upstream would. See README.md.
 */
const PLACEHOLDER = 'UExBQ0VIT0xERVI=';
function withSuiteCertificates(text: string): string {
  return text
    .replaceAll(`tls.crt: ${PLACEHOLDER}`, `tls.crt: ${base64(TEST_CERT_PEM)}`)
    .replaceAll(`tls.key: ${PLACEHOLDER}`, `tls.key: ${base64(TEST_KEY_PEM)}`);
}

function caseSnapshot(c: ConformanceCase, version: Version): Snapshot {
  const read = (name: string) => ({
    name,
    text: readFileSync(resolve(conformanceDir(version), name), 'utf8')
      .replaceAll('{GATEWAY_CLASS_NAME}', CLASS)
      .replaceAll('{GATEWAY_CONTROLLER_NAME}', CONTROLLER),
  });
  const suite = read('suite-programmatic-resources.yaml');
  const files = [
    { name: 'gatewayclass.yaml', text: GATEWAY_CLASS },
    read('base-manifests.yaml'),
    { name: suite.name, text: withSuiteCertificates(suite.text) },
    ...c.manifests.map(read),
    ...(c.inline === undefined ? [] : [{ name: 'inline.yaml', text: c.inline }]),
  ];
  // The API server gives every object metadata.generation 1 on create (the *LatestConditions
  // helpers compare observedGeneration with it).
  const loaded = loadManifests(files).snapshot;
  return createSnapshot(
    loaded.objects.map((o) =>
      o.meta.generation === undefined ? { ...o, meta: { ...o.meta, generation: 1 } } : o,
    ),
  );
}

export function analyzeCase(c: ConformanceCase, version: Version = 'v1.6.1'): Analysis {
  return analyze(caseSnapshot(c, version));
}

function findObject(snapshot: Snapshot, sel: ConformanceStep['object']): GwObject {
  const found = snapshot.objects.find(
    (o) =>
      o.ref.kind === sel.kind &&
      o.meta.name === sel.name &&
      o.meta.namespace === (sel.namespace ?? (CLUSTER_SCOPED.has(sel.kind) ? '' : INFRA)),
  );
  if (found === undefined) throw new Error(`step object ${sel.kind} ${sel.name} not in the case`);
  return found;
}

/** A MODIFIED watch event for the object's raw form after `edit`, at the given generation. */
function modify(
  snapshot: Snapshot,
  object: GwObject,
  generation: number,
  edit: (raw: Record<string, unknown>) => void,
): Snapshot {
  const raw = structuredClone(object.raw) as Record<string, unknown>;
  edit(raw);
  raw['metadata'] = { ...(raw['metadata'] as Record<string, unknown>), generation };
  return applyWatchEvent(snapshot, { type: 'MODIFIED', object: raw });
}

/**
 * The analyses of a multi-step case: before any change (objects the steps touch at generation
 * 1), then after each step (generation + 1, applied with applyWatchEvent).
 */
export function analyzeSteps(c: ConformanceCase, version: Version = 'v1.6.1'): Analysis[] {
  let snapshot = caseSnapshot(c, version);
  for (const step of c.steps ?? [])
    if (step.delete !== true) snapshot = modify(snapshot, findObject(snapshot, step.object), 1, () => {});
  const out = [analyze(snapshot)];
  for (const step of c.steps ?? []) {
    const object = findObject(snapshot, step.object);
    snapshot =
      step.delete === true
        ? applyWatchEvent(snapshot, { type: 'DELETED', object: structuredClone(object.raw) })
        : modify(snapshot, object, (object.meta.generation ?? 1) + 1, step.mutate ?? (() => {}));
    out.push(analyze(snapshot));
  }
  return out;
}

function conditionProblems(where: string, expected: readonly Cond[], actual: readonly Condition[]): string[] {
  const out: string[] = [];
  for (const e of expected) {
    const a = actual.find((c) => c.type === e.type);
    const want = `${e.type}=${e.status}${e.reason === undefined ? '' : `/${e.reason}`}`;
    if (a === undefined) out.push(`${where}: missing ${want}`);
    else if (a.status !== e.status || (e.reason !== undefined && a.reason !== e.reason))
      out.push(`${where}: want ${want}, got ${a.type}=${a.status}/${a.reason}`);
  }
  return out;
}

function listenerProblems(where: string, e: ListenerExp, a: PredictedListenerStatus | undefined): string[] {
  if (a === undefined) return [`${where}: listener ${e.name} missing`];
  const out: string[] = [];
  const w = `${where} listener ${e.name}`;
  if (e.attachedRoutes !== undefined && a.attachedRoutes !== e.attachedRoutes)
    out.push(`${w}: attachedRoutes want ${e.attachedRoutes}, got ${a.attachedRoutes}`);
  if (e.supportedKinds !== undefined) {
    const kinds = a.supportedKinds.map((k) => k.kind);
    if (e.supportedKinds.length === 0 && kinds.length > 0)
      out.push(`${w}: supportedKinds want none, got ${kinds.join(',')}`);
    for (const k of e.supportedKinds)
      if (!kinds.includes(k)) out.push(`${w}: supportedKinds lacks ${k} (got ${kinds.join(',')})`);
  }
  return [...out, ...conditionProblems(w, e.conditions ?? [], a.conditions)];
}

function statusOf(analysis: Analysis, kind: string, namespace: string, name: string) {
  const object = analysis.snapshot.objects.find(
    (o) => o.kind === kind && o.meta.namespace === namespace && o.meta.name === name,
  );
  return object === undefined ? undefined : analysis.predicted.get(object.key);
}

function parentMatches(p: PredictedRouteParentStatus, sel: ParentSel): boolean {
  return (
    p.parentRef.name === sel.name &&
    (sel.kind ?? 'Gateway') === (p.parentRef.kind === 'XListenerSet' ? 'ListenerSet' : p.parentRef.kind) &&
    p.parentRef.namespace === (sel.namespace ?? INFRA) &&
    (sel.sectionName === undefined || p.parentRef.sectionName === sel.sectionName)
  );
}

/** Disagreements between one expectation and the analysis ([] = agrees). */
export function checkExpectation(analysis: Analysis, e: Expectation): string[] {
  if (e.what === 'gatewayClass') {
    const s = statusOf(analysis, 'GatewayClass', '', e.name);
    if (s?.kind !== 'GatewayClass') return [`GatewayClass ${e.name}: no predicted status`];
    const where = `GatewayClass ${e.name}`;
    return [
      ...conditionProblems(where, e.conditions, s.conditions),
      ...(e.latestGeneration === true
        ? generationProblems(analysis, where, 'GatewayClass', '', e.name, s.conditions)
        : []),
    ];
  }
  const ns = e.namespace ?? INFRA;
  if (e.what === 'backendTLSPolicy') {
    const s = statusOf(analysis, 'BackendTLSPolicy', ns, e.name);
    if (s?.kind !== 'BackendTLSPolicy') return [`BackendTLSPolicy ${ns}/${e.name}: no predicted status`];
    const where = `BackendTLSPolicy ${e.name}`;
    const own = s.ancestors.filter((x) => e.foreignAncestor?.controllerName !== x.controllerName);
    const a = own.find((x) => x.ancestorRef.kind === 'Gateway' && x.ancestorRef.name === e.ancestor);
    if (a === undefined)
      return [
        `${where}: no ancestor ${e.ancestor} (got [${s.ancestors.map((x) => x.ancestorRef.name).join(', ')}])`,
      ];
    const out = conditionProblems(`${where} ancestor ${e.ancestor}`, e.conditions, a.conditions);
    if (e.latestGeneration === true)
      out.push(
        ...generationProblems(
          analysis,
          where,
          'BackendTLSPolicy',
          ns,
          e.name,
          own.flatMap((x) => x.conditions),
        ),
      );
    if (e.foreignAncestor !== undefined) {
      const f = e.foreignAncestor;
      const entry = s.ancestors.find((x) => x.controllerName === f.controllerName);
      if (entry === undefined || entry.ancestorRef.name !== f.name)
        out.push(`${where}: the ancestor entry of ${f.controllerName} was dropped`);
      else out.push(...foreignProblems(`${where} ancestor of ${f.controllerName}`, f, entry.conditions));
    }
    if (e.agreesWithObserved === true) out.push(...disagreements(analysis, 'BackendTLSPolicy', ns, e.name));
    return out;
  }
  if (e.what === 'gateway' || e.what === 'listenerSet') {
    const kind = e.what === 'gateway' ? 'Gateway' : 'ListenerSet';
    const s = statusOf(analysis, kind, ns, e.name);
    if (s === undefined || (s.kind !== 'Gateway' && s.kind !== 'ListenerSet'))
      return [`${kind} ${ns}/${e.name}: no predicted status`];
    const where = `${kind} ${e.name}`;
    const out = conditionProblems(where, e.conditions ?? [], s.conditions);
    if (e.listeners !== undefined) {
      if (e.listeners.length !== s.listeners.length)
        out.push(`${where}: want ${e.listeners.length} listeners, got ${s.listeners.length}`);
      for (const l of e.listeners)
        out.push(
          ...listenerProblems(
            where,
            l,
            s.listeners.find((a) => a.name === l.name),
          ),
        );
    }
    if (e.listenerConditions !== undefined) {
      const names =
        e.listenerConditions.names.length === 0 ? s.listeners.map((l) => l.name) : e.listenerConditions.names;
      for (const n of names)
        out.push(
          ...listenerProblems(
            where,
            { name: n, conditions: e.listenerConditions.conditions },
            s.listeners.find((a) => a.name === n),
          ),
        );
    }
    if (e.what === 'gateway' && s.kind === 'Gateway') {
      if (e.attachedListenerSets !== undefined && (s.attachedListenerSets ?? 0) !== e.attachedListenerSets) {
        out.push(
          `${where}: attachedListenerSets want ${e.attachedListenerSets}, got ${s.attachedListenerSets ?? 0}`,
        );
      }
      if (e.zeroRoutes === true && s.listeners.some((l) => l.attachedRoutes !== 0))
        out.push(`${where}: want zero attached routes`);
      if (e.latestGeneration === true) {
        const all = [...s.conditions, ...s.listeners.flatMap((l) => l.conditions)];
        const foreign = new Set((e.foreignConditions ?? []).map((f) => f.type));
        out.push(
          ...generationProblems(
            analysis,
            where,
            kind,
            ns,
            e.name,
            all.filter((c) => !foreign.has(c.type)),
          ),
        );
      }
      for (const f of e.foreignConditions ?? []) {
        const conditions =
          f.listener === undefined
            ? s.conditions
            : (s.listeners.find((l) => l.name === f.listener)?.conditions ?? []);
        out.push(
          ...foreignProblems(
            `${where}${f.listener === undefined ? '' : ` listener ${f.listener}`}`,
            f,
            conditions,
          ),
        );
      }
      if (e.agreesWithObserved === true) out.push(...disagreements(analysis, kind, ns, e.name));
    }
    return out;
  }
  const s = statusOf(analysis, e.kind ?? 'HTTPRoute', ns, e.name);
  if (s?.kind !== 'Route') return [`${e.kind ?? 'HTTPRoute'} ${ns}/${e.name}: no predicted status`];
  const where = `${e.kind ?? 'HTTPRoute'} ${e.name}`;
  const out: string[] = [];
  const foreignController = e.foreignParent?.controllerName;
  const parents = s.parents.filter((p) => p.controllerName !== foreignController);
  if (e.foreignParent !== undefined) {
    const f = e.foreignParent;
    const entry = s.parents.find((p) => p.controllerName === f.controllerName);
    if (entry === undefined || entry.parentRef.name !== f.name)
      out.push(`${where}: the parent entry of ${f.controllerName} was dropped`);
    else out.push(...foreignProblems(`${where} parent of ${f.controllerName}`, f, entry.conditions));
  }
  if (e.agreesWithObserved === true) out.push(...disagreements(analysis, e.kind ?? 'HTTPRoute', ns, e.name));
  if (e.parent !== undefined) {
    const candidates = parents.filter((p) => parentMatches(p, e.parent as ParentSel));
    if (candidates.length === 0) out.push(`${where}: no status for parent ${e.parent.name}`);
    else {
      const problems = candidates.map((p) =>
        conditionProblems(`${where} parent ${e.parent?.name ?? ''}`, e.conditions ?? [], p.conditions),
      );
      if (problems.every((p) => p.length > 0)) out.push(...(problems[0] ?? []));
    }
  }
  if (e.exactParents !== undefined) {
    const ok =
      e.exactParents.length === parents.length &&
      e.exactParents.every((sel) => parents.some((p) => parentMatches(p, sel)));
    if (!ok)
      out.push(
        `${where}: parents want [${e.exactParents.map((p) => p.name).join(', ')}], got [${parents.map((p) => `${p.parentRef.kind}/${p.parentRef.name}`).join(', ')}]`,
      );
  }
  if (e.latestGeneration === true) {
    const all = parents.flatMap((p) => p.conditions);
    out.push(...generationProblems(analysis, where, e.kind ?? 'HTTPRoute', ns, e.name, all));
  }
  if (
    e.noAcceptedParents === true &&
    parents.some((p) => p.conditions.some((c) => c.type === 'Accepted' && c.status === 'True'))
  ) {
    out.push(`${where}: want no accepted parents`);
  }
  return out;
}

/** *MustHaveLatestConditions: the object has a generation and every condition observed it. */
function generationProblems(
  analysis: Analysis,
  where: string,
  kind: string,
  namespace: string,
  name: string,
  conditions: readonly Condition[],
): string[] {
  const object = analysis.snapshot.objects.find(
    (o) => o.kind === kind && o.meta.namespace === namespace && o.meta.name === name,
  );
  const generation = object?.meta.generation;
  if (generation === undefined) return [`${where}: has no metadata.generation`];
  const stale = conditions.filter((c) => c.observedGeneration !== generation);
  if (conditions.length === 0) return [`${where}: no conditions`];
  return stale.map(
    (c) =>
      `${where}: ${c.type} observedGeneration ${c.observedGeneration ?? 'unset'}, generation ${generation}`,
  );
}

/** A foreign condition must be there exactly as the other controller wrote it. */
function foreignProblems(where: string, f: ForeignCond, conditions: readonly Condition[]): string[] {
  const c = conditions.find((x) => x.type === f.type);
  if (c === undefined) return [`${where}: foreign condition ${f.type} was removed`];
  if (c.reason !== f.reason || c.observedGeneration !== f.observedGeneration)
    return [
      `${where}: foreign condition ${f.type} was modified (reason ${c.reason}, observedGeneration ${c.observedGeneration ?? 'unset'})`,
    ];
  return [];
}

/** StatusDisagreesWithPrediction reported on the object. */
function disagreements(analysis: Analysis, kind: string, namespace: string, name: string): string[] {
  return analysis.diagnostics
    .filter(
      (d) =>
        d.code.endsWith('-StatusDisagreesWithPrediction') &&
        d.object?.kind === kind &&
        d.object.namespace === namespace &&
        d.object.name === name,
    )
    .map((d) => `${kind} ${name}: ${d.message}`);
}
