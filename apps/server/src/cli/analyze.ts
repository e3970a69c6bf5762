/**
 * `gatescope analyze -f PATH [-f PATH ...] [--format text|json|sarif]` (DESIGN.md CLI contract).
 * Exit 0: no error-severity diagnostics; 1: errors found; 2: unusable input or usage, with a
 * file:line:col message for input that cannot be parsed. Objects referenced but not in the input
 * are "not in the input" (info, `--absent` changes that), never "missing": a folder of manifests
 * is not a cluster.
 */
import { parseArgs } from 'node:util';
import { analyze } from '@gatescope/core/analysis/analyze';
import { sortDiagnostics } from '@gatescope/core/diagnostics/make';
import { pinpointDiagnostics } from '@gatescope/core/diagnostics/pinpoint';
import type { Diagnostic, Severity } from '@gatescope/core/diagnostics/types';
import { PARSE_CODES } from '@gatescope/core/diagnostics/parse-codes';
import { loadManifests } from '@gatescope/core/model/load';
import { checkInput } from '../batch/bounds.ts';
import { DEFAULT_LIMITS, LimitExceeded, NO_LIMITS, type BatchLimits } from '../batch/limits.ts';
import type { CliIO } from './inputs.ts';
import { UsageError, readInputs } from './inputs.ts';
import { formatJson } from './output/json.ts';
import { formatSarif } from './output/sarif.ts';
import { terminalSafe } from './output/terminal-safe.ts';
import { formatText } from './output/text.ts';

export const ANALYZE_USAGE = `usage: gatescope analyze -f PATH [-f PATH ...] [--format text|json|sarif] [--absent info|warning|error]
  -f, --filename PATH   a file, a directory (*.yaml, *.yml, *.json, recursively) or - for stdin
  --format FORMAT       text (default), json or sarif
  --secrets-hidden      the input does not show Secrets: take certificateRef health from the
                        controller's observed listener status instead of predicting it
  --channel CHANNEL     standard or experimental: the CRD channel the cluster serves
                        (standard flags experimental-only fields)
  --absent SEVERITY     info (default), warning or error: severity of references to objects
                        that are not in the input (GatewayClass, Services, Secrets, ...);
                        error makes them fail the run (exit 1)
  --complete KINDS      kinds the input holds completely, comma-separated (Service, Secret,
                        GatewayClass.gateway.networking.k8s.io, ...) or all: a reference to an
                        object of such a kind that is not in the input is reported as missing
  --no-limits           lift the input bounds (${DEFAULT_LIMITS.maxObjects} objects, ${DEFAULT_LIMITS.maxRouteEntries} route table entries) for
                        trusted input
  -h, --help            show this help
Exit status: 0 no errors (info and warnings never fail), 1 errors found, 2 unusable input or usage.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Parse problems that make the input unusable (as opposed to objects with invalid fields). */
const UNUSABLE: readonly string[] = [
  PARSE_CODES.YamlSyntax,
  PARSE_CODES.InputLimit,
  PARSE_CODES.NotAnObject,
].map((c) => `${c.code}-${c.name}`);

interface AnalyzeArgs {
  readonly files: string[];
  readonly format: Format;
  readonly secretsHidden: boolean;
  readonly channel?: 'standard' | 'experimental';
  readonly absent: Severity;
  readonly complete: readonly string[] | 'all';
  readonly limits: BatchLimits;
  readonly help: boolean;
}

function parseAnalyzeArgs(args: string[]): AnalyzeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        format: { type: 'string', default: 'text' },
        'secrets-hidden': { type: 'boolean', default: false },
        channel: { type: 'string' },
        absent: { type: 'string', default: 'info' },
        complete: { type: 'string', default: '' },
        'no-limits': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown --format "${format}" (use text, json or sarif)`);
  const channel = values.channel;
  if (channel !== undefined && channel !== 'standard' && channel !== 'experimental') {
    throw new UsageError(`unknown --channel "${channel}" (use standard or experimental)`);
  }
  return {
    files: values.filename ?? [],
    format: format as Format,
    secretsHidden: values['secrets-hidden'] ?? false,
    absent: absentSeverity(values.absent ?? 'info'),
    complete: completeKinds(values.complete ?? ''),
    ...(channel === undefined ? {} : { channel }),
    limits: values['no-limits'] === true ? NO_LIMITS : DEFAULT_LIMITS,
    help: values.help ?? false,
  };
}

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

function absentSeverity(value: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(value))
    throw new UsageError(`unknown --absent "${value}" (use info, warning or error)`);
  return value as Severity;
}

/** `Kind` (core group) or `Kind.group`, as the analysis names kinds (absent.ts kindId). */
const KIND_ID = /^[A-Z][A-Za-z0-9]*(\.[a-z0-9]([a-z0-9.-]*[a-z0-9])?)?$/;

function completeKinds(value: string): readonly string[] | 'all' {
  if (value.trim() === 'all') return 'all';
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  // A typo (`services`) would silently declare nothing complete: refuse it instead.
  const bad = kinds.find((k) => !KIND_ID.test(k));
  if (bad !== undefined)
    throw new UsageError(
      `--complete "${bad}" is not a kind (use Kind or Kind.group, e.g. Service, GatewayClass.gateway.networking.k8s.io, or all)`,
    );
  return kinds;
}

function location(d: Diagnostic): string {
  return d.source === undefined ? '' : `${d.source.file}:${d.source.line}:${d.source.column}: `;
}

export async function runAnalyze(args: string[], io: CliIO, version: string): Promise<number> {
  let options: AnalyzeArgs;
  try {
    options = parseAnalyzeArgs(args);
    if (options.help) {
      io.stdout(ANALYZE_USAGE);
      return 0;
    }
    const files = await readInputs(options.files, io);
    return report(files, options, io, version);
  } catch (error) {
    if (error instanceof LimitExceeded) {
      io.stderr(`gatescope analyze: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof UsageError)) throw error;
    io.stderr(
      `gatescope analyze: ${error.message}\n${error.message.startsWith('cannot read') ? '' : ANALYZE_USAGE}`,
    );
    return 2;
  }
}

function report(
  files: Parameters<typeof loadManifests>[0],
  options: AnalyzeArgs,
  io: CliIO,
  version: string,
): number {
  const loaded = loadManifests(files);
  checkInput(loaded.snapshot, options.limits);
  const analysis = analyze(loaded.snapshot, {
    secretsVisible: !options.secretsHidden,
    // A folder of manifests is not a cluster: only what --complete names is authoritative.
    completeKinds: options.complete,
    absentSeverity: options.absent,
    ...(options.channel === undefined ? {} : { channel: options.channel }),
  });
  // Analysis diagnostics know their object and field; point file:line:col at the field.
  const diagnostics = [
    ...sortDiagnostics(loaded.diagnostics),
    ...pinpointDiagnostics(files, analysis.diagnostics),
  ];
  if (options.format === 'json') io.stdout(formatJson(analysis, diagnostics));
  else if (options.format === 'sarif') io.stdout(formatSarif(diagnostics, version));
  else io.stdout(formatText(analysis, diagnostics));
  const unusable = loaded.diagnostics.filter((d) => UNUSABLE.includes(d.code));
  if (unusable.length > 0 || loaded.snapshot.objects.length === 0) {
    for (const d of unusable) io.stderr(terminalSafe(`${location(d)}${d.message}\n`));
    if (loaded.snapshot.objects.length === 0)
      io.stderr('gatescope analyze: the input contains no Kubernetes objects\n');
    return 2;
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
