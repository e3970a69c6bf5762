/**
 * A real etcd + kube-apiserver on loopback, started the way envtest does: free ports, a temp dir,
 * RBAC authorizer, a static admin token, service-account signing keys. Each process can be
 * stopped and restarted (chaos tests) on the same ports and data dir.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createPki, type Pki } from './pki.ts';
import { freePort, ManagedProcess } from './process.ts';
import { KubeClient, waitFor } from './kube-client.ts';
import { RecordingProxy, type ProxyOptions } from './proxy.ts';
import { REPO_ROOT } from './binaries.ts';

export const CRD_FILES = {
  gatewayApi: join(REPO_ROOT, 'tools/kube-harness/crds/gateway-api.yaml'),
  mcs: join(REPO_ROOT, 'tools/kube-harness/crds/mcs.yaml'),
};

export interface ClusterOptions {
  /** `--watch-cache=false`: watches go straight to etcd, so a compacted revision gives a 410. */
  readonly watchCache?: boolean;
}

export class TestCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'gatescope-kube-'));
  readonly adminToken = randomBytes(16).toString('hex');
  readonly admin: KubeClient;
  readonly etcd: ManagedProcess;
  readonly apiserver: ManagedProcess;
  readonly pki: Pki;

  private constructor(
    binDir: string,
    readonly etcdPort: number,
    etcdPeerPort: number,
    readonly apiPort: number,
    options: ClusterOptions,
  ) {
    this.pki = createPki(this.dir);
    writeFileSync(join(this.dir, 'tokens.csv'), `${this.adminToken},admin,admin-uid,system:masters\n`);
    this.admin = new KubeClient(this.server, this.pki.caCert, this.adminToken);
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    this.etcd = new ManagedProcess('etcd', join(binDir, 'etcd'), () => [
      `--data-dir=${join(this.dir, 'etcd')}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=default=${peerUrl}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    this.apiserver = new ManagedProcess('kube-apiserver', join(binDir, 'kube-apiserver'), () => [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiPort}`,
      `--cert-dir=${join(this.dir, 'certs')}`,
      `--tls-cert-file=${this.pki.servingCert}`,
      `--tls-private-key-file=${this.pki.servingKey}`,
      `--client-ca-file=${this.pki.caCert}`,
      `--token-auth-file=${join(this.dir, 'tokens.csv')}`,
      '--authorization-mode=RBAC',
      `--service-account-issuer=https://127.0.0.1:${apiPort}`,
      `--service-account-key-file=${this.pki.saPublicKey}`,
      `--service-account-signing-key-file=${this.pki.saPrivateKey}`,
      '--service-cluster-ip-range=10.0.0.0/24',
      '--disable-admission-plugins=ServiceAccount',
      '--allow-privileged=true',
      `--watch-cache=${options.watchCache ?? true}`,
      '--v=0',
    ]);
  }

  static async start(binDir: string, options: ClusterOptions = {}): Promise<TestCluster> {
    const cluster = new TestCluster(binDir, await freePort(), await freePort(), await freePort(), options);
    await cluster.startEtcd();
    await cluster.startApiserver();
    return cluster;
  }

  get server(): string {
    return `https://127.0.0.1:${this.apiPort}`;
  }

  async startEtcd(): Promise<void> {
    this.etcd.start();
    await this.waitHealthy(this.etcd, async () => {
      const res = await fetch(`http://127.0.0.1:${this.etcdPort}/health`);
      return res.ok;
    });
  }

  async startApiserver(): Promise<void> {
    this.apiserver.start();
    await this.waitHealthy(
      this.apiserver,
      async () => (await this.admin.raw('GET', '/readyz')).status === 200,
    );
  }

  private async waitHealthy(process: ManagedProcess, check: () => Promise<boolean>): Promise<void> {
    try {
      await waitFor(
        `${process.name} ready`,
        async () => {
          if (!process.running) throw new Error(`${process.name} exited`);
          return check();
        },
        120_000,
      );
    } catch (error) {
      throw new Error(`${String(error)}\n--- ${process.name} log ---\n${process.log()}`, { cause: error });
    }
  }

  async createNamespace(name: string): Promise<void> {
    await this.admin.apply('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  /** A started recording proxy in front of this apiserver (network outages while it keeps running). */
  async startProxy(keepBodies?: ProxyOptions['keepBodies']): Promise<RecordingProxy> {
    const proxy = new RecordingProxy({
      target: this.server,
      ca: this.pki.caCert,
      cert: this.pki.servingCert,
      key: this.pki.servingKey,
      ...(keepBodies !== undefined && { keepBodies }),
    });
    await proxy.start();
    return proxy;
  }

  /** Compacts etcd up to its current revision (old resourceVersions become 410 Gone). */
  async compactEtcd(): Promise<void> {
    const base = `http://127.0.0.1:${this.etcdPort}/v3`;
    const range = await fetch(`${base}/kv/range`, { method: 'POST', body: JSON.stringify({ key: 'AA==' }) });
    const revision = ((await range.json()) as { header: { revision: string } }).header.revision;
    const res = await fetch(`${base}/kv/compaction`, {
      method: 'POST',
      body: JSON.stringify({ revision, physical: true }),
    });
    if (!res.ok) throw new Error(`etcd compaction failed: ${res.status} ${await res.text()}`);
  }

  /** A kubeconfig for `token` pointing at `server` (default: the apiserver itself). */
  writeKubeconfig(name: string, token: string, server = this.server, context = 'test'): string {
    const file = join(this.dir, `${name}.kubeconfig`);
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: context, cluster: { server, 'certificate-authority': this.pki.caCert } }],
      users: [{ name: `${context}-user`, user: { token } }],
      contexts: [{ name: context, context: { cluster: context, user: `${context}-user` } }],
      'current-context': context,
    };
    writeFileSync(file, JSON.stringify(config, null, 2));
    return file;
  }

  async stop(): Promise<void> {
    await this.apiserver.stop();
    await this.etcd.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
