import { useRef } from 'react';

interface Props {
  /** Accessible name of the hidden file input. */
  inputLabel: string;
  /** Where the shown text came from (a file name, or `pasted text`); nothing while there is no text. */
  source: string | null;
  onFile: (file: File) => void;
}

/** "Open a .nix file…" and where the text came from: the file side of a dialog that reads Nix. */
export function NixFileSource({ inputLabel, source, onFile }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="import-source">
      <button type="button" className="button-small" onClick={() => fileInput.current?.click()}>
        Open a .nix file…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".nix,text/plain,text/x-nix"
        aria-label={inputLabel}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <span className="import-source-name">{source ? `From ${source}` : ''}</span>
    </div>
  );
}
