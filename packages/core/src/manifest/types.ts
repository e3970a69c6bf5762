import type { Diagnostic } from '../diagnostics/types.ts';
import type { SourcePos } from '../model/types.ts';

/** One input file (or pasted buffer). `name` appears in every position. */
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

/** One Kubernetes object as written, before normalize. */
export interface RawDocument {
  readonly object: Record<string, unknown>;
  readonly source: SourcePos;
  /** Position over all input (files in the order given, then documents, then List items). */
  readonly order: number;
}

export interface ParseResult {
  readonly docs: RawDocument[];
  readonly diagnostics: Diagnostic[];
}
