import { lazy, Suspense, useRef, useState } from 'react';
import { useConfigurationFile } from '../../store/configuration-file';
import { LoadBoundary } from '../load-error/load-boundary';

// Loaded when first opened (with Monaco's diff editor after it): not part of the first load.
const PatchDialog = lazy(() => import('./patch-dialog').then((m) => ({ default: m.PatchDialog })));

/** "Patch configuration.nix…": there once a configuration has been opened through Import or Fill. */
export function PatchEntry() {
  const name = useConfigurationFile((s) => s.file?.name ?? null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (name === null) return null;
  const label = name === 'pasted text' ? 'configuration.nix' : name;
  return (
    <>
      <button ref={button} type="button" className="button" onClick={() => setOpen(true)}>
        Patch {label}…
      </button>
      {open && (
        <LoadBoundary part="The patch view" onFailed={() => setOpen(false)}>
          <Suspense fallback={null}>
            <PatchDialog
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
