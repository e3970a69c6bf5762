/**
 * The Gateway API release and channel the input's CRDs come from: the
 * `gateway.networking.k8s.io/bundle-version` and `gateway.networking.k8s.io/channel` annotations
 * every upstream CRD carries. v1.6 and v1.7 inputs are served side by side: the checks that
 * depend on what a release's standard channel serves (checks/features.ts) read it here. Without
 * Gateway API CRDs in the input both are unknown (the caller's `channel` option still applies).
 */
import type { GwObject } from '../model/types.ts';
import { gatewayCRDs, majorMinor } from './gateway-class.ts';

export const CHANNEL_ANNOTATION = 'gateway.networking.k8s.io/channel';

export interface CRDBundle {
  /** major.minor ("1.7") when every Gateway API CRD names the same one. */
  readonly version?: string;
  /** experimental when one CRD is; standard when all are. */
  readonly channel?: 'standard' | 'experimental';
}

export function crdBundle(objects: readonly GwObject[]): CRDBundle {
  const crds = gatewayCRDs(objects);
  if (crds.length === 0) return {};
  const versions = new Set(
    crds.map((c) => (c.bundleVersion === undefined ? undefined : majorMinor(c.bundleVersion))),
  );
  const channels = crds.map((c) => c.channel);
  const version = versions.size === 1 ? [...versions][0] : undefined;
  const channel = channels.includes('experimental')
    ? 'experimental'
    : channels.every((c) => c === 'standard')
      ? 'standard'
      : undefined;
  return {
    ...(version === undefined ? {} : { version }),
    ...(channel === undefined ? {} : { channel }),
  };
}

/** Whether release `version` (major.minor) is at least `major.minor`; unknown is not. */
export function atLeast(version: string | undefined, major: number, minor: number): boolean {
  if (version === undefined) return false;
  const [a, b] = version.split('.').map(Number);
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return false;
  return a > major || (a === major && b >= minor);
}
