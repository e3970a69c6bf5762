/** Positions and messages for parse problems: every one says file:line:col. */
import type { Diagnostic, DiagnosticObject } from '../diagnostics/types.ts';
import { parseCode, PARSE_CODES, type ParseCodeName } from '../diagnostics/parse-codes.ts';
import type { SourcePos } from '../model/types.ts';

export function formatPos(pos: SourcePos): string {
  return `${pos.file}:${pos.line}:${pos.column}`;
}

/** The diagnostic "object" of a problem found before there is an object: the file itself. */
export function fileObject(file: string): DiagnosticObject {
  return { kind: 'File', namespace: '', name: file };
}

/** What little we know about a document that failed validation, for the diagnostic's object. */
export function partialObject(value: Record<string, unknown>, file: string): DiagnosticObject {
  const kind = typeof value['kind'] === 'string' ? value['kind'] : '';
  const meta = value['metadata'];
  const metaRec = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  const name = typeof metaRec['name'] === 'string' ? metaRec['name'] : '';
  const namespace = typeof metaRec['namespace'] === 'string' ? metaRec['namespace'] : '';
  return kind === '' && name === '' ? fileObject(file) : { kind, namespace, name };
}

export function parseDiagnostic(
  name: ParseCodeName,
  source: SourcePos,
  message: string,
  object: DiagnosticObject = fileObject(source.file),
): Diagnostic {
  return {
    code: parseCode(name),
    severity: PARSE_CODES[name].severity,
    object,
    message: `${formatPos(source)}: ${message}`,
    source,
  };
}
