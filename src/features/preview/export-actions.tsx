import { useEffect, useRef, useState } from 'react';
import { ErrorsDialog, type ExportAction } from './errors-dialog';
import { copyText, downloadText, FILE_NAME } from './export-file';
import type { PrintedLines } from '../../nix/printer';

const STATUS_MS = 4000;

interface Props {
  /** The module, joined into text only when it is copied or downloaded. */
  module: PrintedLines;
  errors: number;
  /** Moves focus to the problems list. */
  onShowProblems: () => void;
}

/** Copy and Download, with a confirmation first when the module has errors. */
export function ExportActions({ module, errors, onShowProblems }: Props) {
  const [pending, setPending] = useState<ExportAction | null>(null);
  // What was said, and of which text: an edit since then makes it stale ("Copied" is not true of the new text).
  const [status, setStatus] = useState<{ message: string; of: PrintedLines } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const trigger = useRef<HTMLElement | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);

  const announce = (message: string) => {
    setStatus({ message, of: module });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(null), STATUS_MS);
  };

  const run = async (action: ExportAction) => {
    const text = module.text;
    if (action === 'download') {
      downloadText(text, FILE_NAME);
      announce(`Downloaded ${FILE_NAME}`);
    } else if (await copyText(text)) announce('Copied');
    else announce('The browser did not allow copying. Select the text in the editor and press Ctrl+C, or use Download.');
  };

  const request = (action: ExportAction, from: HTMLElement) => {
    trigger.current = from;
    if (errors > 0) setPending(action);
    else void run(action);
  };

  const close = (then?: () => void) => {
    setPending(null);
    if (then) then();
    else trigger.current?.focus();
  };

  return (
    <div className="export-actions">
      <button type="button" onClick={(e) => request('copy', e.currentTarget)}>
        Copy
      </button>
      <button type="button" onClick={(e) => request('download', e.currentTarget)}>
        Download
      </button>
      <p className="export-status" role="status">
        {status !== null && (status.of === module || status.of.text === module.text) ? status.message : ''}
      </p>
      <ErrorsDialog
        action={pending}
        errors={errors}
        onCancel={() => close()}
        onShowProblems={() => close(onShowProblems)}
        onConfirm={() => {
          const action = pending;
          close();
          if (action) void run(action);
        }}
      />
    </div>
  );
}
