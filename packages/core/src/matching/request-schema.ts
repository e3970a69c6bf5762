/**
 * Validation of a simulate request coming from outside (CLI `--request`, JSONL lines, HTTP body):
 * unknown JSON in, a typed SimRequest or a clear message out. Never throws.
 */
import type { SimProtocol, SimRequest } from './types.ts';

export type ParsedRequest =
  { readonly ok: true; readonly request: SimRequest } | { readonly ok: false; readonly error: string };

const PROTOCOLS: readonly SimProtocol[] = ['HTTP', 'HTTPS', 'GRPC', 'TLS', 'TCP', 'UDP'];
/** Longest path, header value or host we accept (matches beyond this are not meaningful). */
const MAX_TEXT = 8192;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, key: string, errors: string[]): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') errors.push(`"${key}" must be a string`);
  else if (v.length > MAX_TEXT) errors.push(`"${key}" is longer than ${MAX_TEXT} characters`);
  else return v;
  return undefined;
}

function stringMap(o: Obj, key: string, errors: string[]): Record<string, string> | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!isObj(v) || Object.values(v).some((x) => typeof x !== 'string' || x.length > MAX_TEXT)) {
    errors.push(`"${key}" must be an object of string values`);
    return undefined;
  }
  return v as Record<string, string>;
}

function port(o: Obj, errors: string[]): number | undefined {
  const v = o['port'];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535) {
    errors.push('"port" must be an integer from 1 to 65535');
    return undefined;
  }
  return v;
}

function grpcCall(o: Obj, errors: string[]): SimRequest['grpc'] {
  const v = o['grpc'];
  if (v === undefined) return undefined;
  if (!isObj(v) || typeof v['service'] !== 'string' || typeof v['method'] !== 'string') {
    errors.push('"grpc" must be {"service": string, "method": string}');
    return undefined;
  }
  return { service: v['service'], method: v['method'] };
}

function behavior(o: Obj, errors: string[]): SimRequest['backendBehavior'] {
  const v = o['backendBehavior'];
  if (v === undefined) return undefined;
  const f = isObj(v) ? v['failures'] : undefined;
  const delayOk = isObj(v) && (v['delay'] === undefined || typeof v['delay'] === 'string');
  const failOk =
    f === undefined ||
    (isObj(f) &&
      Number.isInteger(f['code']) &&
      Number.isInteger(f['count']) &&
      (f['delay'] === undefined || typeof f['delay'] === 'string') &&
      (f['connectionError'] === undefined || typeof f['connectionError'] === 'boolean'));
  if (!isObj(v) || !delayOk || !failOk) {
    errors.push(
      '"backendBehavior" must be {"delay"?: "1s", "failures"?: {"code": 503, "count": 2, "delay"?: "100ms", "connectionError"?: false}}',
    );
    return undefined;
  }
  return v as SimRequest['backendBehavior'];
}

/** Validates one request; `gateway` must be `namespace/name`. */
export function parseSimRequest(value: unknown): ParsedRequest {
  if (!isObj(value)) return { ok: false, error: 'a request must be a JSON object' };
  const errors: string[] = [];
  const gateway = str(value, 'gateway', errors);
  if (gateway === undefined && errors.length === 0) errors.push('"gateway" ("namespace/name") is required');
  else if (gateway !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(gateway)) {
    errors.push(`"gateway" must be "namespace/name", got "${gateway}"`);
  }
  const id = value['id'];
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number')
    errors.push('"id" must be a string or a number');
  const protocol = value['protocol'];
  if (protocol !== undefined && !PROTOCOLS.includes(protocol as SimProtocol)) {
    errors.push(`"protocol" must be one of ${PROTOCOLS.join(', ')}`);
  }
  const host = value['host'];
  if (host !== undefined && host !== null && typeof host !== 'string')
    errors.push('"host" must be a string or null');
  const path = str(value, 'path', errors);
  if (path !== undefined && !path.startsWith('/')) errors.push(`"path" must start with "/", got "${path}"`);
  const httpVersion = value['httpVersion'];
  if (httpVersion !== undefined && httpVersion !== '1.1' && httpVersion !== '2')
    errors.push('"httpVersion" must be "1.1" or "2"');
  const known = new Set([
    'id',
    'gateway',
    'port',
    'protocol',
    'sni',
    'host',
    'method',
    'path',
    'headers',
    'grpc',
    'backendResponseHeaders',
    'httpVersion',
    'backendBehavior',
  ]);
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length > 0) errors.push(`unknown field(s): ${unknown.join(', ')}`);
  const fields = {
    port: port(value, errors),
    sni: str(value, 'sni', errors),
    method: str(value, 'method', errors),
    headers: stringMap(value, 'headers', errors),
    grpc: grpcCall(value, errors),
    backendResponseHeaders: stringMap(value, 'backendResponseHeaders', errors),
    backendBehavior: behavior(value, errors),
  };
  if (errors.length > 0 || gateway === undefined) return { ok: false, error: errors.join('; ') };
  const request: Record<string, unknown> = { gateway };
  if (id !== undefined) request['id'] = id;
  if (protocol !== undefined) request['protocol'] = protocol;
  if (host !== undefined) request['host'] = host;
  if (path !== undefined) request['path'] = path;
  if (httpVersion !== undefined) request['httpVersion'] = httpVersion;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) request[k] = v;
  return { ok: true, request: request as unknown as SimRequest };
}
