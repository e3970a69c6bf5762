/**
 * "Assume X exists": stubs for objects the input references but does not contain (backends,
 * GatewayClasses, parent Gateways, certificate Secrets). Each stub is labelled as an assumption
 * in YAML (annotation and comment) and kept apart from the user's text (assumptions.yaml).
 */
import { keyOf, type Analysis, type GwObject } from '@gatescope/core';
import { ASSUMPTION_MARK } from '../engine/types.ts';
import type { Assumption } from './store.ts';

function header(what: string): string {
  return `# ASSUMPTION (sandbox only): ${what} is assumed to exist; it is not part of your YAML.\n`;
}

function meta(name: string, namespace: string): string {
  const ns = namespace === '' ? '' : `  namespace: ${namespace}\n`;
  return `metadata:\n  name: ${name}\n${ns}  annotations:\n    ${ASSUMPTION_MARK}: "true"\n`;
}

function serviceStub(namespace: string, name: string, ports: readonly number[]): string {
  const list = (ports.length === 0 ? [80] : ports).map((p) => `    - port: ${p}\n`).join('');
  return `${header(`Service ${namespace}/${name}`)}apiVersion: v1\nkind: Service\n${meta(name, namespace)}spec:\n  ports:\n${list}`;
}

function serviceImportStub(namespace: string, name: string, ports: readonly number[]): string {
  const list = (ports.length === 0 ? [80] : ports)
    .map((p) => `    - port: ${p}\n      protocol: TCP\n`)
    .join('');
  return `${header(`ServiceImport ${namespace}/${name}`)}apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\n${meta(name, namespace)}spec:\n  type: ClusterSetIP\n  ports:\n${list}status:\n  clusters:\n    - cluster: assumed\n`;
}

function gatewayClassStub(name: string): string {
  return `${header(`GatewayClass ${name}`)}apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n${meta(name, '')}spec:\n  controllerName: example.com/assumed-controller\n`;
}

function secretStub(namespace: string, name: string): string {
  return `${header(`Secret ${namespace}/${name}`)}apiVersion: v1\nkind: Secret\n${meta(name, namespace)}type: kubernetes.io/tls\n`;
}

function gatewayStub(
  namespace: string,
  name: string,
  className: string,
  sections: readonly string[],
): string {
  const listeners = (sections.length === 0 ? ['http'] : sections)
    .map(
      (s, i) =>
        `    - name: ${s}\n      protocol: HTTP\n      port: ${80 + i}\n      allowedRoutes:\n        namespaces:\n          from: All\n`,
    )
    .join('');
  return `${header(`Gateway ${namespace}/${name}`)}apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n${meta(name, namespace)}spec:\n  gatewayClassName: ${className}\n  listeners:\n${listeners}`;
}

/** Stubs for every missing referenced object, by key (one per object). */
export function missingObjects(analysis: Analysis): Assumption[] {
  const present = analysis.snapshot.byKey;
  const out = new Map<string, Assumption>();
  const ports = new Map<string, Set<number>>();
  for (const b of analysis.backends) {
    if (b.valid || b.reason !== 'BackendNotFound' || present.has(b.target.key)) continue;
    if (b.target.kind !== 'Service' && b.target.kind !== 'ServiceImport') continue;
    const set = ports.get(b.target.key) ?? new Set<number>();
    if (b.port !== undefined) set.add(b.port);
    ports.set(b.target.key, set);
    const list = [...set].sort((x, y) => x - y);
    const { namespace, name } = b.target;
    out.set(b.target.key, {
      key: b.target.key,
      label: `${b.target.kind} ${namespace}/${name}${list.length > 0 ? ` (port ${list.join(', ')})` : ''}`,
      yaml:
        b.target.kind === 'Service'
          ? serviceStub(namespace, name, list)
          : serviceImportStub(namespace, name, list),
    });
  }
  const classNames = new Set(
    analysis.snapshot.objects.filter((o) => o.kind === 'GatewayClass').map((o) => o.ref.name),
  );
  const someClass = [...classNames][0];
  for (const o of analysis.snapshot.objects) {
    addGatewayNeeds(o, classNames, present, out);
    addParentNeeds(o, present, out, someClass);
  }
  return [...out.values()];
}

function addGatewayNeeds(
  o: GwObject,
  classNames: ReadonlySet<string>,
  present: Analysis['snapshot']['byKey'],
  out: Map<string, Assumption>,
): void {
  if (o.kind !== 'Gateway') return;
  if (!classNames.has(o.gatewayClassName) && o.gatewayClassName !== '') {
    const key = keyOf({
      group: 'gateway.networking.k8s.io',
      kind: 'GatewayClass',
      namespace: '',
      name: o.gatewayClassName,
    });
    out.set(key, {
      key,
      label: `GatewayClass ${o.gatewayClassName}`,
      yaml: gatewayClassStub(o.gatewayClassName),
    });
  }
  for (const l of o.listeners) {
    for (const ref of l.tls?.certificateRefs ?? []) {
      if (present.has(ref.key) || ref.kind !== 'Secret') continue;
      out.set(ref.key, {
        key: ref.key,
        label: `Secret ${ref.namespace}/${ref.name}`,
        yaml: secretStub(ref.namespace, ref.name),
      });
    }
  }
}

function addParentNeeds(
  o: GwObject,
  present: Analysis['snapshot']['byKey'],
  out: Map<string, Assumption>,
  className: string | undefined,
): void {
  if (!('parentRefs' in o) || !Array.isArray(o.parentRefs)) return;
  const byGateway = new Map<string, { namespace: string; name: string; sections: Set<string> }>();
  for (const p of o.parentRefs) {
    if (p.kind !== 'Gateway' || present.has(p.key)) continue;
    const entry = byGateway.get(p.key) ?? {
      namespace: p.namespace,
      name: p.name,
      sections: new Set<string>(),
    };
    if (p.sectionName !== undefined) entry.sections.add(p.sectionName);
    byGateway.set(p.key, entry);
  }
  for (const [key, g] of byGateway) {
    const previous = out.get(key);
    if (previous !== undefined) continue;
    out.set(key, {
      key,
      label: `Gateway ${g.namespace}/${g.name}`,
      yaml: gatewayStub(g.namespace, g.name, className ?? 'assumed', [...g.sections]),
    });
  }
}
