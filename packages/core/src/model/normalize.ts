/**
 * Stage 2: raw objects → the typed model (model/types.ts), every API default applied here and
 * only here. Used for pasted YAML (normalizeDocuments) and by the live server, one object at a
 * time (normalizeObject).
 */
import { parseCode, PARSE_CODES } from '../diagnostics/parse-codes.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { locateField } from '../manifest/locate.ts';
import type { RawDocument } from '../manifest/types.ts';
import type { ObjectKey } from './identity.ts';
import {
  normalizeConfigMap,
  normalizeEndpointSlice,
  normalizeNamespace,
  normalizeOpaque,
} from './normalize/core-kinds.ts';
import {
  normalizeSecret,
  normalizeService,
  normalizeServiceExport,
  normalizeServiceImport,
} from './normalize/core-kinds.ts';
import type { Rec } from './normalize/fields.ts';
import { normalizeGateway, normalizeGatewayClass, normalizeListenerSet } from './normalize/gateway.ts';
import { isPolicyKind } from './normalize/kinds.ts';
import { readHeader, type Header, type NormalizeContext } from './normalize/meta.ts';
import {
  hasTargetRefs,
  normalizeBackendTLSPolicy,
  normalizePolicy,
  normalizeReferenceGrant,
} from './normalize/policies.ts';
import { normalizeGRPCRoute, normalizeHTTPRoute, normalizeL4Route } from './normalize/routes.ts';
import type { GwObject, SourcePos } from './types.ts';

export type { NormalizeContext } from './normalize/meta.ts';

export interface NormalizeResult {
  /** Undefined when the object cannot be identified (no apiVersion, kind or name). */
  readonly object: GwObject | undefined;
  readonly diagnostics: Diagnostic[];
}

export interface NormalizeDocumentsResult {
  /** One per key: a later document's content wins, with the first one's creation order. */
  readonly objects: GwObject[];
  readonly diagnostics: Diagnostic[];
}

export function normalizeObject(
  raw: Readonly<Record<string, unknown>>,
  context: NormalizeContext = {},
): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const header = readHeader(raw, context, diagnostics);
  return { object: header === undefined ? undefined : byKind(header, raw), diagnostics };
}

function byKind(h: Header, original: Rec): GwObject {
  switch (h.info?.model) {
    case 'GatewayClass':
      return normalizeGatewayClass(h);
    case 'Gateway':
      return normalizeGateway(h);
    case 'ListenerSet':
      return normalizeListenerSet(h);
    case 'HTTPRoute':
      return normalizeHTTPRoute(h);
    case 'GRPCRoute':
      return normalizeGRPCRoute(h);
    case 'TLSRoute':
    case 'TCPRoute':
    case 'UDPRoute':
      return normalizeL4Route(h, h.info.model);
    case 'ReferenceGrant':
      return normalizeReferenceGrant(h);
    case 'BackendTLSPolicy':
      return normalizeBackendTLSPolicy(h);
    case 'Service':
      return normalizeService(h);
    case 'ServiceImport':
      return normalizeServiceImport(h);
    case 'ServiceExport':
      return normalizeServiceExport(h);
    case 'EndpointSlice':
      return normalizeEndpointSlice(h);
    case 'Namespace':
      return normalizeNamespace(h);
    case 'Secret':
      return normalizeSecret(h, original);
    case 'ConfigMap':
      return normalizeConfigMap(h, original);
    default:
      return isPolicyKind(h.group, h.realKind) && hasTargetRefs(h.spec)
        ? normalizePolicy(h)
        : normalizeOpaque(h);
  }
}

function describe(source: SourcePos | undefined): string {
  return source === undefined ? 'an earlier document' : `${source.file}:${source.line}:${source.column}`;
}

export function normalizeDocuments(
  docs: readonly RawDocument[],
  options: { readonly cluster?: string } = {},
): NormalizeDocumentsResult {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<ObjectKey, GwObject>();
  for (const doc of docs) {
    const locate = (field: string): SourcePos | undefined => locateField(doc.object, field);
    const result = normalizeObject(doc.object, { ...options, order: doc.order, source: doc.source, locate });
    diagnostics.push(...result.diagnostics);
    const object = result.object;
    if (object === undefined) continue;
    const previous = byKey.get(object.key);
    if (previous === undefined) {
      byKey.set(object.key, object);
      continue;
    }
    // Applying both documents creates the object at the first and updates it at the second:
    // the content is the later one's, the creation order the earlier one's.
    diagnostics.push(duplicate(object, previous));
    byKey.set(object.key, { ...object, order: previous.order });
  }
  return { objects: [...byKey.values()], diagnostics };
}

function duplicate(object: GwObject, previous: GwObject): Diagnostic {
  const where = object.source === undefined ? '' : `${describe(object.source)}: `;
  const { ref } = object;
  return {
    code: parseCode('DuplicateObject'),
    severity: PARSE_CODES.DuplicateObject.severity,
    object: ref,
    message: `${where}${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name} is defined again (first at ${describe(previous.source)}); the later definition is used`,
    ...(object.source !== undefined && { source: object.source }),
  };
}
