import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildShare } from '../../src/share/build.ts';
import { decodeShareFragment } from '../../src/share/codec.ts';
import { redactObjects } from '../../src/share/redact.ts';
import { redactYaml } from '../../src/share/redact-yaml.ts';

const off = { maskIPs: false, maskHostnames: false };
const both = { maskIPs: true, maskHostnames: true };

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'tls',
    namespace: 'infra',
    uid: 'abc',
    managedFields: [{ manager: 'kubectl' }],
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"tls.key":"c2VjcmV0"}}' },
  },
  type: 'kubernetes.io/tls',
  data: { 'tls.crt': 'Y2VydA==', 'tls.key': 'c2VjcmV0' },
  stringData: { password: 'hunter2' },
};

const gateway = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: {
    name: 'public',
    namespace: 'infra',
    resourceVersion: '12',
    annotations: { 'gateway.networking.k8s.io/note': 'keep', 'example.com/owner': 'team-a' },
  },
  spec: {
    gatewayClassName: 'x',
    listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com' }],
  },
  status: { addresses: [{ type: 'IPAddress', value: '34.120.7.9' }] },
};

const route = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { parentRefs: [{ name: 'public', namespace: 'infra' }], hostnames: ['www.example.com'] },
};

describe('allowlist redaction', () => {
  it('never shares Secret data, managedFields or last-applied configuration', () => {
    const { objects, report } = redactObjects([secret], off);
    const text = JSON.stringify(objects);
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('managedFields');
    expect(text).not.toContain('last-applied');
    expect(objects[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls', namespace: 'infra' },
      type: 'kubernetes.io/tls',
    });
    const removed = report.notes.map((n) => n.removed);
    expect(removed).toEqual(
      expect.arrayContaining([
        'data (values)',
        'stringData (values)',
        'metadata.managedFields',
        'metadata.uid',
      ]),
    );
  });

  it('keeps routing configuration whole and drops unknown annotations', () => {
    const { objects } = redactObjects([gateway], off);
    expect(objects[0]?.['spec']).toEqual(gateway.spec);
    expect(objects[0]?.['status']).toEqual(gateway.status);
    expect(objects[0]?.['metadata']).toEqual({
      name: 'public',
      namespace: 'infra',
      annotations: { 'gateway.networking.k8s.io/note': 'keep' },
    });
  });

  it('keeps only the spec of unknown kinds out', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 3 },
    };
    const { objects, report } = redactObjects([deployment], off);
    expect(objects[0]).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } });
    expect(report.notes).toContainEqual({ object: 'Deployment d', removed: 'spec' });
  });

  it('reduces EndpointSlices to conditions (no addresses)', () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's', namespace: 'n', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.1.2.3'], conditions: { ready: true }, nodeName: 'node-1' }],
    };
    const { objects } = redactObjects([slice], off);
    expect(JSON.stringify(objects)).not.toContain('10.1.2.3');
    expect(JSON.stringify(objects)).not.toContain('node-1');
    expect(objects[0]?.['endpoints']).toEqual([{ conditions: { ready: true } }]);
  });

  it('keeps the endpoint counts the live server sends instead of endpoints', () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's', namespace: 'n', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpointCounts: { ready: 2, total: 3 },
    };
    const { objects } = redactObjects([slice], off);
    expect(objects[0]?.['endpointCounts']).toEqual({ ready: 2, total: 3 });
  });

  it('masks IPs and hostnames consistently, keeping wildcard intersections', () => {
    const { objects, report } = redactObjects([gateway, route], both);
    const listener = (objects[0]?.['spec'] as { listeners: { hostname: string }[] }).listeners[0]!;
    const hostnames = (objects[1]?.['spec'] as { hostnames: string[] }).hostnames;
    expect(listener.hostname).toMatch(/^\*\.h\d+\.com$/);
    expect(hostnames[0]).toMatch(/^h\d+\.h\d+\.com$/);
    // *.example.com still covers www.example.com: the shared suffix maps to the same label.
    expect(hostnames[0]!.endsWith(listener.hostname.slice(1))).toBe(true);
    expect(JSON.stringify(objects)).not.toContain('example');
    expect(JSON.stringify(objects)).not.toContain('34.120.7.9');
    expect(JSON.stringify(objects)).toContain('192.0.2.1');
    expect(report.maskedIPs).toBe(1);
  });

  it('never leaks a Secret value whatever else the object holds (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
        fc.string({ minLength: 8 }),
        (extra, value) => {
          const marker = `SECRET-${value}`;
          const hostile = {
            ...extra,
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 's' },
            data: { k: marker },
          };
          const { objects } = redactObjects([hostile], off);
          expect(JSON.stringify(objects)).not.toContain(marker);
        },
      ),
    );
  });
});

describe('sandbox YAML redaction', () => {
  it('keeps untouched text byte for byte (comments included)', () => {
    const yaml =
      '# my comment\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n';
    expect(redactYaml(yaml, off).yaml).toBe(yaml);
  });

  it('removes Secret data from pasted YAML and reports it', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: tls}',
      'data:',
      '  tls.key: c2VjcmV0',
      '',
    ].join('\n');
    const { yaml: out, report } = redactYaml(yaml, off);
    expect(out).not.toContain('c2VjcmV0');
    expect(out).toContain('kind: Secret');
    expect(out).toContain('name: web');
    expect(report.notes).toContainEqual({ object: 'Secret tls', removed: 'data (values)' });
  });

  it('redacts inside kind: List', () => {
    const yaml =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: s}\n    stringData: {p: hunter2}\n';
    expect(redactYaml(yaml, off).yaml).not.toContain('hunter2');
  });

  it('leaves out a broken document that may be a Secret', () => {
    const yaml = 'kind: Secret\ndata:\n  key: [unclosed\n';
    const { yaml: out, report } = redactYaml(yaml, off);
    expect(out).not.toContain('unclosed');
    expect(report.notes[0]?.removed).toMatch(/YAML error/);
  });
});

describe('buildShare', () => {
  it('produces a decodable, redacted link with a preview summary', () => {
    const preview = buildShare(
      { type: 'snapshot', objects: [secret, gateway, route], label: 'cluster 10.0.0.1' },
      { page: 'topology', selected: 'HTTPRoute/shop/web' },
      [{ gateway: 'infra/public', host: 'www.example.com', headers: { Host: 'www.example.com' } }],
      both,
    );
    expect(preview.summary).toEqual([
      '1 Gateway',
      '1 HTTPRoute',
      '1 Secret',
      '1 route test',
      'Selected: HTTPRoute/shop/web',
    ]);
    const decoded = decodeShareFragment(preview.encoded.fragment);
    expect(decoded.ok).toBe(true);
    const text = JSON.stringify(decoded.ok ? decoded.value : null);
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('10.0.0.1');
  });
});
