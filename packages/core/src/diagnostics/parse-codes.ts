/**
 * Stable codes emitted by parse (manifest/) and normalize (model/normalize*). The analysis
 * catalogue merges this table; a code never changes meaning once published.
 */
import type { Severity } from './types.ts';

export interface CodeInfo {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly title: string;
}

export const PARSE_CODES = {
  YamlSyntax: { code: 'GS001', name: 'YamlSyntax', severity: 'error', title: 'YAML or JSON syntax error' },
  // GS002 is retired (a YAML warning code never emitted by the js-yaml based parser); not reused.
  NotAnObject: {
    code: 'GS003',
    name: 'NotAnObject',
    severity: 'error',
    title: 'Document is not a Kubernetes object (not a mapping)',
  },
  MissingTypeMeta: {
    code: 'GS004',
    name: 'MissingTypeMeta',
    severity: 'error',
    title: 'Object has no apiVersion or kind',
  },
  MissingName: {
    code: 'GS005',
    name: 'MissingName',
    severity: 'error',
    title: 'Object has no metadata.name',
  },
  DuplicateObject: {
    code: 'GS006',
    name: 'DuplicateObject',
    severity: 'warning',
    title: 'The same object appears twice; the later one wins',
  },
  InputLimit: {
    code: 'GS007',
    name: 'InputLimit',
    severity: 'error',
    title: 'Input exceeds a safety limit (aliases, nesting or size)',
  },
  InvalidField: {
    code: 'GS010',
    name: 'InvalidField',
    severity: 'error',
    title: 'Field has the wrong type or an invalid value',
  },
  MissingField: {
    code: 'GS011',
    name: 'MissingField',
    severity: 'error',
    title: 'Required field is missing',
  },
  UnknownVersion: {
    code: 'GS012',
    name: 'UnknownVersion',
    severity: 'warning',
    title: 'apiVersion is not a served version of a known kind',
  },
  InvalidObjectName: {
    code: 'GS013',
    name: 'InvalidObjectName',
    severity: 'error',
    title: 'metadata.name or metadata.namespace is not a valid name',
  },
} as const satisfies Record<string, CodeInfo>;

export type ParseCodeName = keyof typeof PARSE_CODES;

/** The table the full catalogue merges. */
export const PARSE_CODE_TABLE: readonly CodeInfo[] = Object.values(PARSE_CODES);

/** The code string written into Diagnostic.code: `GS001-YamlSyntax`. */
export function parseCode(name: ParseCodeName): string {
  const info = PARSE_CODES[name];
  return `${info.code}-${info.name}`;
}
