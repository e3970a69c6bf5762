/** Observed status (what the real controller wrote), read into the model's `observed` fields. */
import { GATEWAY_GROUP } from '../identity.ts';
import type {
  Condition,
  ObservedGatewayStatus,
  ObservedListenerStatus,
  ObservedRouteParentStatus,
} from '../types.ts';
import { int, oneOf, recList, reqStr, str, type FieldCtx, type Rec } from './fields.ts';

const CONDITION_STATUS = ['True', 'False', 'Unknown'] as const;

export function conditions(ctx: FieldCtx, raw: Rec, path: string): Condition[] {
  return recList(ctx, raw, 'conditions', path, (c, p) => {
    const observedGeneration = int(ctx, c, 'observedGeneration', p);
    const lastTransitionTime = str(ctx, c, 'lastTransitionTime', p);
    return {
      type: reqStr(ctx, c, 'type', p),
      status: oneOf(ctx, c, 'status', p, CONDITION_STATUS, 'Unknown'),
      reason: str(ctx, c, 'reason', p) ?? '',
      message: str(ctx, c, 'message', p) ?? '',
      ...(observedGeneration !== undefined && { observedGeneration }),
      ...(lastTransitionTime !== undefined && { lastTransitionTime }),
    };
  });
}

function groupKinds(ctx: FieldCtx, raw: Rec, key: string, path: string): { group: string; kind: string }[] {
  // RouteGroupKind: group defaults to gateway.networking.k8s.io.
  return recList(ctx, raw, key, path, (gk, p) => ({
    group: str(ctx, gk, 'group', p) ?? GATEWAY_GROUP,
    kind: reqStr(ctx, gk, 'kind', p),
  }));
}

export function observedListeners(ctx: FieldCtx, status: Rec, path: string): ObservedListenerStatus[] {
  return recList(ctx, status, 'listeners', path, (l, p) => ({
    name: reqStr(ctx, l, 'name', p),
    attachedRoutes: int(ctx, l, 'attachedRoutes', p) ?? 0,
    supportedKinds: groupKinds(ctx, l, 'supportedKinds', p),
    conditions: conditions(ctx, l, p),
  }));
}

export function observedGateway(ctx: FieldCtx, status: Rec): ObservedGatewayStatus {
  const attachedListenerSets = int(ctx, status, 'attachedListenerSets', 'status');
  return {
    conditions: conditions(ctx, status, 'status'),
    listeners: observedListeners(ctx, status, 'status'),
    addresses: recList(ctx, status, 'addresses', 'status', (a, p) => ({
      type: str(ctx, a, 'type', p) ?? 'IPAddress',
      value: reqStr(ctx, a, 'value', p),
    })),
    ...(attachedListenerSets !== undefined && { attachedListenerSets }),
  };
}

/** status.parents (routes) or status.ancestors (policies): a parentRef with defaults applied. */
export function observedParents(
  ctx: FieldCtx,
  status: Rec,
  key: 'parents' | 'ancestors',
  namespace: string,
): ObservedRouteParentStatus[] {
  return recList(ctx, status, key, 'status', (entry, p) => {
    const ref = entry['parentRef'] ?? entry['ancestorRef'];
    const refPath = `${p}.${entry['parentRef'] !== undefined ? 'parentRef' : 'ancestorRef'}`;
    const r: Rec = typeof ref === 'object' && ref !== null && !Array.isArray(ref) ? (ref as Rec) : {};
    const sectionName = str(ctx, r, 'sectionName', refPath);
    const port = int(ctx, r, 'port', refPath);
    const ns = str(ctx, r, 'namespace', refPath);
    return {
      parentRef: {
        group: str(ctx, r, 'group', refPath) ?? GATEWAY_GROUP,
        kind: str(ctx, r, 'kind', refPath) ?? 'Gateway',
        namespace: ns === undefined || ns === '' ? namespace : ns,
        name: reqStr(ctx, r, 'name', refPath),
        ...(sectionName !== undefined && { sectionName }),
        ...(port !== undefined && { port }),
      },
      controllerName: str(ctx, entry, 'controllerName', p) ?? '',
      conditions: conditions(ctx, entry, p),
    };
  });
}
