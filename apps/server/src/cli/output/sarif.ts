/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), one run, rules from the diagnostics catalogue, one result
 * per diagnostic with its file/line/column when known (code scanning in CI reads these).
 */
import type { Diagnostic } from '@gatescope/core/diagnostics/types';
import { CATALOGUE, entryForCode } from '@gatescope/core/diagnostics/catalogue';
import { fixText } from '@gatescope/core/diagnostics/fixes';

const LEVEL: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export function sarifLog(diagnostics: readonly Diagnostic[], version: string): Record<string, unknown> {
  const rules = CATALOGUE.map((entry) => ({
    id: entry.code,
    name: entry.name,
    shortDescription: { text: entry.title },
    fullDescription: {
      text: entry.reason === undefined ? entry.title : `${entry.title} (Gateway API reason ${entry.reason}).`,
    },
    help: { text: entry.runbook },
    defaultConfiguration: { level: LEVEL[entry.severity] },
  }));
  const index = new Map(CATALOGUE.map((entry, i) => [entry.code, i]));
  const results = diagnostics.map((d) => {
    const entry = entryForCode(d.code);
    const object = `${d.object.kind} ${d.object.namespace === '' ? '' : `${d.object.namespace}/`}${d.object.name}`;
    const text = `${d.message}${d.fix === undefined ? '' : `\nFix: ${fixText(d.fix)}`}`;
    return {
      ruleId: entry?.code ?? d.code,
      ...(entry === undefined ? {} : { ruleIndex: index.get(entry.code) }),
      level: LEVEL[d.severity],
      message: { text },
      locations:
        d.source === undefined
          ? []
          : [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(d.source.file) },
                  region: { startLine: d.source.line, startColumn: d.source.column },
                },
                logicalLocations: [
                  {
                    name: object,
                    kind: 'resource',
                    fullyQualifiedName: `${d.object.kind}/${d.object.namespace}/${d.object.name}`,
                  },
                ],
              },
            ],
      ...(d.field === undefined
        ? {}
        : { properties: { field: d.field, ...(d.reason === undefined ? {} : { reason: d.reason }) } }),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gatescope',
            version,
            informationUri: 'https://gateway-api.sigs.k8s.io/',
            rules,
          },
        },
        results,
      },
    ],
  };
}

export function formatSarif(diagnostics: readonly Diagnostic[], version: string): string {
  return `${JSON.stringify(sarifLog(diagnostics, version), null, 2)}\n`;
}
