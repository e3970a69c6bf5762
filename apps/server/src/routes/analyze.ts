/**
 * POST /api/analyze and POST /api/simulate: the CLI's JSON over HTTP, computed by the core.
 * Body: `{ "files": [{ "name", "text" }] }` or `{ "yaml": "..." }`; simulate adds
 * `"request": {...}` or `"requests": [...]`. Bad input → 400 with a message.
 */
import type { FastifyInstance } from 'fastify';
import { analyze } from '@gatescope/core/analysis/analyze';
import type { ManifestFile } from '@gatescope/core/manifest/types';
import { compileRouteTables, explain } from '@gatescope/core/matching/index';
import type { SimRequest } from '@gatescope/core/matching/types';
import { loadManifests } from '@gatescope/core/model/load';
import { sortDiagnostics } from '@gatescope/core/diagnostics/make';
// The CLI's own formatter: POST /api/analyze returns exactly `gatescope analyze --format json`.
import { jsonReport } from '../cli/output/json.ts';

const MAX_REQUESTS = 1000;

export class BadInput extends Error {
  readonly statusCode = 400;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function manifestFiles(body: unknown): ManifestFile[] {
  if (!isRecord(body)) throw new BadInput('body must be a JSON object with "files" or "yaml"');
  if (typeof body['yaml'] === 'string') return [{ name: 'input.yaml', text: body['yaml'] }];
  const files = body['files'];
  if (!Array.isArray(files) || files.length === 0)
    throw new BadInput('"files" must be a non-empty array of {name, text}');
  return files.map((file, i) => {
    if (!isRecord(file) || typeof file['text'] !== 'string')
      throw new BadInput(`files[${i}].text must be a string`);
    return { name: typeof file['name'] === 'string' ? file['name'] : `input-${i}.yaml`, text: file['text'] };
  });
}

const STRING_FIELDS = ['gateway', 'protocol', 'sni', 'method', 'path'] as const;

export function simRequest(value: unknown, where: string): SimRequest {
  if (!isRecord(value)) throw new BadInput(`${where} must be an object`);
  if (typeof value['gateway'] !== 'string' || !value['gateway'].includes('/')) {
    throw new BadInput(`${where}.gateway must be "namespace/name"`);
  }
  for (const field of STRING_FIELDS) {
    if (value[field] !== undefined && typeof value[field] !== 'string')
      throw new BadInput(`${where}.${field} must be a string`);
  }
  if (
    value['port'] !== undefined &&
    (typeof value['port'] !== 'number' || !Number.isInteger(value['port']))
  ) {
    throw new BadInput(`${where}.port must be an integer`);
  }
  if (value['host'] !== undefined && value['host'] !== null && typeof value['host'] !== 'string') {
    throw new BadInput(`${where}.host must be a string or null`);
  }
  for (const field of ['headers', 'backendResponseHeaders']) {
    const headers = value[field];
    if (headers === undefined) continue;
    if (!isRecord(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new BadInput(`${where}.${field} must map names to strings`);
    }
  }
  if (value['grpc'] !== undefined) {
    const grpc = value['grpc'];
    if (!isRecord(grpc) || typeof grpc['service'] !== 'string' || typeof grpc['method'] !== 'string') {
      throw new BadInput(`${where}.grpc must be {service, method}`);
    }
  }
  return value as unknown as SimRequest;
}

function load(body: unknown): {
  analysis: ReturnType<typeof analyze>;
  diagnostics: ReturnType<typeof loadManifests>['diagnostics'];
} {
  const loaded = loadManifests(manifestFiles(body));
  return { analysis: analyze(loaded.snapshot), diagnostics: loaded.diagnostics };
}

export function registerAnalysisRoutes(app: FastifyInstance): void {
  app.post('/api/analyze', async (request) => {
    const { analysis, diagnostics } = load(request.body);
    // Same order as the CLI: parse/normalize problems (sorted), then the analysis's.
    return jsonReport(analysis, [...sortDiagnostics(diagnostics), ...analysis.diagnostics]);
  });

  app.post('/api/simulate', async (request) => {
    const body = request.body;
    if (!isRecord(body)) throw new BadInput('body must be a JSON object');
    const single = body['request'] !== undefined;
    const raw = single ? [body['request']] : body['requests'];
    if (!Array.isArray(raw) || raw.length === 0)
      throw new BadInput('give "request" (object) or "requests" (array)');
    if (raw.length > MAX_REQUESTS) throw new BadInput(`at most ${MAX_REQUESTS} requests per call`);
    const requests = raw.map((r, i) => simRequest(r, single ? 'request' : `requests[${i}]`));
    const tables = compileRouteTables(load(body).analysis);
    const results = requests.map((r) => explain(tables, r));
    return single ? results[0] : { results };
  });
}
