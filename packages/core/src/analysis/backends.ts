/**
 * Stage "backends": every backendRef (and RequestMirror target) of every route, resolved
 * (apis/v1 shared_types.go BackendRef; RouteConditionResolvedRefs reasons). Checks in the order a
 * conformant controller reports them: InvalidKind → RefNotPermitted (ReferenceGrant) →
 * BackendNotFound → port. Invalid backends make the route's ResolvedRefs False (the first
 * failing ref gives the reason) and answer 500 for their share of traffic; they never make the
 * route unaccepted.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { grantFixFor } from '../diagnostics/fixes.ts';
import type { ObjectKey } from '../model/identity.ts';
import { GATEWAY_GROUP } from '../model/identity.ts';
import type { BackendRef, HTTPFilter, Route, ServicePort } from '../model/types.ts';
import type { ResolvedBackend } from './types.ts';
import type { AnalysisContext } from './context.ts';
import { findGrant } from './grants.ts';
import { backendNotInInput, serviceExportAbsence } from './absent.ts';
import {
  classifyBackendKind,
  implementationSpecificDiagnostic,
  isRouteDelegation,
  withUncheckedNote,
} from './backend-kinds.ts';

export interface RouteRefs {
  readonly ok: boolean;
  readonly reason: string;
  readonly message: string;
}

export interface BackendStageResult {
  readonly backends: ResolvedBackend[];
  readonly refsByRoute: ReadonlyMap<string, RouteRefs>;
}

interface RefSite {
  readonly route: Route;
  readonly ruleIndex: number;
  readonly ref: BackendRef;
  readonly field: string;
  readonly mirror?: { readonly filterIndex: number; readonly backendRefIndex?: number };
}

export function resolveBackends(ctx: AnalysisContext, out: Diagnostic[]): BackendStageResult {
  const backends: ResolvedBackend[] = [];
  const refsByRoute = new Map<string, RouteRefs>();
  for (const route of ctx.routes) {
    let refs: RouteRefs = { ok: true, reason: 'ResolvedRefs', message: 'All references are resolved.' };
    const unchecked: ResolvedBackend[] = [];
    for (const site of refSites(route)) {
      const before = out.length;
      const resolved = resolveOne(ctx, site, out);
      backends.push(resolved);
      if (resolved.implementationSpecific === true) unchecked.push(resolved);
      if (!resolved.valid && refs.ok) {
        const message = out[before]?.message ?? `${site.field} cannot be resolved.`;
        refs = { ok: false, reason: resolved.reason ?? 'BackendNotFound', message };
      }
    }
    checkWeights(route, out);
    refsByRoute.set(route.key, refs.ok ? withUncheckedNote(refs, unchecked) : refs);
  }
  return { backends, refsByRoute };
}

function refSites(route: Route): RefSite[] {
  const sites: RefSite[] = [];
  for (const rule of route.rules) {
    const ruleField = `spec.rules[${rule.index}]`;
    if ('filters' in rule)
      sites.push(...mirrorSites(route, rule.index, rule.filters, `${ruleField}.filters`));
    for (const ref of rule.backendRefs) {
      const field = `${ruleField}.backendRefs[${ref.index}]`;
      sites.push({ route, ruleIndex: rule.index, ref, field });
      if ('filters' in ref) {
        const filters = (ref as { filters: readonly HTTPFilter[] }).filters;
        sites.push(...mirrorSites(route, rule.index, filters, `${field}.filters`, ref.index));
      }
    }
  }
  return sites;
}

function mirrorSites(
  route: Route,
  ruleIndex: number,
  filters: readonly HTTPFilter[],
  base: string,
  backendRefIndex?: number,
): RefSite[] {
  const sites: RefSite[] = [];
  filters.forEach((f, filterIndex) => {
    if (f.type !== 'RequestMirror') return;
    sites.push({
      route,
      ruleIndex,
      ref: f.backendRef,
      field: `${base}[${filterIndex}].requestMirror.backendRef`,
      mirror: backendRefIndex === undefined ? { filterIndex } : { filterIndex, backendRefIndex },
    });
  });
  return sites;
}

function resolveOne(ctx: AnalysisContext, site: RefSite, out: Diagnostic[]): ResolvedBackend {
  const { route, ref } = site;
  const base = {
    route: route.key,
    ruleIndex: site.ruleIndex,
    backendIndex: site.mirror === undefined ? ref.index : (site.mirror.backendRefIndex ?? -1),
    target: { group: ref.group, kind: ref.kind, namespace: ref.namespace, name: ref.name, key: ref.key },
    ...(ref.port === undefined ? {} : { port: ref.port }),
    weight: ref.weight,
    ...(site.mirror === undefined ? {} : { mirror: site.mirror }),
  };
  const label = `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
  const target = `${ref.kind} ${ref.namespace}/${ref.name}`;
  const invalid = (reason: string, diagnostic: Diagnostic): ResolvedBackend => {
    out.push(diagnostic);
    return { ...base, valid: false, reason };
  };
  const kindClass = classifyBackendKind(ref.group, ref.kind);
  if (kindClass.kind === 'invalid') {
    return invalid(
      'InvalidKind',
      diagnose(
        'BackendInvalidKind',
        route,
        `${label}: backendRef ${ref.group === '' ? '' : `${ref.group}/`}${ref.kind} ${ref.namespace}/${ref.name} is not a supported backend kind: ${kindClass.why}.`,
        {
          field: site.field,
          fix: { summary: 'Use kind Service (group "") or ServiceImport (group multicluster.x-k8s.io).' },
        },
      ),
    );
  }
  const isService = kindClass.kind === 'service';
  let grantedBy: ObjectKey | null = null;
  if (ref.namespace !== route.meta.namespace && !isRouteDelegation(ref.group, ref.kind)) {
    grantedBy = findGrant(ctx.referenceGrants, {
      fromGroup: GATEWAY_GROUP,
      fromKind: route.kind,
      fromNamespace: route.meta.namespace,
      toGroup: ref.group,
      toKind: ref.kind,
      toNamespace: ref.namespace,
      toName: ref.name,
    });
    if (grantedBy === null) {
      const absent = backendNotInInput(ctx, route, ref, site.field, true);
      if (absent !== null) return invalid('RefNotPermitted', absent);
      return invalid(
        'RefNotPermitted',
        diagnose(
          'BackendRefNotPermitted',
          route,
          `${label}: backendRef to ${target} crosses namespaces and no ReferenceGrant in ${ref.namespace} permits it.`,
          {
            field: site.field,
            fix: grantFixFor(route, {
              group: ref.group,
              kind: ref.kind,
              namespace: ref.namespace,
              name: ref.name,
            }),
            related: [ref.key],
          },
        ),
      );
    }
  }
  const granted = grantedBy === null ? {} : { grantedBy };
  if (kindClass.kind === 'implementationSpecific') {
    out.push(implementationSpecificDiagnostic(ctx, route, ref, site.field, kindClass.project));
    return { ...base, valid: true, implementationSpecific: true, ...granted };
  }
  const svc = isService ? ctx.services.get(ref.key) : ctx.serviceImports.get(ref.key);
  if (svc === undefined) {
    const absent = backendNotInInput(ctx, route, ref, site.field, false);
    if (absent !== null) return invalid('BackendNotFound', absent);
    return invalid(
      'BackendNotFound',
      diagnose('BackendNotFound', route, `${label}: backendRef ${target} does not exist.`, {
        field: site.field,
        fix: { summary: `Create ${target} or fix the backendRef name/namespace.` },
        related: [ref.key],
      }),
    );
  }
  const portProblem = checkPort(ref, svc.ports, isService, svc.kind === 'Service' ? svc.type : '');
  if (portProblem !== null) {
    return {
      ...invalid(
        'BackendNotFound',
        diagnose('BackendPortInvalid', route, `${label}: backendRef ${target} ${portProblem}`, {
          field: `${site.field}.port`,
          fix: {
            summary: `Set the port to one of: ${svc.ports.map((p) => p.port).join(', ') || '(the Service has no ports)'}.`,
          },
          related: [ref.key],
        }),
      ),
      ...granted,
    };
  }
  return { ...base, valid: true, ...granted, ...health(ctx, site, svc, out) };
}

function checkPort(
  ref: BackendRef,
  ports: readonly ServicePort[],
  isService: boolean,
  type: string,
): string | null {
  if (ref.port === undefined) return isService ? 'has no port; a Service backendRef must set port.' : null;
  if (type === 'ExternalName' || ports.length === 0) return null;
  return ports.some((p) => p.port === ref.port)
    ? null
    : `port ${ref.port} is not a port of the ${isService ? 'Service' : 'ServiceImport'}.`;
}

function health(
  ctx: AnalysisContext,
  site: RefSite,
  svc: {
    kind: 'Service' | 'ServiceImport';
    key: string;
    meta: { namespace: string; name: string };
    clusters?: readonly string[];
  },
  out: Diagnostic[],
): Pick<ResolvedBackend, 'endpoints' | 'clusters'> {
  const label = `${site.route.kind} ${site.route.meta.namespace}/${site.route.meta.name}`;
  const target = `${svc.kind} ${svc.meta.namespace}/${svc.meta.name}`;
  if (svc.kind === 'ServiceImport') {
    const { clusters, refused, localExport } = exportingClusters(ctx, svc);
    if (clusters.length === 0 && !localExport) {
      const why =
        refused.length === 0
          ? 'status.clusters is empty and no ServiceExport of that name is in the input'
          : `the ServiceExport is not valid: ${refused.join('; ')}`;
      // No export in the input proves nothing unless the input holds every ServiceExport.
      const a = serviceExportAbsence(ctx);
      const unknown = refused.length === 0 && !a.missing;
      out.push(
        diagnose(
          unknown ? 'ServiceExportNotInInput' : 'ServiceImportNoClusters',
          site.route,
          `${label}: backend ${target} has no exporting cluster${unknown ? ' in the input' : ''} (${why}).`,
          {
            ...(unknown ? a.details : {}),
            field: site.field,
            fix: {
              summary: `${unknown ? 'Nothing to do if a member cluster exports it; otherwise create' : 'Create'} a ServiceExport named ${svc.meta.name} in namespace ${svc.meta.namespace} in a member cluster.`,
            },
            related: [svc.key],
          },
        ),
      );
    }
    return { clusters };
  }
  const slices = ctx.endpointSlices.get(`${svc.meta.namespace}/${svc.meta.name}`);
  if (slices === undefined) return {};
  const endpoints = slices.reduce((acc, s) => ({ ready: acc.ready + s.ready, total: acc.total + s.total }), {
    ready: 0,
    total: 0,
  });
  if (endpoints.ready === 0) {
    out.push(
      diagnose(
        'BackendNoReadyEndpoints',
        site.route,
        `${label}: backend ${target} has no ready endpoints (${endpoints.ready}/${endpoints.total} ready).`,
        {
          field: site.field,
          fix: {
            summary: 'Check the Service selector and its Pods.',
            command: `kubectl get endpointslices -n ${svc.meta.namespace} -l kubernetes.io/service-name=${svc.meta.name}`,
          },
          related: [svc.key],
        },
      ),
    );
  }
  return { endpoints };
}

/** MCS export conditions that say the Service is not exported (KEP-1645: Valid; newer: Ready). */
const EXPORT_GATES = ['Valid', 'Ready', 'Exported'];

/**
 * The clusters a ServiceImport draws from: its status.clusters, joined with the ServiceExports
 * of the same namespace/name in the input's clusters (the only cross-cluster link the analysis
 * makes). An export whose Valid/Ready condition is False takes its cluster out; a valid export
 * from a named cluster adds it (the MCS controller may not have propagated it yet).
 */
function exportingClusters(
  ctx: AnalysisContext,
  svc: { meta: { namespace: string; name: string }; clusters?: readonly string[] },
): { clusters: string[]; refused: string[]; localExport: boolean } {
  const clusters = new Set(svc.clusters ?? []);
  const refused: string[] = [];
  // A valid export in single-source input (no cluster name): the Service is exported, from a
  // cluster we cannot name.
  let localExport = false;
  for (const e of ctx.serviceExports.get(`${svc.meta.namespace}/${svc.meta.name}`) ?? []) {
    const gate = (e.observed?.conditions ?? []).find(
      (c) => EXPORT_GATES.includes(c.type) && c.status === 'False',
    );
    const where = e.meta.cluster === '' ? 'ServiceExport' : `ServiceExport in cluster ${e.meta.cluster}`;
    if (gate !== undefined) {
      refused.push(
        `${where} has ${gate.type}=False (${gate.reason}${gate.message === '' ? '' : `: ${gate.message}`})`,
      );
      clusters.delete(e.meta.cluster);
    } else if (e.meta.cluster === '') {
      localExport = true;
    } else {
      clusters.add(e.meta.cluster);
    }
  }
  return { clusters: [...clusters].sort(), refused, localExport };
}

function checkWeights(route: Route, out: Diagnostic[]): void {
  for (const rule of route.rules) {
    if (rule.backendRefs.length === 0 || rule.backendRefs.some((b) => b.weight > 0)) continue;
    out.push(
      diagnose(
        'AllBackendWeightsZero',
        route,
        `${route.kind} ${route.meta.namespace}/${route.meta.name}: every backend of rule ${rule.index} has weight 0, so the rule answers 500.`,
        {
          field: `spec.rules[${rule.index}].backendRefs`,
          fix: { summary: 'Give at least one backendRef a positive weight.' },
        },
      ),
    );
  }
}
