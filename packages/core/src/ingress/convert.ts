/**
 * Ingress → Gateway API. Input: raw objects (Ingress, plus Services to resolve named ports);
 * output: GatewayClass, Gateways and HTTPRoutes as raw objects and YAML, and notes for
 * everything that does not translate exactly. Never throws for user data.
 */
import { Document, parseAllDocuments, stringify } from 'yaml';
import { TO_JS_OPTIONS, YAML_11_OPTIONS } from '../manifest/yaml-options.ts';
import { applyCanary } from './canary.ts';
import { otherControllersPolicy } from './controllers.ts';
import { gatewayKey, gatewayObject, planGateways } from './gateways.ts';
import { NGINX, readNginx } from './nginx.ts';
import { arr, isObject, readIngress, str, type IngressInfo } from './read.ts';
import { routeObject, routesForIngress, type Context, type RouteDraft } from './routes.ts';
import type { IngressConversion, IngressConversionOptions, IngressNote, Json } from './types.ts';

export function convertIngresses(
  input: readonly Json[],
  options: IngressConversionOptions = {},
): IngressConversion {
  const objects = flattenLists(input);
  const notes: IngressNote[] = [];
  const ingresses = objects.filter((o) => o['kind'] === 'Ingress').map(checkVersion(notes));
  const ctx: Context = { notes, servicePorts: servicePorts(objects) };
  const gateways = planGateways(ingresses, options.gatewayClassName, notes);
  const routes: RouteDraft[] = [];
  const settings = new Map(ingresses.map((i) => [i.id, readNginx(i.annotations)]));
  const primaries = ingresses.filter((i) => settings.get(i.id)?.canary === undefined);
  const canaries = ingresses.filter((i) => settings.get(i.id)?.canary !== undefined);
  for (const ingress of primaries) {
    const gateway = gateways.get(gatewayKey(ingress));
    if (gateway !== undefined) routes.push(...routesForIngress(ingress, gateway, ctx));
  }
  for (const ingress of canaries) applyCanary(ingress, settings.get(ingress.id)!, routes, ctx);
  for (const ingress of ingresses) {
    const handled = new Set([
      ...(settings.get(ingress.id)?.handled ?? []),
      ...otherControllersPolicy(ingress.annotations).handled,
    ]);
    noteUntranslated(ingress, handled, notes);
  }
  const out: Json[] = [];
  if (options.emitGatewayClass !== false) {
    for (const className of new Set([...gateways.values()].map((g) => g.className))) {
      out.push(gatewayClassObject(className));
    }
  }
  for (const gateway of gateways.values()) out.push(gatewayObject(gateway));
  for (const route of routes) out.push(routeObject(route));
  if (ingresses.length === 0) {
    notes.push({
      ingress: '',
      severity: 'warning',
      message: 'No networking.k8s.io/v1 Ingress objects in the input.',
    });
  }
  return { objects: out, yaml: toYaml(out, notes), notes, ingressCount: ingresses.length };
}

/** Convenience for the import dialog: YAML text in (multi-doc or kind: List). */
export function convertIngressYaml(text: string, options: IngressConversionOptions = {}): IngressConversion {
  const objects: Json[] = [];
  const notes: IngressNote[] = [];
  parseAllDocuments(text, YAML_11_OPTIONS).forEach((doc, i) => {
    if (doc.errors.length > 0) {
      notes.push({
        ingress: '',
        severity: 'warning',
        message: `Document ${i + 1}: ${doc.errors[0]?.message ?? 'YAML error'}`,
      });
      return;
    }
    const value: unknown = doc.toJS(TO_JS_OPTIONS);
    if (isObject(value)) objects.push(value);
  });
  const result = convertIngresses(objects, options);
  return { ...result, notes: [...notes, ...result.notes] };
}

function flattenLists(objects: readonly Json[]): Json[] {
  return objects.flatMap((o) =>
    typeof o['kind'] === 'string' && o['kind'].endsWith('List') ? arr(o['items']).filter(isObject) : [o],
  );
}

function checkVersion(notes: IngressNote[]): (raw: Json) => IngressInfo {
  return (raw) => {
    const info = readIngress(raw);
    if (raw['apiVersion'] !== 'networking.k8s.io/v1') {
      notes.push({
        ingress: info.id,
        severity: 'warning',
        message: `apiVersion ${String(raw['apiVersion'])} is not networking.k8s.io/v1; read as v1 (serviceName/servicePort fields are ignored).`,
      });
    }
    return info;
  };
}

function servicePorts(objects: readonly Json[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const o of objects) {
    if (o['kind'] !== 'Service' || !isObject(o['metadata']) || !isObject(o['spec'])) continue;
    const key = `${str(o['metadata']['namespace']) ?? 'default'}/${str(o['metadata']['name']) ?? ''}`;
    const ports = new Map<string, number>();
    for (const p of arr(o['spec']['ports'])) {
      if (isObject(p) && typeof p['name'] === 'string' && typeof p['port'] === 'number')
        ports.set(p['name'], p['port']);
    }
    out.set(key, ports);
  }
  return out;
}

function noteUntranslated(ingress: IngressInfo, handled: ReadonlySet<string>, notes: IngressNote[]): void {
  for (const key of Object.keys(ingress.annotations).sort()) {
    if (handled.has(key) || key === 'kubernetes.io/ingress.class') continue;
    if (key.startsWith('kubectl.kubernetes.io/')) continue;
    const controllerSpecific = key.startsWith(NGINX) || /ingress|traefik|haproxy|alb\.|kong/.test(key);
    if (!controllerSpecific) continue;
    notes.push({
      ingress: ingress.id,
      severity: 'warning',
      field: key,
      message: `Annotation ${key} has no standard Gateway API equivalent; not translated (look for an implementation-specific policy).`,
    });
  }
  if (ingress.annotations['kubernetes.io/ingress.class'] !== undefined) {
    notes.push({
      ingress: ingress.id,
      severity: 'info',
      field: 'kubernetes.io/ingress.class',
      message: `Ingress class "${ingress.className}" (from the deprecated annotation) became the Gateway and GatewayClass name.`,
    });
  }
}

function gatewayClassObject(name: string): Json {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name },
    spec: { controllerName: 'example.com/replace-with-your-controller' },
  };
}

function toYaml(objects: readonly Json[], notes: readonly IngressNote[]): string {
  const header = [
    'Converted from Ingress by Gatescope. Review before applying:',
    '- GatewayClass controllerName is a placeholder for your implementation.',
    ...notes
      .filter((n) => n.severity === 'warning')
      .map((n) => `- ${n.ingress ? `${n.ingress}: ` : ''}${n.message}`),
  ];
  return objects
    .map((o, i) => {
      if (i > 0) return stringify(o, { lineWidth: 0 });
      const doc = new Document(o);
      doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
      return doc.toString({ lineWidth: 0 });
    })
    .join('---\n');
}
