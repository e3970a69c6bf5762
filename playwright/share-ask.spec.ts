/**
 * Opening a share link never overwrites the recipient's own sandbox without asking (issue 13):
 * with other YAML in their sandbox they are asked; "Keep mine" keeps it, "Open" opens the link
 * and offers to restore theirs.
 */
import { expect, test } from '@playwright/test';
import { applySandboxYaml, ORPHAN_ROUTE } from './fixtures/page.ts';
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

function url(path: string): string {
  if (server === undefined) throw new Error('server not started');
  return `${server.url}${path}`;
}

const MINE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: my-own-work, namespace: mine}',
  'spec: {ports: [{port: 80}]}',
  '',
].join('\n');

test('a share link asks before replacing my sandbox, and can be undone', async ({ page }) => {
  // Someone's link: the orphan route.
  await page.goto(url('/sandbox'));
  await applySandboxYaml(page, ORPHAN_ROUTE);
  await expect(page.getByTestId('sandbox-status')).toContainText('1 objects');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');

  // My own sandbox (kept in this browser's storage) holds other work.
  await applySandboxYaml(page, MINE);
  await expect(page.getByTestId('sandbox-editor')).toContainText('my-own-work');
  await page.waitForTimeout(800); // the sandbox is saved every 500 ms

  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('share-ask')).toBeVisible();
  await expect(page.getByTestId('sandbox-editor')).toContainText('my-own-work');
  await page.getByTestId('share-ask-keep').click();
  await expect(page.getByTestId('share-ask')).toHaveCount(0);
  await expect(page.getByTestId('sandbox-editor')).toContainText('my-own-work');

  await page.goto('about:blank');
  await page.goto(link);
  await page.getByTestId('share-ask-open').click();
  await expect(page.getByTestId('sandbox-editor')).toContainText('orphan-route');
  await page.getByTestId('share-undo').click();
  await expect(page.getByTestId('sandbox-editor')).toContainText('my-own-work');
  await expect(page.getByTestId('sandbox-editor')).not.toContainText('orphan-route');
});
