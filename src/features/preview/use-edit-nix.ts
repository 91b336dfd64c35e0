import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../../nixos/import/report';
import type { Project } from '../../model/types';
import type { PrintedLines } from '../../nix/printer';
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
  /** What the editor shows: the user's text while editing, the generated module's lines otherwise. */
  text: string | PrintedLines;
  onEdit: (text: string) => void;
  problems: SyntaxProblem[];
  status: EditNixStatus;
}

const same = (a: Project, b: Project) => JSON.stringify(a) === JSON.stringify(b);

/** Whether Edit Nix should open at start: its text was saved and the project does not hold it yet. */
export const restoresEditNix = () => studioStore.getState().restoredEditNix !== null;

/**
 * Edit Nix: the user edits the module's text; after a pause it is read back (the importer, with
 * the project's release, parent system and default entry kept) and the forms follow, typing
 * bursts being one undo step. Text that is not Nix leaves the project as it was and is marked.
 * When the project changes from elsewhere (a form, Undo), the editor shows the generated text again.
 * Until the project holds it, the text itself is saved at each keystroke (a crash loses nothing),
 * and at the next start Edit Nix opens with it and reads it again.
 */
export function useEditNix(editing: boolean, generated: PrintedLines): EditNix {
  const project = useStudio((s) => s.project);
  const keep = useStudio((s) => s.keepEditNixText);
  // The saved text and the project it was restored on; it is shown until that project changes.
  const [start] = useState(() => (editing ? { text: studioStore.getState().restoredEditNix, on: project } : null));
  const restored = useRef(start);
  const [text, setText] = useState(() => start?.text ?? generated.text);
  // Entering Edit Nix starts from the generated text of that moment: set while rendering, so no render shows the text
  // of an earlier time (outside Edit Nix the state is not kept up to date, see below).
  const [wasEditing, setWasEditing] = useState(editing);
  if (editing !== wasEditing) {
    setWasEditing(editing);
    setText((was) => (editing ? generated.text : was));
  }
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

  const readSoon = useCallback((next: string) => {
    stop();
    timer.current = setTimeout(() => {
      setStatus({ kind: 'reading' });
      const { project: current } = studioStore.getState();
      const started = startImport(next, { release: current.nixosRelease, base: current.base, defaultEntry: current.defaultEntry, previous: current, recover: false });
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
        if (!same(result.project, state.project)) {
          applied.current = result.project;
          state.setProject(result.project, { coalesce: 'edit-nix' });
        }
        // The project (saved with it) holds the text now.
        state.keepEditNixText(null);
      });
    }, DEBOUNCE_MS);
  }, []);

  useEffect(() => {
    if (editing && project === applied.current) return;
    const saved = restored.current;
    if (editing && saved?.text != null && project === saved.on) {
      readSoon(saved.text);
      return;
    }
    restored.current = null;
    stop();
    // Outside Edit Nix the generated text is shown as it is (see the return): setting it here too would render the
    // preview a second time at every keystroke. Entering Edit Nix runs this again and starts from it.
    setText((was) => (editing ? generated.text : was));
    setProblems((was) => (was.length ? [] : was));
    setStatus((was) => (was.kind === 'ready' ? was : { kind: 'ready' }));
    keep(null);
  }, [editing, project, generated, keep, readSoon]);

  useEffect(() => stop, []);

  const onEdit = useCallback(
    (next: string) => {
      setText(next);
      // Saved before anything else happens, as a form edit is.
      keep(next);
      readSoon(next);
    },
    [keep, readSoon],
  );

  return { text: editing ? text : generated, onEdit, problems: editing ? problems : [], status };
}
