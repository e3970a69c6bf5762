/** Which diagnostics belong to a node: its object's, narrowed for parts (rules, listeners). */
import { diagnosticNodeId } from '@gatescope/core';
import type { Analysis, Diagnostic, TopoNode } from '@gatescope/core';

/** Diagnostics about this node: its object's, narrowed to the rule for rule nodes. */
export function diagnosticsFor(node: TopoNode, analysis: Analysis): Diagnostic[] {
  if (node.ref === undefined) return [];
  const ownerId = `${node.ref.kind}/${node.ref.namespace}/${node.ref.name}`;
  const own = analysis.diagnostics.filter((d) => diagnosticNodeId(d) === ownerId);
  if (node.kind === 'Rule') {
    const index = node.id.slice(node.id.lastIndexOf('/') + 1);
    return own.filter((d) => d.field?.startsWith(`spec.rules[${index}]`) === true);
  }
  if (node.kind === 'Listener' && node.key !== undefined) {
    // Listener problems are reported on the owner at spec.listeners[<index>].
    const owner = analysis.snapshot.byKey.get(node.key);
    const listeners = owner?.kind === 'Gateway' || owner?.kind === 'ListenerSet' ? owner.listeners : [];
    const index = listeners.findIndex((l) => l.name === node.label);
    return own.filter((d) => index >= 0 && d.field?.startsWith(`spec.listeners[${index}]`) === true);
  }
  return own;
}
