/**
 * Share links and bundles end to end: what is shared is redacted (Secret data never leaves the
 * tab), masking options change the link, a bundle file round-trips, and a shared live snapshot
 * (the demo source in --no-cluster mode) opens in another browser.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { decodeShareFragment } from '../packages/core/src/share/codec.ts';
import { applySandboxYaml, graphNode, screenshot } from './fixtures/page.ts';
import { startServer } from './fixtures/server.ts';
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

const WITH_SECRET = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: lb}
spec: {controllerName: example.com/lb}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: web}
spec:
  gatewayClassName: lb
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: "*.corp.example"
      tls: {certificateRefs: [{name: corp-tls}]}
---
apiVersion: v1
kind: Secret
metadata:
  name: corp-tls
  namespace: web
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"tls.key":"TOPSECRETKEY"}}'
type: kubernetes.io/tls
data:
  tls.crt: Q0VSVA==
  tls.key: VE9QU0VDUkVUS0VZ
`;

function decodedText(link: string): string {
  const decoded = decodeShareFragment(new URL(link).hash);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return JSON.stringify(decoded.value);
}

test('the link never carries Secret data, and masking changes what is shared', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, WITH_SECRET);
  await expect(graphNode(page, 'Gateway/web/edge')).toBeVisible();
  await page.getByTestId('share-button').click();
  const popover = page.getByTestId('share-popover');
  await popover.getByRole('button', { name: /fields? removed/ }).click();
  await expect(popover.getByTestId('share-notes')).toContainText('Secret web/corp-tls: data (values)');
  const plainLink = await page.getByTestId('share-link').inputValue();
  const plain = decodedText(plainLink);
  expect(plain).not.toContain('VE9QU0VDUkVUS0VZ');
  expect(plain).not.toContain('TOPSECRETKEY');
  expect(plain).toContain('corp.example');
  await popover.getByTestId('share-mask-hostnames').check();
  await expect(page.getByTestId('share-link')).not.toHaveValue(plainLink);
  const masked = decodedText(await page.getByTestId('share-link').inputValue());
  expect(masked).not.toContain('corp.example');
  expect(masked).toMatch(/\*\.h\d+\.example/);
  await screenshot(page, 'share-redaction');
});

test('an exported bundle imports into a fresh browser with the same view', async ({ page, browser }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('header-query-routing');
  await expect(graphNode(page, 'HTTPRoute/apps/search')).toHaveAttribute('data-health', 'ok');
  await page.getByTestId('share-button').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('share-export').click();
  const file = await (await download).path();
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { format: string; state: { tests: unknown[] } };
  expect(bundle.format).toBe('gatescope-bundle');
  expect(bundle.state.tests).toHaveLength(3);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url('/sandbox'));
  await other.getByTestId('share-button').click();
  await other.getByTestId('share-import-file').setInputFiles(file);
  await expect(graphNode(other, 'HTTPRoute/apps/search')).toHaveAttribute('data-health', 'ok');
  await other.getByTestId('tab-simulator').click();
  await expect(other.getByTestId('route-test')).toHaveCount(3);
  for (const row of await other.getByTestId('route-test').all())
    await expect(row).toHaveAttribute('data-result', 'pass');
  await fresh.close();
});

test('a shared live snapshot (the demo source) opens in another browser', async ({ page, browser }) => {
  await page.goto(url('/'));
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'error');
  await graphNode(page, 'HTTPRoute/billing/invoices').click();
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-preview')).toContainText('HTTPRoute');
  await expect(page.getByTestId('share-preview')).toContainText('Selected: HTTPRoute/billing/invoices');
  const link = await page.getByTestId('share-link').inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other).toHaveURL(/\/sandbox$/);
  await expect(other.getByTestId('sandbox-editor')).toContainText('Shared live snapshot');
  // Nodes outside the viewport are not mounted: show the whole graph before looking for them.
  await other.locator('.react-flow__controls-fitview').click();
  await expect(graphNode(other, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(other, 'HTTPRoute/billing/invoices')).toHaveClass(/selected/);
  await expect(graphNode(other, 'HTTPRoute/shop/storefront')).toHaveAttribute('data-health', 'ok');
  await fresh.close();
});

test('what-if over live: applying a ReferenceGrant shows the fix and marks the changed nodes', async ({
  page,
}) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('whatif-toggle').check();
  await applySandboxYaml(
    page,
    `apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: {name: billing-invoices, namespace: payments}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: billing}]
  to: [{group: "", kind: Service, name: invoice-service}]
`,
  );
  const whatIf = page.getByTestId('whatif');
  await expect(whatIf).toContainText('1 fixed');
  await expect(whatIf).toContainText('0 introduced');
  await expect(whatIf.getByTestId('whatif-fixed')).toHaveAttribute('data-code', /NotPermitted/);
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveClass(/changed/);
  // The rest of the live snapshot is still there, unchanged.
  await expect(graphNode(page, 'HTTPRoute/marketing/promo')).toHaveAttribute('data-health', 'error');
  await screenshot(page, 'sandbox-whatif');
});

test('filters and the panel tab come back with the link', async ({ page, browser }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('broken-cluster');
  await expect(graphNode(page, 'HTTPRoute/prod/wrong-host')).toHaveAttribute('data-health', 'error');
  await page.getByTestId('only-problems').check();
  await page.getByTestId('search').fill('prod');
  await page.getByTestId('tab-diagnostics').click();
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('sandbox-editor')).toContainText('A broken cluster');
  await expect(other.getByTestId('only-problems')).toBeChecked();
  await expect(other.getByTestId('search')).toHaveValue('prod');
  await expect(other.getByTestId('tab-diagnostics')).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByTestId('diagnostic').first()).toBeVisible();
  await fresh.close();
});
