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
      <div className="popover legend-body">
        <ul>
          <li>
            <span className="health-dot health-ok" /> healthy
            <span className="health-dot health-warning" /> warning
            <span className="health-dot health-error" /> failing
            <span className="health-dot health-unknown" /> pending
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
            <span className="legend-ghost">name</span> referenced, not in the input (ghost; grey when it may
            exist elsewhere)
          </li>
          <li>
            <span className="legend-group">team-a 42</span> aggregated group: click to expand
          </li>
        </ul>
      </div>
    </details>
  );
}
