import { describe, expect, it } from 'vitest';
import { FieldLocator, fieldPath } from './field-lines.ts';

const TEXT = `apiVersion: v1
kind: Service
metadata: {name: a}
---
# a route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  hostnames: [x.example.com]
  rules:
    - matches: [{path: {type: PathPrefix, value: /}}]
      backendRefs:
        - name: one
          port: 80
        - name: two
          port: 80
`;

describe('field lines', () => {
  it('splits field paths', () => {
    expect(fieldPath('spec.rules[0].backendRefs[1]')).toEqual(['spec', 'rules', 0, 'backendRefs', 1]);
    expect(fieldPath('spec.listeners[2].tls.certificateRefs[0]')).toEqual([
      'spec',
      'listeners',
      2,
      'tls',
      'certificateRefs',
      0,
    ]);
  });

  it('finds the line of a field inside a document, and falls back to the document line', () => {
    const locator = new FieldLocator(TEXT);
    expect(locator.line(5, 'spec.rules[0].backendRefs[1]')).toBe(17);
    expect(locator.line(5, 'spec.hostnames')).toBe(11);
    // A field that does not exist points at its deepest existing parent.
    expect(locator.line(5, 'spec.rules[0].filters')).toBe(13);
    expect(locator.line(5, undefined)).toBe(5);
    expect(locator.line(1, 'spec.ports')).toBe(1);
  });
});
