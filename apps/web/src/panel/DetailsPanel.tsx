/**
 * Details of the selected node: health, conditions (observed vs predicted), its diagnostics with
 * fixes, neighbours and the object's YAML.
 */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import type { Analysis, TopoNode, Topology } from '@gatescope/core';
import { stringify } from 'yaml';
import { withinContext } from '../engine/contexts.ts';
import { useEngine } from '../engine/useEngine.ts';
import { useViewState } from '../view/ViewState.tsx';
import { KindIcon } from '../graph/KindIcon.tsx';
import { ConditionsTable } from './ConditionsTable.tsx';
import { conditionSections } from './conditions.ts';
import { DiagnosticCard } from './DiagnosticCard.tsx';
import { Neighbours } from './Neighbours.tsx';
import { diagnosticsFor } from './node-diagnostics.ts';

const HEALTH_WORDS = { ok: 'Healthy', warning: 'Warning', error: 'Failing', unknown: 'Pending' } as const;

function objectYaml(node: TopoNode, analysis: Analysis): string | null {
  if (node.key === undefined) return null;
  const object = analysis.snapshot.byKey.get(node.key);
  return object === undefined ? null : stringify(object.raw, { lineWidth: 0 });
}

function Header({ node }: { readonly node: TopoNode }): ReactElement {
  return (
    <header className="details-header">
      <KindIcon kind={node.kind} />
      <div>
        <h2>{node.label}</h2>
        <p className="muted small">
          {node.realKind ?? node.kind}
          {node.namespace !== '' && ` · ${node.namespace}`}
          {node.cluster !== undefined && ` · ${node.cluster}`}
        </p>
      </div>
      <span className={`health-pill health-${node.health}`} data-testid="details-health">
        {HEALTH_WORDS[node.health]}
      </span>
    </header>
  );
}

function NodeDetails({
  node,
  analysis,
  contexts,
  topology,
}: {
  node: TopoNode;
  analysis: Analysis;
  contexts: ReadonlyMap<string, Analysis> | null;
  topology: Topology;
}): ReactElement {
  // Lookups by key and plain id within the node's own kube context (all-contexts view).
  const local = useMemo(() => withinContext(contexts, analysis, node), [contexts, analysis, node]);
  const sections = useMemo(() => conditionSections(local.node, local.analysis), [local]);
  const diagnostics = useMemo(() => diagnosticsFor(local.node, local.analysis), [local]);
  const yaml = useMemo(() => objectYaml(local.node, local.analysis), [local]);
  return (
    <div className="details" data-testid="details" data-node={node.id}>
      <Header node={node} />
      {node.ghost === true && node.notInInput !== true && (
        <p className="callout callout-error">
          This {node.realKind ?? node.kind} is referenced but does not exist. Create it, or fix the reference.
        </p>
      )}
      {node.notInInput === true && (
        <p className="callout">
          This {node.realKind ?? node.kind} is referenced but not in the input. Nothing to do if it exists
          where this configuration is applied; otherwise create it, or fix the reference.
        </p>
      )}
      {diagnostics.length > 0 && (
        <section>
          <h3>Problems</h3>
          {diagnostics.map((d, i) => (
            <DiagnosticCard key={`${d.code}:${i}`} diagnostic={d} />
          ))}
        </section>
      )}
      {sections.length > 0 && (
        <section>
          <h3>Conditions</h3>
          {sections.map((s) => (
            <ConditionsTable key={s.title} section={s} />
          ))}
        </section>
      )}
      <Neighbours node={node} topology={topology} />
      {yaml !== null && (
        <section>
          <h3>YAML</h3>
          <pre className="yaml" data-testid="object-yaml">
            {yaml}
          </pre>
        </section>
      )}
    </div>
  );
}

export function DetailsPanel(): ReactElement {
  const { result } = useEngine();
  const { selected } = useViewState();
  const node = useMemo(
    () => (selected === null ? undefined : result?.topology.nodes.find((n) => n.id === selected)),
    [selected, result],
  );
  if (result === null) return <p className="muted pad">Waiting for the first analysis…</p>;
  if (node === undefined) {
    return (
      <div className="empty-state">
        <p>Click a node to see its conditions, problems, neighbours and YAML.</p>
        <p className="muted small">
          <kbd>j</kbd>/<kbd>k</kbd> step through problems · <kbd>/</kbd> search · <kbd>Esc</kbd> clear
        </p>
      </div>
    );
  }
  return (
    <NodeDetails
      node={node}
      analysis={result.analysis}
      contexts={result.contexts}
      topology={result.topology}
    />
  );
}
