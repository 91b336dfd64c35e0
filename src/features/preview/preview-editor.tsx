import { useEffect, useRef } from 'react';
import type { editor } from 'monaco-editor/editor';
import { baseEditorOptions, keepModelOptions } from '../monaco/editor-options';
import { NIX_LANGUAGE } from '../monaco/nix-language';
import { useMonaco } from '../monaco/use-monaco';
import { anyVisible, type LineRange } from './field-lines';
import { lineEdits } from './line-edits';
import { exposePreviewText } from './test-hook';

export const PREVIEW_LABEL = 'Generated Nix';

interface Props {
  text: string;
  /** Lines to highlight and bring into view (those of the focused field). */
  highlight: readonly LineRange[];
}

/** The generated module: plain text while Monaco loads (or if it cannot), then a read-only Monaco editor. */
export function PreviewEditor({ text, highlight }: Props) {
  const state = useMonaco();
  const monaco = state.status === 'ready' ? state.monaco : null;
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const decorationsRef = useRef<editor.IEditorDecorationsCollection | null>(null);
  const textRef = useRef(text);
  const revealedRef = useRef('');

  useEffect(() => {
    textRef.current = text;
  }, [text]);

  useEffect(() => {
    const container = containerRef.current;
    if (!monaco || !container) return;
    const model = monaco.editor.createModel(textRef.current, NIX_LANGUAGE);
    const ed = monaco.editor.create(container, {
      ...baseEditorOptions,
      model,
      readOnly: true,
      ariaLabel: PREVIEW_LABEL,
      readOnlyMessage: { value: 'This is generated from the forms; edit the fields, or the extra Nix of a specialisation.' },
      lineNumbersMinChars: 3,
      folding: true,
      renderLineHighlight: 'none',
      tabFocusMode: true,
      overviewRulerLanes: 1,
    });
    editorRef.current = ed;
    decorationsRef.current = ed.createDecorationsCollection();
    const modelOptions = keepModelOptions(model);
    const unexpose = exposePreviewText(() => model.getValue());
    return () => {
      unexpose();
      modelOptions.dispose();
      decorationsRef.current = null;
      editorRef.current = null;
      revealedRef.current = '';
      ed.dispose();
      model.dispose();
    };
  }, [monaco]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const edits = lineEdits(model.getValue(), text);
    if (edits.length) model.applyEdits(edits);
  }, [monaco, text]);

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
        {text}
      </pre>
    );
  return <div ref={containerRef} className="preview-monaco" />;
}
