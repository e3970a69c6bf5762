/**
 * Bounds on the work and output of one analyze or simulate call (POST /api/analyze and
 * /api/simulate, `gatescope analyze|simulate`). Each is a number a client can read in the 413
 * message; SECURITY.md ("Resource bounds") says why each value was chosen and what it measured.
 * The CLI applies the same bounds unless given `--no-limits`.
 */

export interface BatchLimits {
  /** Simulate requests per call. */
  readonly maxRequests: number;
  /** Kubernetes objects in the input of one call. */
  readonly maxObjects: number;
  /**
   * Route table entries: Σ over routes of hostnames × matches × parentRefs (each at least 1). The
   * route tables and the hostname buckets of explain grow with this product, not with bytes.
   */
  readonly maxRouteEntries: number;
  /** Characters of one explanation line; longer lines keep their head and tail. */
  readonly maxLineChars: number;
  /** Characters of one result's whole explanation; further lines are counted, not listed. */
  readonly maxExplanationChars: number;
  /** Bytes of JSON one call may answer (all results together). */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: BatchLimits = {
  maxRequests: 1000,
  maxObjects: 5000,
  maxRouteEntries: 200_000,
  maxLineChars: 2000,
  maxExplanationChars: 16 * 1024,
  maxOutputBytes: 32 * 1024 * 1024,
};

export const NO_LIMITS: BatchLimits = {
  maxRequests: Infinity,
  maxObjects: Infinity,
  maxRouteEntries: Infinity,
  maxLineChars: Infinity,
  maxExplanationChars: Infinity,
  maxOutputBytes: Infinity,
};

/** A bound was exceeded: HTTP 413 with this message; the CLI exits 2 with it. */
export class LimitExceeded extends Error {
  readonly statusCode = 413;
}

/** Unusable input (not JSON, wrong shape, invalid request): HTTP 400. */
export class BadInput extends Error {
  readonly statusCode = 400;
}
