/** What-if over live: which diagnostics the sandbox YAML introduces, fixes or leaves unchanged. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { Diagnostic } from '@gatescope/core';
import type { EngineResult } from '../engine/types.ts';
import { diffDiagnostics } from './problems.ts';

function List({ items, kind }: { items: readonly Diagnostic[]; kind: string }): ReactElement {
  return (
    <ul className="sb-diff-list">
      {items.map((d, i) => (
        <li key={i} className={`sb-diff-${kind}`} data-testid={`whatif-${kind}`} data-code={d.code}>
          <strong>{d.code}</strong> {d.object.kind} {d.object.namespace ? `${d.object.namespace}/` : ''}
          {d.object.name}: {d.message}
        </li>
      ))}
    </ul>
  );
}

export function WhatIfPanel({ result }: { readonly result: EngineResult | null }): ReactElement {
  const [showUnchanged, setShowUnchanged] = useState(false);
  if (result === null || result.baseline === null) {
    return (
      <p className="sb-muted" data-testid="whatif">
        Waiting for the live snapshot…
      </p>
    );
  }
  const diff = diffDiagnostics(result.baseline.analysis.diagnostics, result.analysis.diagnostics);
  return (
    <section className="sb-whatif" data-testid="whatif" aria-label="What-if result">
      <p>
        Applied on top of the live snapshot (nothing is written to the cluster).{' '}
        <strong>{result.baseline.changedNodes.length}</strong> graph nodes changed (outlined).
      </p>
      <div className="sb-diff-summary">
        <span className="sb-badge sb-badge-bad">{diff.introduced.length} introduced</span>
        <span className="sb-badge sb-badge-good">{diff.fixed.length} fixed</span>
        <button type="button" className="sb-link" onClick={() => setShowUnchanged(!showUnchanged)}>
          {diff.unchanged.length} unchanged
        </button>
      </div>
      {diff.introduced.length > 0 && <List items={diff.introduced} kind="introduced" />}
      {diff.fixed.length > 0 && <List items={diff.fixed} kind="fixed" />}
      {showUnchanged && <List items={diff.unchanged} kind="unchanged" />}
    </section>
  );
}
