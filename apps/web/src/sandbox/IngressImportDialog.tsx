/** Paste Ingress objects, see the equivalent Gateway API YAML and the notes, load it. */
import { useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import { convertIngressYaml, INGRESS_EXAMPLE } from '@gatescope/core';
import { usePopover } from '../shell/popovers.ts';

interface Props {
  readonly onLoad: (yaml: string, mode: 'replace' | 'append') => void;
  readonly onClose: () => void;
}

export function IngressImportDialog({ onLoad, onClose }: Props): ReactElement {
  const [input, setInput] = useState('');
  // Mounted only while open: Esc closes it (before clearing anything else).
  usePopover(true, onClose);
  const result = useMemo(() => (input.trim() === '' ? null : convertIngressYaml(input)), [input]);
  return (
    <div className="sb-modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="sb-modal"
        role="dialog"
        aria-modal="true"
        aria-label="Import Ingress"
        data-testid="ingress-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="sb-modal-head">
          <h3>Import Ingress → Gateway API</h3>
          <button type="button" className="sb-link" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <p className="sb-muted">
          Paste networking.k8s.io/v1 Ingress objects (and their Services, to resolve named ports).
          ingress-nginx canary, rewrite-target, ssl-redirect and redirect annotations are translated where
          Gateway API has a standard equivalent; everything else is listed below.
        </p>
        <div className="sb-modal-cols">
          <label className="sb-col">
            <span>Ingress YAML</span>
            <textarea
              data-testid="ingress-input"
              spellCheck={false}
              value={input}
              placeholder={INGRESS_EXAMPLE}
              onChange={(e) => setInput(e.target.value)}
            />
            <button type="button" className="sb-link" onClick={() => setInput(INGRESS_EXAMPLE)}>
              Use an example
            </button>
          </label>
          <div className="sb-col">
            <span>Gateway API</span>
            <pre className="sb-output" data-testid="ingress-output">
              {result?.yaml ?? '…'}
            </pre>
          </div>
        </div>
        {result !== null && result.notes.length > 0 && (
          <ul className="sb-notes" data-testid="ingress-notes">
            {result.notes.map((n, i) => (
              <li key={i} className={`sb-note sb-note-${n.severity}`}>
                {n.ingress !== '' && <strong>{n.ingress}: </strong>}
                {n.message}
              </li>
            ))}
          </ul>
        )}
        <footer className="sb-modal-foot">
          <button
            type="button"
            disabled={result === null || result.objects.length === 0}
            onClick={() => result !== null && onLoad(result.yaml, 'replace')}
          >
            Replace sandbox
          </button>
          <button
            type="button"
            disabled={result === null || result.objects.length === 0}
            onClick={() => result !== null && onLoad(result.yaml, 'append')}
          >
            Append to sandbox
          </button>
        </footer>
      </div>
    </div>
  );
}
