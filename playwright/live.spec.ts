/**
 * Live mode end to end: a real kube-apiserver (harness), the real `gatescope serve` watching it,
 * the built SPA in Debian Chromium. The scenario has a healthy route, a route with no hostname
 * intersection and a route whose cross-namespace backend lacks a ReferenceGrant.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import {
  FIXTURES,
  kubeBinaries,
  objectsFromText,
  readObjects,
  startLiveCluster,
} from './fixtures/cluster.ts';
import type { LiveCluster } from './fixtures/cluster.ts';
import { graphEdge, graphNode, layoutPosition, screenshot, setTheme } from './fixtures/page.ts';
import { startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

test.describe.configure({ mode: 'serial' });

let live: LiveCluster | undefined;
let server: RunningServer | undefined;

const GRANT = `
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: allow-shop-routes, namespace: payments }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop }]
  to: [{ group: "", kind: Service }]
`;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const binaries = kubeBinaries();
  if (!binaries.ok) {
    if (process.env['CI'] === 'true') throw new Error(`no kube-apiserver for live e2e: ${binaries.reason}`);
    test.skip(true, `no kube-apiserver/etcd: ${binaries.reason}`);
    return;
  }
  live = await startLiveCluster(binaries.dir);
  await live.apply(readObjects(join(FIXTURES, 'broken-and-healthy.yaml')));
  server = await startServer(['--context', 'e2e'], { KUBECONFIG: live.kubeconfig });
});

test.afterAll(async () => {
  await server?.stop();
  await live?.stop();
});

function url(path = '/'): string {
  if (server === undefined) throw new Error('server not started');
  return `${server.url}${path}`;
}

test('renders the live topology with the right health on each node', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByTestId('source-status')).toHaveAttribute('data-connection', 'live');
  await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'HTTPRoute/shop/wrong-host')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'HTTPRoute/shop/checkout')).toHaveAttribute('data-health', 'error');
  await expect(graphNode(page, 'Gateway/infra/edge')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'Listener/infra/edge/web')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'GatewayClass//e2e-class')).toHaveAttribute('data-health', 'ok');
  await expect(graphNode(page, 'Rule/shop/HTTPRoute/checkout/0')).toHaveAttribute('data-health', 'error');
  const blocked = graphEdge(
    page,
    'missing-reference-grant',
    'Rule/shop/HTTPRoute/checkout/0',
    'Service/payments/payments-api',
  );
  await expect(blocked).toHaveAttribute('data-health', 'error');
  await expect(
    graphEdge(page, 'parent', 'Listener/infra/edge/web', 'HTTPRoute/shop/storefront'),
  ).toHaveAttribute('data-health', 'ok');
  await expect(
    graphEdge(page, 'parent', 'Listener/infra/edge/web', 'HTTPRoute/shop/wrong-host'),
  ).toHaveAttribute('data-health', 'error');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await screenshot(page, `live-topology-${theme}`);
  }
});

test('clicking the failing route shows its reason and fix', async ({ page }) => {
  await page.goto(url());
  await graphNode(page, 'HTTPRoute/shop/wrong-host').click();
  const details = page.getByTestId('details');
  await expect(details).toHaveAttribute('data-node', 'HTTPRoute/shop/wrong-host');
  await expect(page.getByTestId('details-health')).toHaveText('Failing');
  await expect(details.getByTestId('diagnostic').first()).toContainText('NoMatchingListenerHostname');
  await expect(details.getByTestId('diagnostic-fix').first()).toContainText('*.shop.example');
  await expect(details.locator('tr', { hasText: 'Accepted' })).toContainText('NoMatchingListenerHostname');

  await graphNode(page, 'HTTPRoute/shop/checkout').click();
  await expect(details).toHaveAttribute('data-node', 'HTTPRoute/shop/checkout');
  const fix = details.getByTestId('diagnostic-fix').first();
  await expect(fix).toContainText('kind: ReferenceGrant');
  await expect(fix).toContainText('namespace: payments');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await screenshot(page, `live-details-${theme}`);
  }

  await page.getByTestId('tab-diagnostics').click();
  const items = page.getByTestId('diagnostic');
  await expect(items.first()).toHaveAttribute('data-code', /.+/);
  await expect(
    page.locator('[data-testid="diagnostic"][data-code*="NoMatchingListenerHostname"]'),
  ).toHaveCount(1);
});

test('a change made in the cluster while the page is open appears without reload', async ({ page }) => {
  // Count stream connections: the page must keep one stream open, not reconnect per update.
  await page.addInitScript(() => {
    const Native = window.EventSource;
    const counter = window as unknown as { __streams: number };
    counter.__streams = 0;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        counter.__streams++;
      }
    };
  });
  await page.goto(url());
  await expect(graphNode(page, 'HTTPRoute/shop/checkout')).toHaveAttribute('data-health', 'error');
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  if (live === undefined) throw new Error('no cluster');
  await live.apply(objectsFromText(GRANT));
  await expect(graphNode(page, 'HTTPRoute/shop/checkout')).toHaveAttribute('data-health', 'ok');
  await expect(
    graphEdge(page, 'backend', 'Rule/shop/HTTPRoute/checkout/0', 'Service/payments/payments-api'),
  ).toHaveAttribute('data-health', 'ok');
  await expect(page.locator('[data-edge-kind="missing-reference-grant"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  );
  expect(await page.evaluate(() => (window as unknown as { __streams: number }).__streams)).toBe(1);
  // A handful of computations (source, snapshot, a delta or two), not one per render.
  const revision = Number(await page.getByTestId('topology-graph').getAttribute('data-revision'));
  expect(revision).toBeGreaterThan(1);
  expect(revision).toBeLessThan(10);
  // A new object animates in at a free slot without moving the others.
  const storefront = graphNode(page, 'HTTPRoute/shop/storefront');
  const before = await layoutPosition(storefront);
  expect(before).toMatch(/^translate\(/);
  await live.apply(
    objectsFromText(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: late-arrival, namespace: shop }
spec:
  parentRefs: [{ name: edge, namespace: infra }]
  hostnames: [late.shop.example]
  rules: [{ backendRefs: [{ name: storefront, port: 8080 }] }]
`),
  );
  await expect(graphNode(page, 'HTTPRoute/shop/late-arrival')).toHaveAttribute('data-health', 'ok');
  expect(await layoutPosition(storefront)).toBe(before);
  await setTheme(page, 'dark');
  // The new node's entry animation has played out before the picture is taken.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.topo-node')].every((node) =>
      node.getAnimations().every((a) => a.playState !== 'running'),
    ),
  );
  await screenshot(page, 'live-after-change-dark');
});
