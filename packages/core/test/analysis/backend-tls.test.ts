/**
 * BackendTLSPolicy predicted status. The cases follow the upstream v1.6.1 conformance tests whose
 * manifests the local conformance folder does not ship (backendtlspolicy-conflict-resolution.go,
 * backendtlspolicy-invalid-ca-certificate-ref.go, backendtlspolicy-invalid-kind.go), with our
 * own fixtures, plus the ancestor rules (which Gateways, which controller).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis, PredictedPolicyAncestorStatus } from '../../src/analysis/types.ts';
import { loadManifests } from '../../src/model/load.ts';

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: other}
spec: {controllerName: example.com/other}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw2, namespace: infra}
spec:
  gatewayClassName: other
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{name: https, port: 443}, {name: alt, port: 8443}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: app}
data: {ca.crt: PLACEHOLDER}
`;

function route(name: string, gateways: readonly string[], service = 'svc', port = 443): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: app}
spec:
  parentRefs: [${gateways.map((g) => `{name: ${g}, namespace: infra}`).join(', ')}]
  rules: [{backendRefs: [{name: ${service}, port: ${port}}]}]
`;
}

function policy(name: string, validation: string, target = '{group: "", kind: Service, name: svc}'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: app}
spec:
  targetRefs: [${target}]
  validation: ${validation}
`;
}

const CA = '{caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}], hostname: svc.app}';

function run(...docs: string[]): Analysis {
  return analyze(loadManifests([{ name: 'in.yaml', text: [BASE, ...docs].join('---\n') }]).snapshot);
}

function ancestors(a: Analysis, name: string): readonly PredictedPolicyAncestorStatus[] {
  const o = a.snapshot.objects.find((x) => x.kind === 'BackendTLSPolicy' && x.meta.name === name);
  const s = o === undefined ? undefined : a.predicted.get(o.key);
  if (s?.kind !== 'BackendTLSPolicy') throw new Error(`no status for ${name}`);
  return s.ancestors;
}

/** `Type=Status/Reason` of each condition on the ancestor Gateway `gateway`. */
function conditionsOn(a: Analysis, name: string, gateway = 'gw'): string[] {
  const ancestor = ancestors(a, name).find((x) => x.ancestorRef.name === gateway);
  return (ancestor?.conditions ?? []).map((c) => `${c.type}=${c.status}/${c.reason}`);
}

describe('BackendTLSPolicy status', () => {
  it('has one ancestor per Gateway whose accepted routes use the target, with its controller', () => {
    const a = run(route('r1', ['gw']), route('r2', ['gw', 'gw2']), policy('p', CA));
    expect(ancestors(a, 'p').map((x) => [x.ancestorRef, x.controllerName])).toEqual([
      [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra', name: 'gw' },
        'example.com/c',
      ],
      [
        { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra', name: 'gw2' },
        'example.com/other',
      ],
    ]);
    expect(conditionsOn(a, 'p')).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']);
  });

  it('with a sectionName, counts only the Gateways whose routes use that port', () => {
    const alt = '{group: "", kind: Service, name: svc, sectionName: alt}';
    const a = run(route('r', ['gw']), route('r-alt', ['gw2'], 'svc', 8443), policy('p', CA, alt));
    expect(ancestors(a, 'p').map((x) => x.ancestorRef.name)).toEqual(['gw2']);
  });

  it('has no ancestor when no accepted route uses the target', () => {
    const unused = run(policy('p', CA));
    expect(ancestors(unused, 'p')).toEqual([]);
    // A route whose parent does not exist is not accepted anywhere: still no ancestor.
    const orphan = run(route('r', ['missing']), policy('p', CA));
    expect(ancestors(orphan, 'p')).toEqual([]);
  });

  it('Conflicted: the older policy on the same target wins, with or without sectionName (conflict-resolution)', () => {
    const section = (s: string) => `{group: "", kind: Service, name: svc, sectionName: ${s}}`;
    const a = run(
      route('r', ['gw']),
      route('r-alt', ['gw'], 'svc', 8443),
      policy('no-section-1', CA),
      policy('no-section-2', CA),
      policy('section-1', CA, section('https')),
      policy('section-2', CA, section('https')),
      policy('other-section', CA, section('alt')),
    );
    expect(conditionsOn(a, 'no-section-1')[0]).toBe('Accepted=True/Accepted');
    expect(conditionsOn(a, 'no-section-2')[0]).toBe('Accepted=False/Conflicted');
    expect(conditionsOn(a, 'section-1')[0]).toBe('Accepted=True/Accepted');
    expect(conditionsOn(a, 'section-2')[0]).toBe('Accepted=False/Conflicted');
    // A policy with a sectionName does not conflict with one without (not-conflicted-* cases).
    expect(conditionsOn(a, 'other-section')[0]).toBe('Accepted=True/Accepted');
  });

  it('NoValidCACertificate + InvalidCACertificateRef: missing or malformed ConfigMap (invalid-ca-certificate-ref)', () => {
    const missing = '{caCertificateRefs: [{group: "", kind: ConfigMap, name: nope}], hostname: svc.app}';
    const a = run(
      route('r', ['gw']),
      `apiVersion: v1
kind: ConfigMap
metadata: {name: malformed, namespace: app}
data: {other: x}
`,
      policy('nonexistent', missing),
    );
    expect(conditionsOn(a, 'nonexistent')).toEqual([
      'Accepted=False/NoValidCACertificate',
      'ResolvedRefs=False/InvalidCACertificateRef',
    ]);
    const b = run(
      route('r', ['gw']),
      `apiVersion: v1
kind: ConfigMap
metadata: {name: malformed, namespace: app}
data: {other: x}
`,
      policy(
        'malformed',
        '{caCertificateRefs: [{group: "", kind: ConfigMap, name: malformed}], hostname: svc.app}',
      ),
    );
    expect(conditionsOn(b, 'malformed')).toEqual([
      'Accepted=False/NoValidCACertificate',
      'ResolvedRefs=False/InvalidCACertificateRef',
    ]);
  });

  it('InvalidKind: a caCertificateRef that is not a core ConfigMap/Secret (invalid-kind)', () => {
    const a = run(
      route('r', ['gw']),
      policy('p', '{caCertificateRefs: [{group: "example.com", kind: Bundle, name: ca}], hostname: svc.app}'),
    );
    expect(conditionsOn(a, 'p')).toEqual([
      'Accepted=False/NoValidCACertificate',
      'ResolvedRefs=False/InvalidKind',
    ]);
  });

  it('stays Accepted while one of several refs is valid, ResolvedRefs names the invalid one', () => {
    const refs =
      '{caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}, {group: "", kind: ConfigMap, name: nope}], hostname: svc.app}';
    const a = run(route('r', ['gw']), policy('p', refs));
    expect(conditionsOn(a, 'p')).toEqual([
      'Accepted=True/Accepted',
      'ResolvedRefs=False/InvalidCACertificateRef',
    ]);
  });

  it('Invalid: a wellKnownCACertificates value the API does not define', () => {
    const a = run(route('r', ['gw']), policy('p', '{wellKnownCACertificates: Custom, hostname: svc.app}'));
    expect(conditionsOn(a, 'p')[0]).toBe('Accepted=False/Invalid');
    const ok = run(route('r', ['gw']), policy('p', '{wellKnownCACertificates: System, hostname: svc.app}'));
    expect(conditionsOn(ok, 'p')).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']);
  });

  it('does not report a ConfigMap missing when ConfigMaps are not visible (live role)', () => {
    const missing = '{caCertificateRefs: [{group: "", kind: ConfigMap, name: nope}], hostname: svc.app}';
    const text = [BASE, route('r', ['gw']), policy('p', missing)].join('---\n');
    const a = analyze(loadManifests([{ name: 'in.yaml', text }]).snapshot, { configMapsVisible: false });
    expect(conditionsOn(a, 'p')).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']);
  });

  it('flags a controller status that disagrees with the prediction, and a stale one', () => {
    const missing = '{caCertificateRefs: [{group: "", kind: ConfigMap, name: nope}], hostname: svc.app}';
    const observed = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: p, namespace: app, generation: 3}
spec:
  targetRefs: [{group: "", kind: Service, name: svc}]
  validation: ${missing}
status:
  ancestors:
    - ancestorRef: {name: gw, namespace: infra}
      controllerName: example.com/c
      conditions: [{type: Accepted, status: "True", reason: Accepted, message: "", observedGeneration: 2}]
`;
    const a = run(route('r', ['gw']), observed);
    const codes = a.diagnostics.filter((d) => d.object.name === 'p').map((d) => d.code);
    expect(codes).toContain('GS420-StatusDisagreesWithPrediction');
    expect(codes).toContain('GS421-StaleObservedGeneration');
    const disagreement = a.diagnostics.find((d) => d.code.startsWith('GS420'));
    expect(disagreement?.message).toContain(
      'ancestor gw Accepted: observed True (Accepted), predicted False',
    );
  });
});
