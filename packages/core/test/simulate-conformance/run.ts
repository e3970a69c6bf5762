/**
 * Runs transcribed conformance cases through the simulator on the upstream manifests:
 * base-manifests.yaml + suite-programmatic-resources.yaml + the test's manifests, with
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
import { INFRA } from './case-types.ts';
import type { ConfCase } from './case-types.ts';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../../..');
export const CONFORMANCE_DIR = resolve(REPO_ROOT, '../shared/conformance/v1.6.1');
export const CLASS_NAME = 'gatescope-conformance';

const GATEWAY_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: ${CLASS_NAME}
spec:
  controllerName: gatescope.dev/conformance
`;

export function conformanceAvailable(): boolean {
  return existsSync(resolve(CONFORMANCE_DIR, 'base-manifests.yaml'));
}

const tableCache = new Map<string, RouteTables>();

export function tablesFor(manifests: readonly string[], setup: readonly string[] = []): RouteTables {
  const cacheKey = [...manifests, ...setup].join('+');
  const hit = tableCache.get(cacheKey);
  if (hit) return hit;
  const names = ['base-manifests.yaml', 'suite-programmatic-resources.yaml', ...manifests];
  const files = [
    { name: 'gatewayclass.yaml', text: GATEWAY_CLASS },
    ...names.map((name) => ({
      name,
      text: readFileSync(resolve(CONFORMANCE_DIR, name), 'utf8').replaceAll(
        '{GATEWAY_CLASS_NAME}',
        CLASS_NAME,
      ),
    })),
    ...setup.map((text, i) => ({ name: `setup-${i}.yaml`, text })),
  ];
  const tables = compileRouteTables(analyze(loadManifests(files).snapshot));
  tableCache.set(cacheKey, tables);
  return tables;
}

export function runCase(c: ConfCase): { result: SimResult; problems: string[] } {
  const tables = tablesFor(c.manifests, c.setup);
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
  const statuses = e.statuses ?? [e.status ?? 200];
  if (!statuses.includes(r.status ?? -1)) problems.push(`status ${r.status} not in ${statuses.join('/')}`);
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
