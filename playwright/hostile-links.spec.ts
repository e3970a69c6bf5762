/**
 * Issue 12 (attack review): hostile share links never leave a blank app. A link nested too deep,
 * a huge link, or sandbox YAML full of aliases shows a clear message; and when something does
 * crash the app, the error screen says so ("this link could not be opened: <reason>"), offers a
 * way back, and a reload does not apply the same link again (crash-guard.ts, unit-tested).
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShareState } from '../packages/core/src/share/codec.ts';
import type { ShareState } from '../packages/core/src/share/types.ts';
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

/** The crash guard's marker for a link (apps/web/src/share/crash-guard.ts fingerprint()). */
function fingerprint(link: string): string {
  const text = link.startsWith('#') ? link.slice(1) : link;
  return text.length <= 160 ? text : `${text.length}:${text.slice(0, 64)}…${text.slice(-64)}`;
}

function sandboxLink(yaml: string): string {
  const state: ShareState = {
    v: 1,
    source: { type: 'sandbox', yaml },
    view: { page: 'sandbox' },
    tests: [],
    redaction: { maskIPs: false, maskHostnames: false },
  };
  return `#${encodeShareState(state).fragment}`;
}

/** The app shell is there: header and a main area (not a blank page). */
async function expectAppShown(page: Page): Promise<void> {
  await expect(page.getByTestId('share-button').or(page.getByTestId('app-error'))).toBeVisible();
  expect((await page.locator('#root').innerText()).trim().length).toBeGreaterThan(0);
}

test('a link nested far too deep shows a message, not a blank app', async ({ page }) => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const json = JSON.stringify({
    v: 1,
    source: {
      type: 'snapshot',
      objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, x: '§' }],
    },
    view: { page: 'topology' },
    tests: [],
    redaction: { maskIPs: false, maskHostnames: false },
  }).replace('"§"', deep);
  const { deflateSync, strToU8 } = await import('fflate');
  const { toBase64Url } = await import('../packages/core/src/share/base64url.ts');
  await page.goto(url(`/#gs1.${toBase64Url(deflateSync(strToU8(json)))}`));
  await expect(page.getByTestId('share-error')).toContainText(/nested deeper than/);
  await expectAppShown(page);
});

test('a huge link shows a message, not a blank app', async ({ page }) => {
  await page.goto(url(`/#gs1.${'A'.repeat(300_000)}`));
  await expect(page.getByTestId('share-error')).toContainText(/characters long/);
  await expectAppShown(page);
});

test('sandbox YAML with unresolved and many aliases opens with its problems listed', async ({ page }) => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) {
    const name = 'a'.repeat(i);
    bomb.push(`${'b'.repeat(i)}: &${name}a [*${name}, *${name}, *${name}, *${name}]`);
  }
  const yaml = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web, namespace: shop, labels: *missing}',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: bomb, namespace: shop}',
    `data:\n  ${bomb.join('\n  ')}`,
    '',
  ].join('\n');
  await page.goto(url(`/sandbox${sandboxLink(yaml)}`));
  await expectAppShown(page);
  await expect(page.getByTestId('sandbox-editor')).toBeVisible();
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
  // Sharing it again: the redaction reads the aliases with the analyzer's limits (it used to
  // throw on the alias count inside the preview and blank the app).
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#gs1\./);
  await expectAppShown(page);
});

test('a link the app died on is not applied again on reload', async ({ page }) => {
  const link = sandboxLink('apiVersion: v1\nkind: Service\nmetadata: {name: died-on, namespace: shop}\n');
  // What the crash guard leaves behind when the app fails while applying a link.
  await page.addInitScript((fingerprint) => {
    window.sessionStorage.setItem('gatescope.share.applying', fingerprint);
  }, fingerprint(link));
  await page.goto(url(`/sandbox${link}`));
  await expect(page.getByTestId('share-error')).toContainText(/not opened again/);
  await expectAppShown(page);
  await expect(page.getByTestId('app-error')).toHaveCount(0);
  await expect(page.getByTestId('sandbox-editor')).not.toContainText('died-on');
  expect(new URL(page.url()).hash).toBe('');
});
