import { useEffect, useId, useRef, useState } from 'react';
import { NixFileSource } from './nix-file-source';
import { formatError } from '../../nixos/import/error';
import type { ImportResult, ImportSuccess } from '../../nixos/import/import-nix';
import { configurationFileStore } from '../../store/configuration-file';
import { useStudio } from '../../store/studio-store';
import { applyImport } from './apply-import';
import { ImportReportView } from './import-report';
import { startImport } from './run-import';
import './import.css';
import { readTextFile } from './read-text-file';
import { useModal } from '../dialog/use-modal';

export interface ImportSource {
  text: string;
  /** `configuration.nix`, or `pasted text`. */
  name: string;
}

interface Props {
  initial: ImportSource | null;
  onClose: () => void;
}

/** The state of reading one text; a run for another text than the one shown counts as idle. */
type Run = { text: string } & ({ status: 'reading' } | { status: 'done'; result: ImportResult });

const DEBOUNCE_MS = 300;
const MAX_FILE_BYTES = 8_000_000;

/**
 * Import Nix: paste text or open a file, see what the import will do (the report, or where the
 * text breaks and what could be recovered), then replace the project — one step of the history.
 */
export function ImportDialog({ initial, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();
  const textId = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [source, setSource] = useState(initial?.name ?? 'pasted text');
  const [immediate, setImmediate] = useState(initial !== null);
  const [run, setRun] = useState<Run | null>(null);
  /** The text whose recovery the user chose to import. */
  const [recoveryFor, setRecoveryFor] = useState<string | null>(null);
  const useRecovery = recoveryFor === text;
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const project = useStudio((s) => s.project);
  const context = useRef({ preferredRelease: project.nixosRelease, base: project.base, defaultEntry: project.defaultEntry });

  useModal(ref, () => textArea.current?.focus());

  useEffect(() => {
    if (text.trim() === '') return;
    let current: ReturnType<typeof startImport> | null = null;
    const timer = setTimeout(
      () => {
        setRun({ text, status: 'reading' });
        current = startImport(text, context.current);
        void current.result.then((result) => setRun({ text, status: 'done', result }));
      },
      immediate ? 0 : DEBOUNCE_MS,
    );
    return () => {
      clearTimeout(timer);
      current?.cancel();
    };
  }, [text, immediate]);

  const shown = run && run.text === text && text.trim() !== '' ? run : null;
  const result = shown?.status === 'done' ? shown.result : null;
  const chosen: ImportSuccess | null = result?.ok ? result : useRecovery && result && !result.ok ? (result.recovery?.result ?? null) : null;
  const count = chosen?.project.specialisations.length ?? 0;

  const openFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is too big to import (${file.size.toLocaleString('en')} bytes; the limit is ${MAX_FILE_BYTES.toLocaleString('en')}).`);
      return;
    }
    const read = await readTextFile(file);
    if ('problem' in read) {
      setFileProblem(read.problem);
      return;
    }
    setFileProblem(null);
    setImmediate(true);
    setSource(file.name);
    setText(read.text);
  };

  const apply = () => {
    if (!chosen) return;
    applyImport(chosen.project, source === 'pasted text' ? 'the pasted text' : source);
    configurationFileStore.getState().open(source, text);
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="studio-dialog import-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Import Nix</h2>
      <p id={introId} className="import-intro">
        Paste a <code>configuration.nix</code>, a module or a snippet such as <code>specialisation = {'{ … }'};</code>, open a
        file, or drop one on the page. Only the text is read: nothing is evaluated.
      </p>
      <NixFileSource inputLabel="Nix file to import" source={text ? source : null} onFile={(file) => void openFile(file)} />
      <label htmlFor={textId} className="import-label">
        Nix to import
      </label>
      <textarea
        ref={textArea}
        id={textId}
        className="mono import-text"
        rows={10}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={'specialisation.gaming.configuration = {\n  system.nixos.tags = [ "gaming" ];\n};'}
        value={text}
        onChange={(e) => {
          setFileProblem(null);
          setImmediate(false);
          setSource('pasted text');
          setText(e.target.value);
        }}
      />
      <section
        className="import-result"
        aria-label="What the import does"
        aria-live="polite"
        aria-busy={shown?.status === 'reading'}
        // It scrolls: keyboard users reach it with Tab and scroll it with the arrow keys.
        tabIndex={0}
      >
        {fileProblem && (
          <p className="import-error" role="alert">
            {fileProblem}
          </p>
        )}
        {shown?.status === 'reading' && <p className="import-note">Reading…</p>}
        {result && !result.ok && (
          <div className="import-error" role="alert">
            <p>
              <strong>Not valid Nix:</strong> <code>{formatError(result.error)}</code>
            </p>
            {result.recovery && !useRecovery && (
              <p>
                The text looks cut off. Closing what it leaves open ({result.recovery.inserted.length} brackets) makes it Nix.{' '}
                <button
                  type="button"
                  className="button-small"
                  onClick={() => {
                    setRecoveryFor(text);
                    // The button goes away: the choice it offered is made, what comes next is Import.
                    requestAnimationFrame(() => importButton.current?.focus());
                  }}
                >
                  Import what could be recovered
                </button>
              </p>
            )}
          </div>
        )}
        {result && !result.ok && useRecovery && result.recovery && (
          <details className="import-completed">
            <summary>The completed text</summary>
            <pre className="mono">{result.recovery.text}</pre>
            <button
              type="button"
              className="button-small"
              onClick={() => {
                setImmediate(true);
                setText(result.recovery!.text);
              }}
            >
              Edit the completed text
            </button>
          </details>
        )}
        {chosen && <ImportReportView report={chosen.report} />}
      </section>
      <div className="import-actions">
        <button ref={importButton} type="button" className="button button-primary" disabled={!chosen} onClick={apply}>
          Import {count} {count === 1 ? 'specialisation' : 'specialisations'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <span className="import-hint">Replaces the current project; Undo brings it back.</span>
      </div>
    </dialog>
  );
}
