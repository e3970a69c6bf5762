import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { convertIngresses, convertIngressYaml } from '../../src/ingress/convert.ts';

type Json = Record<string, unknown>;

function ingress(
  name: string,
  spec: Json,
  annotations: Record<string, string> = {},
  namespace = 'shop',
): Json {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, annotations },
    spec: { ingressClassName: 'nginx', ...spec },
  };
}

const svc = (name: string, port = 80): Json => ({ service: { name, port: { number: port } } });

function byKindName(objects: readonly Json[], kind: string, name: string): Json {
  const found = objects.find((o) => o['kind'] === kind && (o['metadata'] as Json)['name'] === name);
  if (found === undefined) throw new Error(`missing ${kind} ${name}`);
  return found;
}

function spec(o: Json): Json {
  return o['spec'] as Json;
}

describe('Ingress → Gateway API', () => {
  it('maps hosts, paths and pathTypes to one HTTPRoute per host', () => {
    const { objects, notes } = convertIngresses([
      ingress('web', {
        rules: [
          {
            host: 'www.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: svc('web') },
                { path: '/health', pathType: 'Exact', backend: svc('health', 8080) },
                { path: '/legacy', pathType: 'ImplementationSpecific', backend: svc('legacy') },
              ],
            },
          },
          {
            host: 'api.example.com',
            http: { paths: [{ path: '/v1', pathType: 'Prefix', backend: svc('api') }] },
          },
        ],
      }),
    ]);
    expect(objects.map((o) => `${String(o['kind'])}/${String((o['metadata'] as Json)['name'])}`)).toEqual([
      'GatewayClass/nginx',
      'Gateway/nginx',
      'HTTPRoute/web-www-example-com',
      'HTTPRoute/web-api-example-com',
    ]);
    const www = spec(byKindName(objects, 'HTTPRoute', 'web-www-example-com'));
    expect(www['hostnames']).toEqual(['www.example.com']);
    expect(www['parentRefs']).toEqual([{ name: 'nginx' }]);
    expect(www['rules']).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] },
      {
        matches: [{ path: { type: 'Exact', value: '/health' } }],
        backendRefs: [{ name: 'health', port: 8080 }],
      },
      {
        matches: [{ path: { type: 'PathPrefix', value: '/legacy' } }],
        backendRefs: [{ name: 'legacy', port: 80 }],
      },
    ]);
    expect(notes.some((n) => n.severity === 'info' && n.message.includes('ImplementationSpecific'))).toBe(
      true,
    );
  });

  it('terminates TLS per host and redirects HTTP to HTTPS like ingress-nginx (ssl-redirect default)', () => {
    const { objects } = convertIngresses([
      ingress('web', {
        tls: [{ hosts: ['www.example.com'], secretName: 'www-tls' }],
        rules: [
          {
            host: 'www.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('web') }] },
          },
        ],
      }),
    ]);
    const listeners = spec(byKindName(objects, 'Gateway', 'nginx'))['listeners'];
    expect(listeners).toContainEqual({
      name: 'https-www-example-com',
      protocol: 'HTTPS',
      port: 443,
      hostname: 'www.example.com',
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'www-tls' }] },
      allowedRoutes: { namespaces: { from: 'Same' } },
    });
    expect(spec(byKindName(objects, 'HTTPRoute', 'web'))['parentRefs']).toEqual([
      { name: 'nginx', sectionName: 'https-www-example-com' },
    ]);
    const redirect = spec(byKindName(objects, 'HTTPRoute', 'web-ssl-redirect'));
    expect(redirect['parentRefs']).toEqual([{ name: 'nginx', sectionName: 'http' }]);
    expect(redirect['rules']).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }],
      },
    ]);
  });

  it('serves HTTP and HTTPS without redirect when ssl-redirect is "false"', () => {
    const { objects } = convertIngresses([
      ingress(
        'web',
        {
          tls: [{ hosts: ['www.example.com'], secretName: 'www-tls' }],
          rules: [
            {
              host: 'www.example.com',
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('web') }] },
            },
          ],
        },
        { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' },
      ),
    ]);
    expect(objects.some((o) => (o['metadata'] as Json)['name'] === 'web-ssl-redirect')).toBe(false);
    expect(spec(byKindName(objects, 'HTTPRoute', 'web'))['parentRefs']).toEqual([{ name: 'nginx' }]);
  });

  it("follows each controller's HTTPS default: only ingress-nginx redirects without being asked", () => {
    const tlsIngress = (className: string, annotations: Record<string, string> = {}): Json =>
      ingress(
        'web',
        {
          ingressClassName: className,
          tls: [{ hosts: ['www.example.com'], secretName: 'www-tls' }],
          rules: [
            {
              host: 'www.example.com',
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('web') }] },
            },
          ],
        },
        annotations,
      );
    const names = (objects: readonly Json[]): string[] =>
      objects.filter((o) => o['kind'] === 'HTTPRoute').map((o) => String((o['metadata'] as Json)['name']));
    // Traefik / GCE / ALB class without annotations: served on HTTP and HTTPS, no redirect.
    const plain = convertIngresses([tlsIngress('alb')]);
    expect(names(plain.objects)).toEqual(['web']);
    expect(spec(byKindName(plain.objects, 'HTTPRoute', 'web'))['parentRefs']).toEqual([{ name: 'alb' }]);
    // AWS Load Balancer Controller asked to redirect.
    const alb = convertIngresses([tlsIngress('alb', { 'alb.ingress.kubernetes.io/ssl-redirect': '443' })]);
    expect(names(alb.objects)).toEqual(['web', 'web-ssl-redirect']);
    expect(alb.notes.some((n) => n.field === 'alb.ingress.kubernetes.io/ssl-redirect')).toBe(false);
    // GKE without HTTP: the route is on the HTTPS listener only, and nothing answers on HTTP.
    const gke = convertIngresses([tlsIngress('gce', { 'kubernetes.io/ingress.allow-http': 'false' })]);
    expect(names(gke.objects)).toEqual(['web']);
    expect(spec(byKindName(gke.objects, 'HTTPRoute', 'web'))['parentRefs']).toEqual([
      { name: 'gce', sectionName: 'https-www-example-com' },
    ]);
  });

  it('turns defaultBackend into a catch-all route', () => {
    const { objects } = convertIngresses([
      ingress('fallback', { defaultBackend: svc('default-http', 8080) }),
    ]);
    const route = spec(byKindName(objects, 'HTTPRoute', 'fallback-default-backend'));
    expect(route['hostnames']).toBeUndefined();
    expect(route['rules']).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ name: 'default-http', port: 8080 }],
      },
    ]);
  });

  it('translates the rewrite-target strip-prefix idiom and a plain target', () => {
    const strip = convertIngresses([
      ingress(
        'api',
        {
          rules: [
            {
              host: 'a.example.com',
              http: {
                paths: [{ path: '/api(/|$)(.*)', pathType: 'ImplementationSpecific', backend: svc('api') }],
              },
            },
          ],
        },
        {
          'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
          'nginx.ingress.kubernetes.io/use-regex': 'true',
        },
      ),
    ]);
    expect(spec(byKindName(strip.objects, 'HTTPRoute', 'api'))['rules']).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
        filters: [
          {
            type: 'URLRewrite',
            urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } },
          },
        ],
        backendRefs: [{ name: 'api', port: 80 }],
      },
    ]);
    const plain = convertIngresses([
      ingress(
        'old',
        { rules: [{ http: { paths: [{ path: '/old', pathType: 'Prefix', backend: svc('app') }] } }] },
        { 'nginx.ingress.kubernetes.io/rewrite-target': '/new' },
      ),
    ]);
    const rule = (spec(byKindName(plain.objects, 'HTTPRoute', 'old'))['rules'] as Json[])[0];
    expect(rule?.['filters']).toEqual([
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } } },
    ]);
  });

  it('notes a capture-group rewrite it cannot translate', () => {
    const { notes } = convertIngresses([
      ingress(
        'x',
        {
          rules: [
            {
              http: { paths: [{ path: '/(a)/(b)', pathType: 'ImplementationSpecific', backend: svc('x') }] },
            },
          ],
        },
        { 'nginx.ingress.kubernetes.io/rewrite-target': '/$1' },
      ),
    ]);
    expect(notes.some((n) => n.severity === 'warning' && n.message.includes('capture groups'))).toBe(true);
  });

  it('merges a weighted canary Ingress into the primary rule and adds the header rule first', () => {
    const rules = [
      { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('v1') }] } },
    ];
    const { objects } = convertIngresses([
      ingress('shop', { rules }),
      ingress(
        'shop-canary',
        {
          rules: [{ ...rules[0], http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('v2') }] } }],
        },
        {
          'nginx.ingress.kubernetes.io/canary': 'true',
          'nginx.ingress.kubernetes.io/canary-weight': '10',
          'nginx.ingress.kubernetes.io/canary-by-header': 'x-canary',
        },
      ),
    ]);
    expect(objects.filter((o) => o['kind'] === 'HTTPRoute')).toHaveLength(1);
    expect(spec(byKindName(objects, 'HTTPRoute', 'shop'))['rules']).toEqual([
      {
        matches: [
          {
            path: { type: 'PathPrefix', value: '/' },
            headers: [{ type: 'Exact', name: 'x-canary', value: 'always' }],
          },
        ],
        backendRefs: [{ name: 'v2', port: 80 }],
      },
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [
          { name: 'v1', port: 80, weight: 90 },
          { name: 'v2', port: 80, weight: 10 },
        ],
      },
    ]);
  });

  it('maps permanent-redirect and app-root to RequestRedirect', () => {
    const { objects } = convertIngresses([
      ingress(
        'moved',
        {
          rules: [
            {
              host: 'old.example.com',
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('x') }] },
            },
          ],
        },
        {
          'nginx.ingress.kubernetes.io/permanent-redirect': 'https://new.example.com/home',
          'nginx.ingress.kubernetes.io/app-root': '/app',
        },
      ),
    ]);
    expect(spec(byKindName(objects, 'HTTPRoute', 'moved'))['rules']).toEqual([
      {
        matches: [{ path: { type: 'Exact', value: '/' } }],
        filters: [
          {
            type: 'RequestRedirect',
            requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/app' }, statusCode: 302 },
          },
        ],
      },
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [
          {
            type: 'RequestRedirect',
            requestRedirect: {
              scheme: 'https',
              hostname: 'new.example.com',
              statusCode: 301,
              path: { type: 'ReplaceFullPath', replaceFullPath: '/home' },
            },
          },
        ],
      },
    ]);
  });

  it('resolves named Service ports from the input and notes what it cannot', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { ports: [{ name: 'http', port: 8080 }] },
    };
    const named = (name: string): Json => ({ service: { name, port: { name: 'http' } } });
    const { objects, notes } = convertIngresses([
      service,
      ingress('a', {
        rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: named('web') }] } }],
      }),
      ingress('b', {
        rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: named('other') }] } }],
      }),
    ]);
    const refsOf = (name: string): unknown =>
      (spec(byKindName(objects, 'HTTPRoute', name))['rules'] as Json[])[0]?.['backendRefs'];
    expect(refsOf('a')).toEqual([{ name: 'web', port: 8080 }]);
    expect(refsOf('b')).toEqual([{ name: 'other' }]);
    expect(notes.some((n) => n.ingress === 'shop/b' && n.message.includes('"http"'))).toBe(true);
  });

  it('lists controller annotations it does not translate', () => {
    const { notes } = convertIngresses([
      ingress(
        'x',
        { defaultBackend: svc('x') },
        { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m', team: 'a' },
      ),
    ]);
    expect(notes.filter((n) => n.field === 'nginx.ingress.kubernetes.io/proxy-body-size')).toHaveLength(1);
    expect(notes.some((n) => n.field === 'team')).toBe(false);
  });

  it('reads YAML (kind: List included) and emits YAML that parses back to the same objects', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: networking.k8s.io/v1',
      '    kind: Ingress',
      '    metadata: {name: web, namespace: shop}',
      '    spec:',
      '      rules:',
      '        - host: www.example.com',
      '          http:',
      '            paths:',
      '              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
    ].join('\n');
    const result = convertIngressYaml(yaml);
    expect(result.ingressCount).toBe(1);
    const back = parseAllDocuments(result.yaml).map((d) => d.toJS() as unknown);
    expect(back).toEqual(result.objects);
    expect(result.yaml.startsWith('# Converted from Ingress by Gatescope')).toBe(true);
  });

  it('never throws on junk input', () => {
    const junk: Json[] = [
      { kind: 'Ingress' },
      { kind: 'Ingress', spec: { rules: 'nope', tls: [null, { hosts: 5 }] } },
      {
        kind: 'Ingress',
        metadata: { name: 1 },
        spec: { rules: [{ http: { paths: [{ backend: { resource: {} } }] } }] },
      },
    ];
    const result = convertIngresses(junk);
    expect(result.ingressCount).toBe(3);
    expect(convertIngressYaml(': : :\n- [').notes.length).toBeGreaterThan(0);
  });
});
