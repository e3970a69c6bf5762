/**
 * The last line of defence against a blank page: any render error shows what failed and a way
 * back. When it happened while a shared link was being applied, it says "This link could not be
 * opened: <reason>", and the crash guard makes sure a reload does not apply the same link again.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactElement, ReactNode } from 'react';
import { errorHeadline, isApplying } from '../share/crash-guard.ts';

interface State {
  readonly error: unknown;
  readonly applyingShare: boolean;
}

const SANDBOX_KEY = 'gatescope.sandbox.v1';

function startOver(): void {
  try {
    // The shared (or saved) sandbox text may be what crashed: start from an empty sandbox.
    window.localStorage.removeItem(SANDBOX_KEY);
  } catch {
    // storage disabled: nothing was saved either
  }
  window.location.assign('/sandbox');
}

export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null, applyingShare: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? 'unknown error', applyingShare: isApplying(window.sessionStorage) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Gatescope failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <ErrorScreen error={this.state.error} applyingShare={this.state.applyingShare} />;
  }
}

function ErrorScreen({ error, applyingShare }: { error: unknown; applyingShare: boolean }): ReactElement {
  return (
    <div
      className="app-error"
      role="alert"
      data-testid="app-error"
      style={{ padding: '2rem', maxWidth: '48rem' }}
    >
      <h1>Gatescope</h1>
      <p>{errorHeadline(error, applyingShare)}</p>
      <p className="muted">
        {applyingShare
          ? 'Reloading opens the app without this link. Ask for a new link or an export file.'
          : 'Reloading usually helps; if it does not, start over with an empty sandbox.'}
      </p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <button type="button" onClick={startOver} data-testid="app-error-start-over">
          Start over with an empty sandbox
        </button>
      </p>
    </div>
  );
}
