/**
 * Live mode: subscribes to the server's SSE stream (GET /api/events) and feeds the engine.
 * The browser's EventSource reconnects by itself and sends Last-Event-ID, so the server can
 * resume from its ring buffer or answer with a fresh snapshot.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { DeltaPayload, KindStatus, SnapshotPayload, SourceInfo, StatusPayload } from '@gatescope/core';
import { useEngine } from '../engine/useEngine.ts';
import { mergeKinds } from './kinds.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveState {
  readonly connection: Connection;
  readonly source: SourceInfo | null;
  readonly kinds: readonly KindStatus[];
  readonly epoch: string | null;
  readonly seq: number;
  /** Deltas applied since the last snapshot (shown as activity in the header). */
  readonly deltas: number;
}

const INITIAL: LiveState = {
  connection: 'connecting',
  source: null,
  kinds: [],
  epoch: null,
  seq: 0,
  deltas: 0,
};

const LiveContext = createContext<LiveState>(INITIAL);

export function useLive(): LiveState {
  return useContext(LiveContext);
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

export function LiveProvider({
  children,
  url = '/api/events',
}: {
  readonly children: ReactNode;
  readonly url?: string;
}): ReactElement {
  const { pushSnapshot, pushDelta } = useEngine();
  const [state, setState] = useState<LiveState>(INITIAL);

  useEffect(() => {
    let epoch: string | null = null;
    let source: EventSource | null = null;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const connect = (): void => {
      if (disposed) return;
      source = new EventSource(url);
      source.addEventListener('open', () => {
        failures = 0;
        setState((s) => ({ ...s, connection: 'live' }));
      });
      source.addEventListener('error', () => {
        failures++;
        const closed = source?.readyState === EventSource.CLOSED;
        setState((s) => ({ ...s, connection: closed || failures > 3 ? 'offline' : 'reconnecting' }));
        // The browser retries by itself unless the server refused the stream outright.
        if (closed) retry = setTimeout(connect, 3000);
      });
      source.addEventListener('snapshot', (event: MessageEvent<string>) => {
        const payload = parse<SnapshotPayload>(event);
        if (payload === null) return;
        epoch = payload.epoch;
        pushSnapshot(payload);
        setState((s) => ({
          ...s,
          connection: 'live',
          source: payload.source,
          kinds: payload.kinds,
          epoch: payload.epoch,
          seq: payload.seq,
          deltas: 0,
        }));
      });
      source.addEventListener('delta', (event: MessageEvent<string>) => {
        const payload = parse<DeltaPayload>(event);
        if (payload === null) return;
        if (payload.epoch !== epoch) {
          // The server restarted its store: our state is from another epoch. Start over without
          // Last-Event-ID so that the server sends a fresh snapshot.
          source?.close();
          connect();
          return;
        }
        pushDelta(payload);
        setState((s) => ({ ...s, seq: payload.seq, deltas: s.deltas + payload.changes.length }));
      });
      source.addEventListener('status', (event: MessageEvent<string>) => {
        const payload = parse<StatusPayload>(event);
        if (payload === null) return;
        setState((s) => ({ ...s, kinds: mergeKinds(s.kinds, payload.kinds) }));
      });
    };

    connect();
    return () => {
      disposed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url, pushSnapshot, pushDelta]);

  return <LiveContext value={state}>{children}</LiveContext>;
}
