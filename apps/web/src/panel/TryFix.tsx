/** The "Try this fix" button on a diagnostic card and the banner that shows what it changed. */
import type { ReactElement } from 'react';
import type { Diagnostic } from '@gatescope/core';
import { useEngine } from '../engine/useEngine.ts';
import { getSandbox, updateSandbox } from '../sandbox/store.ts';
import { usePathname } from '../shell/router.ts';
import { getTrialFix, joinYaml, sameDiagnostic, setTrialFix, useTrialFix } from './try-fix.ts';

function errorCount(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}

export function TryFixButton({ diagnostic }: { readonly diagnostic: Diagnostic }): ReactElement | null {
  const engine = useEngine();
  const sandboxPage = usePathname().startsWith('/sandbox');
  const yaml = diagnostic.fix?.yaml;
  if (yaml === undefined || engine.result === null) return null;
  const tryIt = (): void => {
    const result = engine.result;
    if (result === null) return;
    getTrialFix()?.revert();
    const base = {
      diagnostic,
      revision: result.revision,
      errorsBefore: errorCount(result.analysis.diagnostics),
    };
    if (sandboxPage || result.source === 'yaml') {
      const before = getSandbox().yaml;
      updateSandbox({ yaml: joinYaml(before, yaml) }, true);
      setTrialFix({ ...base, where: 'sandbox', revert: () => updateSandbox({ yaml: before }, true) });
    } else {
      engine.setOverlay([{ name: 'try-fix.yaml', text: yaml }]);
      setTrialFix({ ...base, where: 'overlay', revert: () => engine.setOverlay(null) });
    }
  };
  return (
    <button
      type="button"
      className="ghost-button try-fix"
      data-testid="try-fix"
      onClick={(event) => {
        event.stopPropagation();
        tryIt();
      }}
    >
      Try this fix
    </button>
  );
}

/** Above the graph while a fix is being tried: did it clear the diagnostic, errors before/after. */
export function TryFixBanner(): ReactElement | null {
  const trial = useTrialFix();
  const { result } = useEngine();
  if (trial === null || result === null) return null;
  const d = trial.diagnostic;
  const settled = result.revision > trial.revision;
  const still = result.analysis.diagnostics.some((x) => sameDiagnostic(x, d));
  const errors = errorCount(result.analysis.diagnostics);
  const object = `${d.object.kind} ${d.object.namespace === '' ? '' : `${d.object.namespace}/`}${d.object.name}`;
  return (
    <div
      className={`try-fix-banner ${settled && !still ? 'fixed' : ''}`}
      role="status"
      data-testid="try-fix-banner"
      data-state={!settled ? 'pending' : still ? 'still' : 'fixed'}
    >
      <span>
        {!settled ? (
          <>Trying the fix for {d.code}…</>
        ) : still ? (
          <>
            <strong>Not fixed:</strong> {d.code} is still reported on {object}.
          </>
        ) : (
          <>
            <strong>Fixed (what-if):</strong> {d.code} is gone from {object}.
          </>
        )}{' '}
        {settled && (
          <span className="muted">
            Errors {trial.errorsBefore} → {errors}.
            {trial.where === 'overlay'
              ? ' Nothing was applied to the cluster.'
              : ' Added to the sandbox YAML.'}
          </span>
        )}
      </span>
      <span className="try-fix-actions">
        <button
          type="button"
          className="ghost-button"
          data-testid="try-fix-revert"
          onClick={() => {
            trial.revert();
            setTrialFix(null);
          }}
        >
          Revert
        </button>
        {trial.where === 'sandbox' && (
          <button
            type="button"
            className="ghost-button"
            data-testid="try-fix-keep"
            onClick={() => setTrialFix(null)}
          >
            Keep
          </button>
        )}
      </span>
    </div>
  );
}
