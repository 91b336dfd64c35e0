import { useEffect, useRef } from 'react';
import type { editor } from 'monaco-editor/editor';
import { baseEditorOptions, keepModelOptions } from '../monaco/editor-options';
import { NIX_LANGUAGE } from '../monaco/nix-language';
import { offerOptionPaths } from '../monaco/option-completion';
import { useMonaco } from '../monaco/use-monaco';
import { useOptionIndexSource } from '../options/option-index';
import { syntaxMarker } from '../code/syntax-marker';
import { anyVisible, type LineRange } from './field-lines';
import { changedPartEdits, lineEdits } from './line-edits';
import { PrintedLines } from '../../nix/printer';
import { exposePreviewText } from './test-hook';

export const PREVIEW_LABEL = 'Generated Nix';
export const EDIT_LABEL = 'Nix (editable)';
const MARKER_OWNER = 'edit-nix';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

interface Props {
  /** The user's text in Edit Nix; otherwise the generated module's lines, compared part by part (see below). */
  text: string | PrintedLines;
  /** Lines to highlight and bring into view (those of the focused field). */
  highlight: readonly LineRange[];
  /** Edit Nix: the user edits the text, and every change of it is reported. */
  editable?: boolean;
  onEdit?: (text: string) => void;
  /** Where the edited text is not Nix, drawn as markers. */
  problems?: readonly SyntaxProblem[];
}

/**
 * The generated module: plain text while Monaco loads (or if it cannot), then a Monaco editor —
 * read-only, or editable in Edit Nix mode. Updates from `text` never come back through `onEdit`.
 */
export function PreviewEditor({ text: given, highlight, editable = false, onEdit, problems = [] }: Props) {
  const state = useMonaco();
  const monaco = state.status === 'ready' ? state.monaco : null;
  // Option paths of the project's release, offered at the start of a binding while editing (Edit Nix).
  const optionSource = useOptionIndexSource();
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const decorationsRef = useRef<editor.IEditorDecorationsCollection | null>(null);
  const textRef = useRef(given);
  const revealedRef = useRef('');
  const latest = useRef({ editable, onEdit });
  // Set while the editor is updated from `text`, so that update is not reported as an edit.
  const applying = useRef(false);
  // The model's text while only `text` changed it (null after the user's own edits): comparing the next text with
  // it spares reading the whole model back (half a megabyte in a big project) at every keystroke. Generated lines
  // are compared part by part: only the parts that changed (a line, or one specialisation's kept piece) are joined.
  const shown = useRef<string | PrintedLines | null>(null);

  useEffect(() => {
    textRef.current = given;
    latest.current = { editable, onEdit };
  }, [given, editable, onEdit]);

  useEffect(() => {
    const container = containerRef.current;
    if (!monaco || !container) return;
    const model = monaco.editor.createModel(textOf(textRef.current), NIX_LANGUAGE);
    shown.current = textRef.current;
    const ed = monaco.editor.create(container, {
      ...baseEditorOptions,
      model,
      readOnly: true,
      // The text area itself is read-only too: nothing to paste into, nothing for a browser to block.
      domReadOnly: true,
      ariaLabel: PREVIEW_LABEL,
      readOnlyMessage: { value: 'This is generated from the forms: edit the fields, or press Edit Nix to edit this text.' },
      lineNumbersMinChars: 3,
      folding: true,
      renderLineHighlight: 'none',
      tabFocusMode: true,
      overviewRulerLanes: 1,
    });
    editorRef.current = ed;
    decorationsRef.current = ed.createDecorationsCollection();
    const modelOptions = keepModelOptions(model);
    const completion = optionSource ? offerOptionPaths(monaco, model, optionSource) : null;
    const edits = ed.onDidChangeModelContent(() => {
      if (applying.current) return;
      shown.current = null;
      if (latest.current.editable) latest.current.onEdit?.(model.getValue());
    });
    const unexpose = exposePreviewText(() => model.getValue());
    return () => {
      unexpose();
      completion?.dispose();
      edits.dispose();
      modelOptions.dispose();
      decorationsRef.current = null;
      editorRef.current = null;
      revealedRef.current = '';
      shown.current = null;
      ed.dispose();
      model.dispose();
    };
  }, [monaco, optionSource]);

  useEffect(() => {
    editorRef.current?.updateOptions({
      readOnly: !editable,
      domReadOnly: !editable,
      ariaLabel: editable ? EDIT_LABEL : PREVIEW_LABEL,
      renderLineHighlight: editable ? 'line' : 'none',
    });
  }, [monaco, editable]);

  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!ed || !model) return;
    const before = shown.current;
    const edits =
      before instanceof PrintedLines && given instanceof PrintedLines
        ? changedPartEdits(before, given)
        : lineEdits(before === null ? model.getValue() : textOf(before), textOf(given));
    if (!edits.length) return;
    applying.current = true;
    try {
      if (editable) {
        // An edit of its own, so Ctrl+Z in the editor steps back over it like over typing.
        ed.pushUndoStop();
        ed.executeEdits('preview', edits.map((e) => ({ ...e, forceMoveMarkers: true })));
        ed.pushUndoStop();
      } else model.applyEdits(edits);
      shown.current = given;
    } finally {
      applying.current = false;
    }
  }, [monaco, given, editable]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    const value = model.getValue();
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      problems.map((p) => ({ ...syntaxMarker(value, p), severity: monaco.MarkerSeverity.Error, source: 'Nix syntax' })),
    );
  }, [monaco, problems]);

  useEffect(() => {
    const ed = editorRef.current;
    const decorations = decorationsRef.current;
    if (!monaco || !ed || !decorations) return;
    decorations.set(
      highlight.map((r) => ({
        range: new monaco.Range(r.start, 1, r.end, 1),
        options: {
          isWholeLine: true,
          className: 'preview-focused-line',
          linesDecorationsClassName: 'preview-focused-margin',
          overviewRuler: { color: '#1f4f8f99', position: monaco.editor.OverviewRulerLane.Full },
        },
      })),
    );
    // Scroll only when the highlighted lines changed and none of them is on screen, so typing in a
    // field whose lines the user can already see never moves the view.
    const key = highlight.map((r) => `${r.start}-${r.end}`).join(',');
    const first = highlight[0];
    const visible = ed.getVisibleRanges().map((r) => ({ start: r.startLineNumber, end: r.endLineNumber }));
    if (first && key !== revealedRef.current && !anyVisible(highlight, visible)) {
      const rows = visible.reduce((n, r) => n + r.end - r.start + 1, 0) || 1;
      ed.revealLinesInCenter(first.start, Math.min(first.end, first.start + rows - 2), monaco.editor.ScrollType.Smooth);
    }
    revealedRef.current = key;
  }, [monaco, highlight]);

  if (!monaco && editable)
    return (
      <textarea
        className="preview-plain preview-plain-editable"
        aria-label={EDIT_LABEL}
        aria-invalid={problems.length > 0}
        value={textOf(given)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => onEdit?.(e.target.value)}
      />
    );
  if (!monaco)
    return (
      <pre
        className="preview-plain"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={PREVIEW_LABEL}
        aria-busy={state.status === 'loading'}
        tabIndex={0}
      >
        {textOf(given)}
      </pre>
    );
  return <div ref={containerRef} className="preview-monaco" />;
}

const textOf = (t: string | PrintedLines): string => (typeof t === 'string' ? t : t.text);
