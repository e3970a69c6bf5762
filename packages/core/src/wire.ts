/**
 * The server → browser stream contract (GET /api/snapshot and the SSE events of GET /api/events).
 * Objects travel raw (as the apiserver served them, stripped of managedFields, last-applied and
 * Secret data); the browser normalizes and analyses them with this same core.
 */

export type KindSyncState = 'absent' | 'forbidden' | 'syncing' | 'synced' | 'degraded';

export interface KindStatus {
  /** The kube context the watch belongs to. */
  readonly cluster: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Plural resource name, for the RBAC rule to suggest when forbidden. */
  readonly resource: string;
  readonly state: KindSyncState;
  readonly message?: string;
  readonly count: number;
  readonly restarts: number;
}

export interface ContextInfo {
  readonly name: string;
  readonly server?: string;
  readonly reachable: boolean;
  /** Why it is not reachable, in words a user can act on. */
  readonly reason?: string;
}

export interface SourceInfo {
  /** live: watching clusters; demo: no cluster reachable, serving the built-in demo scenario. */
  readonly mode: 'live' | 'demo';
  readonly contexts: readonly ContextInfo[];
  /** Why the server is in demo mode, when it is. */
  readonly reason?: string;
}

export interface WireObject {
  readonly cluster: string;
  readonly object: Readonly<Record<string, unknown>>;
}

export interface SnapshotPayload {
  /** Changes each time the server (re)starts its store; ids are `epoch:seq`. */
  readonly epoch: string;
  readonly seq: number;
  readonly source: SourceInfo;
  readonly kinds: readonly KindStatus[];
  readonly objects: readonly WireObject[];
}

export interface WatchChange {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly cluster: string;
  readonly object: Readonly<Record<string, unknown>>;
}

/** Coalesced changes (100–250 ms); applying them in order to the snapshot gives the new state. */
export interface DeltaPayload {
  readonly epoch: string;
  readonly seq: number;
  readonly changes: readonly WatchChange[];
}

export interface StatusPayload {
  readonly epoch: string;
  readonly seq: number;
  readonly kinds: readonly KindStatus[];
}

/** SSE event names: `snapshot`, `delta`, `status`, `heartbeat`. */
export type StreamEventName = 'snapshot' | 'delta' | 'status' | 'heartbeat';
