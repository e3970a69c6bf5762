/**
 * POST /api/analyze and POST /api/simulate: the CLI's JSON over HTTP, computed by the core.
 * Body: `{ "files": [{ "name", "text" }] }` or `{ "yaml": "..." }`; simulate adds
 * `"request": {...}` or `"requests": [...]`. Bad input → 400 with a message.
 */
import type { FastifyInstance } from 'fastify';
import { analyze } from '@gatescope/core/analysis/analyze';
import type { ManifestFile } from '@gatescope/core/manifest/types';
import { compileRouteTables, explain, parseSimRequest } from '@gatescope/core/matching/index';
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

/**
 * One simulate request of the body, validated by core's parseSimRequest: the same validator as
 * the CLI (`--request`, JSONL lines) and the web simulator, and the same `where: problem` message.
 */
export function simRequest(value: unknown, where: string): SimRequest {
  const parsed = parseSimRequest(value);
  if (!parsed.ok) throw new BadInput(`${where}: ${parsed.error}`);
  return parsed.request;
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
