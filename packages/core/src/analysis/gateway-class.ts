/**
 * GatewayClass status (apis/v1 gatewayclass_types.go). Accepted is predicted True (the offline
 * controller accepts every class it is shown). SupportedVersion (v1.6) is predicted only when the
 * input carries Gateway API CRDs: True when every one of them has the
 * `gateway.networking.k8s.io/bundle-version` annotation with a major.minor this engine models
 * (v1.6 or v1.7, one release per input: CRDs of both mixed are not one bundle), False/
 * UnsupportedVersion when one lacks it or names another version ("MUST be set to false"). Best
 * effort, like most implementations: Accepted stays True. Without CRDs in the input the bundle
 * version is unknown and no SupportedVersion condition is invented.
 */
import type { Condition, GatewayClass, GwObject } from '../model/types.ts';
import { cond } from './conditions.ts';
import type { PredictedStatus } from './types.ts';

export const BUNDLE_VERSION_ANNOTATION = 'gateway.networking.k8s.io/bundle-version';
/** The Gateway API release the analysis follows by default (conformance suite, reasons, defaults). */
export const MODELLED_BUNDLE_VERSION = 'v1.6.1';
/** The releases (major.minor) whose CRDs the analysis serves side by side. */
export const SUPPORTED_BUNDLE_VERSIONS: readonly string[] = ['1.6', '1.7'];

const API_GROUPS = ['gateway.networking.k8s.io', 'gateway.networking.x-k8s.io'];

/** A Gateway API CRD in the input and its bundle-version annotation (undefined: absent). */
export interface GatewayCRD {
  readonly name: string;
  readonly bundleVersion: string | undefined;
  /** gateway.networking.k8s.io/channel (standard or experimental), when annotated. */
  readonly channel?: 'standard' | 'experimental';
}

const CHANNEL = 'gateway.networking.k8s.io/channel';

export function gatewayCRDs(objects: readonly GwObject[]): GatewayCRD[] {
  const out: GatewayCRD[] = [];
  for (const o of objects) {
    if (o.kind !== 'Opaque' || o.realKind !== 'CustomResourceDefinition') continue;
    if (!API_GROUPS.some((g) => o.meta.name.endsWith(`.${g}`))) continue;
    const channel = o.meta.annotations[CHANNEL];
    out.push({
      name: o.meta.name,
      bundleVersion: o.meta.annotations[BUNDLE_VERSION_ANNOTATION],
      ...(channel === 'standard' || channel === 'experimental' ? { channel } : {}),
    });
  }
  return out;
}

export function majorMinor(version: string): string | undefined {
  return /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim())?.slice(1, 3).join('.');
}

/** SupportedVersion for the CRDs the input shows; undefined when it shows none. */
export function supportedVersionCondition(crds: readonly GatewayCRD[]): Condition | undefined {
  if (crds.length === 0) return undefined;
  // The release of the bundle: the first supported major.minor a CRD names; the others must match.
  const want = crds
    .map((c) => (c.bundleVersion === undefined ? undefined : majorMinor(c.bundleVersion)))
    .find((v) => v !== undefined && SUPPORTED_BUNDLE_VERSIONS.includes(v));
  const bad = crds.filter(
    (c) => want === undefined || c.bundleVersion === undefined || majorMinor(c.bundleVersion) !== want,
  );
  if (bad.length === 0) {
    const versions = [...new Set(crds.map((c) => c.bundleVersion))].join(', ');
    return cond(
      'SupportedVersion',
      true,
      'SupportedVersion',
      `Gateway API CRD bundle ${versions} is supported.`,
    );
  }
  const found = bad
    .slice(0, 3)
    .map((c) => `${c.name} (${c.bundleVersion ?? `no ${BUNDLE_VERSION_ANNOTATION} annotation`})`)
    .join(', ');
  const more = bad.length > 3 ? ` and ${bad.length - 3} more` : '';
  return cond(
    'SupportedVersion',
    false,
    'UnsupportedVersion',
    `Unsupported Gateway API CRDs: ${found}${more}; supported: ${want === undefined ? SUPPORTED_BUNDLE_VERSIONS.map((v) => `v${v}.x`).join(' or ') : `v${want}.x, as the other CRDs`}. Resources are reconciled with best effort.`,
  );
}

export function gatewayClassStatus(
  gc: GatewayClass,
  supportedVersion: Condition | undefined,
): PredictedStatus {
  const accepted = cond('Accepted', true, 'Accepted', `Treated as accepted by ${gc.controllerName}.`);
  return {
    kind: 'GatewayClass',
    conditions: supportedVersion === undefined ? [accepted] : [accepted, supportedVersion],
  };
}
