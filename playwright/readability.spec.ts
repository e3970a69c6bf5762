/**
 * Readable by default (issue 13): at the laptop widths new users have (1024–1920 px) the first
 * paint shows node labels at ≥ 11 px on screen, the filter bar keeps one row and the minimap
 * never sits on a node. Screenshots at 1440×900 and 1024×768 go to test-results/screenshots/.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { applySandboxYaml, screenshot } from './fixtures/page.ts';
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

/** 40 namespaces, each with a Gateway-attached route to its own Service: a wide sandbox. */
function fortyNamespaces(): string {
  const docs: string[] = [
    [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: GatewayClass',
      'metadata: {name: lb}',
      'spec: {controllerName: example.com/lb}',
    ].join('\n'),
    [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata: {name: shared, namespace: infra}',
      'spec:',
      '  gatewayClassName: lb',
      '  listeners:',
      '    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}',
    ].join('\n'),
  ];
  for (let i = 1; i <= 40; i++) {
    const ns = `team-${i}`;
    docs.push(
      [
        'apiVersion: gateway.networking.k8s.io/v1',
        'kind: HTTPRoute',
        `metadata: {name: route-${i}, namespace: ${ns}}`,
        'spec:',
        '  parentRefs: [{name: shared, namespace: infra}]',
        `  hostnames: [app-${i}.example.com]`,
        // Every third backend is missing: some red among the green.
        `  rules: [{backendRefs: [{name: ${i % 3 === 0 ? 'missing' : 'api'}, port: 8080}]}]`,
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: Service',
        `metadata: {name: api, namespace: ${ns}}`,
        'spec: {ports: [{port: 8080}]}',
      ].join('\n'),
    );
  }
  return docs.join('\n---\n') + '\n';
}

interface LabelSize {
  readonly count: number;
  readonly smallest: number;
}

/**
 * The on-screen size of every node label that is in the canvas: computed font size times the
 * React Flow viewport scale (the transform on .react-flow__viewport).
 */
async function labelSizes(page: Page): Promise<LabelSize> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const canvas = document.querySelector<HTMLElement>('.react-flow');
    if (viewport === null || canvas === null) return { count: 0, smallest: 0 };
    const scale = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const box = canvas.getBoundingClientRect();
    let smallest = Number.POSITIVE_INFINITY;
    let count = 0;
    for (const label of document.querySelectorAll<HTMLElement>('.topo-node-label')) {
      const r = label.getBoundingClientRect();
      const inside = r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      if (!inside) continue;
      count++;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(label).fontSize) * scale);
    }
    return { count, smallest };
  });
}

async function firstPaint(page: Page): Promise<void> {
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  // The first fit runs on the next animation frame after the nodes mount.
  await page.waitForTimeout(400);
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('demo: labels readable at first paint', async ({ page }) => {
      await page.goto(url());
      await firstPaint(page);
      const labels = await labelSizes(page);
      expect(labels.count).toBeGreaterThan(3);
      expect(labels.smallest).toBeGreaterThanOrEqual(11);
      await screenshot(page, `readable-demo-${size.width}x${size.height}`);
    });

    test('40-namespace sandbox: labels readable at first paint', async ({ page }) => {
      await page.goto(url('/sandbox'));
      await applySandboxYaml(page, fortyNamespaces());
      await expect(page.locator('[data-node-id]').first()).toBeVisible();
      await page.waitForTimeout(400);
      const labels = await labelSizes(page);
      expect(labels.count).toBeGreaterThan(3);
      expect(labels.smallest).toBeGreaterThanOrEqual(11);
      await screenshot(page, `readable-sandbox-40ns-${size.width}x${size.height}`);
    });
  });
}

/** Ids of the nodes the minimap's box intersects on screen (none when it is not shown). */
async function nodesUnderMinimap(page: Page): Promise<{ shown: boolean; under: string[] }> {
  return page.evaluate(() => {
    const map = document.querySelector('.react-flow__minimap');
    if (map === null) return { shown: false, under: [] };
    const m = map.getBoundingClientRect();
    const under: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      if (r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom)
        under.push(node.dataset['id'] ?? '?');
    }
    return { shown: true, under };
  });
}

test.describe('the minimap', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('never sits on a node while the user pans and zooms', async ({ page }) => {
    await page.goto(url('/sandbox'));
    await applySandboxYaml(page, fortyNamespaces());
    await firstPaint(page);
    const toggle = page.getByTestId('minimap-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    // Walk the graph with the keyboard (the camera follows the focus), then zoom out and in.
    await page.locator('[data-roving][tabindex="0"]').focus();
    const moves = [
      ...Array<string>(12).fill('ArrowDown'),
      'ArrowRight',
      'ArrowRight',
      ...Array<string>(12).fill('ArrowDown'),
      'End',
      'Home',
    ];
    let seen = 0;
    const check = async (step: string): Promise<void> => {
      await page.waitForTimeout(60);
      const { shown, under } = await nodesUnderMinimap(page);
      if (shown) seen++;
      expect(under, `after ${step}`).toEqual([]);
    };
    await check('the first fit');
    for (const key of moves) {
      await page.keyboard.press(key);
      await check(key);
    }
    for (const button of ['zoomout', 'zoomout', 'zoomout', 'zoomin', 'zoomin']) {
      await page.locator(`.react-flow__controls-${button}`).click();
      await check(button);
    }
    // Not vacuous: the minimap was on screen for part of the walk.
    expect(seen).toBeGreaterThan(0);
    await screenshot(page, 'minimap-clear-1440x900');
  });
});

test('search counts its matches and steps through them', async ({ page }) => {
  await page.goto(url());
  await firstPaint(page);
  const search = page.getByTestId('search');
  await search.fill('shop');
  const count = page.getByTestId('search-count');
  await expect(count).toHaveText(/^\d+ matches$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  expect(total).toBeGreaterThan(2);
  await search.press('Enter');
  await expect(count).toHaveText(`1 of ${total}`);
  const first = await page.getByTestId('details').getAttribute('data-node');
  expect(first).toContain('shop');
  await page.getByTestId('search-next').click();
  await expect(count).toHaveText(`2 of ${total}`);
  await expect(page.getByTestId('details')).not.toHaveAttribute('data-node', first ?? '');
  // The match is on screen: the camera went to it.
  await expect(page.locator('.topo-node.selected')).toBeInViewport();
  await search.fill('zzz-nothing');
  await expect(count).toHaveText('no matches');
});

test('the details panel opens at the top for each node', async ({ page }) => {
  await page.goto(url());
  await firstPaint(page);
  await page.locator('[data-node-id="HTTPRoute/billing/invoices"]').click();
  const body = page.locator('.tab-body');
  await expect(page.getByTestId('details')).toHaveAttribute('data-node', 'HTTPRoute/billing/invoices');
  await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.locator('[data-node-id="HTTPRoute/marketing/promo"]').click();
  await expect(page.getByTestId('details')).toHaveAttribute('data-node', 'HTTPRoute/marketing/promo');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
});
