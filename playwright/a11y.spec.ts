/**
 * Accessibility (issue 13): axe-core finds no serious or critical violation on the topology page
 * and the sandbox, with the details panel, the simulator and each popover open, in both themes.
 * Also: the graph is one tab stop, arrow keys move between nodes and Enter opens the details.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { graphNode, setTheme } from './fixtures/page.ts';
import { startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

// axe takes seconds per page state on two shared cores; each test checks several states twice.
test.describe.configure({ mode: 'serial', timeout: 600_000 });

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

/** Serious and critical axe violations, one line each (rule, impact, first offending nodes). */
async function seriousViolations(page: Page): Promise<string[]> {
  const started = Date.now();
  const results = await new AxeBuilder({ page }).analyze();
  console.log(`axe: ${Date.now() - started} ms, ${results.violations.length} violations of any impact`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .join(' | ')}`,
    );
}

async function expectClean(page: Page, what: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    // Theme colours transition; let them settle before measuring contrast.
    await page.waitForTimeout(250);
    expect.soft(await seriousViolations(page), `${what}, ${theme} theme`).toEqual([]);
  }
}

async function graphReady(page: Page): Promise<void> {
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
}

test('topology page: graph, details panel with the legend open, share popover', async ({ page }) => {
  await page.goto(url());
  await graphReady(page);
  await graphNode(page, 'HTTPRoute/billing/invoices').click();
  await expect(page.getByTestId('details')).toBeVisible();
  await page.getByTestId('legend-button').click();
  await expect(page.locator('.legend-body')).toBeVisible();
  await expectClean(page, 'details panel and legend popover');
  // Esc closes the legend first; the selection (details) stays.
  await page.keyboard.press('Escape');
  await expect(page.locator('.legend-body')).toBeHidden();
  await expect(page.getByTestId('details')).toBeVisible();
  await page.getByTestId('tab-diagnostics').click();
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  await expectClean(page, 'diagnostics list and share popover');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-link')).toBeHidden();
});

test('sandbox: editor and simulator result, then the Ingress dialog', async ({ page }) => {
  await page.goto(url('/sandbox'));
  await page.getByTestId('scenario-select').selectOption('demo');
  await graphReady(page);
  await page.getByTestId('tab-simulator').click();
  const rows = page.getByTestId('route-test');
  await expect(rows.first()).toBeVisible();
  await rows.filter({ hasText: 'invoices-500' }).getByRole('button').first().click();
  await expect(page.getByTestId('simulator-result')).toBeVisible();
  await expectClean(page, 'sandbox with a simulator result');
  // The dialog is modal (the theme toggle is behind it): open it once per theme.
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Import Ingress' }).click();
    await expect(page.getByTestId('ingress-dialog')).toBeVisible();
    expect.soft(await seriousViolations(page), `Ingress dialog, ${theme} theme`).toEqual([]);
    // Esc closes the dialog (and only the dialog: the simulator result stays).
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ingress-dialog')).toHaveCount(0);
    await expect(page.getByTestId('simulator-result')).toBeVisible();
  }
});

test('the graph is one tab stop; arrows move between nodes, Enter opens details', async ({ page }) => {
  await page.goto(url());
  await graphReady(page);
  const stops = await page.locator('[data-node-id][tabindex="0"], [data-group-id][tabindex="0"]').count();
  expect(stops).toBe(1);
  const nodes = await page.locator('[data-node-id]').count();
  expect(nodes).toBeGreaterThan(10);
  // Tab from the filter bar's last control lands in the graph.
  await page.locator('[data-node-id][tabindex="0"]').focus();
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-node-id'));
  expect(first).toBe('GatewayClass//demo-lb');
  await page.keyboard.press('ArrowRight');
  await expect(graphNode(page, 'Gateway/infra/public')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(graphNode(page, 'Listener/infra/public/https')).toBeFocused();
  // Still one tab stop, now the node the user moved to.
  await expect(page.locator('[data-node-id][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details')).toHaveAttribute('data-node', 'Listener/infra/public/https');
  // The focus ring is visible (an outline, not only a colour change).
  const outline = await graphNode(page, 'Listener/infra/public/https').evaluate(
    (el) => getComputedStyle(el).outlineStyle,
  );
  expect(outline).not.toBe('none');
});
