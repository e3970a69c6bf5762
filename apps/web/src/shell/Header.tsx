/** App header: brand, pages, source status, context picker, search, share and theme. */
import { Suspense, lazy } from 'react';
import type { MouseEvent, ReactElement } from 'react';
import { ContextPicker } from './ContextPicker.tsx';
import { navigate } from './router.ts';
import { SearchBox } from './SearchBox.tsx';
import { SourceStatus } from './SourceStatus.tsx';
import { useTheme } from './theme.ts';

const ShareButton = lazy(async () => ({ default: (await import('../share/ShareButton.tsx')).ShareButton }));

function NavLink({ to, active, children }: { to: string; active: boolean; children: string }): ReactElement {
  const onClick = (event: MouseEvent): void => {
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={to}
      className={active ? 'nav-link active' : 'nav-link'}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
    >
      {children}
    </a>
  );
}

function Logo(): ReactElement {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="26" height="26" aria-hidden>
      <rect x="2" y="2" width="28" height="28" rx="7" className="logo-bg" />
      <circle cx="9" cy="16" r="3" className="logo-dot" />
      <circle cx="23" cy="9" r="3" className="logo-dot" />
      <circle cx="23" cy="23" r="3" className="logo-dot" />
      <path d="M12 16 C17 16 17 9 20 9 M12 16 C17 16 17 23 20 23" className="logo-line" />
    </svg>
  );
}

export function Header({ page }: { readonly page: 'topology' | 'sandbox' }): ReactElement {
  const { theme, toggle } = useTheme();
  return (
    <header className="app-header">
      <a className="brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
        <Logo />
        <span>Gatescope</span>
      </a>
      <nav className="nav">
        <NavLink to="/" active={page === 'topology'}>
          Topology
        </NavLink>
        <NavLink to="/sandbox" active={page === 'sandbox'}>
          Sandbox
        </NavLink>
      </nav>
      <SourceStatus page={page} />
      <ContextPicker />
      <span className="spacer" />
      <SearchBox />
      <Suspense fallback={null}>
        <ShareButton />
      </Suspense>
      <button
        type="button"
        className="icon-button"
        onClick={toggle}
        data-testid="theme-toggle"
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
}
