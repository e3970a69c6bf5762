/**
 * The sandbox: a YAML editor next to the topology. Typing re-analyses (debounced, in the engine's
 * Worker); Apply does it at once. Scenarios, file drop, Ingress import, "assume X exists" stubs
 * and what-if over the live snapshot live here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, ReactElement } from 'react';
import { useEngine } from '../engine/useEngine.ts';
import { useLive } from '../live/LiveProvider.tsx';
import { TopologyWorkspace } from '../shell/TopologyWorkspace.tsx';
import { AssumptionsPanel } from './AssumptionsPanel.tsx';
import { missingObjects } from './assumptions.ts';
import { IngressImportDialog } from './IngressImportDialog.tsx';
import { editorProblems } from './problems.ts';
import { SandboxEditor } from './SandboxEditor.tsx';
import { SandboxToolbar } from './SandboxToolbar.tsx';
import { loadScenarioText, type Scenario } from './scenarios.ts';
import { getSandbox, sandboxFiles, updateSandbox, useSandbox } from './store.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import './sandbox.css';

const DEBOUNCE_MS = 350;

function joinDocs(a: string, b: string): string {
  if (a.trim() === '') return b;
  return `${a.replace(/\n*$/, '\n')}---\n${b}`;
}

/**
 * Sends the sandbox files to the engine when they change (debounced) and on Apply. The engine's
 * functions are read through a ref: their identity changes with every result, and depending on
 * them would re-send the same files after each analysis, forever.
 */
function useAnalyseSandbox(): () => void {
  const sandbox = useSandbox();
  const engine = useEngine();
  const engineRef = useRef(engine);
  useEffect(() => {
    engineRef.current = engine;
  });
  const files = useMemo(() => sandboxFiles(sandbox), [sandbox]);
  const { whatIf } = sandbox;
  const apply = useCallback(() => {
    const { loadYaml, setOverlay, setSource } = engineRef.current;
    if (whatIf) {
      setOverlay(files);
      setSource('live');
    } else {
      setOverlay(null);
      loadYaml(files);
    }
  }, [files, whatIf]);
  useEffect(() => {
    const timer = window.setTimeout(apply, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [apply]);
  return apply;
}

function Status(): ReactElement {
  const { result, status } = useEngine();
  if (result === null) return <span className="sb-muted">Analysing…</span>;
  const diags = [...result.parseDiagnostics, ...result.analysis.diagnostics];
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  return (
    <span className="sb-status" data-testid="sandbox-status" data-state={status}>
      {result.analysis.snapshot.objects.length} objects · {errors} errors · {warnings} warnings
      {status === 'working' ? ' · analysing…' : ''}
    </span>
  );
}

export default function SandboxPage(): ReactElement {
  const sandbox = useSandbox();
  const { result } = useEngine();
  const live = useLive();
  const apply = useAnalyseSandbox();
  const [ingressOpen, setIngressOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The graph needs the width more than the editor once the YAML is in: the editor can fold away.
  const [editorOpen, setEditorOpen] = useState(true);
  // The text the result was computed from is what the lines refer to; typing ahead only shifts
  // markers until the next result arrives.
  const problems = useMemo(() => editorProblems(result, getSandbox().yaml), [result]);
  const missing = useMemo(() => {
    if (result === null) return [];
    const assumed = new Set(sandbox.assumptions.map((a) => a.key));
    return missingObjects(result.analysis).filter((m) => !assumed.has(m.key));
  }, [result, sandbox.assumptions]);

  const loadScenario = (scenario: Scenario): void => {
    loadScenarioText(scenario)
      .then((text) => {
        updateSandbox({ yaml: text, tests: scenario.tests ?? [], assumptions: [], request: null }, true);
        setMessage(`Loaded scenario “${scenario.title}”.`);
      })
      .catch((error: unknown) => setMessage(`Could not load the scenario: ${String(error)}`));
  };

  const loadFiles = (files: readonly File[]): void => {
    if (files.length === 0) return;
    Promise.all(files.map((f) => f.text()))
      .then((texts) => {
        updateSandbox({ yaml: texts.reduce(joinDocs, ''), assumptions: [] }, true);
        setMessage(`Loaded ${files.map((f) => f.name).join(', ')}.`);
      })
      .catch((error: unknown) => setMessage(`Could not read the file: ${String(error)}`));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    loadFiles([...event.dataTransfer.files]);
  };

  if (!editorOpen) {
    return (
      <div className="sb-page">
        <div className="sb-left sb-folded">
          <button
            type="button"
            className="sb-fold"
            data-testid="sandbox-show-editor"
            onClick={() => setEditorOpen(true)}
            title="Show the YAML editor"
          >
            YAML ›
          </button>
        </div>
        <TopologyWorkspace />
      </div>
    );
  }

  return (
    <div className="sb-page">
      <div
        className={dragging ? 'sb-left sb-dragging' : 'sb-left'}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <SandboxToolbar
          whatIf={sandbox.whatIf}
          liveAvailable={live.source !== null}
          onScenario={loadScenario}
          onFiles={loadFiles}
          onIngress={() => setIngressOpen(true)}
          onWhatIf={(on) => updateSandbox({ whatIf: on })}
          onApply={apply}
          onClear={() => updateSandbox({ yaml: '', assumptions: [], tests: [] }, true)}
        />
        <div className="sb-statusbar">
          <Status />
          {message !== null && <span className="sb-muted sb-message">{message}</span>}
          <button
            type="button"
            className="sb-fold"
            data-testid="sandbox-hide-editor"
            onClick={() => setEditorOpen(false)}
            title="Fold the editor away to give the graph room"
          >
            ‹ Hide
          </button>
        </div>
        <SandboxEditor
          value={sandbox.yaml}
          loadTick={sandbox.loadTick}
          onChange={(text) => updateSandbox({ yaml: text })}
          problems={problems}
        />
        {dragging && <div className="sb-drop-hint">Drop YAML files to load them</div>}
        <AssumptionsPanel
          missing={missing}
          assumed={sandbox.assumptions}
          onAssume={(a) => updateSandbox({ assumptions: [...sandbox.assumptions, a] })}
          onRemove={(key) => updateSandbox({ assumptions: sandbox.assumptions.filter((a) => a.key !== key) })}
        />
        {sandbox.whatIf && <WhatIfPanel result={result} />}
      </div>
      <TopologyWorkspace />
      {ingressOpen && (
        <IngressImportDialog
          onClose={() => setIngressOpen(false)}
          onLoad={(yaml, mode) => {
            updateSandbox({ yaml: mode === 'replace' ? yaml : joinDocs(getSandbox().yaml, yaml) }, true);
            setIngressOpen(false);
            setMessage('Loaded the converted Gateway API resources.');
          }}
        />
      )}
    </div>
  );
}
