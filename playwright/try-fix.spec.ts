/**
 * From broken to fixed (issue 13): "Try this fix" on a diagnostic applies its proposed YAML as a
 * what-if, the banner says whether the diagnostic is gone and how the error count moved, and
 * Revert brings the broken state back. On `/` it is an overlay; in the sandbox it edits the YAML.
 * A 500 in the simulator links to the diagnostic that explains it.
 */
import { expect, test } from '@playwright/test';
import { graphNode, screenshot } from './fixtures/page.ts';
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

const GRANT_CODE = /BackendRefNotPermitted/;

test('topology: trying the ReferenceGrant fix clears the diagnostic, Revert brings it back', async ({
  page,
}) => {
  await page.goto(url());
  const invoices = graphNode(page, 'HTTPRoute/billing/invoices');
  await expect(invoices).toHaveAttribute('data-health', 'error');
  await page.getByTestId('tab-diagnostics').click();
  const grant = page.locator('[data-testid="diagnostic"][data-code*="BackendRefNotPermitted"]').first();
  await expect(grant).toHaveAttribute('data-code', GRANT_CODE);
  await grant.getByTestId('try-fix').click();
  const banner = page.getByTestId('try-fix-banner');
  await expect(banner).toHaveAttribute('data-state', 'fixed');
  await expect(banner).toContainText(/Errors 2 → 1/);
  await expect(invoices).not.toHaveAttribute('data-health', 'error');
  await expect(page.locator('[data-testid="diagnostic"][data-code*="BackendRefNotPermitted"]')).toHaveCount(
    0,
  );
  await screenshot(page, 'try-fix-topology');
  await banner.getByTestId('try-fix-revert').click();
  await expect(banner).toHaveCount(0);
  await expect(invoices).toHaveAttribute('data-health', 'error');
});

test('sandbox: the fix is added to the YAML and Revert takes it out', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'error');
  await page.getByTestId('tab-diagnostics').click();
  const grant = page.locator('[data-testid="diagnostic"][data-code*="BackendRefNotPermitted"]').first();
  await grant.getByTestId('try-fix').click();
  await expect(page.getByTestId('try-fix-banner')).toHaveAttribute('data-state', 'fixed');
  // The editor draws only the lines on screen: read the saved sandbox instead.
  const saved = (): Promise<string> =>
    page.evaluate(() => window.localStorage.getItem('gatescope.sandbox.v1') ?? '');
  await expect.poll(saved).toContain('allow-httproute-from-billing');
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).not.toHaveAttribute('data-health', 'error');
  await page.getByTestId('try-fix-revert').click();
  await expect.poll(saved).not.toContain('allow-httproute-from-billing');
  await expect(graphNode(page, 'HTTPRoute/billing/invoices')).toHaveAttribute('data-health', 'error');
});

test('a 500 from the simulator links to the diagnostic that explains it', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  await page.getByTestId('tab-simulator').click();
  const rows = page.getByTestId('route-test');
  await rows.filter({ hasText: 'invoices-500' }).getByRole('button').first().click();
  await expect(page.getByTestId('simulator-result')).toHaveAttribute('data-status', '500');
  const why = page.getByTestId('sim-why-link').first();
  await expect(why).toHaveAttribute('data-code', /BackendRefNotPermitted/);
  await why.click();
  await expect(page.getByTestId('details')).toHaveAttribute('data-node', 'HTTPRoute/billing/invoices');
  await expect(
    page.getByTestId('details').locator('[data-testid="diagnostic"][data-code*="BackendRefNotPermitted"]'),
  ).toBeVisible();
});
