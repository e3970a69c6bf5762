/**
 * Issue 12 (attack review): with the optional Secrets role, a Secret leaves the server as its
 * identity only. Annotations (a service-account token Secret's, cert-manager's, kubectl's) and
 * labels can hold tokens, hashes and URLs, so they are dropped at ingest, before the store that
 * feeds /api/snapshot and SSE.
 */
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/kube/ingest.ts';
import type { WatchTarget } from '../../src/kube/kinds.ts';

const SECRET: WatchTarget = {
  group: '',
  kind: 'Secret',
  version: 'v1',
  resource: 'secrets',
  namespaced: true,
  metadataOnly: true,
};

describe('Secret metadata at ingest', () => {
  it('keeps the identity and drops annotations, labels, owners and finalizers', () => {
    const out = ingest(SECRET, {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: {
        name: 'tls',
        namespace: 'ns',
        uid: 'u-1',
        resourceVersion: '42',
        creationTimestamp: '2026-01-01T00:00:00Z',
        annotations: {
          'kubernetes.io/service-account.uid': 'x',
          'example.com/token': 'eyJhbGciOiJIUzI1NiJ9.payload.sig',
          'cert-manager.io/issuer-url': 'https://user:pass@acme.example',
        },
        labels: { 'app.kubernetes.io/secret-hash': 'abc123' },
        ownerReferences: [{ kind: 'Certificate', name: 'c' }],
        finalizers: ['example.com/keep'],
      },
    });
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'tls',
        namespace: 'ns',
        uid: 'u-1',
        resourceVersion: '42',
        creationTimestamp: '2026-01-01T00:00:00Z',
      },
    });
    const text = JSON.stringify(out);
    for (const leak of ['eyJ', 'user:pass', 'abc123', 'Certificate', 'finalizers'])
      expect(text).not.toContain(leak);
  });
});
