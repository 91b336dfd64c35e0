import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from '../preview/export-file';

const STATUS_MS = 4000;

/** A message for a polite live region that clears itself after a while. */
export function useAnnouncer(ms = STATUS_MS): [string, (message: string) => void] {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback(
    (message: string) => {
      setStatus(message);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(''), ms);
    },
    [ms],
  );
  return [status, announce];
}

interface Props {
  /** Exactly what goes on the clipboard. */
  text: string;
  /** Receives the confirmation (or why copying failed), for a live region the caller owns. */
  onResult: (message: string) => void;
}

/** "Copy", named "Copy: <text>" for assistive technology, so several on a page stay distinct. */
export function CopyButton({ text, onResult }: Props) {
  return (
    <button
      type="button"
      className="button-small copy-button"
      aria-label={`Copy: ${text}`}
      onClick={async () =>
        onResult((await copyText(text)) ? `Copied: ${text}` : 'The browser did not allow copying. Select the command and press Ctrl+C.')
      }
    >
      Copy
    </button>
  );
}
