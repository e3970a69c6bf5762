/**
 * Sandbox end to end, no cluster: paste a scenario and see the graph and diagnostics; simulate a
 * request and check the trace and the lit path; share the view and open the link in a fresh
 * browser context; a tampered link shows a clear message.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySandboxYaml, graphNode, screenshot } from './fixtures/page.ts';
import { REPO_ROOT, startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

test.describe.configure({ mode: 'serial' });

let server: Pick<RunningServer, 'url' | 'stop'> | undefined;

test.beforeAll(async () => {
  // GATESCOPE_E2E_URL: run against an already running SPA (e.g. `vite preview`) while developing.
  const external = process.env['GATESCOPE_E2E_URL'];
  server = external ? { url: external, stop: async () => {} } : await startServer(['--no-cluster']);
});

test.afterAll(async () => {
  await server?.stop();
});

function url(path: string): string {
  if (server === undefined) throw new Error('server not started');
  return `${server.url}${path}`;
}

const CROSS_NS = readFileSync(join(REPO_ROOT, 'public/scenarios/cross-namespace-grant.yaml'), 'utf8');

async function pasteScenario(page: Page, yaml: string): Promise<void> {
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, yaml);
}

async function simulate(page: Page, fields: { host: string; path: string }): Promise<void> {
  await page.getByTestId('tab-simulator').click();
  const form = page.getByTestId('simulator');
  await form.getByTestId('sim-gateway').selectOption('infra/edge');
  await form.getByTestId('sim-listener').selectOption('http');
  await form.getByTestId('sim-host').fill(fields.host);
  await form.getByTestId('sim-path').fill(fields.path);
  await form.getByTestId('sim-run').click();
}

test('pasting a scenario shows the graph, the diagnostics and inline problems', async ({ page }) => {
  await pasteScenario(page, CROSS_NS);
  await expect(graphNode(page, 'HTTPRoute/web/web')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'HTTPRoute/analytics/reports')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'Gateway/infra/edge')).toHaveAttribute('data-health', 'ok');
  await page.getByTestId('tab-diagnostics').click();
  const diagnostic = page.getByTestId('diagnostic').filter({ hasText: 'reports' });
  await expect(diagnostic.first()).toHaveAttribute('data-code', /NotPermitted/);
  // The same problem inline in the editor...
  await expect(page.locator('.sb-editor .cm-lint-marker-error').first()).toBeVisible();
  // ... on the offending backendRef's line (the diagnostic's field), not just the document start.
  await expect(page.locator('.sb-editor .cm-lintRange-error').first()).toContainText('name: api');
  await expect(page.getByTestId('sandbox-status')).toContainText('errors');
  await screenshot(page, 'sandbox-pasted');
});

test('typing updates the analysis without pressing Apply', async ({ page }) => {
  await pasteScenario(page, CROSS_NS);
  await expect(graphNode(page, 'HTTPRoute/analytics/reports')).toHaveAttribute('data-health', 'error');
  const editor = page.getByTestId('sandbox-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  // Grant the analytics namespace too: the reports route turns healthy.
  await page.keyboard.type(
    '\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata:\n  name: allow-analytics\n  namespace: backend\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n  kind: HTTPRoute\n  namespace: analytics\n',
  );
  // The editor auto-indents; the document must still parse, so normalise it with fill().
  const text = await editor.innerText();
  expect(text).toContain('allow-analytics');
  await editor.fill(
    `${CROSS_NS}---\napiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata:\n  name: allow-analytics\n  namespace: backend\nspec:\n  from:\n    - group: gateway.networking.k8s.io\n      kind: HTTPRoute\n      namespace: analytics\n  to:\n    - group: ""\n      kind: Service\n`,
  );
  await expect(graphNode(page, 'HTTPRoute/analytics/reports')).toHaveAttribute('data-health', 'ok');
});

test('a simulated request shows the trace and lights the path in the graph', async ({ page }) => {
  await pasteScenario(page, CROSS_NS);
  await expect(graphNode(page, 'HTTPRoute/web/web')).toHaveAttribute('data-health', 'ok');
  await simulate(page, { host: 'app.example.com', path: '/api/orders?limit=5' });
  const result = page.getByTestId('simulator-result');
  await expect(result).toHaveAttribute('data-status', '200');
  await expect(result.getByTestId('sim-route')).toHaveText('HTTPRoute web/web · rule 0');
  await expect(result.getByTestId('sim-listener-result')).toHaveText('http');
  await expect(result.getByTestId('sim-backend')).toHaveAttribute('data-backend', 'Service/backend/api');
  await expect(result.getByTestId('sim-trace')).toContainText('rule 1');
  await expect(graphNode(page, 'Rule/web/HTTPRoute/web/0')).toHaveClass(/highlighted/);
  await expect(graphNode(page, 'Service/backend/api')).toHaveClass(/highlighted/);
  await expect(graphNode(page, 'Rule/web/HTTPRoute/web/1')).not.toHaveClass(/highlighted/);
  await screenshot(page, 'sandbox-simulated');

  // The broken route: the backend is not permitted, the gateway answers 500.
  await simulate(page, { host: 'reports.example.com', path: '/' });
  await expect(result).toHaveAttribute('data-status', '500');
  await expect(result.getByTestId('sim-backend')).toContainText('RefNotPermitted');

  // No route for this host: 404 and no route lit.
  await simulate(page, { host: 'nothing.example.com', path: '/' });
  await expect(result).toHaveAttribute('data-status', '404');
  await expect(result.getByTestId('sim-route')).toHaveText('none');
});

test('a share link opens the same view in a fresh browser context', async ({ page, browser }) => {
  await pasteScenario(page, CROSS_NS);
  await expect(graphNode(page, 'HTTPRoute/web/web')).toHaveAttribute('data-health', 'ok');
  await simulate(page, { host: 'app.example.com', path: '/api/x' });
  await page.getByTestId('sim-save-test').click();
  await expect(page.getByTestId('route-test')).toHaveAttribute('data-result', 'pass');
  await graphNode(page, 'HTTPRoute/analytics/reports').click();
  await page.getByTestId('tab-simulator').click();

  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-preview')).toContainText('1 route test');
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#gs1\.[A-Za-z0-9_-]+$/);
  await screenshot(page, 'share-popover');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other).toHaveURL(/\/sandbox$/);
  await expect(other.getByTestId('sandbox-editor')).toContainText('name: allow-web-routes');
  // The restored selection is centred in the graph without any help.
  const restored = graphNode(other, 'HTTPRoute/analytics/reports');
  await expect(restored).toBeInViewport();
  await expect
    .poll(async () => {
      const node = await restored.boundingBox();
      const graph = await other.getByTestId('topology-graph').boundingBox();
      if (node === null || graph === null) return Number.POSITIVE_INFINITY;
      const dx = node.x + node.width / 2 - (graph.x + graph.width / 2);
      const dy = node.y + node.height / 2 - (graph.y + graph.height / 2);
      return Math.hypot(dx, dy);
    })
    .toBeLessThan(40);
  // Nodes outside the viewport are not mounted: show the whole graph before looking for them.
  await other.locator('.react-flow__controls-fitview').click();
  await expect(graphNode(other, 'HTTPRoute/analytics/reports')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(other, 'HTTPRoute/analytics/reports')).toHaveClass(/selected/);
  await expect(other.getByTestId('simulator-result')).toHaveAttribute('data-status', '200');
  await expect(other.getByTestId('route-test')).toHaveAttribute('data-result', 'pass');
  await expect(graphNode(other, 'Rule/web/HTTPRoute/web/0')).toHaveClass(/highlighted/);
  await screenshot(other, 'share-opened');
  await fresh.close();
});

test('an empty sandbox says how to fill it, not to go to the sandbox', async ({ page }) => {
  await pasteScenario(page, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n');
  await expect(page.getByTestId('empty-graph')).toContainText('Paste or drop manifests into the editor');
  await expect(page.getByTestId('empty-graph')).not.toContainText('Open the Sandbox');
});

test('a tampered share link shows a clear message', async ({ browser }) => {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto(url('/sandbox#gs1.AAAAtampered_with-this-link'));
  const alert = page.getByTestId('share-error');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('cannot be opened');
  await expect(alert).toHaveAttribute('data-code', /bad-compression|bad-encoding/);
  // The app still works: the sandbox editor is there and the (empty) sandbox is analysed.
  await expect(page.getByTestId('sandbox-editor')).toBeVisible();
  await expect(page.getByTestId('sandbox-status')).toContainText('0 objects');
  await screenshot(page, 'share-tampered');
  await fresh.close();
});
