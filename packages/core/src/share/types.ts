/**
 * Share state: everything a link or an export bundle carries to restore a view elsewhere.
 * It is a plain JSON value; schema.ts validates it on the way in (links are untrusted input).
 */
import type { SimRequest } from '../matching/types.ts';

/** What a route test expects; every field is optional and only the given ones are checked. */
export interface RouteTestExpectation {
  /** HTTP status the gateway answers (200 forwarded, 3xx redirect, 404, 500, ...). */
  readonly status?: number;
  /** The winning route: `namespace/name` or `Kind/namespace/name`; "none" when nothing matches. */
  readonly route?: string;
  /** A backend that must receive (part of) the traffic: `namespace/name` or `Kind/namespace/name`. */
  readonly backend?: string;
  /** Exact redirect Location. */
  readonly location?: string;
  /** Path the backend receives (after rewrites). */
  readonly upstreamPath?: string;
  readonly grpcCode?: string;
}

/** A simulator request with what it should produce: a "route test". */
export interface RouteTest extends SimRequest {
  readonly expect?: RouteTestExpectation;
}

export interface ShareFilters {
  readonly text?: string;
  readonly namespaces?: readonly string[];
  readonly kinds?: readonly string[];
  readonly onlyProblems?: boolean;
}

export interface ShareView {
  /** Which page the link opens: the topology of the shared objects or the sandbox editor. */
  readonly page: 'topology' | 'sandbox';
  /** Selected graph node id (DESIGN.md automation hook form). */
  readonly selected?: string;
  readonly filters?: ShareFilters;
  /** Right panel tab, e.g. "details" or "simulator". */
  readonly panel?: string;
  /** Index of the route test shown in the simulator form. */
  readonly activeTest?: number;
  /** The simulator form's request, so the same trace shows when the link opens. */
  readonly request?: RouteTest;
}

export type ShareSource =
  /** The sandbox editor's text, exactly (after redaction). */
  | { readonly type: 'sandbox'; readonly yaml: string }
  /** A redacted copy of live objects (the selection), as raw Kubernetes JSON. */
  | {
      readonly type: 'snapshot';
      readonly objects: readonly Readonly<Record<string, unknown>>[];
      /** Where it came from, for the banner ("cluster prod-eu, 14 objects"). */
      readonly label?: string;
    };

export interface RedactionOptions {
  readonly maskIPs: boolean;
  readonly maskHostnames: boolean;
}

export interface ShareState {
  readonly v: 1;
  readonly source: ShareSource;
  readonly view: ShareView;
  readonly tests: readonly RouteTest[];
  /** Which optional masks were applied (the always-on allowlist is implied). */
  readonly redaction: RedactionOptions;
}

export type ShareErrorCode =
  | 'empty'
  | 'bad-prefix'
  | 'unsupported-version'
  | 'bad-encoding'
  | 'bad-compression'
  | 'too-large'
  | 'too-deep'
  | 'bad-json'
  | 'bad-schema'
  /** The web app failed while applying this link before; it is not applied again. */
  | 'failed-to-open';

/** A link or bundle that cannot be opened: a value with a message for people, never a throw. */
export interface ShareError {
  readonly code: ShareErrorCode;
  readonly message: string;
}

export type ShareResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ShareError };
