// Simulator tab of the right panel: request form and trace. Minimal first version (issue 6).
import type { ReactElement } from 'react';

export function SimulatorPanel(): ReactElement {
  return (
    <section className="simulator-panel" aria-label="Request simulator">
      <form data-testid="simulator" onSubmit={(event) => event.preventDefault()}>
        <label>
          Path <input name="path" defaultValue="/" />
        </label>
        <button type="submit">Simulate</button>
      </form>
      <div data-testid="simulator-result" />
    </section>
  );
}
