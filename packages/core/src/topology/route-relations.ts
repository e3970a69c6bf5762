/**
 * The two relations that carry most of the debugging value: Listener → Route (attachment, or a
 * red edge from the refused parent with the reason) and Rule → backend (valid, mirror, or a red
 * `missing-reference-grant` edge).
 */
import type { Analysis, ResolvedListener } from '../analysis/types.ts';
import { parseKey, sameParentRef } from '../model/identity.ts';
import { isRoute } from '../model/types.ts';
import type { ParentRef, Route } from '../model/types.ts';
import { isGatewayParent, isListenerSetParent } from '../analysis/attach.ts';
import { isMeshServiceParent } from '../analysis/mesh-parents.ts';
import { ruleNodeId } from './nodes.ts';
import type { RelationContext, RelationEdge } from './relations.ts';

/** The edge label for a reference whose target is only not in the input (absent.ts). */
const NOT_IN_INPUT = 'not in the input';

/** Why the parent refused the route: the first False/Unknown condition's reason, if any. */
function refusalReason(analysis: Analysis, route: Route, ref: ParentRef): string | undefined {
  const predicted = analysis.predicted.get(route.key);
  if (predicted?.kind !== 'Route') return undefined;
  const status = predicted.parents.find((s) => sameParentRef(s.parentRef, ref));
  const accepted = status?.conditions.find((c) => c.type === 'Accepted');
  return accepted !== undefined && accepted.status !== 'True' ? accepted.reason : undefined;
}

/** Listeners by the key of their owner (Gateway or ListenerSet), in analysis order. */
function listenersByOwner(analysis: Analysis): Map<string, ResolvedListener[]> {
  const byOwner = new Map<string, ResolvedListener[]>();
  for (const l of analysis.listeners) {
    const list = byOwner.get(l.owner);
    if (list === undefined) byOwner.set(l.owner, [l]);
    else list.push(l);
  }
  return byOwner;
}

/**
 * The listeners a parentRef addresses: the named section, else every listener of the parent
 * (on the given port, if any). Each of them refused the route, so the red edge starts there.
 */
function addressedListeners(
  byOwner: ReadonlyMap<string, readonly ResolvedListener[]>,
  ref: ParentRef,
): string[] {
  return (byOwner.get(ref.key) ?? [])
    .filter(
      (l) =>
        (ref.sectionName === undefined || l.name === ref.sectionName) &&
        (ref.port === undefined || l.port === ref.port),
    )
    .map((l) => l.id);
}

export function* routeParentEdges({ analysis, absent }: RelationContext): Iterable<RelationEdge> {
  const attached = new Set<string>();
  const byOwner = listenersByOwner(analysis);
  for (const a of analysis.attachments) {
    attached.add(`${a.route}#${a.parentRefIndex}`);
    // Hostnames are in the details panel; on the canvas they would only add clutter.
    yield { source: { id: a.listenerId }, target: { key: a.route }, kind: 'parent' };
  }
  for (const route of analysis.snapshot.objects) {
    if (!isRoute(route)) continue;
    const r = route;
    for (const ref of r.parentRefs) {
      if (attached.has(`${r.key}#${ref.index}`)) continue;
      if (!isGatewayParent(ref) && !isListenerSetParent(ref)) {
        // Mesh (GAMMA) and other parents attach to no listener; the analysis does not judge
        // them (analysis/mesh-parents.ts), so neither the edge nor an absent parent is red.
        const label = isMeshServiceParent(ref) ? 'mesh (GAMMA)' : 'implementation-specific';
        yield {
          source: { key: ref.key, ghostHealth: 'unknown' },
          target: { key: r.key },
          kind: 'parent',
          label,
        };
        continue;
      }
      const reason = refusalReason(analysis, r, ref) ?? 'NotAttached';
      const listeners = addressedListeners(byOwner, ref);
      const sources = listeners.length === 0 ? [{ key: ref.key }] : listeners.map((id) => ({ id }));
      // A parent only not in the input may well accept the route: unknown, not refused.
      const notInInput = absent.get(ref.key);
      const health = notInInput ?? 'error';
      const label = notInInput === undefined ? reason : NOT_IN_INPUT;
      for (const source of sources) {
        yield { source, target: { key: r.key }, kind: 'parent', health, label };
      }
    }
  }
}

export function* backendEdges({ analysis, absent }: RelationContext): Iterable<RelationEdge> {
  const perRule = new Map<string, number>();
  for (const b of analysis.backends) {
    if (b.mirror !== undefined) continue;
    const id = `${b.route}#${b.ruleIndex}`;
    perRule.set(id, (perRule.get(id) ?? 0) + 1);
  }
  for (const b of analysis.backends) {
    const route = parseKey(b.route);
    const source = { id: ruleNodeId(route, b.ruleIndex) };
    // An implementation-specific backend that is not in the input is unchecked, not missing.
    const target =
      b.implementationSpecific === true
        ? { key: b.target.key, ghostHealth: 'unknown' as const }
        : { key: b.target.key };
    // A target only not in the input may well exist: unknown, not broken (absent.ts).
    const notInInput = b.valid ? undefined : absent.get(b.target.key);
    const health = b.valid ? 'ok' : (notInInput ?? 'error');
    if (b.reason === 'RefNotPermitted') {
      const label = notInInput === undefined ? 'no ReferenceGrant' : NOT_IN_INPUT;
      yield { source, target, kind: 'missing-reference-grant', health, label };
      continue;
    }
    const parts: string[] = [];
    if (b.mirror !== undefined) parts.push('mirror');
    else if ((perRule.get(`${b.route}#${b.ruleIndex}`) ?? 0) > 1) parts.push(`weight ${b.weight}`);
    if (!b.valid && b.reason !== undefined) parts.push(notInInput === undefined ? b.reason : NOT_IN_INPUT);
    if (b.grantedBy !== undefined) parts.push(`granted by ${parseKey(b.grantedBy).name}`);
    yield {
      source,
      target,
      kind: b.mirror !== undefined ? 'mirror' : 'backend',
      health,
      ...(parts.length === 0 ? {} : { label: parts.join(' · ') }),
      ...(b.grantedBy === undefined ? {} : { grant: b.grantedBy }),
    };
  }
}
