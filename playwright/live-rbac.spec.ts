/**
 * Live mode with partial rights and several contexts, against a real kube-apiserver: forbidden
 * kinds are shown with the RBAC rule to add; several contexts get a context picker.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, kubeBinaries, readObjects, startLiveCluster } from './fixtures/cluster.ts';
import type { LiveCluster } from './fixtures/cluster.ts';
import { graphNode, screenshot } from './fixtures/page.ts';
import { startServer } from './fixtures/server.ts';
import type { RunningServer } from './fixtures/server.ts';

test.describe.configure({ mode: 'serial' });

const GW = 'gateway.networking.k8s.io';
let live: LiveCluster | undefined;
const servers: RunningServer[] = [];

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
});

test.afterAll(async () => {
  for (const server of servers) await server.stop();
  await live?.stop();
});

async function limitedToken(cluster: LiveCluster): Promise<string> {
  const admin = cluster.cluster.admin;
  await admin.apply('/api/v1/namespaces/shop/serviceaccounts', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'limited', namespace: 'shop' },
  });
  await admin.apply('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'gatescope-e2e-limited' },
    rules: [
      { apiGroups: [GW], resources: ['gateways', 'httproutes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['namespaces', 'services'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  await admin.apply('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'gatescope-e2e-limited' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'gatescope-e2e-limited' },
    subjects: [{ kind: 'ServiceAccount', name: 'limited', namespace: 'shop' }],
  });
  const request = (await admin.must('POST', '/api/v1/namespaces/shop/serviceaccounts/limited/token', {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  })) as { status: { token: string } };
  return request.status.token;
}

test('forbidden kinds are visible with the RBAC rule to add', async ({ page }) => {
  if (live === undefined) throw new Error('no cluster');
  const token = await limitedToken(live);
  const kubeconfig = live.cluster.writeKubeconfig('limited', token, live.cluster.server, 'limited');
  const server = await startServer(['--context', 'limited'], { KUBECONFIG: kubeconfig });
  servers.push(server);
  await page.goto(server.url);
  await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toBeVisible();
  const status = page.getByTestId('source-status');
  await expect(status).toContainText('forbidden');
  await status.click();
  const forbidden = page.locator('[data-testid="kind-status"][data-kind="GatewayClass"]');
  await expect(forbidden).toHaveAttribute('data-state', 'forbidden');
  await expect(forbidden).toContainText('resources: ["gatewayclasses"]');
  await expect(forbidden).toContainText('verbs: ["get", "list", "watch"]');
  await expect(page.locator('[data-testid="kind-status"][data-kind="HTTPRoute"]')).toHaveAttribute(
    'data-state',
    'synced',
  );
  // Without GatewayClasses the class is not in the input: nobody is known to reconcile the Gateway.
  await expect(graphNode(page, 'GatewayClass//e2e-class')).toHaveAttribute('data-health', 'unknown');
  await screenshot(page, 'live-forbidden-light');
});

test('several contexts get a context picker and a joined view', async ({ page }) => {
  if (live === undefined) throw new Error('no cluster');
  const cluster = live.cluster;
  const file = join(cluster.dir, 'two-contexts.kubeconfig');
  const ca = cluster.pki.caCert;
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: ['east', 'west'].map((name) => ({
        name,
        cluster: { server: cluster.server, 'certificate-authority': ca },
      })),
      users: [{ name: 'admin', user: { token: cluster.adminToken } }],
      contexts: ['east', 'west'].map((name) => ({ name, context: { cluster: name, user: 'admin' } })),
      'current-context': 'east',
    }),
  );
  const server = await startServer(['--context', 'east', '--context', 'west'], { KUBECONFIG: file });
  servers.push(server);
  await page.goto(server.url);
  const picker = page.getByTestId('context-picker');
  await expect(picker).toBeVisible();
  await expect(picker.locator('option')).toHaveText(['All contexts (multi-cluster)', 'east', 'west']);
  // Both contexts see the same apiserver; each selected context shows its own copy of the objects.
  for (const context of ['east', 'west']) {
    await picker.selectOption(context);
    await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toHaveAttribute('data-health', 'ok');
    await graphNode(page, 'HTTPRoute/shop/storefront').click();
    await expect(page.getByTestId('details')).toContainText(context);
  }
  // All contexts: same-named objects of both contexts show side by side, ids prefixed by context.
  await picker.selectOption('');
  for (const context of ['east', 'west']) {
    for (const id of ['GatewayClass//e2e-class', 'HTTPRoute/shop/storefront']) {
      await expect(graphNode(page, `${context}::${id}`)).toHaveCount(1);
    }
    await expect(graphNode(page, `${context}::HTTPRoute/shop/storefront`)).toHaveAttribute(
      'data-health',
      'ok',
    );
  }
  await expect(graphNode(page, 'HTTPRoute/shop/storefront')).toHaveCount(0);
  await graphNode(page, 'west::HTTPRoute/shop/storefront').click();
  await expect(page.getByTestId('details')).toContainText('west');
  // The details come from west's own analysis: its route parents and YAML are there.
  await expect(page.getByTestId('object-yaml')).toContainText('storefront');
  // A request goes to one cluster: the simulator asks for a context instead of mixing them.
  await page.getByTestId('tab-simulator').click();
  await expect(page.getByTestId('simulator-needs-context')).toBeVisible();
  await page.getByTestId('tab-details').click();
  await screenshot(page, 'live-contexts-light');
});
