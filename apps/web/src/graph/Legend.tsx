/** What the shapes and colours on the canvas mean. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { usePopover } from '../shell/popovers.ts';

function Line({ className }: { readonly className: string }): ReactElement {
  return (
    <svg width="36" height="10" aria-hidden className={`topo-edge ${className}`}>
      <path d="M 2 5 L 34 5" className="topo-edge-path" />
    </svg>
  );
}

export function Legend(): ReactElement {
  const [open, setOpen] = useState(false);
  usePopover(open, () => setOpen(false));
  return (
    <details className="legend-popover" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="ghost-button" data-testid="legend-button">
        Legend
      </summary>
      {/* Focusable: on a short window the legend scrolls, and keyboard users must reach it. */}
      <div className="popover legend-body" tabIndex={0} role="region" aria-label="Legend">
        <ul>
          <li>
            <span className="health-dot health-ok" /> healthy
            <span className="health-dot health-warning" /> warning
            <span className="health-dot health-error" /> failing
            <span className="health-dot health-unknown" /> unknown
          </li>
          <li>
            <Line className="health-ok" /> attachment, rule, backend
          </li>
          <li>
            <Line className="health-error" /> refused or broken (label says why)
          </li>
          <li>
            <Line className="edge-missing-reference-grant health-error" /> blocked: missing ReferenceGrant
          </li>
          <li>
            <Line className="edge-mirror health-ok" /> mirror, policy
          </li>
          <li>
            <span className="legend-ghost">name</span> referenced, not in the input (ghost)
          </li>
          <li>
            <span className="legend-group">team-a 42</span> aggregated group: click to expand
          </li>
        </ul>
      </div>
    </details>
  );
}
