/**
 * The sandbox's own state, shared by the editor page, the simulator's route tests and the share
 * button: the YAML text, the "assume X exists" stubs, the route tests and what-if mode. Kept in
 * a tiny external store (useSyncExternalStore) and saved in localStorage so a reload keeps work.
 */
import { useSyncExternalStore } from 'react';
import type { RouteTest } from '@gatescope/core';

export interface Assumption {
  /** Object key of the stubbed object (`Kind.group/ns/name`). */
  readonly key: string;
  /** Short label, e.g. "Service shop/api (port 8080)". */
  readonly label: string;
  readonly yaml: string;
}

export interface SandboxState {
  readonly yaml: string;
  readonly assumptions: readonly Assumption[];
  readonly tests: readonly RouteTest[];
  /** The simulator form's request (shared in links so the same trace shows). */
  readonly request: RouteTest | null;
  /** Apply the YAML on top of the live snapshot instead of alone. */
  readonly whatIf: boolean;
  /** Bumped when the text is replaced from outside the editor (scenario, share link, import). */
  readonly loadTick: number;
}

const STORAGE_KEY = 'gatescope.sandbox.v1';
const EMPTY: SandboxState = {
  yaml: '',
  assumptions: [],
  tests: [],
  request: null,
  whatIf: false,
  loadTick: 0,
};

function restore(): SandboxState {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (text === null) return EMPTY;
    const saved = JSON.parse(text) as Partial<SandboxState>;
    return {
      yaml: typeof saved.yaml === 'string' ? saved.yaml : '',
      assumptions: Array.isArray(saved.assumptions) ? saved.assumptions : [],
      tests: Array.isArray(saved.tests) ? saved.tests : [],
      request: typeof saved.request === 'object' ? saved.request : null,
      whatIf: saved.whatIf === true,
      loadTick: 0,
    };
  } catch {
    return EMPTY;
  }
}

let state: SandboxState = typeof window === 'undefined' ? EMPTY : restore();
const listeners = new Set<() => void>();

let persistTimer: number | undefined;

/** Saved at most every half second: serialising a large sandbox on every keystroke is waste. */
function persist(): void {
  if (persistTimer !== undefined) return;
  persistTimer = window.setTimeout(() => {
    persistTimer = undefined;
    try {
      const { loadTick: _tick, ...saved } = state;
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    } catch {
      // Storage full or disabled (private mode): the sandbox still works, it just is not kept.
    }
  }, 500);
}

export function getSandbox(): SandboxState {
  return state;
}

export function updateSandbox(change: Partial<Omit<SandboxState, 'loadTick'>>, external = false): void {
  state = { ...state, ...change, loadTick: external ? state.loadTick + 1 : state.loadTick };
  persist();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSandbox(): SandboxState {
  return useSyncExternalStore(subscribe, getSandbox, getSandbox);
}

/** The files the engine analyses: the user's YAML, then the assumptions (clearly separate). */
export function sandboxFiles(s: SandboxState): { name: string; text: string }[] {
  const files = [{ name: 'sandbox.yaml', text: s.yaml }];
  if (s.assumptions.length > 0) {
    files.push({ name: 'assumptions.yaml', text: s.assumptions.map((a) => a.yaml).join('---\n') });
  }
  return files;
}
