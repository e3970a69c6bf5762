// Sandbox page: paste or drop YAML, see the graph and diagnostics. Minimal first version; the
// editor, scenarios and what-if grow here (issue 6).
import type { ReactElement } from 'react';

export default function SandboxPage(): ReactElement {
  return (
    <section className="sandbox-page" aria-label="Sandbox">
      <h2>Sandbox</h2>
      <textarea data-testid="sandbox-editor" aria-label="Sandbox YAML" spellCheck={false} />
      <button type="button" data-testid="sandbox-apply">
        Apply
      </button>
    </section>
  );
}
