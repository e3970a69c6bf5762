/**
 * Runs transcribed conformance cases through the simulator on the upstream manifests of one
 * version: base-manifests.yaml + suite-programmatic-resources.yaml + the test's manifests, with
 * {GATEWAY_CLASS_NAME} substituted and a GatewayClass of that name added.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { analyze } from '../../src/analysis/analyze.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import type { RouteTables } from '../../src/matching/tables.ts';
import { simulate } from '../../src/matching/simulate.ts';
import type { SimResult } from '../../src/matching/types.ts';
import { loadManifests } from '../../src/model/load.ts';
import { createSnapshot } from '../../src/model/snapshot.ts';
import type { GwObject } from '../../src/model/types.ts';
import { TEST_CERT_PEM, TEST_KEY_PEM, base64 } from '../fixtures/tls-pem.ts';
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfVersion } from './case-types.ts';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../../..');
export const CONFORMANCE_ROOT = resolve(REPO_ROOT, '../shared/conformance');
export const CLASS_NAME = 'gatescope-conformance';

export function conformanceDir(version: ConfVersion): string {
  return resolve(CONFORMANCE_ROOT, version);
}

const GATEWAY_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: ${CLASS_NAME}
spec:
  controllerName: gatescope.dev/conformance
`;

export function conformanceAvailable(version: ConfVersion): boolean {
  return existsSync(resolve(conformanceDir(version), 'base-manifests.yaml'));
}

/** The cases of one version: those that name it, or name none and whose manifests it has. */
export function casesFor(version: ConfVersion, cases: readonly ConfCase[]): ConfCase[] {
  return cases.filter((c) =>
    c.versions !== undefined
      ? c.versions.includes(version)
      : c.manifests.every((m) => existsSync(resolve(conformanceDir(version), m))),
  );
}

/**
 * suite-programmatic-resources.yaml holds placeholder TLS data (base64 of "PLACEHOLDER") where
 * the upstream suite creates real certificates in code; the engine judges PEM structure, so the
 * placeholders become PEM (test/fixtures/tls-pem.ts), as in the conformance harness.
 */
const PLACEHOLDER = 'UExBQ0VIT0xERVI=';
function withSuiteCertificates(text: string): string {
  return text
    .replaceAll(`tls.crt: ${PLACEHOLDER}`, `tls.crt: ${base64(TEST_CERT_PEM)}`)
    .replaceAll(`tls.key: ${PLACEHOLDER}`, `tls.key: ${base64(TEST_KEY_PEM)}`);
}

const tableCache = new Map<string, RouteTables>();

export function tablesFor(
  version: ConfVersion,
  manifests: readonly string[],
  setup: readonly string[] = [],
): RouteTables {
  const cacheKey = [version, ...manifests, ...setup].join('+');
  const hit = tableCache.get(cacheKey);
  if (hit) return hit;
  const dir = conformanceDir(version);
  const names = ['base-manifests.yaml', 'suite-programmatic-resources.yaml', ...manifests];
  const files = [
    { name: 'gatewayclass.yaml', text: GATEWAY_CLASS },
    ...names.map((name) => ({
      name,
      text: withSuiteCertificates(
        readFileSync(resolve(dir, name), 'utf8').replaceAll('{GATEWAY_CLASS_NAME}', CLASS_NAME),
      ),
    })),
    ...setup.map((text, i) => ({ name: `setup-${i}.yaml`, text })),
  ];
  const loaded = loadManifests(files).snapshot;
  const tables = compileRouteTables(analyze(createSnapshot(loaded.objects.map(stampCreation))));
  tableCache.set(cacheKey, tables);
  return tables;
}

/**
 * Creation times as the upstream suite makes them: the manifests are applied first (one second),
 * then the test's own steps (`setup`), each after `time.Sleep(time.Second)` as the upstream
 * tests that create "newer" routes in code do. Objects that carry a timestamp keep it.
 */
function stampCreation(o: GwObject): GwObject {
  if (o.meta.creationTimestamp !== undefined) return o;
  const setup = /^setup-(\d+)\.yaml$/.exec(o.source?.file ?? '');
  const second = setup ? Number(setup[1]) + 1 : 0;
  const creationTimestamp = `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`;
  return { ...o, meta: { ...o.meta, creationTimestamp } } as GwObject;
}

export function runCase(c: ConfCase, version: ConfVersion): { result: SimResult; problems: string[] } {
  const tables = tablesFor(version, c.manifests, c.setup);
  const { request: q } = c;
  const result = simulate(tables, {
    gateway: c.gateway ?? `${INFRA}/same-namespace`,
    ...(q.host !== undefined ? { host: q.host } : {}),
    ...(q.path !== undefined ? { path: q.path } : {}),
    ...(q.method !== undefined ? { method: q.method } : {}),
    ...(q.headers !== undefined ? { headers: q.headers } : {}),
    ...(q.port !== undefined ? { port: q.port } : {}),
    ...(q.protocol !== undefined ? { protocol: q.protocol } : {}),
    ...(q.sni !== undefined ? { sni: q.sni } : {}),
    ...(q.grpc !== undefined ? { grpc: q.grpc } : {}),
    ...(q.backendResponseHeaders !== undefined ? { backendResponseHeaders: q.backendResponseHeaders } : {}),
    ...(q.httpVersion !== undefined ? { httpVersion: q.httpVersion } : {}),
    ...(q.backendBehavior !== undefined ? { backendBehavior: q.backendBehavior } : {}),
  });
  return { result, problems: check(c, result) };
}

function lower(record: Readonly<Record<string, string>> | null | undefined): Map<string, string> {
  return new Map(Object.entries(record ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function check(c: ConfCase, r: SimResult): string[] {
  const e = c.expect;
  const problems: string[] = [];
  const l4 = c.request.protocol === 'TLS' || c.request.protocol === 'TCP' || c.request.protocol === 'UDP';
  const statuses: readonly (number | null)[] = e.statuses ?? [
    e.status !== undefined ? e.status : l4 ? null : 200,
  ];
  if (!statuses.includes(r.status)) problems.push(`status ${r.status} not in ${statuses.join('/')}`);
  const live = r.backends.filter((b) => b.valid && b.probability > 0);
  if (e.backend !== undefined) {
    const ns = e.namespace ?? INFRA;
    if (!live.some((b) => b.name === e.backend && b.namespace === ns)) {
      problems.push(
        `backend ${ns}/${e.backend} not among ${live.map((b) => `${b.namespace}/${b.name}`).join(', ') || 'none'}`,
      );
    }
  }
  if (e.shares) {
    for (const [name, share] of Object.entries(e.shares)) {
      const got = r.backends.filter((b) => b.name === name).reduce((s, b) => s + b.probability, 0);
      if (Math.abs(got - share) > 1e-9) problems.push(`share of ${name} is ${got}, want ${share}`);
    }
  }
  const up = r.upstreamRequest;
  if (e.upstreamPath !== undefined && up?.path !== e.upstreamPath)
    problems.push(`upstream path ${up?.path} != ${e.upstreamPath}`);
  if (e.upstreamHost !== undefined && up?.host !== e.upstreamHost)
    problems.push(`upstream host ${up?.host} != ${e.upstreamHost}`);
  const upHeaders = lower(up?.headers);
  for (const [name, value] of Object.entries(e.upstreamHeaders ?? {})) {
    if (upHeaders.get(name.toLowerCase()) !== value)
      problems.push(`upstream header ${name}=${upHeaders.get(name.toLowerCase())} != ${value}`);
  }
  for (const name of e.upstreamAbsentHeaders ?? []) {
    if (upHeaders.has(name.toLowerCase())) problems.push(`upstream header ${name} should be absent`);
  }
  const resp = lower(r.responseHeaders);
  for (const [name, value] of Object.entries(e.responseHeaders ?? {})) {
    if (resp.get(name.toLowerCase()) !== value)
      problems.push(`response header ${name}=${resp.get(name.toLowerCase())} != ${value}`);
  }
  const squash = (s: string | undefined): string | undefined => s?.replace(/\s+/g, '');
  for (const [name, values] of Object.entries(e.responseHeaderOneOf ?? {})) {
    const got = squash(resp.get(name.toLowerCase()));
    if (!values.some((v) => squash(v) === got))
      problems.push(`response header ${name}=${got} not one of ${values.join(' | ')}`);
  }
  for (const name of e.responseAbsentHeaders ?? []) {
    if (resp.has(name.toLowerCase())) problems.push(`response header ${name} should be absent`);
  }
  if (e.redirect) problems.push(...checkRedirect(e.redirect, r));
  if (e.mirroredTo) {
    const got = r.mirrors.map((m) => m.name).sort();
    const want = [...e.mirroredTo].sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`mirrors ${got.join(',')} != ${want.join(',')}`);
  }
  for (const [name, percent] of Object.entries(e.mirrorPercent ?? {})) {
    const m = r.mirrors.find((x) => x.name === name);
    if (m?.percent !== percent) problems.push(`mirror ${name} percent ${m?.percent} != ${percent}`);
  }
  for (const [name, headers] of Object.entries(e.backendUpstreamHeaders ?? {})) {
    const got = lower(r.backends.find((b) => b.name === name)?.upstreamRequest?.headers);
    for (const [h, value] of Object.entries(headers)) {
      if (got.get(h.toLowerCase()) !== value)
        problems.push(`backend ${name} header ${h}=${got.get(h.toLowerCase())} != ${value}`);
    }
  }
  if (e.closed === true && (r.route !== null || live.length > 0))
    problems.push(
      `connection taken by ${r.route?.name ?? 'no route'} (${live.length} backend(s)), want closed`,
    );
  if (e.grpcCode !== undefined && r.grpcCode !== e.grpcCode)
    problems.push(`grpcCode ${r.grpcCode} != ${e.grpcCode}`);
  return problems;
}

function checkRedirect(want: NonNullable<ConfCase['expect']['redirect']>, r: SimResult): string[] {
  if (!r.redirect) return ['no redirect'];
  const url = new URL(r.redirect.location);
  const problems: string[] = [];
  if (want.scheme !== undefined && url.protocol !== `${want.scheme}:`)
    problems.push(`redirect scheme ${url.protocol} != ${want.scheme}`);
  if (want.host !== undefined && url.hostname !== want.host)
    problems.push(`redirect host ${url.hostname} != ${want.host}`);
  if (want.port !== undefined && url.port !== want.port)
    problems.push(`redirect port "${url.port}" != "${want.port}"`);
  if (want.path !== undefined && url.pathname !== want.path)
    problems.push(`redirect path ${url.pathname} != ${want.path}`);
  return problems;
}
