/**
 * Keyboard: `/` focuses search, `j`/`k` step through problems, `Esc` closes the open popover or,
 * with none open, clears the selection and filters.
 */
import { useEffect } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { problemOrder } from '../graph/model.ts';
import { NO_FILTERS, useViewState } from '../view/ViewState.tsx';
import { closeTopPopover } from './popovers.ts';

export const SEARCH_INPUT_ID = 'global-search';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The next (or previous) problem after the current selection, wrapping around. */
export function stepProblem(
  order: readonly string[],
  current: string | null,
  direction: 1 | -1,
): string | undefined {
  if (order.length === 0) return undefined;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return direction === 1 ? order[0] : order[order.length - 1];
  return order[(at + direction + order.length) % order.length];
}

export function useHotkeys(): void {
  const { result } = useEngine();
  const view = useViewState();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        // A popover first: Esc in the legend or the share box must not also wipe the filters.
        if (closeTopPopover()) return;
        view.select(null);
        view.setHighlight(null);
        view.setFilters({ ...NO_FILTERS });
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        return;
      }
      if (typingIn(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        document.getElementById(SEARCH_INPUT_ID)?.focus();
      } else if ((event.key === 'j' || event.key === 'k') && result !== null) {
        const next = stepProblem(problemOrder(result.view), view.selected, event.key === 'j' ? 1 : -1);
        if (next !== undefined) view.focus(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [result, view]);
}
