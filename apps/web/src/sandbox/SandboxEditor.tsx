/**
 * CodeMirror 6 YAML editor. The contenteditable itself carries data-testid="sandbox-editor" so
 * Playwright's fill() and keyboard typing work on it. Parse errors and diagnostics arrive as
 * props and are shown inline with @codemirror/lint.
 */
import { useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  foldGutter,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { lintGutter, setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';

/** Colours come from CSS variables (sandbox.css) so both themes stay readable. */
const YAML_HIGHLIGHT = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--syn-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--syn-string)' },
  { tag: [tags.number, tags.integer, tags.float], color: 'var(--syn-number)' },
  { tag: [tags.bool, tags.null, tags.atom, tags.keyword], color: 'var(--syn-atom)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  {
    tag: [tags.meta, tags.documentMeta, tags.processingInstruction, tags.labelName],
    color: 'var(--syn-meta)',
  },
  { tag: [tags.typeName, tags.tagName], color: 'var(--syn-atom)' },
]);

export interface EditorProblem {
  readonly line: number;
  readonly column?: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

interface Props {
  readonly value: string;
  /** Changes when the text is replaced from outside (scenario, share link, file drop). */
  readonly loadTick: number;
  readonly onChange: (text: string) => void;
  readonly problems: readonly EditorProblem[];
}

export function SandboxEditor({ value, loadTick, onChange, problems }: Props): ReactElement {
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const initial = useRef(value);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (host.current === null) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(YAML_HIGHLIGHT),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          yaml(),
          lintGutter(),
          placeholder(
            'Paste, type or drop Kubernetes YAML here (multi-document, kind: List, kubectl get -o yaml)…',
          ),
          // tabindex: the editor's scroll region then has focusable content for assistive tech
          // (axe scrollable-region-focusable); contenteditable alone does not count.
          EditorView.contentAttributes.of({
            'data-testid': 'sandbox-editor',
            'aria-label': 'Sandbox YAML',
            tabindex: '0',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.isUserEvent('external'))) {
              onChangeRef.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // Text replaced from outside the editor: swap the document without echoing it back.
  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === value) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
      userEvent: 'external',
    });
    // Only external loads drive this effect; typing goes editor → store and already matches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadTick]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    editor.dispatch(setDiagnostics(editor.state, toLint(editor.state, problems)));
  }, [problems]);

  return <div className="sb-editor" ref={host} />;
}

function toLint(state: EditorState, problems: readonly EditorProblem[]): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const p of problems) {
    if (p.line < 1 || p.line > state.doc.lines) continue;
    const line = state.doc.line(p.line);
    const from = Math.min(line.from + Math.max(0, (p.column ?? 1) - 1), line.to);
    out.push({ from, to: Math.max(from, line.to), severity: p.severity, message: p.message });
  }
  return out;
}
