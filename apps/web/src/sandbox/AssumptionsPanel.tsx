/** Referenced objects not in the input, one click to assume each exists (clearly marked, removable). */
import type { ReactElement } from 'react';
import type { Assumption } from './store.ts';

interface Props {
  readonly missing: readonly Assumption[];
  readonly assumed: readonly Assumption[];
  readonly onAssume: (a: Assumption) => void;
  readonly onRemove: (key: string) => void;
}

export function AssumptionsPanel({ missing, assumed, onAssume, onRemove }: Props): ReactElement | null {
  if (missing.length === 0 && assumed.length === 0) return null;
  return (
    <section className="sb-assumptions" aria-label="Assumptions" data-testid="assumptions">
      {missing.length > 0 && (
        <div>
          <h4>Not in the input</h4>
          <ul>
            {missing.map((m) => (
              <li key={m.key}>
                <span>{m.label}</span>
                <button type="button" className="sb-small" onClick={() => onAssume(m)} data-testid="assume">
                  Assume it exists
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {assumed.length > 0 && (
        <div>
          <h4>
            Assumptions <span className="sb-badge sb-badge-assumed">not in your YAML</span>
          </h4>
          <ul>
            {assumed.map((a) => (
              <li key={a.key} className="sb-assumed" title={a.yaml}>
                <span>⚑ {a.label}</span>
                <button type="button" className="sb-small" onClick={() => onRemove(a.key)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
