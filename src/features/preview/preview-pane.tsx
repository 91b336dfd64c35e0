import { useCallback, useMemo, useRef } from 'react';
import { useDerived } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { ExportActions } from './export-actions';
import { linesForField } from './field-lines';
import { focusFieldByPath } from './focus-field';
import { HowToUse } from './how-to-use';
import { PreviewEditor } from './preview-editor';
import { sortProblems } from './problems';
import { ProblemsList } from './problems-list';
import './preview-pane.css';

/** The generated module with Copy and Download, the problems list and how to use the file. */
export function PreviewPane() {
  const { text, sourceMap, diagnostics, errors, warnings } = useDerived();
  const focusedField = useStudio((s) => s.focusedField);
  const select = useStudio((s) => s.select);
  const specialisations = useStudio((s) => s.project.specialisations);
  const problemsHeading = useRef<HTMLHeadingElement>(null);

  const highlight = useMemo(() => linesForField(sourceMap, focusedField), [sourceMap, focusedField]);
  const problems = useMemo(() => sortProblems(diagnostics), [diagnostics]);
  const names = useMemo(() => specialisations.map((s) => s.name), [specialisations]);

  const showProblems = useCallback(() => {
    problemsHeading.current?.focus();
    problemsHeading.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const pick = useCallback((path: string) => void focusFieldByPath(path, select), [select]);

  return (
    <div className="preview-pane">
      <ExportActions text={text} errors={errors} onShowProblems={showProblems} />
      <PreviewEditor text={text} highlight={highlight} />
      <ProblemsList
        problems={problems}
        errors={errors}
        warnings={warnings}
        names={names}
        onPick={pick}
        headingRef={problemsHeading}
      />
      <HowToUse firstName={specialisations[0]?.name} />
    </div>
  );
}
