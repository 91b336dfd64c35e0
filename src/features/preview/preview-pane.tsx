import { useCallback, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '../../model/types';
import { useDerived } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { revealField } from '../parent/reveal-field';
import { EditNixStatusLine } from './edit-nix-status';
import { ExportActions } from './export-actions';
import { linesForField, type LineRange } from './field-lines';
import { focusFieldByPath } from './focus-field';
import { HowToUse } from './how-to-use';
import { PreviewEditor } from './preview-editor';
import { parentNotes, sortProblems } from './problems';
import { ProblemsList } from './problems-list';
import { restoresEditNix, useEditNix } from './use-edit-nix';
import './preview-pane.css';
import { useSameArray } from '../../store/same-array';

const NO_LINES: never[] = [];

/**
 * `next`, or the previous value while `key` (what the value says) is the same: typing makes new arrays of the
 * same lines and notes at every keystroke, and an unchanged one spares the editor's decorations and the
 * problems list a pass.
 */
function useSame<T>(next: T, key: string): T {
  const [kept, setKept] = useState({ key, value: next });
  if (kept.key === key) return kept.value;
  // Derived from the previous render's value: React renders again at once with this one.
  setKept({ key, value: next });
  return next;
}

/** The generated module with Copy, Download and Edit Nix, the problems list and how to use the file. */
export function PreviewPane() {
  // The module's lines, not its text: joining tens of thousands of lines at every keystroke is what the preview avoids.
  const { lines: module, sourceMap, diagnostics, errors, warnings } = useDerived();
  const focusedField = useStudio((s) => s.focusedField);
  const select = useStudio((s) => s.select);
  const firstName = useStudio((s) => s.project.specialisations[0]?.name);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  // Edit Nix opens at start when its text was saved and the project does not hold it yet.
  const [editing, setEditing] = useState(restoresEditNix);
  const edit = useEditNix(editing, module);

  const fieldLines = useMemo(() => linesForField(sourceMap, focusedField), [sourceMap, focusedField]);
  const highlight = useSame<LineRange[]>(fieldLines, fieldLines.map((r) => `${r.start}-${r.end}`).join(','));
  const sorted = useMemo(() => sortProblems(diagnostics), [diagnostics]);
  const problems = useSame(sorted, useMemo(() => diagnosticsKey(sorted), [sorted]));
  const names = useStudio(useSameArray((s) => s.project.specialisations.map((x) => x.name)));
  const notes = useStudio(useSameArray((s) => parentNotes(s.project).map(noteKey)));

  const showProblems = useCallback(() => {
    problemsHeading.current?.focus();
    problemsHeading.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const pick = useCallback(
    (path: string) => {
      revealField(path);
      void focusFieldByPath(path, select);
    },
    [select],
  );
  const describeParent = useCallback(() => pick('base'), [pick]);
  const noteList = useMemo(() => notes.map(fromNoteKey), [notes]);

  return (
    <div className="preview-pane">
      <div className="preview-toolbar">
        <ExportActions module={module} errors={errors} onShowProblems={showProblems} />
        <button
          type="button"
          className={editing ? 'edit-nix-toggle edit-nix-on' : 'edit-nix-toggle'}
          aria-pressed={editing}
          onClick={() => setEditing((on) => !on)}
        >
          Edit Nix
        </button>
      </div>
      {editing && <EditNixStatusLine status={edit.status} />}
      <PreviewEditor
        text={edit.text}
        highlight={editing ? NO_LINES : highlight}
        editable={editing}
        onEdit={edit.onEdit}
        problems={edit.problems}
      />
      <ProblemsList
        problems={problems}
        errors={errors}
        warnings={warnings}
        names={names}
        onPick={pick}
        headingRef={problemsHeading}
        notes={noteList}
        onDescribeParent={describeParent}
      />
      <HowToUse firstName={firstName} />
    </div>
  );
}

/**
 * What the diagnostics say, in order: equal keys mean lists that show the same. Checks across specialisations
 * (shared uids) make new objects at every change, so identities alone would render the list at every keystroke.
 */
function diagnosticsKey(list: readonly Diagnostic[]): string {
  return list.map((d) => `${d.severity}\u0000${d.path}\u0000${d.message}`).join('\u0001');
}

/** A note as one string (its path, then its message), so a selector can compare the notes shallowly. */
const noteKey = (n: { path: string; message: string }) => `${n.path}\n${n.message}`;
const fromNoteKey = (key: string) => {
  const at = key.indexOf('\n');
  return { path: key.slice(0, at), message: key.slice(at + 1) };
};
