import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { KubeHttpError, type KubeHttp, type RequestOpts } from '../../src/kube/http.ts';
import type { WatchTarget } from '../../src/kube/kinds.ts';
import { KindSupervisor, type SupervisorState } from '../../src/kube/supervisor.ts';
import { ObjectStore } from '../../src/store/object-store.ts';
import { waitFor } from '../harness/kube-client.ts';

const ROUTES: WatchTarget = {
  group: 'gateway.networking.k8s.io',
  kind: 'HTTPRoute',
  version: 'v1',
  resource: 'httproutes',
  namespaced: true,
};

type Step =
  | { list: { rv: string; names: string[] } }
  | { listError: number }
  | { watch: string[]; end?: 'ok' | 'drop' }
  | { watchError: number };

/** A scripted apiserver: each list/watch call takes the next step of its kind. */
class ScriptedApi {
  readonly calls: string[] = [];
  private readonly streams: PassThrough[] = [];
  constructor(private readonly steps: Step[]) {}

  private next(kind: 'list' | 'watch'): Step | undefined {
    const index = this.steps.findIndex((s) =>
      kind === 'list' ? 'list' in s || 'listError' in s : 'watch' in s || 'watchError' in s,
    );
    return index < 0 ? undefined : this.steps.splice(index, 1)[0];
  }

  readonly http = {
    getJson: async (path: string) => {
      this.calls.push(`list ${path}`);
      const step = this.next('list');
      if (!step) throw new KubeHttpError(503, 'script over');
      if ('listError' in step) throw new KubeHttpError(step.listError, `HTTP ${step.listError}`);
      if (!('list' in step)) throw new Error('bad script');
      return {
        metadata: { resourceVersion: step.list.rv },
        items: step.list.names.map((n) => ({
          metadata: { namespace: 'ns', name: n.split('@')[0], resourceVersion: n.split('@')[1] ?? '1' },
        })),
      };
    },
    open: async (path: string, _opts: RequestOpts) => {
      this.calls.push(`watch ${path}`);
      const step = this.next('watch');
      if (!step || 'watchError' in step)
        throw new KubeHttpError(step && 'watchError' in step ? step.watchError : 503, 'watch refused');
      if (!('watch' in step)) throw new Error('bad script');
      const stream = new PassThrough();
      this.streams.push(stream);
      setImmediate(() => {
        for (const line of step.watch) stream.write(`${line}\n`);
        if (step.end === 'drop') stream.destroy(new Error('connection reset'));
        else if (step.end === 'ok') {
          Object.assign(stream, { complete: true });
          stream.end();
        }
      });
      return stream as unknown as IncomingMessage;
    },
  } as unknown as KubeHttp;

  stopAll(): void {
    for (const s of this.streams) s.destroy();
  }
}

function event(type: string, name: string, rv: string): string {
  return JSON.stringify({ type, object: { metadata: { namespace: 'ns', name, resourceVersion: rv } } });
}
const expired = JSON.stringify({
  type: 'ERROR',
  object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' },
});

function run(steps: Step[]): {
  api: ScriptedApi;
  store: ObjectStore;
  states: SupervisorState[];
  supervisor: KindSupervisor;
  names: () => string[];
} {
  const api = new ScriptedApi(steps);
  const store = new ObjectStore();
  const states: SupervisorState[] = [];
  const supervisor = new KindSupervisor({
    cluster: 'c',
    target: ROUTES,
    http: api.http,
    sink: store,
    onState: (s) => states.push(s),
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    random: () => 0.5,
  });
  supervisor.start();
  const names = (): string[] =>
    store
      .all()
      .map(
        (o) =>
          `${String((o.object['metadata'] as { name: string }).name)}@${String((o.object['metadata'] as { resourceVersion: string }).resourceVersion)}`,
      );
  return { api, store, states, supervisor, names };
}

describe('KindSupervisor', () => {
  it('lists, then watches from the list resourceVersion with bookmarks', async () => {
    const { api, supervisor, names, states } = run([
      { list: { rv: '10', names: ['a@5'] } },
      { watch: [event('ADDED', 'b', '11'), event('BOOKMARK', '', '12')] },
    ]);
    await waitFor('b', () => names().includes('b@11'));
    expect(api.calls[1]).toMatch(/watch .*resourceVersion=10.*allowWatchBookmarks=true/);
    expect(states.at(-1)?.state).toBe('synced');
    supervisor.stop();
    api.stopAll();
  });

  it('on a 410 ERROR event relists (without backoff) and the diff removes what vanished', async () => {
    const { api, supervisor, names, states } = run([
      { list: { rv: '10', names: ['a@5', 'gone@6'] } },
      { watch: [expired], end: 'ok' },
      { list: { rv: '20', names: ['a@15', 'new@18'] } },
      { watch: [] },
    ]);
    await waitFor('relisted', () => names().join() === 'a@15,new@18');
    expect(supervisor.status.relists).toBe(1);
    expect(api.calls.filter((c) => c.startsWith('list'))).toHaveLength(2);
    expect(api.calls.at(-1)).toMatch(/resourceVersion=20/);
    expect(states.some((s) => s.state === 'degraded')).toBe(false);
    supervisor.stop();
    api.stopAll();
  });

  it('rewatches from the last resourceVersion after a normal end, and after a dropped connection', async () => {
    const { api, supervisor, names, states } = run([
      { list: { rv: '10', names: [] } },
      { watch: [event('ADDED', 'a', '11'), event('BOOKMARK', '', '13')], end: 'ok' },
      { watch: [event('MODIFIED', 'a', '14')], end: 'drop' },
      { watchError: 500 },
      { watch: [event('DELETED', 'a', '15')] },
    ]);
    await waitFor('a deleted', () => api.calls.length === 5 && names().length === 0);
    const watches = api.calls.filter((c) => c.startsWith('watch'));
    expect(watches.map((c) => /resourceVersion=(\d+)/.exec(c)?.[1])).toEqual(['10', '13', '14', '14']);
    expect(states.map((s) => s.state)).toContain('degraded');
    expect(supervisor.status).toMatchObject({ state: 'synced', restarts: 2, relists: 0 });
    supervisor.stop();
    api.stopAll();
  });

  it('reports forbidden on 403 and clears the kind, then recovers when allowed', async () => {
    const { api, supervisor, names, states } = run([
      { list: { rv: '1', names: ['a@1'] } },
      { watchError: 403 },
      { listError: 403 },
      { list: { rv: '5', names: ['b@4'] } },
      { watch: [] },
    ]);
    await waitFor('recovered', () => names().join() === 'b@4' && supervisor.status.state === 'synced');
    const sequence = states.map((s) => s.state).filter((state, i, all) => state !== all[i - 1]);
    expect(sequence).toEqual(['synced', 'forbidden', 'synced']);
    supervisor.stop();
    api.stopAll();
  });

  it('asks for PartialObjectMetadata when the kind is metadata-only', async () => {
    const accepts: string[] = [];
    const http = {
      getJson: async (_p: string, opts: RequestOpts) => {
        accepts.push(opts.accept ?? '');
        return {
          metadata: { resourceVersion: '1' },
          items: [{ kind: 'PartialObjectMetadata', metadata: { name: 's', namespace: 'ns' } }],
        };
      },
      open: async (_p: string, opts: RequestOpts) => {
        accepts.push(opts.accept ?? '');
        return new PassThrough() as unknown as IncomingMessage;
      },
    } as unknown as KubeHttp;
    const store = new ObjectStore();
    const supervisor = new KindSupervisor({
      cluster: 'c',
      target: {
        group: '',
        kind: 'Secret',
        version: 'v1',
        resource: 'secrets',
        namespaced: true,
        metadataOnly: true,
      },
      http,
      sink: store,
      onState: () => {},
    });
    supervisor.start();
    await waitFor('watching', () => accepts.length === 2);
    supervisor.stop();
    expect(accepts).toEqual([
      'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
    ]);
    expect(store.all()[0]?.object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns' },
    });
  });
});
