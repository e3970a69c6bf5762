/**
 * Field positions for analysis diagnostics: analysis knows the object (its source position) and
 * the field path (`spec.rules[0].backendRefs[1]`); given the input text, this finds where that
 * field is written so `file:line:col` points at the problem, not at the object's first line.
 * Pure: the caller passes the texts it loaded. Each file is parsed again at most once.
 */
import type { FieldLocator } from '../manifest/locate.ts';
import { TextLocator } from '../manifest/locate.ts';
import type { ManifestFile } from '../manifest/types.ts';
import type { Diagnostic } from './types.ts';

/** Beyond this many diagnostics the object positions are kept (the lookup is not free). */
const MAX_PINPOINTED = 2000;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface FileIndex {
  readonly starts: readonly number[];
  readonly locator: TextLocator;
  readonly objects: Map<number, FieldLocator>;
}

function indexFile(file: ManifestFile): FileIndex {
  const starts = lineStarts(file.text);
  const locator = new TextLocator(file.text, (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { file: file.name, line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  });
  return { starts, locator, objects: new Map() };
}

/** The diagnostics with `source` moved from the object's start to its `field`, where found. */
export function pinpointDiagnostics(
  files: readonly ManifestFile[],
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  if (diagnostics.length > MAX_PINPOINTED) return [...diagnostics];
  const byName = new Map(files.map((f) => [f.name, f]));
  const indexes = new Map<string, FileIndex>();
  return diagnostics.map((d) => {
    if (d.source === undefined || d.field === undefined) return d;
    const file = byName.get(d.source.file);
    if (file === undefined) return d;
    let index = indexes.get(file.name);
    if (index === undefined) {
      index = indexFile(file);
      indexes.set(file.name, index);
    }
    const rootOffset = (index.starts[d.source.line - 1] ?? 0) + d.source.column - 1;
    let locate = index.objects.get(rootOffset);
    if (locate === undefined) {
      locate = index.locator.forObject(rootOffset);
      index.objects.set(rootOffset, locate);
    }
    const at = locate(d.field);
    return at === undefined ? d : { ...d, source: at };
  });
}
