import { useEffect, useRef, useState } from 'react';
import type * as MonacoApi from 'monaco-editor/editor';
import { loadMonaco } from '../monaco/load-monaco';

/**
 * Monaco's diff editor, read-only: the file as it is on the left, patched on the right (inline on a
 * narrow screen). Monaco is loaded when this is shown; until then, and if it cannot load, the
 * patched text is shown as plain text.
 */
export function PatchDiff({ original, patched, label }: { original: string; patched: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<{ diff: MonacoApi.editor.IStandaloneDiffEditor; models: MonacoApi.editor.ITextModel[] } | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (monaco) => {
        if (!live || !host.current) return;
        const diff = monaco.editor.createDiffEditor(host.current, {
          readOnly: true,
          originalEditable: false,
          automaticLayout: true,
          // Side by side where there is room, inline on a narrow screen (Monaco's own breakpoint).
          renderSideBySide: true,
          // The changes with a few lines around them; the rest folds away (and opens with a click).
          hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 10 },
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
        });
        const models = [monaco.editor.createModel(original, 'nix'), monaco.editor.createModel(patched, 'nix')];
        diff.setModel({ original: models[0], modified: models[1] });
        // The diff editor leaves its two editors' text boxes unnamed (aria-label=""): they are named here,
        // again whenever Monaco redraws them.
        const name = () => {
          for (const [side, text] of [['original', `${label} as it is`], ['modified', `${label} patched`]] as const)
            host.current?.querySelectorAll(`.${side}-in-monaco-diff-editor [role="textbox"]`).forEach((box) => {
              if (box.getAttribute('aria-label') !== text) box.setAttribute('aria-label', text);
            });
        };
        name();
        const observer = new MutationObserver(name);
        observer.observe(host.current, { subtree: true, childList: true, attributeFilter: ['aria-label'] });
        diff.onDidDispose(() => observer.disconnect());
        editor.current = { diff, models };
        setState('ready');
      },
      () => live && setState('failed'),
    );
    return () => {
      live = false;
      editor.current?.diff.dispose();
      editor.current?.models.forEach((m) => m.dispose());
      editor.current = null;
    };
    // The editor is made once; text changes go through setValue below.
    // The editor is made once; text changes go through setValue below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    if (e.models[0].getValue() !== original) e.models[0].setValue(original);
    if (e.models[1].getValue() !== patched) e.models[1].setValue(patched);
  }, [original, patched, state]);

  return (
    <div className="patch-diff" role="group" aria-label={`Changes to ${label}`}>
      <div ref={host} className="patch-diff-editor" hidden={state === 'failed'} data-state={state} />
      {state !== 'ready' && (
        <pre className="mono patch-diff-plain" tabIndex={0} aria-label={`${label} patched`}>
          {patched}
        </pre>
      )}
    </div>
  );
}
