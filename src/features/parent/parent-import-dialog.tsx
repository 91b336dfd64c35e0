import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { NixFileSource } from '../import/nix-file-source';
import type { Base } from '../../model/types';
import { importBase } from '../../nixos/import/import-base';
import { releaseLabel } from '../../nixos/releases';
import { configurationFileStore } from '../../store/configuration-file';
import { studioStore, undo, useStudio } from '../../store/studio-store';
import '../import/import.css';
import { readTextFile } from '../import/read-text-file';
import { useModal } from '../dialog/use-modal';

const MAX_FILE_BYTES = 8_000_000;
const DEBOUNCE_MS = 300;

/**
 * Sets `project.base` as one step of the history, with an Undo right there: the main system is
 * never replaced without a way back.
 */
export function applyBase(base: Base, source: string): void {
  const state = studioStore.getState();
  state.setProject((p) => ({ ...p, base }));
  const after = studioStore.getState().project;
  state.notify({
    kind: 'info',
    message: `The main system was filled from ${source}.`,
    actions: [
      {
        label: 'Undo fill',
        run: () => {
          if (studioStore.getState().project === after) undo();
          else studioStore.getState().notify({ kind: 'info', message: 'The project changed since: use Undo in the header to step back to it.' });
        },
      },
    ],
  });
}

/**
 * Fill the main system from a configuration.nix: open a file or paste the text, see what is read
 * (and what is not), then set the main system — nothing is changed until "Fill the main system".
 */
export function ParentImportDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const release = useStudio((s) => s.project.nixosRelease);
  const [text, setText] = useState('');
  const [source, setSource] = useState('pasted text');
  const [shownText, setShownText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  useModal(ref);

  // Typing is debounced; an opened file is read at once.
  useEffect(() => {
    if (text === shownText) return;
    const timer = setTimeout(() => setShownText(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, shownText]);

  const result = useMemo(() => (shownText.trim() === '' ? null : importBase(shownText, release)), [shownText, release]);
  const read = result && !('error' in result) ? result : null;
  const current = shownText === text;

  const openFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is too big to read (${file.size.toLocaleString('en')} bytes; the limit is ${MAX_FILE_BYTES.toLocaleString('en')}).`);
      return;
    }
    const read = await readTextFile(file);
    if ('problem' in read) {
      setFileProblem(read.problem);
      return;
    }
    setFileProblem(null);
    const content = read.text;
    setSource(file.name);
    setText(content);
    setShownText(content);
  };

  const apply = () => {
    if (!read || !current) return;
    applyBase(read.base, source === 'pasted text' ? 'the pasted text' : source);
    configurationFileStore.getState().open(source, shownText);
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="studio-dialog import-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Fill the main system from configuration.nix</h2>
      <p className="import-intro">
        Open or paste your <code>configuration.nix</code>: its bootloader, desktop, kernel, GPU and NetworkManager settings
        (outside <code>specialisation</code>) fill the main system for NixOS {releaseLabel(release)}. Only the text is read:
        nothing is evaluated, and imported files are not followed.
      </p>
      <NixFileSource inputLabel="configuration.nix file to read" source={text ? source : null} onFile={(file) => void openFile(file)} />
      <label htmlFor={textId} className="import-label">
        configuration.nix
      </label>
      <textarea
        id={textId}
        className="mono import-text"
        rows={10}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={'{ config, pkgs, ... }:\n{\n  boot.loader.systemd-boot.enable = true;\n}'}
        value={text}
        onChange={(e) => {
          setFileProblem(null);
          setSource('pasted text');
          setText(e.target.value);
        }}
      />
      <section className="import-result" aria-label="What was read" aria-live="polite" tabIndex={0}>
        {fileProblem && (
          <p className="import-error" role="alert">
            {fileProblem}
          </p>
        )}
        {result && 'error' in result && (
          <p className="import-error" role="alert">
            <strong>It could not be read:</strong> <code>{result.error}</code>. The main system is unchanged.
          </p>
        )}
        {read && (
          <>
            {read.read.length > 0 && (
              <>
                <h3>Read</h3>
                <ul aria-label="Settings read">
                  {read.read.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </>
            )}
            {read.notes.length > 0 && (
              <>
                <h3>Notes</h3>
                <ul aria-label="Notes">
                  {read.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      <div className="import-actions">
        <button type="button" className="button button-primary" disabled={!read || !current} onClick={apply}>
          Fill the main system
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <span className="import-hint">Replaces the main system's settings; Undo brings them back.</span>
      </div>
    </dialog>
  );
}
