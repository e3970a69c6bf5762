/** Sandbox actions: scenarios, open file, Ingress import, what-if toggle, apply. */
import { useRef } from 'react';
import type { ChangeEvent, ReactElement } from 'react';
import { SCENARIOS, type Scenario } from './scenarios.ts';

interface Props {
  readonly whatIf: boolean;
  readonly liveAvailable: boolean;
  readonly onScenario: (scenario: Scenario) => void;
  readonly onFiles: (files: readonly File[]) => void;
  readonly onIngress: () => void;
  readonly onWhatIf: (on: boolean) => void;
  readonly onApply: () => void;
  readonly onClear: () => void;
}

export function SandboxToolbar(props: Props): ReactElement {
  const fileInput = useRef<HTMLInputElement | null>(null);
  const pickScenario = (event: ChangeEvent<HTMLSelectElement>): void => {
    const scenario = SCENARIOS.find((s) => s.id === event.target.value);
    if (scenario !== undefined) props.onScenario(scenario);
    event.target.value = '';
  };
  return (
    <div className="sb-toolbar" role="toolbar" aria-label="Sandbox actions">
      <select
        data-testid="scenario-select"
        aria-label="Load a scenario"
        defaultValue=""
        onChange={pickScenario}
      >
        <option value="" disabled>
          Load scenario…
        </option>
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id} title={s.description}>
            {s.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open file
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        multiple
        accept=".yaml,.yml,.json,text/yaml,application/json"
        onChange={(e) => {
          props.onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={props.onIngress} data-testid="ingress-import">
        Import Ingress
      </button>
      <button type="button" onClick={props.onClear}>
        Clear
      </button>
      <label
        className="sb-toggle"
        title={
          props.liveAvailable ? 'Apply this YAML on top of the live snapshot' : 'No live snapshot available'
        }
      >
        <input
          type="checkbox"
          checked={props.whatIf}
          disabled={!props.liveAvailable && !props.whatIf}
          onChange={(e) => props.onWhatIf(e.target.checked)}
          data-testid="whatif-toggle"
        />
        What-if over live
      </label>
      <span className="sb-spacer" />
      <button type="button" className="sb-primary" onClick={props.onApply} data-testid="sandbox-apply">
        Apply
      </button>
    </div>
  );
}
