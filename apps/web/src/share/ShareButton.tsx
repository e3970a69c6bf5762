/**
 * Header share button. Clicking opens the share preview with the link (data-testid="share-link").
 * Mounted on every page, it also opens a shared link: when the URL fragment holds a share
 * (`#gs1.…`) it is decoded, validated and applied; a damaged link shows a clear message.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { decodeShareFragment, type ShareError, type ShareState } from '@gatescope/core';
import { useEngine } from '../engine/useEngine.ts';
import { usePathname } from '../shell/router.ts';
import { useViewState } from '../view/ViewState.tsx';
import { usePopover } from '../shell/popovers.ts';
import { SharePopover } from './SharePopover.tsx';
import { clearApplying, crashedBefore, markApplying } from './crash-guard.ts';
import { applySharedState } from './state.ts';
import './share.css';

export function ShareButton(): ReactElement {
  const view = useViewState();
  const { result } = useEngine();
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ShareError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  usePopover(open, () => setOpen(false));

  const openState = useCallback(
    (state: ShareState) => {
      applySharedState(state, view);
      setError(null);
      setOpen(false);
      setOpened(
        `Opened a shared ${state.source.type === 'sandbox' ? 'sandbox' : 'snapshot'} (${state.tests.length} route tests).`,
      );
    },
    [view],
  );

  useEffect(() => {
    const check = (): void => {
      const hash = window.location.hash;
      // The app uses the fragment for share links only: anything there is an attempted link.
      if (hash === '' || hash === '#') return;
      if (crashedBefore(window.sessionStorage, hash)) {
        // This link made the app fail last time: never apply it again (no crash loop on reload).
        clearApplying(window.sessionStorage);
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
        setError({
          code: 'failed-to-open',
          message: 'It made the app fail when it was opened, so it was not opened again.',
        });
        return;
      }
      const decoded = decodeShareFragment(hash);
      if (!decoded.ok) {
        setError(decoded.error);
        return;
      }
      markApplying(window.sessionStorage, hash);
      openState(decoded.value);
      // Rendered without failing: the link is fine to open again later.
      window.setTimeout(() => clearApplying(window.sessionStorage), 1_500);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
    // Only on mount and on hash changes: re-running on every view change would re-open the link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <span className="share-button">
      <button type="button" data-testid="share-button" onClick={() => setOpen(!open)} aria-expanded={open}>
        Share
      </button>
      {open && (
        <SharePopover
          screen={{ page: path.startsWith('/sandbox') ? 'sandbox' : 'topology', view, result }}
          onOpen={openState}
          onError={setError}
          onClose={() => setOpen(false)}
        />
      )}
      {error !== null && (
        <div className="share-alert" role="alert" data-testid="share-error" data-code={error.code}>
          <strong>This share link cannot be opened.</strong> {error.message}
          <button type="button" onClick={() => setError(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {opened !== null && error === null && (
        <div className="share-alert share-alert-ok" role="status" data-testid="share-opened">
          {opened}
          <button type="button" onClick={() => setOpened(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </span>
  );
}
