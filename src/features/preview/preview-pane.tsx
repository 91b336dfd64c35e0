import { useCallback, useMemo, useRef, useState } from 'react';
import { useDerived } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { revealField } from '../parent/reveal-field';
import { EditNixStatusLine } from './edit-nix-status';
import { ExportActions } from './export-actions';
import { linesForField } from './field-lines';
import { focusFieldByPath } from './focus-field';
import { HowToUse } from './how-to-use';
import { PreviewEditor } from './preview-editor';
import { parentNotes, sortProblems } from './problems';
import { ProblemsList } from './problems-list';
import { restoresEditNix, useEditNix } from './use-edit-nix';
import './preview-pane.css';

const NO_LINES: never[] = [];

/** The generated module with Copy, Download and Edit Nix, the problems list and how to use the file. */
export function PreviewPane() {
  const { text, sourceMap, diagnostics, errors, warnings } = useDerived();
  const focusedField = useStudio((s) => s.focusedField);
  const select = useStudio((s) => s.select);
  const specialisations = useStudio((s) => s.project.specialisations);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  // Edit Nix opens at start when its text was saved and the project does not hold it yet.
  const [editing, setEditing] = useState(restoresEditNix);
  const edit = useEditNix(editing, text);

  const highlight = useMemo(() => linesForField(sourceMap, focusedField), [sourceMap, focusedField]);
  const problems = useMemo(() => sortProblems(diagnostics), [diagnostics]);
  const names = useMemo(() => specialisations.map((s) => s.name), [specialisations]);
  const base = useStudio((s) => s.project.base);
  const notes = useMemo(() => parentNotes({ base, specialisations }), [base, specialisations]);

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

  return (
    <div className="preview-pane">
      <div className="preview-toolbar">
        <ExportActions text={text} errors={errors} onShowProblems={showProblems} />
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
        notes={notes}
        onDescribeParent={() => pick('base')}
      />
      <HowToUse firstName={specialisations[0]?.name} />
    </div>
  );
}
