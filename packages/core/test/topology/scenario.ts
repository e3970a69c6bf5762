/**
 * The e2e scenario in Analysis form: one healthy route, one route whose hostnames do not
 * intersect the listener's, one route whose cross-namespace backend lacks a ReferenceGrant.
 */
import type { Analysis } from '../../src/analysis/types.ts';
import {
  analysisOf,
  backend,
  cond,
  gateway,
  gatewayClass,
  httpRoute,
  service,
  slice,
  svcRef,
} from './fixtures.ts';

export const gc = gatewayClass('shared');
export const gw = gateway('infra', 'edge', 'shared');
export const good = httpRoute('app', 'good', gw, ['shop.example.com'], [[svcRef('app', 'web')]]);
export const nohost = httpRoute('app', 'nohost', gw, ['shop.example.org'], [[svcRef('app', 'web')]]);
export const cross = httpRoute('app', 'cross', gw, [], [[svcRef('billing', 'api')], [svcRef('app', 'gone')]]);

const listenerId = 'Listener/infra/edge/http';

function parent(reason: string, accepted: boolean, refs = true) {
  return {
    parentRef: { group: gw.ref.group, kind: 'Gateway', namespace: 'infra', name: 'edge' },
    controllerName: 'example.com/ctrl',
    conditions: [
      cond('Accepted', accepted ? 'True' : 'False', accepted ? 'Accepted' : reason),
      cond('ResolvedRefs', refs ? 'True' : 'False', refs ? 'ResolvedRefs' : reason),
    ],
  };
}

export function scenario(): Analysis {
  return analysisOf({
    objects: [
      gc,
      gw,
      good,
      nohost,
      cross,
      service('app', 'web'),
      service('billing', 'api'),
      slice('app', 'web', 2, 3),
    ],
    predicted: [
      [gc.key, { kind: 'GatewayClass', conditions: [cond('Accepted', 'True', 'Accepted')] }],
      [gw.key, { kind: 'Gateway', conditions: [cond('Accepted', 'True', 'Accepted')], listeners: [] }],
      [good.key, { kind: 'Route', parents: [parent('', true)] }],
      [nohost.key, { kind: 'Route', parents: [parent('NoMatchingListenerHostname', false)] }],
      [cross.key, { kind: 'Route', parents: [parent('RefNotPermitted', true, false)] }],
    ],
    listeners: [
      {
        id: listenerId,
        gateway: gw.key,
        owner: gw.key,
        name: 'http',
        port: 80,
        protocol: 'HTTP',
        hostname: '*.example.com',
        supportedKinds: [{ group: gw.ref.group, kind: 'HTTPRoute' }],
        ready: true,
        conditions: [cond('Accepted', 'True', 'Accepted'), cond('Programmed', 'True', 'Programmed')],
      },
    ],
    attachments: [
      {
        route: good.key,
        routeKind: 'HTTPRoute',
        parentRefIndex: 0,
        listenerId,
        gateway: gw.key,
        hostnames: ['shop.example.com'],
      },
      {
        route: cross.key,
        routeKind: 'HTTPRoute',
        parentRefIndex: 0,
        listenerId,
        gateway: gw.key,
        hostnames: [],
      },
    ],
    backends: [
      backend(good, 0, svcRef('app', 'web')),
      backend(nohost, 0, svcRef('app', 'web')),
      backend(cross, 0, svcRef('billing', 'api'), { valid: false, reason: 'RefNotPermitted' }),
      backend(cross, 1, svcRef('app', 'gone'), { valid: false, reason: 'BackendNotFound' }),
    ],
    diagnostics: [
      {
        code: 'GS1001-RefNotPermitted',
        severity: 'error',
        object: { kind: 'HTTPRoute', namespace: 'app', name: 'cross' },
        field: 'spec.rules[0].backendRefs[0]',
        reason: 'RefNotPermitted',
        message: 'no ReferenceGrant in billing allows HTTPRoute from app',
      },
    ],
  });
}
