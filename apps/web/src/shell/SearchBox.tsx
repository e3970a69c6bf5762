/**
 * Header search: filters the graph by text (matches stay lit, the rest dims), says how many
 * objects match and steps through them (Enter / ↓ next, Shift+Enter / ↑ previous, or the
 * arrows): each step selects the match and centres the graph on it.
 */
import { useMemo, useState } from 'react';
import type { KeyboardEvent, ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { searchMatches } from '../graph/model.ts';
import { useViewState } from '../view/ViewState.tsx';
import { SEARCH_INPUT_ID } from './hotkeys.ts';

export function SearchBox(): ReactElement {
  const { result } = useEngine();
  const view = useViewState();
  const { filters, setFilters } = view;
  const matches = useMemo(
    () => (result === null ? [] : searchMatches(result.view, filters)),
    [result, filters],
  );
  const [at, setAt] = useState(-1);
  const searching = filters.text.trim() !== '';

  const step = (direction: 1 | -1): void => {
    if (matches.length === 0) return;
    const next = (at + direction + matches.length) % matches.length;
    setAt(next);
    const id = matches[next] as string;
    // A group is not an object with details: frame it instead of selecting it.
    if (id.startsWith('Group/')) view.frame([id]);
    else view.focus(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      step(event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey) ? -1 : 1);
    }
  };
  return (
    <div className={searching ? 'search searching' : 'search'}>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        placeholder="Search objects"
        aria-label="Search objects"
        aria-describedby={searching ? 'search-count' : undefined}
        data-testid="search"
        value={filters.text}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setAt(-1);
          setFilters({ ...filters, text: e.target.value });
        }}
      />
      {searching ? (
        <span className="search-nav">
          <span id="search-count" className="search-count" data-testid="search-count" aria-live="polite">
            {matches.length === 0
              ? 'no matches'
              : at >= 0 && at < matches.length
                ? `${at + 1} of ${matches.length}`
                : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`}
          </span>
          <button
            type="button"
            className="search-step"
            aria-label="Previous match"
            title="Previous match (Shift+Enter)"
            data-testid="search-prev"
            disabled={matches.length === 0}
            onClick={() => step(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            className="search-step"
            aria-label="Next match"
            title="Next match (Enter)"
            data-testid="search-next"
            disabled={matches.length === 0}
            onClick={() => step(1)}
          >
            ›
          </button>
        </span>
      ) : (
        <kbd className="search-hint">/</kbd>
      )}
    </div>
  );
}
