/**
 * Sandbox tools end to end: built-in scenarios with their route tests, Ingress import, and
 * "assume X exists" stubs. Screenshots in both themes.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySandboxYaml, graphNode, ORPHAN_ROUTE, screenshot, setTheme } from './fixtures/page.ts';
import { REPO_ROOT, startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

test.describe.configure({ mode: 'serial' });

let server: Pick<RunningServer, 'url' | 'stop'> | undefined;

test.beforeAll(async () => {
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

test('the demo scenario loads with its route tests passing', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'HTTPRoute/marketing/promo')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toHaveAttribute('data-health', 'ok');
  await page.getByTestId('tab-simulator').click();
  const rows = page.getByTestId('route-test');
  await expect(rows).toHaveCount(4);
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-result', 'pass');
  // Load the 500 row into the form and run it: the trace explains the missing grant.
  await rows.filter({ hasText: 'invoices-500' }).getByRole('button').first().click();
  const result = page.getByTestId('simulator-result');
  await expect(result).toHaveAttribute('data-status', '500');
  await expect(result.getByTestId('sim-trace')).toContainText('RefNotPermitted');
  await setTheme(page, 'dark');
  await screenshot(page, 'sandbox-demo-tests-dark');
  await setTheme(page, 'light');
  await screenshot(page, 'sandbox-demo-tests-light');
});

test('a canary split shows as a bar and a redirect shows its Location', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('canary');
  await expect(graphNode(page, 'HTTPRoute/shop/checkout')).toHaveAttribute('data-health', 'ok');
  await page.getByTestId('tab-simulator').click();
  const form = page.getByTestId('simulator');
  await form.getByTestId('sim-gateway').selectOption('shop/edge');
  await form.getByTestId('sim-host').fill('checkout.example.com');
  await form.getByTestId('sim-path').fill('/cart');
  await form.getByTestId('sim-run').click();
  const backends = page.getByTestId('sim-backend');
  await expect(backends).toHaveCount(2);
  await expect(backends.first()).toContainText('90%');
  await expect(backends.last()).toContainText('10%');
  await expect(page.getByTestId('sim-split')).toBeVisible();

  await page.getByTestId('scenario-select').selectOption('https-redirect');
  await expect(graphNode(page, 'HTTPRoute/web/redirect-to-https')).toHaveAttribute('data-health', 'ok');
  await form.getByTestId('sim-gateway').selectOption('web/edge');
  await form.getByTestId('sim-listener').selectOption('http');
  await form.getByTestId('sim-host').fill('www.example.com');
  await form.getByTestId('sim-path').fill('/a?b=1');
  await form.getByTestId('sim-run').click();
  await expect(page.getByTestId('simulator-result')).toHaveAttribute('data-status', '301');
  await expect(page.getByTestId('sim-location')).toContainText('https://www.example.com/a?b=1');
});

test('Ingress import converts and loads into the sandbox', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('ingress-import').click();
  const dialog = page.getByTestId('ingress-dialog');
  await dialog.getByRole('button', { name: 'Use an example' }).click();
  await expect(dialog.getByTestId('ingress-output')).toContainText('kind: HTTPRoute');
  await expect(dialog.getByTestId('ingress-output')).toContainText('replacePrefixMatch: /');
  await screenshot(page, 'sandbox-ingress-import');
  await dialog.getByRole('button', { name: 'Replace sandbox' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sandbox-editor')).toContainText('Converted from Ingress by Gatescope');
  await expect(graphNode(page, 'HTTPRoute/shop/shop')).toBeVisible();
  await expect(graphNode(page, 'Gateway/shop/nginx')).toBeVisible();
});

test('missing objects can be assumed, clearly marked', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, ORPHAN_ROUTE);
  const assume = page.getByTestId('assumptions').getByTestId('assume');
  await expect(assume).toHaveCount(2);
  await expect(page.getByTestId('assumptions')).toContainText('Service team/api (port 8080)');
  await expect(page.getByTestId('assumptions')).toContainText('Gateway infra/shared');
  // Absent is not missing: before any assumption the route and the objects it names are grey
  // ("not in the input"), not red ("not found").
  await expect(page.getByTestId('assumptions')).toContainText('Not in the input');
  await expect(graphNode(page, 'HTTPRoute/team/orphan-route')).toHaveAttribute('data-health', 'unknown');
  for (const id of ['Gateway/infra/shared', 'Service/team/api']) {
    await expect(graphNode(page, id)).toHaveAttribute('data-health', 'unknown');
    await expect(graphNode(page, id)).toContainText('not in the input');
  }
  await assume.first().click();
  await assume.first().click();
  // GatewayClass for the assumed Gateway is the next missing object: assume it too.
  await expect(page.getByTestId('assumptions')).toContainText('GatewayClass');
  await assume.first().click();
  await expect(page.getByTestId('assumptions')).toContainText('not in your YAML');
  await expect(graphNode(page, 'HTTPRoute/team/orphan-route')).toHaveAttribute('data-health', 'ok');
  // Assumed objects are marked in the graph (dashed, "assumed" tag); the user's own are not.
  // The GatewayClass came last, left of the fitted view: show the whole graph first.
  await page.locator('.react-flow__controls-fitview').click();
  for (const id of ['Gateway/infra/shared', 'Service/team/api', 'GatewayClass//assumed']) {
    await expect(graphNode(page, id)).toHaveAttribute('data-assumed', 'true');
    await expect(graphNode(page, id).locator('.tag-assumed')).toHaveText('assumed');
  }
  await expect(graphNode(page, 'HTTPRoute/team/orphan-route')).not.toHaveAttribute('data-assumed', 'true');
  // The user's text is unchanged: assumptions live apart from it.
  await expect(page.getByTestId('sandbox-editor')).not.toContainText('ASSUMPTION');
  await screenshot(page, 'sandbox-assumptions');
});

test('dropping a YAML file loads it', async ({ page }) => {
  await page.goto(url('/sandbox'));
  const text = readFileSync(join(REPO_ROOT, 'public/scenarios/grpcroute.yaml'), 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'grpc.yaml', { type: 'text/yaml' }));
    return data;
  }, text);
  await page.locator('.sb-left').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.sb-left').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByText('Loaded grpc.yaml.')).toBeVisible();
  await expect(graphNode(page, 'GRPCRoute/rpc/greeter')).toHaveAttribute('data-health', 'ok');
});

test('a URL rewrite shows the path and host the backend gets, and mirrors are listed', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('url-rewrite');
  await expect(graphNode(page, 'HTTPRoute/apps/legacy-api')).toHaveAttribute('data-health', 'ok');
  await page.getByTestId('tab-simulator').click();
  const form = page.getByTestId('simulator');
  await form.getByTestId('sim-gateway').selectOption('apps/edge');
  await form.getByTestId('sim-host').fill('api.example.com');
  await form.getByTestId('sim-path').fill('/legacy/users?page=2');
  await form.getByTestId('sim-run').click();
  const rewrites = page.getByTestId('sim-rewrites');
  await expect(rewrites).toContainText('/legacy/users?page=2 → /v2/users?page=2');
  await expect(rewrites).toContainText('api.example.com → api-v2.internal');
  await expect(page.getByTestId('sim-headers-out')).toContainText('+ x-rewritten-by: gateway');
  await screenshot(page, 'simulator-rewrite');

  await page.getByTestId('scenario-select').selectOption('request-mirror');
  await expect(graphNode(page, 'HTTPRoute/payments/payments')).toHaveAttribute('data-health', 'ok');
  await form.getByTestId('sim-gateway').selectOption('payments/edge');
  await form.getByTestId('sim-host').fill('pay.example.com');
  await form.getByTestId('sim-path').fill('/charge');
  await form.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-mirror')).toContainText(
    'payments/payments-shadow:8080 (25% of requests',
  );
  await expect(graphNode(page, 'Service/payments/payments-shadow')).toHaveClass(/highlighted/);
});

test('a YAML syntax error is shown at its line and the rest still analyses', async ({ page }) => {
  await page.goto(url('/sandbox'));
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: ok, namespace: default}',
    'spec: {ports: [{port: 80}]}',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: broken',
    '  labels: [unclosed',
    '',
  ].join('\n');
  await applySandboxYaml(page, text);
  await expect(page.locator('.sb-editor .cm-lint-marker-error').first()).toBeVisible();
  await expect(page.getByTestId('sandbox-status')).toContainText('1 objects');
  await expect(page.getByTestId('sandbox-status')).not.toContainText(' 0 errors');
  await page.locator('.sb-editor .cm-lint-marker-error').first().hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
  await screenshot(page, 'sandbox-parse-error');
});
