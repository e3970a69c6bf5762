import { describe, expect, it } from 'vitest';
import { guessResource } from '../../src/kube/kinds.ts';

describe('guessResource', () => {
  it.each([
    ['Gateway', 'gateways'],
    ['GatewayClass', 'gatewayclasses'],
    ['BackendTLSPolicy', 'backendtlspolicies'],
    ['HTTPRoute', 'httproutes'],
    ['ServiceImport', 'serviceimports'],
    ['Ingress', 'ingresses'],
  ])('%s → %s', (kind, resource) => {
    expect(guessResource(kind)).toBe(resource);
  });
});
