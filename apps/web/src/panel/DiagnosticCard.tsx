/** One diagnostic: code, message, reason and the copyable fix (YAML or command). */
import { useState } from 'react';
import type { MouseEvent, ReactElement } from 'react';
import { entryForCode } from '@gatescope/core';
import type { Diagnostic } from '@gatescope/core';
import { TryFixButton } from './TryFix.tsx';

function CopyBlock({ text, label }: { readonly text: string; readonly label: string }): ReactElement {
  const [copied, setCopied] = useState(false);
  const copy = (event: MouseEvent): void => {
    event.stopPropagation();
    void navigator.clipboard
      ?.writeText(text)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => setCopied(false));
  };
  return (
    <div className="copy-block">
      <div className="copy-block-head">
        <span>{label}</span>
        <button type="button" className="ghost-button" onClick={copy} data-testid="copy-fix">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre>{text}</pre>
    </div>
  );
}

export function DiagnosticCard({
  diagnostic,
  onFocus,
  showObject = false,
}: {
  readonly diagnostic: Diagnostic;
  readonly onFocus?: () => void;
  readonly showObject?: boolean;
}): ReactElement {
  const d = diagnostic;
  // The catalogue's title and runbook explain the check in general; the message says what
  // happened in this object.
  const entry = entryForCode(d.code);
  const object =
    d.object.namespace === ''
      ? `${d.object.kind} ${d.object.name}`
      : `${d.object.kind} ${d.object.namespace}/${d.object.name}`;
  return (
    // The card is clickable with the mouse anywhere; for the keyboard its object button is the one
    // control that focuses the node (a card with role=button around buttons is nested interactive).
    <article
      className={`diagnostic severity-${d.severity}${onFocus === undefined ? '' : ' clickable'}`}
      data-testid="diagnostic"
      data-code={d.code}
      onClick={onFocus}
    >
      <header>
        <span className={`severity-pill severity-${d.severity}`}>{d.severity}</span>
        <code className="diagnostic-code">{d.code}</code>
        {d.reason !== undefined && <span className="reason">{d.reason}</span>}
      </header>
      {(showObject || onFocus !== undefined) && (
        <button
          type="button"
          className="link-button diagnostic-object"
          onClick={(event) => {
            event.stopPropagation();
            onFocus?.();
          }}
        >
          {showObject ? object : 'Show in graph'}
        </button>
      )}
      {entry !== undefined && <p className="diagnostic-title">{entry.title}</p>}
      <p className="diagnostic-message">{d.message}</p>
      {d.field !== undefined && <p className="muted small">at {d.field}</p>}
      {d.source !== undefined && (
        <p className="muted small">
          {d.source.file}:{d.source.line}:{d.source.column}
        </p>
      )}
      {entry !== undefined && (
        <details className="runbook" onClick={(event) => event.stopPropagation()}>
          <summary>What to check</summary>
          <p>{entry.runbook}</p>
        </details>
      )}
      {d.fix !== undefined && (
        <div className="fix" data-testid="diagnostic-fix">
          <p>
            <strong>Fix:</strong> {d.fix.summary}
          </p>
          {d.fix.yaml !== undefined && <TryFixButton diagnostic={d} />}
          {d.fix.yaml !== undefined && <CopyBlock text={d.fix.yaml} label="Apply this YAML" />}
          {d.fix.command !== undefined && <CopyBlock text={d.fix.command} label="Run" />}
        </div>
      )}
    </article>
  );
}
