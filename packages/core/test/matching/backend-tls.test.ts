/**
 * A backend behind a BackendTLSPolicy that has no usable CA certificate gets no traffic (5xx):
 * conformance BackendTLSPolicyInvalidCACertificateRef / -InvalidKind. A policy for another port
 * (sectionName) or a usable policy changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/matching/simulate.ts';
import { BASE, tablesOf } from './helpers.ts';

const SERVICE = `
---
apiVersion: v1
kind: Service
metadata: { name: secure, namespace: app }
spec: { ports: [{ name: https, port: 443 }, { name: other, port: 8443 }] }`;

const ROUTE = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /tls } }]
    backendRefs: [{ name: secure, port: 443 }]`;

function policy(caKind: string, sectionName?: string): string {
  return `
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: { name: p, namespace: app }
spec:
  targetRefs: [{ group: "", kind: Service, name: secure${sectionName ? `, sectionName: ${sectionName}` : ''} }]
  validation:
    hostname: secure.example.com
    caCertificateRefs: [{ group: "", kind: ${caKind}, name: ca }]`;
}

const CA = `
---
apiVersion: v1
kind: ConfigMap
metadata: { name: ca, namespace: app }
data: { ca.crt: "-----BEGIN CERTIFICATE-----" }`;

const run = (...docs: string[]) =>
  simulate(tablesOf(BASE, SERVICE, ROUTE, CA, ...docs), { gateway: 'gw/web', path: '/tls' });

describe('BackendTLSPolicy without a usable CA certificate', () => {
  it('makes the targeted backend fail (5xx) and says why', () => {
    const r = run(policy('Foo'));
    expect(r.status).toBe(500);
    expect(r.backends[0]).toMatchObject({ name: 'secure', valid: false });
    expect(r.backends[0]?.reason).toMatch(/NoValidCACertificate \(BackendTLSPolicy app\/p\)/);
  });
  it('a policy for another port of the Service does not apply', () => {
    expect(run(policy('Foo', 'other')).status).toBe(200);
  });
  it('a policy for this port (sectionName = port name) applies', () => {
    expect(run(policy('Foo', 'https')).status).toBe(500);
  });
  it('a usable policy leaves the backend valid', () => {
    expect(run(policy('ConfigMap')).status).toBe(200);
  });
});
