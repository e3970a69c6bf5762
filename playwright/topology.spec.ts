/**
 * The topology shell without a cluster: the real server in demo mode (`serve --no-cluster`), and
 * the sandbox with our own scenario. Keyboard, filters, diagnostics focus, theme persistence.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySandboxYaml, graphEdge, graphNode, screenshot, setTheme } from './fixtures/page.ts';
import { REPO_ROOT, startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

test.describe.configure({ mode: 'serial' });

let server: RunningServer | undefined;

test.beforeAll(async () => {
  server = await startServer(['--no-cluster']);
});

test.afterAll(async () => {
  await server?.stop();
});

function url(path = '/'): string {
  if (server === undefined) throw new Error('server not started');
  return `${server.url}${path}`;
}

test('demo mode shows the demo topology and says so', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByTestId('source-status')).toHaveAttribute('data-mode', 'demo');
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await expect(page.locator('[data-node-id][data-health="error"]').first()).toBeVisible();
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await screenshot(page, `demo-topology-${theme}`);
  }
});

test('j and k step through problems, / focuses search, Esc clears', async ({ page }) => {
  await page.goto(url());
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('body').press('j');
  const details = page.getByTestId('details');
  await expect(details).toBeVisible();
  const first = await details.getAttribute('data-node');
  expect(first).not.toBeNull();
  await expect(graphNode(page, first ?? '')).toHaveAttribute('data-health', /error|warning/);
  await page.locator('body').press('j');
  await expect(details).not.toHaveAttribute('data-node', first ?? '');
  await page.locator('body').press('k');
  await expect(details).toHaveAttribute('data-node', first ?? '');

  await page.locator('body').press('/');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.type('zzz-no-such-object');
  await expect(page.locator('.topo-node.dimmed').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search')).toHaveValue('');
  await expect(page.locator('.topo-node.dimmed')).toHaveCount(0);
  await expect(details).toHaveCount(0);
});

test('only problems hides healthy nodes that do not touch a problem', async ({ page }) => {
  await page.goto(url());
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  const errors = await page.locator('[data-node-id][data-health="error"]').count();
  const healthy = await page.locator('[data-node-id][data-health="ok"]').count();
  await page.getByTestId('only-problems').check();
  await expect(page.locator('[data-node-id][data-health="error"]')).toHaveCount(errors);
  await expect.poll(() => page.locator('[data-node-id][data-health="ok"]').count()).toBeLessThan(healthy);
});

test('clicking a diagnostic focuses its node', async ({ page }) => {
  await page.goto(url());
  await page.getByTestId('tab-diagnostics').click();
  const item = page.getByTestId('diagnostic').first();
  await expect(item).toHaveAttribute('data-code', /.+/);
  await item.click();
  const details = page.getByTestId('details');
  await expect(details).toBeVisible();
  const id = await details.getAttribute('data-node');
  await expect(graphNode(page, id ?? '')).toHaveClass(/selected/);
});

test('the theme choice survives a reload', async ({ page }) => {
  await page.goto(url());
  await setTheme(page, 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await setTheme(page, 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('sandbox: the broken-and-healthy scenario renders with the right health', async ({ page }) => {
  const yaml = readFileSync(join(REPO_ROOT, 'playwright/fixtures/broken-and-healthy.yaml'), 'utf8');
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, yaml);
  await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'HTTPRoute/shop/wrong-host')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'HTTPRoute/shop/checkout')).toHaveAttribute('data-health', 'error');
  await expect(
    graphEdge(
      page,
      'missing-reference-grant',
      'Rule/shop/HTTPRoute/checkout/0',
      'Service/payments/payments-api',
    ),
  ).toHaveAttribute('data-health', 'error');
  await graphNode(page, 'HTTPRoute/shop/wrong-host').click();
  await expect(page.getByTestId('details').getByTestId('diagnostic').first()).toContainText(
    'NoMatchingListenerHostname',
  );
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await screenshot(page, `sandbox-broken-and-healthy-${theme}`);
  }
});

function bigScenario(routes: number): string {
  const docs = [
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: { name: big }\nspec: { controllerName: example.com/c }',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: edge, namespace: infra }\nspec:\n  gatewayClassName: big\n  listeners: [{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]',
  ];
  for (let i = 0; i < routes; i++) {
    const ns = `team${i % 8}`;
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r${i}, namespace: ${ns} }\nspec:\n  parentRefs: [{ name: edge, namespace: infra }]\n  rules: [{ backendRefs: [{ name: s${i}, port: 80 }] }]`,
      `apiVersion: v1\nkind: Service\nmetadata: { name: s${i}, namespace: ${ns} }\nspec: { ports: [{ port: 80 }] }`,
    );
  }
  return docs.join('\n---\n');
}

test('a large input is aggregated by namespace and expands on demand', async ({ page }) => {
  await page.goto(url('/sandbox'));
  // Open it as a file (typing 5,000 lines would test the editor, not the graph).
  await page.locator('input[type="file"]').setInputFiles({
    name: 'big.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(bigScenario(600)),
  });
  const group = page.locator('[data-group-id="Group/team3/3"]');
  await expect(group).toBeVisible();
  await expect(group).toContainText('75');
  // Never more than ~1.5k mounted graph elements.
  const mounted = await page.locator('.react-flow__node, .react-flow__edge').count();
  expect(mounted).toBeLessThanOrEqual(1500);
  await expect(page.locator('[data-node-id^="HTTPRoute/team3/"]')).toHaveCount(0);
  // The first paint is at a readable zoom that does not show every column: fit everything first.
  await page.locator('.react-flow__controls-fitview').click();
  await group.click();
  await expect(page.locator('[data-node-id^="HTTPRoute/team3/"]').first()).toBeVisible();
  await expect(page.locator('[data-group-id="Group/team3/3"]')).toHaveCount(0);
  await page.getByTestId('collapse-groups').click();
  await expect(page.locator('[data-group-id="Group/team3/3"]')).toBeVisible();
});

test('above 2,000 routes the simulator runs in the engine worker and still answers', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.locator('input[type="file"]').setInputFiles({
    name: 'bigger.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(bigScenario(2100)),
  });
  await expect(page.locator('[data-group-id="Group/team3/3"]')).toBeVisible();
  await page.getByTestId('tab-simulator').click();
  const form = page.getByTestId('simulator');
  await form.getByTestId('sim-gateway').selectOption('infra/edge');
  await form.getByTestId('sim-host').fill('any.example');
  await form.getByTestId('sim-path').fill('/x');
  await form.getByTestId('sim-run').click();
  // Every route matches everything and none has a creationTimestamp: the spec tie-break is then
  // {namespace}/{name}, and team0/r0 comes first.
  const result = page.getByTestId('simulator-result');
  await expect(result).toHaveAttribute('data-status', '200');
  await expect(result).toContainText('team0/r0 ');
});

test('the header says when the server goes away', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByTestId('source-status')).toHaveAttribute('data-connection', 'live');
  await server?.stop();
  await expect(page.getByTestId('source-status')).toHaveAttribute('data-connection', /reconnecting|offline/);
});
