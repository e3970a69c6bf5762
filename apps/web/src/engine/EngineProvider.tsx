/**
 * React side of the engine: one Worker per provider, its latest result in context, and the
 * commands that feed it. See README.md in this folder for the contract.
 */
import { createContext, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { DeltaPayload, SnapshotPayload } from '@gatescope/core';
import type { SimRequest } from '@gatescope/core/matching/index';
import type { EngineRequest, EngineResponse, EngineResult, Simulated, SourceFile } from './types.ts';

export type EngineStatus = 'idle' | 'working' | 'ready' | 'error';

export interface EngineApi {
  /** The latest result, or null before the first one. */
  readonly result: EngineResult | null;
  readonly status: EngineStatus;
  readonly error: string | null;
  /** Sandbox: analyse these files (replaces the previous YAML source and makes it active). */
  readonly loadYaml: (files: readonly SourceFile[]) => void;
  /** Show the live snapshot (plus overlay, if any) or the last sandbox YAML. */
  readonly setSource: (source: 'live' | 'yaml') => void;
  /** What-if: put these files on top of the live snapshot; null removes the overlay. */
  readonly setOverlay: (files: readonly SourceFile[] | null) => void;
  /** Live feed (the shell calls these from the SSE stream). */
  readonly pushSnapshot: (payload: SnapshotPayload) => void;
  readonly pushDelta: (payload: DeltaPayload) => void;
  /** Kube contexts to show; null: all of them (multi-cluster view). */
  readonly setClusters: (clusters: readonly string[] | null) => void;
  readonly clusters: readonly string[] | null;
  /** Aggregation groups opened by the user. */
  readonly expanded: ReadonlySet<string>;
  readonly toggleExpanded: (key: string) => void;
  readonly collapseAll: () => void;
  /** Simulates in the Worker against its latest result (large inputs; see simulator/engine.ts). */
  readonly simulate: (requests: readonly SimRequest[]) => Promise<Simulated>;
}

export const EngineContext = createContext<EngineApi | null>(null);

function createWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gatescope-engine' });
}

export function EngineProvider({ children }: { readonly children: ReactNode }): ReactElement {
  const workerRef = useRef<Worker | null>(null);
  const queue = useRef<EngineRequest[]>([]);
  const pending = useRef(new Map<number, (answer: Simulated) => void>());
  const nextSimulation = useRef(0);
  const [result, setResult] = useState<EngineResult | null>(null);
  const [status, setStatus] = useState<EngineStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const [clusters, setClustersState] = useState<readonly string[] | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const worker = createWorker();
    workerRef.current = worker;
    worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
      const message = event.data;
      if (message.type === 'result') {
        setResult(message.result);
        setStatus('ready');
        setError(null);
      } else if (message.type === 'simulated') {
        pending.current.get(message.id)?.(message);
        pending.current.delete(message.id);
      } else {
        setStatus('error');
        setError(message.message);
      }
    });
    worker.addEventListener('error', (event) => {
      setStatus('error');
      setError(event.message || 'The analysis worker failed to start.');
    });
    for (const request of queue.current) worker.postMessage(request);
    queue.current = [];
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  const send = useCallback((request: EngineRequest) => {
    if (!request.type.startsWith('live-') && request.type !== 'simulate') setStatus('working');
    const worker = workerRef.current;
    if (worker === null) queue.current.push(request);
    else worker.postMessage(request);
  }, []);

  // Commands keep their identity for the provider's lifetime: consumers put them in effect
  // dependencies (the live feed, the `/` page), and a new identity per result would make those
  // effects re-run (reconnect the stream, re-send the source) after every computation.
  const expandedRef = useRef<ReadonlySet<string>>(expanded);
  const commands = useMemo(() => {
    const setExpandedKeys = (next: ReadonlySet<string>): void => {
      expandedRef.current = next;
      setExpanded(next);
      send({ type: 'expanded', keys: [...next] });
    };
    return {
      loadYaml: (files: readonly SourceFile[]) => send({ type: 'yaml', files }),
      setSource: (source: 'live' | 'yaml') => send({ type: 'source', source }),
      setOverlay: (files: readonly SourceFile[] | null) => send({ type: 'overlay', files }),
      pushSnapshot: (payload: SnapshotPayload) => send({ type: 'live-snapshot', payload }),
      pushDelta: (payload: DeltaPayload) => send({ type: 'live-delta', payload }),
      setClusters: (next: readonly string[] | null) => {
        setClustersState(next);
        send({ type: 'clusters', clusters: next });
      },
      toggleExpanded: (key: string) => {
        const next = new Set(expandedRef.current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        setExpandedKeys(next);
      },
      collapseAll: () => setExpandedKeys(new Set()),
      simulate: (requests: readonly SimRequest[]) =>
        new Promise<Simulated>((resolve) => {
          const id = ++nextSimulation.current;
          pending.current.set(id, resolve);
          send({ type: 'simulate', id, requests });
        }),
    };
  }, [send]);

  const api = useMemo<EngineApi>(
    () => ({ result, status, error, clusters, expanded, ...commands }),
    [result, status, error, clusters, expanded, commands],
  );

  return <EngineContext value={api}>{children}</EngineContext>;
}
