/** Two paths (`/` and `/sandbox`) do not need a router library: history API plus a hook. */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Keeps the fragment (share links restore from it) only when asked. */
export function navigate(path: string, keepHash = false): void {
  const url = keepHash ? `${path}${window.location.search}${window.location.hash}` : path;
  window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}
