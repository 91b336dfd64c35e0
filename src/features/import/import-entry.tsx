import { lazy, Suspense, useRef, useState } from 'react';
import { useStudio } from '../../store/studio-store';
import { LoadBoundary } from '../load-error/load-boundary';
import type { ImportSource } from './import-dialog';
import { useFileDrop } from './use-file-drop';

// Loaded when first opened: importing is rare, and the page's first paint should not wait for it.
const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })));

/**
 * "Import Nix…" and the page as a drop target: a dropped .nix file (or text) opens the import
 * dialog with it, a dropped .json project opens through `onProjectFile`.
 */
export function ImportEntry({ onProjectFile }: { onProjectFile: (file: File) => void }) {
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState<ImportSource | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const notify = useStudio((s) => s.notify);
  const dragging = useFileDrop({
    onProjectFile,
    onNix: (source) => {
      setInitial(source);
      setOpen(true);
    },
    onTooBig: (name) => notify({ kind: 'error', message: `${name} is too big to import. Your project is unchanged.` }),
    onUnreadable: (message) => notify({ kind: 'error', message: `${message} Your project is unchanged.` }),
  });
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button"
        onClick={() => {
          setInitial(null);
          setOpen(true);
        }}
      >
        Import Nix…
      </button>
      {open && (
        <LoadBoundary part="The import dialog" onFailed={() => setOpen(false)}>
          <Suspense fallback={null}>
            <ImportDialog
              key={initial ? `${initial.name}:${initial.text.length}` : 'new'}
              initial={initial}
              onClose={() => {
                setOpen(false);
                // After the modal dialog is gone: while it is open, the rest of the page cannot take focus.
                requestAnimationFrame(() => button.current?.focus());
              }}
            />
          </Suspense>
        </LoadBoundary>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a .nix file to import its specialisations, or a .json project to open it</p>
        </div>
      )}
    </>
  );
}
