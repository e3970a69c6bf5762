/**
 * Simulating real-world manifests. A folder of YAML rarely holds everything it references: the
 * GatewayClass is installed with the controller (Istio's `istio`, kgateway's `kgateway`, a
 * cloud's managed classes), certificate Secrets come from cert-manager, Services from another
 * chart. Analysis reports those as "not in the input" (analysis/absent.ts) and still predicts
 * what a controller would write if they were missing (Pending Gateway, unprogrammed HTTPS
 * listener, BackendNotFound), so a simulation of the input alone answers "nothing serves this
 * port" or 500 where the project's docs promise a 200.
 *
 * To answer "where will this request go once applied to a cluster that has them", a simulation
 * may assume every absent referenced object exists: a GatewayClass per absent class name (with a
 * controllerName that says it is assumed), a metadata-only kubernetes.io/tls Secret per absent
 * certificateRef, a Service (or ServiceImport) with the referenced ports per absent backend. The
 * analysis of the input itself is unchanged; callers list `assumed` to the user.
 */
import { GATEWAY_GROUP, MCS_GROUP } from '../model/identity.ts';
import type { ObjectKey } from '../model/identity.ts';
import { normalizeObject } from '../model/normalize.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { createSnapshot } from '../model/snapshot.ts';
import { isRoute } from '../model/types.ts';
import type { GwObject } from '../model/types.ts';

export const ASSUMED_CONTROLLER = 'gatescope.dev/assumed-installed';

export interface AssumedPresent {
  readonly snapshot: Snapshot;
  /** What was added, e.g. `GatewayClass istio`, `Secret web/shop-tls`, sorted. */
  readonly assumed: readonly string[];
}

interface StandIn {
  readonly label: string;
  readonly raw: Record<string, unknown>;
}

export function assumeAbsentPresent(snapshot: Snapshot): AssumedPresent {
  const standIns = new Map<string, StandIn>();
  const servicePorts = new Map<
    ObjectKey,
    { group: string; namespace: string; name: string; ports: Set<number> }
  >();
  const absent = (key: ObjectKey): boolean => !snapshot.byKey.has(key);
  for (const o of snapshot.objects) {
    if (o.kind === 'Gateway') {
      const name = o.gatewayClassName;
      const classKey = `GatewayClass.${GATEWAY_GROUP}//${name}` as ObjectKey;
      if (name !== '' && absent(classKey)) {
        standIns.set(classKey, {
          label: `GatewayClass ${name}`,
          raw: {
            apiVersion: `${GATEWAY_GROUP}/v1`,
            kind: 'GatewayClass',
            metadata: { name },
            spec: { controllerName: ASSUMED_CONTROLLER },
          },
        });
      }
      for (const l of o.listeners) {
        for (const c of l.tls?.certificateRefs ?? []) {
          if (c.group !== '' || c.kind !== 'Secret' || !absent(c.key)) continue;
          standIns.set(c.key, {
            label: `Secret ${c.namespace}/${c.name}`,
            raw: {
              apiVersion: 'v1',
              kind: 'Secret',
              metadata: { name: c.name, namespace: c.namespace },
              type: 'kubernetes.io/tls',
            },
          });
        }
      }
    } else if (isRoute(o)) {
      for (const rule of o.rules) {
        for (const b of rule.backendRefs) {
          const service = b.group === '' && b.kind === 'Service';
          const serviceImport = b.group === MCS_GROUP && b.kind === 'ServiceImport';
          if ((!service && !serviceImport) || !absent(b.key)) continue;
          const entry = servicePorts.get(b.key) ?? {
            group: b.group,
            namespace: b.namespace,
            name: b.name,
            ports: new Set<number>(),
          };
          if (b.port !== undefined) entry.ports.add(b.port);
          servicePorts.set(b.key, entry);
        }
      }
    }
  }
  for (const [key, s] of servicePorts) {
    const ports = [...s.ports].sort((a, b) => a - b).map((port) => ({ port, protocol: 'TCP' }));
    const kind = s.group === '' ? 'Service' : 'ServiceImport';
    standIns.set(key, {
      label: `${kind} ${s.namespace}/${s.name}`,
      raw: {
        apiVersion: s.group === '' ? 'v1' : `${MCS_GROUP}/v1alpha1`,
        kind,
        metadata: { name: s.name, namespace: s.namespace },
        spec: { type: s.group === '' ? 'ClusterIP' : 'ClusterSetIP', ports },
      },
    });
  }
  if (standIns.size === 0) return { snapshot, assumed: [] };
  const added: GwObject[] = [];
  for (const s of standIns.values()) {
    const { object } = normalizeObject(s.raw);
    if (object !== undefined) added.push(object);
  }
  const assumed = [...standIns.values()].map((s) => s.label).sort();
  return { snapshot: createSnapshot([...snapshot.objects, ...added]), assumed };
}
