/**
 * ReferenceGrant checks (apis/v1beta1 ReferenceGrant): a reference from an object in namespace A
 * to an object in namespace B is permitted when a ReferenceGrant in B lists `from` {group, kind,
 * namespace: A} and `to` {group, kind, name?} (name absent: every object of that kind).
 */
import type { ObjectKey } from '../model/identity.ts';
import type { ReferenceGrant } from '../model/types.ts';

export interface ReferenceQuery {
  readonly fromGroup: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toNamespace: string;
  readonly toName: string;
}

/** The ReferenceGrant that permits the reference, or null. Same-namespace refs need none. */
export function findGrant(grants: readonly ReferenceGrant[], q: ReferenceQuery): ObjectKey | null {
  for (const grant of grants) {
    if (grant.meta.namespace !== q.toNamespace) continue;
    const fromOk = grant.from.some(
      (f) => f.group === q.fromGroup && f.kind === q.fromKind && f.namespace === q.fromNamespace,
    );
    if (!fromOk) continue;
    const toOk = grant.to.some(
      (t) => t.group === q.toGroup && t.kind === q.toKind && (t.name === undefined || t.name === q.toName),
    );
    if (toOk) return grant.key;
  }
  return null;
}
