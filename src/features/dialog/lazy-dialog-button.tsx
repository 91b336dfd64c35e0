import { Suspense, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { LoadBoundary } from '../load-error/load-boundary';

interface Props {
  /** The button's text. */
  label: ReactNode;
  className: string;
  /** What the dialog is, for the message when its code cannot be loaded ("The patch view"). */
  part: string;
  /** The dialog, loaded with `lazy()` when first opened. */
  dialog: ComponentType<{ onClose: () => void }>;
}

/** A button that opens a dialog loaded on first use; closing it gives the focus back to the button. */
export function LazyDialogButton({ label, className, part, dialog: Dialog }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <LoadBoundary part={part} onFailed={() => setOpen(false)}>
          <Suspense fallback={null}>
            <Dialog
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
