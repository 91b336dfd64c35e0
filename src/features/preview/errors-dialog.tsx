import { useEffect, useId, useRef } from 'react';

export type ExportAction = 'copy' | 'download';

interface Props {
  /** The action waiting for confirmation; null keeps the dialog closed. */
  action: ExportAction | null;
  errors: number;
  onConfirm: () => void;
  onShowProblems: () => void;
  onCancel: () => void;
}

/** Asks before copying or downloading a module that has errors. Escape cancels. */
export function ErrorsDialog({ action, errors, onConfirm, onShowProblems, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (action && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      firstButton.current?.focus();
    } else if (!action && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [action]);

  const verb = action === 'download' ? 'Download' : 'Copy';
  const count = `${errors} error${errors === 1 ? '' : 's'}`;
  return (
    <dialog
      ref={ref}
      className="errors-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h3 id={titleId}>The module has {count}</h3>
      <p id={bodyId}>
        NixOS will most likely refuse to build it, or build something other than you meant. Fix the {count} first, or
        {action === 'download' ? ' download' : ' copy'} it anyway.
      </p>
      <div className="errors-dialog-actions">
        <button ref={firstButton} type="button" onClick={onShowProblems}>
          Show problems
        </button>
        <button type="button" onClick={onConfirm}>
          {verb} anyway
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
