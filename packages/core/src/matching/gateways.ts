/**
 * The per-Gateway view of the listener tables: listeners in analysis order, indexed by port, and
 * the ready ones by protocol and hostname (listener selection in listener.ts).
 */
import type { Analysis } from '../analysis/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import { GATEWAY_GROUP, keyOf } from '../model/identity.ts';
import type { Gateway } from '../model/types.ts';
import { hostnameRank } from './hostname.ts';
import type { GatewayTable, ListenerTable, PortListeners } from './tables.ts';

/** Gateway tables by `namespace/name`, from listener tables in analysis order. */
export function gatewayTables(
  analysis: Analysis,
  listeners: readonly ListenerTable[],
): Map<string, GatewayTable> {
  const gateways = new Map<string, { key: ObjectKey; listeners: ListenerTable[] }>();
  for (const t of listeners) gatewayEntry(gateways, t.listener.gateway).listeners.push(t);
  const tables = new Map<string, GatewayTable>();
  for (const [nsName, gw] of gateways) {
    const [namespace = '', name = ''] = nsName.split('/');
    const object = analysis.snapshot.byKey.get(gw.key);
    const address = object?.kind === 'Gateway' ? addressOf(object) : null;
    const ports = indexPorts(gw.listeners);
    const notServing = object?.kind === 'Gateway' ? classProblem(analysis, object) : null;
    tables.set(nsName, {
      key: gw.key,
      namespace,
      name,
      address,
      ...(notServing === null ? {} : { notServing }),
      listeners: gw.listeners,
      ports,
    });
  }
  return tables;
}

function indexPorts(listeners: readonly ListenerTable[]): Map<number, PortListeners> {
  type Mutable = {
    all: ListenerTable[];
    ready: ListenerTable[];
    readyByProtocol: Map<string, ListenerTable[]>;
    byHostname: Map<string, ListenerTable[]>;
  };
  const out = new Map<number, Mutable & { hostnames: PortListeners['hostnames'][number][] }>();
  const add = (map: Map<string, ListenerTable[]>, key: string, t: ListenerTable): void => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  for (const t of listeners) {
    let entry = out.get(t.listener.port);
    if (!entry) {
      entry = { all: [], ready: [], readyByProtocol: new Map(), byHostname: new Map(), hostnames: [] };
      out.set(t.listener.port, entry);
    }
    entry.all.push(t);
    if (!t.listener.ready) continue;
    entry.ready.push(t);
    add(entry.readyByProtocol, t.listener.protocol, t);
    add(entry.byHostname, (t.listener.hostname ?? '').toLowerCase(), t);
  }
  for (const entry of out.values()) {
    for (const [pattern, list] of entry.byHostname)
      if (pattern !== '') entry.hostnames.push({ pattern, rank: hostnameRank(pattern), listeners: list });
  }
  return out;
}

/**
 * The Gateway's class is not in the input (or, in a complete live view, does not exist): no
 * controller programs its listeners. The wording follows the analysis' own diagnostic
 * (GatewayClassNotFound only when the input is authoritative for GatewayClasses).
 */
function classProblem(analysis: Analysis, gw: Gateway): string | null {
  const classKey = keyOf({
    group: GATEWAY_GROUP,
    kind: 'GatewayClass',
    namespace: '',
    name: gw.gatewayClassName,
  });
  if (analysis.snapshot.byKey.has(classKey)) return null;
  const missing = analysis.diagnostics.some(
    (d) =>
      d.code.startsWith('GS201-') &&
      d.object.kind === 'Gateway' &&
      d.object.namespace === gw.meta.namespace &&
      d.object.name === gw.meta.name,
  );
  return `GatewayClass "${gw.gatewayClassName}" ${missing ? 'does not exist' : 'is not in the input'}, so no controller programs Gateway ${gw.meta.namespace}/${gw.meta.name}`;
}

function addressOf(gw: Gateway): string | null {
  return gw.observed?.addresses[0]?.value ?? gw.addresses[0]?.value ?? null;
}

function gatewayEntry(
  map: Map<string, { key: ObjectKey; listeners: ListenerTable[] }>,
  key: ObjectKey,
): { key: ObjectKey; listeners: ListenerTable[] } {
  const slash = key.indexOf('/');
  const nsName = key.slice(slash + 1);
  let entry = map.get(nsName);
  if (!entry) {
    entry = { key, listeners: [] };
    map.set(nsName, entry);
  }
  return entry;
}
