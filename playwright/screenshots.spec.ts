/**
 * Light and dark screenshots of the main views into test-results/screenshots/ (for looking at,
 * not compared): the demo topology, details of a failing route, the sandbox with assumptions,
 * a simulator result and the share popover. Each view is also checked for what it must show.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { applySandboxYaml, graphNode, ORPHAN_ROUTE, screenshot, setTheme } from './fixtures/page.ts';
import { startServer } from './fixtures/server.ts';
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

async function both(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await screenshot(page, `${name}-${theme}`);
  }
}

test('topology demo and the details of a failing route', async ({ page }) => {
  await page.goto(url());
  const failing = graphNode(page, 'HTTPRoute/billing/invoices');
  await expect(failing).toHaveAttribute('data-health', 'error');
  await both(page, 'view-topology');
  await failing.click();
  await expect(page.getByTestId('details')).toContainText('invoices');
  await both(page, 'view-details-failing-route');
});

test('sandbox with assumed objects', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, ORPHAN_ROUTE);
  const assume = page.getByTestId('assumptions').getByTestId('assume');
  await expect(assume).toHaveCount(2);
  await assume.first().click();
  await assume.first().click();
  await expect(page.getByTestId('assumptions')).toContainText('GatewayClass');
  await assume.first().click();
  await expect(graphNode(page, 'HTTPRoute/team/orphan-route')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'Gateway/infra/shared')).toHaveAttribute('data-assumed', 'true');
  await both(page, 'view-sandbox');
  await page.getByTestId('sandbox-hide-editor').click();
  await expect(graphNode(page, 'Gateway/infra/shared')).toBeInViewport();
  await both(page, 'view-sandbox-assumed-folded');
});

test('folding the sandbox editor away gives the graph room', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  const route = graphNode(page, 'HTTPRoute/billing/invoices');
  await expect(route).toHaveAttribute('data-health', 'error');
  await page.getByTestId('sandbox-hide-editor').click();
  await expect(page.getByTestId('sandbox-editor')).toHaveCount(0);
  // The canvas grew past 1000px: the graph refits at a readable zoom (≥ 0.6 of the 220px node).
  await expect.poll(async () => (await route.boundingBox())?.width ?? 0).toBeGreaterThan(220 * 0.55);
  await both(page, 'view-sandbox-folded');
  await page.getByTestId('sandbox-show-editor').click();
  await expect(page.getByTestId('sandbox-editor')).toContainText('demo-lb');
});

test('simulator result', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  await page.getByTestId('tab-simulator').click();
  const rows = page.getByTestId('route-test');
  await expect(rows).toHaveCount(4);
  await rows.filter({ hasText: 'invoices-500' }).getByRole('button').first().click();
  await expect(page.getByTestId('simulator-result')).toHaveAttribute('data-status', '500');
  await both(page, 'view-simulator');
});

test('share popover', async ({ page }) => {
  await page.goto(url());
  await graphNode(page, 'HTTPRoute/billing/invoices').click();
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  await both(page, 'view-share');
});
