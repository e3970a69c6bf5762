/**
 * The example alert rules in deploy/monitoring/: the plain rules file and the PrometheusRule hold
 * the same groups; every expression parses as PromQL (the Prometheus project's own grammar,
 * @prometheus-io/lezer-promql) and names only metrics and labels that the server's real /metrics
 * renderer produces (run here on the demo scenario).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import type { KindStatus } from '@gatescope/core/wire';
import { CachedHealth } from '../../src/analysis/cached-health.ts';
import { DEFAULT_DEMO } from '../../src/cli/serve.ts';
import { renderMetrics } from '../../src/routes/metrics.ts';
import { DemoSource } from '../../src/source/demo.ts';
import type { DataSource } from '../../src/source/types.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const MONITORING = join(REPO_ROOT, 'deploy/monitoring');

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface Group {
  name: string;
  rules: Rule[];
}

const plainGroups = (
  parse(readFileSync(join(MONITORING, 'gatescope.rules.yml'), 'utf8')) as { groups: Group[] }
).groups;
const operatorRule = parse(readFileSync(join(MONITORING, 'prometheusrule.yaml'), 'utf8')) as {
  kind: string;
  spec: { groups: Group[] };
};
const rules = plainGroups.flatMap((g) => g.rules);

/** Labels Prometheus adds at scrape time (target labels), usable in by/without. */
const TARGET_LABELS = ['instance', 'job', 'pod', 'namespace', 'service', 'container', 'endpoint'];

interface Selector {
  readonly metric: string;
  readonly matchers: string[];
}
interface ParsedExpr {
  readonly errors: string[];
  readonly selectors: Selector[];
  readonly grouping: string[];
}

function parsePromQL(expr: string): ParsedExpr {
  const result: ParsedExpr = { errors: [], selectors: [], grouping: [] };
  let current: Selector | undefined;
  parser.parse(expr).iterate({
    enter(node) {
      const text = expr.slice(node.from, node.to);
      if (node.type.isError)
        result.errors.push(`syntax error at ${node.from}: ${JSON.stringify(expr.slice(node.from))}`);
      if (node.name === 'VectorSelector') {
        current = { metric: '', matchers: [] };
        result.selectors.push(current);
      }
      if (node.name === 'Identifier' && current !== undefined && current.metric === '') {
        result.selectors[result.selectors.length - 1] = current = { ...current, metric: text };
      }
      if (node.name === 'LabelName') {
        const parent = node.node.parent?.name;
        if (parent === 'GroupingLabels') result.grouping.push(text);
        else current?.matchers.push(text);
      }
    },
  });
  return result;
}

/** name → the label names its samples carry, from Prometheus text exposition. */
function exposition(
  text: string,
): Map<string, { labels: Set<string>; samples: { labels: string; value: number }[] }> {
  const metrics = new Map<string, { labels: Set<string>; samples: { labels: string; value: number }[] }>();
  for (const line of text.split('\n')) {
    const family = /^# TYPE (\S+) /.exec(line);
    if (family?.[1]) metrics.set(family[1], metrics.get(family[1]) ?? { labels: new Set(), samples: [] });
    const sample = /^([a-zA-Z_:][\w:]*)(\{.*\})? (\S+)$/.exec(line);
    if (sample === null) continue;
    const [, name = '', labels = '', value = ''] = sample;
    const entry = metrics.get(name) ?? { labels: new Set<string>(), samples: [] };
    for (const match of labels.matchAll(/([a-zA-Z_]\w*)="/g)) entry.labels.add(match[1] ?? '');
    entry.samples.push({ labels, value: Number(value) });
    metrics.set(name, entry);
  }
  return metrics;
}

const WATCHED_KIND: KindStatus = {
  cluster: 'demo',
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  kind: 'HTTPRoute',
  resource: 'httproutes',
  state: 'degraded',
  count: 6,
  restarts: 2,
};

describe('deploy/monitoring alert rules', () => {
  let metrics: ReturnType<typeof exposition>;

  beforeAll(async () => {
    const demo = await DemoSource.load(DEFAULT_DEMO, 'packaging test', [], () => undefined);
    // The demo has no watches: give it one kind so the per-kind families have samples and labels.
    const source = new Proxy(demo, {
      get: (target, prop, receiver): unknown =>
        prop === 'kinds' ? () => [WATCHED_KIND] : Reflect.get(target, prop, receiver),
    }) as DataSource;
    metrics = exposition(await renderMetrics(source, new CachedHealth()));
  });

  it('are the same groups in the plain rules file and the PrometheusRule', () => {
    expect(operatorRule.kind).toBe('PrometheusRule');
    expect(operatorRule.spec.groups).toEqual(plainGroups);
  });

  it('cover route not accepted, gateway not programmed and watch degraded', () => {
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'GatewayAPIRouteNotAccepted',
        'GatewayAPIGatewayNotProgrammed',
        'GatescopeWatchDegraded',
        'GatescopeAnalysisFailing',
      ]),
    );
  });

  it('are well-formed alerts: duration, severity, summary and description', () => {
    for (const rule of rules) {
      expect(rule.alert, rule.expr).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['critical', 'warning', 'info']).toContain(rule.labels?.['severity']);
      expect(rule.annotations?.['summary']).toBeTruthy();
      expect(rule.annotations?.['description']).toBeTruthy();
    }
  });

  it('parse as PromQL', () => {
    for (const rule of rules) expect(parsePromQL(rule.expr).errors, rule.expr).toEqual([]);
  });

  it('the PromQL check rejects a broken expression (negative control)', () => {
    expect(parsePromQL('sum(gatescope_routes{accepted="false"}) >').errors).not.toEqual([]);
    expect(parsePromQL('rate(gatescope_watch_restarts_total[5m]').errors).not.toEqual([]);
  });

  it('name only metrics and labels the server exports', () => {
    expect(metrics.size).toBeGreaterThan(5);
    for (const rule of rules) {
      const parsed = parsePromQL(rule.expr);
      expect(parsed.selectors.length, rule.expr).toBeGreaterThan(0);
      const labels = new Set<string>(TARGET_LABELS);
      for (const selector of parsed.selectors) {
        const metric = metrics.get(selector.metric);
        expect(metric, `${rule.alert}: ${selector.metric} is not exported`).toBeDefined();
        for (const label of metric?.labels ?? []) labels.add(label);
        for (const matcher of selector.matchers)
          expect([...(metric?.labels ?? [])], `${rule.alert}: ${matcher}`).toContain(matcher);
      }
      for (const label of parsed.grouping)
        expect([...labels], `${rule.alert}: by/without ${label}`).toContain(label);
    }
  });

  it('select the samples that describe the demo: its unattached route is counted as not accepted', () => {
    const notAccepted = metrics
      .get('gatescope_routes')
      ?.samples.find((s) => s.labels === '{accepted="false"}');
    expect(notAccepted?.value).toBeGreaterThan(0);
    const degraded = metrics
      .get('gatescope_kind_sync_state')
      ?.samples.find((s) => s.labels.includes('state="degraded"'));
    expect(degraded?.value).toBe(1);
  });
});
