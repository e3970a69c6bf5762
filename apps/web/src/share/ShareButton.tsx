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
import { applySharedState, sharedYaml } from './state.ts';
import { ReplaceSandboxPrompt } from './ReplaceSandboxPrompt.tsx';
import { getSandbox, updateSandbox } from '../sandbox/store.ts';
import type { SandboxState } from '../sandbox/store.ts';
import './share.css';

export function ShareButton(): ReactElement {
  const view = useViewState();
  const { result } = useEngine();
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ShareError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  usePopover(open, () => setOpen(false));

  // The recipient's own sandbox: asked about before a link replaces it, restorable after.
  const [asking, setAsking] = useState<ShareState | null>(null);
  const [replaced, setReplaced] = useState<SandboxState | null>(null);

  const apply = useCallback(
    (state: ShareState) => {
      const mine = getSandbox();
      applySharedState(state, view);
      setAsking(null);
      setReplaced(mine.yaml.trim() === '' || mine.yaml === sharedYaml(state) ? null : mine);
      setError(null);
      setOpen(false);
      setOpened(
        `Opened a shared ${state.source.type === 'sandbox' ? 'sandbox' : 'snapshot'} (${state.tests.length} route tests).`,
      );
    },
    [view],
  );
  const openState = useCallback(
    (state: ShareState) => {
      const mine = getSandbox().yaml;
      if (mine.trim() !== '' && mine !== sharedYaml(state)) {
        setOpen(false);
        setAsking(state);
      } else apply(state);
    },
    [apply],
  );
  const restoreMine = (): void => {
    if (replaced === null) return;
    const { loadTick: _tick, ...mine } = replaced;
    updateSandbox(mine, true);
    setReplaced(null);
    setOpened('Your sandbox is back.');
  };

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
      {asking !== null && (
        <ReplaceSandboxPrompt
          mine={getSandbox().yaml}
          onOpen={() => {
            // The link is applied only now: guard this application, not the prompt before it.
            const hash = window.location.hash;
            if (hash !== '' && hash !== '#') markApplying(window.sessionStorage, hash);
            apply(asking);
            window.setTimeout(() => clearApplying(window.sessionStorage), 1_500);
          }}
          onKeep={() => {
            // Nothing was applied: the link did not fail, it may be opened again at once.
            clearApplying(window.sessionStorage);
            setAsking(null);
            setOpened('Kept your sandbox; the shared link was not opened.');
          }}
        />
      )}
      {opened !== null && error === null && asking === null && (
        <div className="share-alert share-alert-ok" role="status" data-testid="share-opened">
          {opened}
          {replaced !== null && (
            <button type="button" className="share-undo" data-testid="share-undo" onClick={restoreMine}>
              Restore my sandbox
            </button>
          )}
          <button type="button" onClick={() => setOpened(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </span>
  );
}
