// Header share button: builds a link carrying the current view in the URL fragment (issue 6).
import { useState, type ReactElement } from 'react';

export function ShareButton(): ReactElement {
  const [link, setLink] = useState<string | null>(null);
  return (
    <span className="share-button">
      <button type="button" data-testid="share-button" onClick={() => setLink(window.location.href)}>
        Share
      </button>
      {link !== null && <input data-testid="share-link" readOnly value={link} aria-label="Share link" />}
    </span>
  );
}
