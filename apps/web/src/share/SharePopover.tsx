/**
 * What is shared, before copying: summary, redaction notes, size; the link (or, when too long,
 * the export file); redaction options; export/import of a bundle file.
 */
import { useMemo, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import {
  buildShare,
  bundleFileName,
  createBundle,
  readBundle,
  SHARE_LINK_MAX_CHARS,
  type RedactionOptions,
  type ShareError,
  type ShareState,
} from '@gatescope/core';
import { shareInputOf, shareTestsOf, shareViewOf, type OnScreen } from './state.ts';

interface Props {
  readonly screen: OnScreen;
  readonly onOpen: (state: ShareState) => void;
  readonly onError: (error: ShareError) => void;
  readonly onClose: () => void;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function SharePopover({ screen, onOpen, onError, onClose }: Props): ReactElement {
  const [options, setOptions] = useState<RedactionOptions>({ maskIPs: false, maskHostnames: false });
  const [copied, setCopied] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const preview = useMemo(
    () => buildShare(shareInputOf(screen), shareViewOf(screen), shareTestsOf(), options),
    [screen, options],
  );
  const { encoded, report } = preview;
  const link = `${window.location.origin}${window.location.pathname}#${encoded.fragment}`;
  const copy = (): void => {
    navigator.clipboard
      ?.writeText(link)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  const exportBundle = (): void => {
    const now = new Date().toISOString();
    download(bundleFileName(preview.state, now.slice(0, 19)), createBundle(preview.state, now));
  };
  const importFile = (file: File | undefined): void => {
    if (file === undefined) return;
    file
      .text()
      .then((text) => {
        const result = readBundle(text);
        if (result.ok) onOpen(result.value);
        else onError(result.error);
      })
      .catch(() => onError({ code: 'bad-json', message: 'The file could not be read.' }));
  };
  const dropped = [...new Set(report.notes.map((n) => n.removed))];
  return (
    <div className="share-popover" data-testid="share-popover" role="dialog" aria-label="Share this view">
      <header>
        <strong>Share this view</strong>
        <button type="button" className="share-x" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      <p className="share-muted">
        The link carries everything in its #fragment, which browsers never send to a server.
      </p>
      <ul className="share-summary" data-testid="share-preview">
        {preview.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="share-redaction">
        <span>
          Always removed: Secret data, managedFields, last-applied configuration, unknown annotations.
        </span>
        {report.notes.length > 0 && (
          <button type="button" className="share-linkish" onClick={() => setShowNotes(!showNotes)}>
            {report.notes.length} field{report.notes.length === 1 ? '' : 's'} removed from {report.objects}{' '}
            objects
          </button>
        )}
        {showNotes && (
          <ul className="share-notes" data-testid="share-notes">
            {report.notes.slice(0, 200).map((n, i) => (
              <li key={i}>
                {n.object}: {n.removed}
              </li>
            ))}
          </ul>
        )}
        {!showNotes && dropped.length > 0 && (
          <span className="share-muted">({dropped.slice(0, 4).join(', ')}…)</span>
        )}
        <label>
          <input
            type="checkbox"
            checked={options.maskIPs}
            onChange={(e) => setOptions({ ...options, maskIPs: e.target.checked })}
            data-testid="share-mask-ips"
          />
          Mask IP addresses{report.maskedIPs > 0 ? ` (${report.maskedIPs} masked)` : ''}
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.maskHostnames}
            onChange={(e) => setOptions({ ...options, maskHostnames: e.target.checked })}
            data-testid="share-mask-hostnames"
          />
          Mask hostnames (label by label, wildcards keep working)
        </label>
      </div>
      {encoded.size === 'too-long' ? (
        <p className="share-error-text" data-testid="share-too-long">
          This view is {encoded.chars.toLocaleString()} characters as a link, above the{' '}
          {SHARE_LINK_MAX_CHARS.toLocaleString()} limit. Export a bundle file instead and send the file.
        </p>
      ) : (
        <div className="share-link-row">
          <input
            data-testid="share-link"
            readOnly
            value={link}
            aria-label="Share link"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={copy} data-testid="share-copy">
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      <p className={encoded.size === 'long' ? 'share-warn' : 'share-muted'} data-testid="share-size">
        {encoded.chars.toLocaleString()} characters ({Math.round(encoded.jsonBytes / 1024)} KiB before
        compression)
        {encoded.size === 'long' &&
          ' — long: some chat tools and trackers cut links this long; the export file is safer.'}
      </p>
      <footer>
        <button type="button" onClick={exportBundle} data-testid="share-export">
          Export bundle file
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="share-import">
          Import bundle…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,application/json"
          data-testid="share-import-file"
          onChange={(e) => {
            importFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </footer>
    </div>
  );
}
