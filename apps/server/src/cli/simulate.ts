/**
 * `gatescope simulate -f PATH [...] (--request JSON | --requests FILE.jsonl|-) [--format json|text]`
 * (DESIGN.md CLI contract). One result per request: pretty JSON for --request, JSONL for
 * --requests, or a readable trace with --format text. Exit 0 when every request was answered;
 * 2 for unusable input or usage (with a clear message, never a stack trace).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyze } from '@gatescope/core/analysis/analyze';
import { assumeAbsentPresent } from '@gatescope/core/matching/assume-present';
import { compileRouteTables, explain, parseSimRequest } from '@gatescope/core/matching/index';
import type { SimRequest } from '@gatescope/core/matching/types';
import { loadManifests } from '@gatescope/core/model/load';
import { boundResult, checkInput, checkRequestCount } from '../batch/bounds.ts';
import { DEFAULT_LIMITS, LimitExceeded, NO_LIMITS, type BatchLimits } from '../batch/limits.ts';
import type { CliIO } from './inputs.ts';
import { UsageError, readInputs } from './inputs.ts';
import { formatSimText } from './simulate-text.ts';

export const SIMULATE_USAGE = `usage: gatescope simulate -f PATH [-f PATH ...] (--request JSON | --requests FILE.jsonl|-) [--format json|text]
  -f, --filename PATH   manifests: a file, a directory (*.yaml, *.yml, *.json, recursively) or - for stdin
  --request JSON        one request, e.g. '{"gateway":"ns/name","host":"a.example.com","path":"/x"}'
  --requests FILE       one JSON request per line (JSONL), or - for stdin; prints JSONL
  --format FORMAT       json (default) or text (a readable trace)
  --assume-present      simulate as if what the input references but does not hold exists in the
                        cluster (GatewayClasses, certificate Secrets, backend Services); listed
                        first in each explanation
  --no-limits           lift the bounds (${DEFAULT_LIMITS.maxRequests} requests, ${DEFAULT_LIMITS.maxObjects} objects, ${DEFAULT_LIMITS.maxRouteEntries} route
                        table entries, explanations cut at ${DEFAULT_LIMITS.maxExplanationChars / 1024} KB per result) for trusted input
  -h, --help            show this help
Request fields: id, gateway ("ns/name", required), port, protocol (HTTP|HTTPS|GRPC|TLS|TCP|UDP), sni,
  host, method, path, headers, grpc {service, method}, backendResponseHeaders.
Exit status: 0 answered, 2 unusable input or usage.
`;

interface SimulateArgs {
  readonly files: string[];
  readonly request?: string;
  readonly requests?: string;
  readonly format: 'json' | 'text';
  readonly assumePresent: boolean;
  readonly limits: BatchLimits;
  readonly help: boolean;
}

function parseSimulateArgs(args: string[]): SimulateArgs {
  let values;
  try {
    values = parseArgs({
      args,
      allowPositionals: false,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        request: { type: 'string' },
        requests: { type: 'string' },
        format: { type: 'string', default: 'json' },
        'no-limits': { type: 'boolean', default: false },
        'assume-present': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text')
    throw new UsageError(`unknown --format "${format}" (use json or text)`);
  return {
    files: values.filename ?? [],
    ...(values.request !== undefined ? { request: values.request } : {}),
    ...(values.requests !== undefined ? { requests: values.requests } : {}),
    format,
    assumePresent: values['assume-present'] === true,
    limits: values['no-limits'] === true ? NO_LIMITS : DEFAULT_LIMITS,
    help: values.help ?? false,
  };
}

function parseLine(text: string, where: string): SimRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = parseSimRequest(value);
  if (!parsed.ok) throw new UsageError(`${where}: ${parsed.error}`);
  return parsed.request;
}

async function readRequests(options: SimulateArgs, io: CliIO): Promise<SimRequest[]> {
  if (options.request !== undefined && options.requests !== undefined) {
    throw new UsageError('give either --request or --requests, not both');
  }
  if (options.request !== undefined) return [parseLine(options.request, '--request')];
  if (options.requests === undefined)
    throw new UsageError('no request: give --request JSON or --requests FILE.jsonl|-');
  const source = options.requests;
  if (source === '-' && options.files.includes('-'))
    throw new UsageError('stdin cannot hold both the manifests (-f -) and the requests (--requests -)');
  let text: string;
  try {
    text =
      source === '-'
        ? await io.readStdin()
        : await readFile(source.startsWith('/') ? source : `${io.cwd}/${source}`, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${source}`);
  }
  const name = source === '-' ? '<stdin>' : source;
  const requests = text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), where: `${name}:${i + 1}` }))
    .filter(({ line }) => line !== '')
    .map(({ line, where }) => parseLine(line, where));
  if (requests.length === 0) throw new UsageError(`${name}: no requests (one JSON object per line)`);
  return requests;
}

export async function runSimulate(args: string[], io: CliIO): Promise<number> {
  try {
    const options = parseSimulateArgs(args);
    if (options.help) {
      io.stdout(SIMULATE_USAGE);
      return 0;
    }
    const requests = await readRequests(options, io);
    checkRequestCount(requests.length, options.limits);
    const files = await readInputs(options.files, io);
    return answer(files, requests, options, io);
  } catch (error) {
    if (error instanceof LimitExceeded) {
      io.stderr(`gatescope simulate: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    const usage = /^(no |give |unknown |Unknown option|Option)/.test(error.message) ? SIMULATE_USAGE : '';
    io.stderr(`gatescope simulate: ${error.message}\n${usage}`);
    return 2;
  }
}

function answer(
  files: Parameters<typeof loadManifests>[0],
  requests: readonly SimRequest[],
  options: SimulateArgs,
  io: CliIO,
): number {
  const loaded = loadManifests(files);
  if (loaded.snapshot.objects.length === 0) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    const where = first?.source ? `${first.source.file}:${first.source.line}:${first.source.column}: ` : '';
    throw new UsageError(
      `the input contains no Kubernetes objects${first ? ` (${where}${first.message})` : ''}`,
    );
  }
  const gateways = new Set(
    loaded.snapshot.objects
      .filter((o) => o.kind === 'Gateway')
      .map((o) => `${o.meta.namespace}/${o.meta.name}`),
  );
  const missing = requests.find((r) => !gateways.has(r.gateway));
  if (missing) {
    const known = [...gateways].sort().join(', ') || 'none';
    throw new UsageError(`Gateway ${missing.gateway} is not in the input (Gateways: ${known})`);
  }
  checkInput(loaded.snapshot, options.limits);
  // Real-world folders rarely hold their GatewayClass, Secrets or every Service (analysis says
  // "not in the input"); --assume-present answers as if the cluster had them.
  const { snapshot, assumed } = options.assumePresent
    ? assumeAbsentPresent(loaded.snapshot)
    : { snapshot: loaded.snapshot, assumed: [] };
  const tables = compileRouteTables(analyze(snapshot));
  const single = options.request !== undefined;
  const note = `Assumed present (not in the input): ${assumed.join(', ')}.`;
  for (const request of requests) {
    const explained = explain(tables, request);
    const full =
      assumed.length === 0 ? explained : { ...explained, explanation: [note, ...explained.explanation] };
    const result = boundResult(full, options.limits);
    if (options.format === 'text') io.stdout(`${formatSimText(request, result)}${single ? '' : '\n'}`);
    else io.stdout(`${single ? JSON.stringify(result, null, 2) : JSON.stringify(result)}\n`);
  }
  return 0;
}
