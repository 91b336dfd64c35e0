import { useEffect, useRef } from 'react';
import type { editor } from 'monaco-editor/editor';
import { rawCheck } from '../../nix/raw';
import { useStudio } from '../../store/studio-store';
import { baseEditorOptions, keepModelOptions, LINE_HEIGHT } from '../monaco/editor-options';
import { NIX_LANGUAGE } from '../monaco/nix-language';
import { offerOptionPaths } from '../monaco/option-completion';
import { useOptionIndexSource } from '../options/option-index';
import { useMonaco } from '../monaco/use-monaco';
import { lineEdits } from '../preview/line-edits';
import { syntaxMarker } from './syntax-marker';
import './nix-code-editor.css';

interface Props {
  value: string;
  onChange(value: string): void;
  label: string;
  id: string;
  fieldPath: string;
}

const MIN_LINES = 8;
const MAX_LINES = 20;
const PADDING = 8;
const MARKER_OWNER = 'nix-syntax';

/**
 * Editable Nix with highlighting and syntax errors marked. A plain `<textarea>` stands in until
 * Monaco has loaded, and stays if it cannot load.
 */
export function NixCodeEditor({ value, onChange, label, id, fieldPath }: Props) {
  const state = useMonaco();
  const monaco = state.status === 'ready' ? state.monaco : null;
  const focusField = useStudio((s) => s.focusField);
  // Option paths of the project's release, offered at the start of a binding.
  const optionSource = useOptionIndexSource();
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange, focusField, fieldPath, id, label });
  // Set while the editor is updated from `value`, so that update does not come back through onChange.
  const applyingProps = useRef(false);

  useEffect(() => {
    latest.current = { value, onChange, focusField, fieldPath, id, label };
  }, [value, onChange, focusField, fieldPath, id, label]);

  useEffect(() => {
    const container = containerRef.current;
    if (!monaco || !container) return;
    const model = monaco.editor.createModel(latest.current.value, NIX_LANGUAGE);
    const ed = monaco.editor.create(container, {
      ...baseEditorOptions,
      model,
      ariaLabel: latest.current.label,
      lineNumbersMinChars: 2,
      folding: false,
      glyphMargin: false,
      wordWrap: 'on',
      padding: { top: PADDING / 2, bottom: PADDING / 2 },
      scrollbar: { alwaysConsumeMouseWheel: false, vertical: 'auto' },
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
    });
    editorRef.current = ed;
    // The text area inside gets the field's id, so a `<label for>` still focuses the editor.
    ed.getDomNode()?.querySelector('textarea')?.setAttribute('id', latest.current.id);

    const resize = () => {
      const lines = Math.min(MAX_LINES, Math.max(MIN_LINES, Math.ceil(ed.getContentHeight() / LINE_HEIGHT)));
      container.style.height = `${lines * LINE_HEIGHT + PADDING}px`;
    };
    resize();
    const subscriptions = [
      ...(optionSource ? [offerOptionPaths(monaco, model, optionSource)] : []),
      keepModelOptions(model),
      ed.onDidContentSizeChange(resize),
      ed.onDidChangeModelContent(() => {
        if (!applyingProps.current) latest.current.onChange(model.getValue());
      }),
      ed.onDidFocusEditorText(() => latest.current.focusField(latest.current.fieldPath)),
    ];
    return () => {
      subscriptions.forEach((s) => s.dispose());
      editorRef.current = null;
      ed.dispose();
      model.dispose();
    };
  }, [monaco, optionSource]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
    editorRef.current?.getDomNode()?.querySelector('textarea')?.setAttribute('id', id);
  }, [label, id]);

  useEffect(() => {
    const ed = editorRef.current;
    const model = ed?.getModel();
    if (!monaco || !ed || !model) return;
    const edits = lineEdits(model.getValue(), value);
    if (edits.length) {
      applyingProps.current = true;
      try {
        ed.pushUndoStop();
        ed.executeEdits('props', edits.map((e) => ({ ...e, forceMoveMarkers: true })));
        ed.pushUndoStop();
      } finally {
        applyingProps.current = false;
      }
    }
    const { error } = rawCheck(value);
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      error ? [{ ...syntaxMarker(value, error), severity: monaco.MarkerSeverity.Error, source: 'Nix syntax' }] : [],
    );
  }, [monaco, value]);

  if (!monaco)
    return (
      <textarea
        id={id}
        className="nix-code-fallback"
        aria-label={label}
        data-field-path={fieldPath}
        value={value}
        rows={MIN_LINES}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onFocus={() => focusField(fieldPath)}
      />
    );
  return (
    <div className="nix-code-editor-wrap">
      <div
        ref={containerRef}
        className="nix-code-editor"
        data-field-path={fieldPath}
        tabIndex={-1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) editorRef.current?.focus();
        }}
      />
      <p className="nix-code-hint">Tab indents; press Ctrl+M first to move focus with Tab instead.</p>
    </div>
  );
}
