import { lazy, Suspense, useRef, useState } from 'react';
import { LoadBoundary } from '../load-error/load-boundary';

// Loaded when first opened: it brings the Nix parser and the importer's rules.
const ParentImportDialog = lazy(() => import('./parent-import-dialog').then((m) => ({ default: m.ParentImportDialog })));

/** "Fill from configuration.nix…": the main system panel's import action. */
export function ParentImport() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button-small" onClick={() => setOpen(true)}>
        Fill from configuration.nix…
      </button>
      {open && (
        <LoadBoundary part="The configuration.nix reader" onFailed={() => setOpen(false)}>
          <Suspense fallback={null}>
            <ParentImportDialog
              onClose={() => {
                setOpen(false);
                requestAnimationFrame(() => button.current?.focus());
              }}
            />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}
