/**
 * Esc closes the topmost open popover (legend, share, Ingress dialog) before it clears the
 * filters and the selection (hotkeys.ts). Popovers register while they are open.
 */
import { useEffect, useRef } from 'react';

interface Entry {
  readonly close: () => void;
}

const open: Entry[] = [];

/** Registers a popover while `isOpen`; Esc then calls `close` instead of clearing the view. */
export function usePopover(isOpen: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!isOpen) return;
    const entry: Entry = { close: () => latest.current() };
    open.push(entry);
    return () => {
      const at = open.indexOf(entry);
      if (at >= 0) open.splice(at, 1);
    };
  }, [isOpen]);
}

/** Closes the most recently opened popover; false when none is open. */
export function closeTopPopover(): boolean {
  const top = open.pop();
  if (top === undefined) return false;
  top.close();
  return true;
}
