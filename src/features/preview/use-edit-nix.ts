import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../../nix/import/report';
import type { Project } from '../../model/types';
import { studioStore, useStudio } from '../../store/studio-store';
import { startImport, type ImportRun } from '../import/run-import';
import type { SyntaxProblem } from './preview-editor';

const DEBOUNCE_MS = 400;

export type EditNixStatus =
  | { kind: 'ready' }
  | { kind: 'reading' }
  | { kind: 'applied'; report: ImportReport }
  | { kind: 'error'; problem: SyntaxProblem };

export interface EditNix {
  /** What the editor shows: the user's text while editing, the generated text otherwise. */
  text: string;
  onEdit: (text: string) => void;
  problems: SyntaxProblem[];
  status: EditNixStatus;
}

const same = (a: Project, b: Project) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edit Nix: the user edits the module's text; after a pause it is read back (the importer, with
 * the project's release, parent system and default entry kept) and the forms follow, typing
 * bursts being one undo step. Text that is not Nix leaves the project as it was and is marked.
 * When the project changes from elsewhere (a form, Undo), the editor shows the generated text again.
 */
export function useEditNix(editing: boolean, generated: string): EditNix {
  const project = useStudio((s) => s.project);
  const [text, setText] = useState(generated);
  const [problems, setProblems] = useState<SyntaxProblem[]>([]);
  const [status, setStatus] = useState<EditNixStatus>({ kind: 'ready' });
  const applied = useRef<Project | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const run = useRef<ImportRun | null>(null);

  const stop = () => {
    clearTimeout(timer.current);
    run.current?.cancel();
    run.current = null;
  };

  useEffect(() => {
    if (editing && project === applied.current) return;
    stop();
    setText(generated);
    setProblems([]);
    setStatus({ kind: 'ready' });
  }, [editing, project, generated]);

  useEffect(() => stop, []);

  const onEdit = useCallback((next: string) => {
    setText(next);
    stop();
    timer.current = setTimeout(() => {
      setStatus({ kind: 'reading' });
      const { project: current } = studioStore.getState();
      const started = startImport(next, { release: current.nixosRelease, base: current.base, defaultEntry: current.defaultEntry, recover: false });
      run.current = started;
      void started.result.then((result) => {
        if (run.current !== started) return;
        run.current = null;
        if (!result.ok) {
          setProblems([result.error]);
          setStatus({ kind: 'error', problem: result.error });
          return;
        }
        setProblems([]);
        setStatus({ kind: 'applied', report: result.report });
        const state = studioStore.getState();
        if (same(result.project, state.project)) return;
        applied.current = result.project;
        state.setProject(result.project, { coalesce: 'edit-nix' });
      });
    }, DEBOUNCE_MS);
  }, []);

  return { text: editing ? text : generated, onEdit, problems: editing ? problems : [], status };
}
