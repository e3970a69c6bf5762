/**
 * A shared link must never crash the app for good. Before a link's state is applied its
 * fingerprint is written to sessionStorage and removed once the app has rendered it. If the
 * app dies in between (the error screen shows), the marker survives the reload, and the same
 * link is then not applied again: the app opens with a message instead of crashing forever.
 */

export interface GuardStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'gatescope.share.applying';

/** Short and stable: the link can be megabytes, the marker needs only to recognise it. */
export function fingerprint(fragment: string): string {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length <= 160) return text;
  return `${text.length}:${text.slice(0, 64)}…${text.slice(-64)}`;
}

function safely<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback; // storage disabled (private mode): the guard is best effort
  }
}

export function markApplying(storage: GuardStorage, fragment: string): void {
  safely(() => storage.setItem(KEY, fingerprint(fragment)), undefined);
}

export function clearApplying(storage: GuardStorage): void {
  safely(() => storage.removeItem(KEY), undefined);
}

/** A link was being applied when the app last failed. */
export function isApplying(storage: GuardStorage): boolean {
  return safely(() => storage.getItem(KEY) !== null, false);
}

/** This very link was being applied when the app last failed: do not apply it again. */
export function crashedBefore(storage: GuardStorage, fragment: string): boolean {
  return safely(() => storage.getItem(KEY) === fingerprint(fragment), false);
}

/** One short line for people: the error's first line, without a stack, at most 200 characters. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = message.split('\n')[0]?.trim() ?? '';
  const text = line === '' ? 'unknown error' : line;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The error screen's headline: a link being opened, or anything else. */
export function errorHeadline(error: unknown, applyingShare: boolean): string {
  return applyingShare
    ? `This link could not be opened: ${reasonOf(error)}`
    : `Something went wrong: ${reasonOf(error)}`;
}
