/** Reading Ingress objects defensively: any field may be missing or of the wrong type. */
import type { BackendTarget, IngressPath, Json } from './types.ts';

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export interface IngressInfo {
  readonly name: string;
  readonly namespace: string;
  readonly id: string;
  readonly className: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly paths: readonly IngressPath[];
  readonly defaultBackend: BackendTarget | null;
  readonly tls: readonly { readonly hosts: readonly string[]; readonly secretName?: string }[];
  readonly raw: Json;
}

export function readIngress(raw: Json): IngressInfo {
  const metadata = isObject(raw['metadata']) ? raw['metadata'] : {};
  const spec = isObject(raw['spec']) ? raw['spec'] : {};
  const name = str(metadata['name']) ?? 'ingress';
  const namespace = str(metadata['namespace']) ?? 'default';
  const annotations: Record<string, string> = {};
  if (isObject(metadata['annotations'])) {
    for (const [k, v] of Object.entries(metadata['annotations']))
      if (typeof v === 'string') annotations[k] = v;
  }
  const className = str(spec['ingressClassName']) ?? annotations['kubernetes.io/ingress.class'] ?? 'ingress';
  const paths: IngressPath[] = [];
  arr(spec['rules']).forEach((rule, r) => {
    if (!isObject(rule)) return;
    const host = str(rule['host']) ?? '';
    const http = isObject(rule['http']) ? rule['http'] : {};
    arr(http['paths']).forEach((p, i) => {
      if (!isObject(p)) return;
      const pathType = str(p['pathType']);
      paths.push({
        host,
        path: str(p['path']) ?? '/',
        pathType: pathType === 'Exact' || pathType === 'Prefix' ? pathType : 'ImplementationSpecific',
        backend: readBackend(p['backend']),
        field: `spec.rules[${r}].http.paths[${i}]`,
      });
    });
  });
  const tls = arr(spec['tls'])
    .filter(isObject)
    .map((t) => {
      const hosts = arr(t['hosts']).filter((h): h is string => typeof h === 'string');
      const secretName = str(t['secretName']);
      return secretName === undefined ? { hosts } : { hosts, secretName };
    });
  return {
    name,
    namespace,
    id: `${namespace}/${name}`,
    className,
    annotations,
    paths,
    defaultBackend: readBackend(spec['defaultBackend']),
    tls,
    raw,
  };
}

function readBackend(value: unknown): BackendTarget | null {
  if (!isObject(value)) return null;
  if (isObject(value['service'])) {
    const service = value['service'];
    const name = str(service['name']) ?? '';
    const port = isObject(service['port']) ? service['port'] : {};
    const number = typeof port['number'] === 'number' ? port['number'] : undefined;
    const portName = str(port['name']);
    return {
      type: 'service',
      name,
      ...(number === undefined ? {} : { port: number }),
      ...(portName === undefined ? {} : { portName }),
    };
  }
  if (isObject(value['resource'])) {
    const resource = value['resource'];
    return { type: 'resource', kind: str(resource['kind']) ?? '?', name: str(resource['name']) ?? '?' };
  }
  return null;
}

/** DNS-1123 label-ish name fragment for generated object and listener names. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'default' : s.slice(0, 60).replace(/-+$/, '');
}
