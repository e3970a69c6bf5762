/**
 * A share link or bundle never overwrites the recipient's own sandbox without asking: when their
 * sandbox holds other YAML, this asks first; after opening, their sandbox can be restored.
 */
import type { ReactElement } from 'react';

function lines(text: string): number {
  return text.trimEnd() === '' ? 0 : text.trimEnd().split('\n').length;
}

export function ReplaceSandboxPrompt({
  mine,
  onOpen,
  onKeep,
}: {
  readonly mine: string;
  readonly onOpen: () => void;
  readonly onKeep: () => void;
}): ReactElement {
  return (
    <div
      className="share-alert share-ask"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="share-ask-title"
      data-testid="share-ask"
    >
      <span id="share-ask-title">
        <strong>Open the shared sandbox?</strong> It replaces your own sandbox ({lines(mine)} lines of YAML);
        you can restore yours afterwards.
      </span>
      <span className="share-ask-actions">
        <button type="button" className="share-ask-primary" data-testid="share-ask-open" onClick={onOpen}>
          Open the shared sandbox
        </button>
        <button type="button" data-testid="share-ask-keep" onClick={onKeep}>
          Keep mine
        </button>
      </span>
    </div>
  );
}
