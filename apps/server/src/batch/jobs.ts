/**
 * What POST /api/analyze and /api/simulate compute, from the raw body text to the JSON answer
 * text, within BatchLimits. Runs in the batch worker (batch-worker.ts), so that parsing the body,
 * the analysis and thousands of explanations never block the server's event loop; tests call it
 * directly too. Throws BadInput (400) or LimitExceeded (413) with a message for the client.
 */
import { analyze } from '@gatescope/core/analysis/analyze';
import { sortDiagnostics } from '@gatescope/core/diagnostics/make';
import type { ManifestFile } from '@gatescope/core/manifest/types';
import { compileRouteTables, explain, parseSimRequest } from '@gatescope/core/matching/index';
import type { SimRequest } from '@gatescope/core/matching/types';
import { loadManifests } from '@gatescope/core/model/load';
// The CLI's own formatter: POST /api/analyze returns exactly `gatescope analyze --format json`.
import { jsonReport } from '../cli/output/json.ts';
import { boundResult, checkInput, checkRequestCount, OutputBudget } from './bounds.ts';
import { BadInput, type BatchLimits } from './limits.ts';

export type BatchKind = 'analyze' | 'simulate';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput(`body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
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

function load(body: unknown, limits: BatchLimits) {
  const loaded = loadManifests(manifestFiles(body));
  checkInput(loaded.snapshot, limits);
  return { analysis: analyze(loaded.snapshot), diagnostics: loaded.diagnostics };
}

export function analyzeJob(text: string, limits: BatchLimits): string {
  const { analysis, diagnostics } = load(parseBody(text), limits);
  // Same order as the CLI: parse/normalize problems (sorted), then the analysis's.
  const answer = JSON.stringify(
    jsonReport(analysis, [...sortDiagnostics(diagnostics), ...analysis.diagnostics]),
  );
  new OutputBudget(limits).add(answer);
  return answer;
}

export function simulateJob(text: string, limits: BatchLimits): string {
  const body = parseBody(text);
  if (!isRecord(body)) throw new BadInput('body must be a JSON object');
  const single = body['request'] !== undefined;
  const raw = single ? [body['request']] : body['requests'];
  if (!Array.isArray(raw) || raw.length === 0)
    throw new BadInput('give "request" (object) or "requests" (array)');
  checkRequestCount(raw.length, limits);
  const requests = raw.map((r, i) => simRequest(r, single ? 'request' : `requests[${i}]`));
  const tables = compileRouteTables(load(body, limits).analysis);
  const budget = new OutputBudget(limits);
  // Each result is bounded and serialized as soon as it is made: no call holds every full trace.
  const parts: string[] = [];
  for (const request of requests) {
    const json = JSON.stringify(boundResult(explain(tables, request), limits));
    budget.add(json);
    parts.push(json);
  }
  return single ? (parts[0] ?? 'null') : `{"results":[${parts.join(',')}]}`;
}

export function runJob(kind: BatchKind, text: string, limits: BatchLimits): string {
  return kind === 'analyze' ? analyzeJob(text, limits) : simulateJob(text, limits);
}
