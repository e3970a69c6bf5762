/** The graph path a simulated request takes: Gateway → Listener → Route → Rule → backends. */
import type { Analysis } from '@gatescope/core';
import type { SimRequest, SimResult } from '@gatescope/core/matching/index';

export function pathNodes(analysis: Analysis, request: SimRequest, result: SimResult): string[] {
  const [namespace = '', name = ''] = request.gateway.split('/');
  const nodes = [`Gateway/${namespace}/${name}`];
  if (result.listener !== null) {
    const listener = analysis.listeners.find(
      (l) =>
        l.name === result.listener &&
        l.gateway.endsWith(`/${namespace}/${name}`) &&
        l.gateway.startsWith('Gateway.'),
    );
    nodes.push(listener?.id ?? `Listener/${namespace}/${name}/${result.listener}`);
  }
  if (result.route !== null) {
    const r = result.route;
    nodes.push(`${r.kind}/${r.namespace}/${r.name}`);
    if (result.rule !== null) nodes.push(`Rule/${r.namespace}/${r.kind}/${r.name}/${result.rule}`);
  }
  for (const b of result.backends) {
    if (b.probability > 0) nodes.push(`${b.kind}/${b.namespace}/${b.name}`);
  }
  for (const m of result.mirrors) nodes.push(`${m.kind}/${m.namespace}/${m.name}`);
  return nodes;
}
