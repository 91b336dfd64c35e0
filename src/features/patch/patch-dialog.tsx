import { useId, useMemo, useRef, useState } from 'react';
import { generate } from '../../nixos/generate';
import { DEFAULT_MODULE_FILE, modulePath, patchConfiguration } from '../../nixos/patch/patch';
import type { Leak } from '../../nixos/patch/leaks';
import { configurationFileStore, useConfigurationFile } from '../../store/configuration-file';
import { useDerived } from '../../store/derived';
import { useStudio } from '../../store/studio-store';
import { copyText, downloadText } from '../preview/export-file';
import { PatchDiff } from './patch-diff';
import './patch.css';
import { useModal } from '../dialog/use-modal';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The configuration.nix that was opened, changed to use the generated module — the module added to
 * its imports, the specialisations it defined removed — shown as a diff to review, with Download
 * and Copy for it and for the module that goes with it. Nothing is changed in the project.
 */
export function PatchDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();
  const moduleId = useId();
  const file = useConfigurationFile((s) => s.file);
  const project = useStudio((s) => s.project);
  const { errors } = useDerived();
  const [status, setStatus] = useState('');

  useModal(ref);

  const moduleFile = file?.moduleFile ?? DEFAULT_MODULE_FILE;
  const parentOnly = useMemo(() => new Set(file?.parentOnly ?? []), [file?.parentOnly]);
  // Choices the file or project no longer allows are dropped, not refused: the rest still patches.
  const leaks = useMemo(() => (file ? probeLeaks(file.text, project, moduleFile) : []), [file, project, moduleFile]);
  const chosen = useMemo(() => new Set([...parentOnly].filter((o) => leaks.some((l) => l.option === o && l.gate.ok))), [parentOnly, leaks]);
  const result = useMemo(() => (file ? patchConfiguration(file.text, project, { moduleFile, parentOnly: chosen }) : null), [file, project, moduleFile, chosen]);
  const module = useMemo(() => generate(project, undefined, { sourceMap: false, parentOnly: chosen }).text, [project, chosen]);
  if (!file || !result) return null;

  const fileName = file.name === 'pasted text' ? 'configuration.nix' : baseName(file.name);
  const moduleName = modulePath(moduleFile) ? baseName(moduleFile) : 'specialisations.nix';
  const say = (message: string) => setStatus(message);
  const copy = async (text: string, what: string) => say((await copyText(text)) ? `Copied ${what}` : 'The browser did not allow copying: use Download.');
  const download = (text: string, name: string) => {
    downloadText(text, name);
    say(`Downloaded ${name}`);
  };

  return (
    <dialog
      ref={ref}
      className="studio-dialog patch-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>Patch {fileName}</h2>
      <p id={introId} className="patch-intro">
        {fileName} changed to use the module: it is added to <code>imports</code> (a flake: to <code>modules</code>), the
        specialisations it defined are removed — the module holds them now — and nothing else is touched. Review the
        change, then download both files.
      </p>
      <div className="patch-module">
        <label htmlFor={moduleId}>The module&apos;s file, as {fileName} names it</label>
        <input
          id={moduleId}
          className="mono"
          value={moduleFile}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => configurationFileStore.getState().update({ moduleFile: e.target.value })}
        />
      </div>
      {leaks.length > 0 && <LeakChoices leaks={leaks} chosen={chosen} />}
      {result.ok ? (
        <>
          <ul className="patch-notes" aria-label="What the patch does">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <PatchDiff original={file.text} patched={result.text} label={fileName} />
        </>
      ) : (
        <p className="patch-error" role="alert">
          <strong>
            {fileName} cannot be patched safely: line {result.problem.line}, column {result.problem.column}:
          </strong>{' '}
          {result.problem.message}
        </p>
      )}
      {errors > 0 && (
        <p className="patch-warning">
          The module has {errors} {errors === 1 ? 'error' : 'errors'}: see the problems list before you use it.
        </p>
      )}
      <div className="patch-actions">
        <div role="group" aria-label={`Patched ${fileName}`}>
          <button type="button" className="button button-primary" disabled={!result.ok} onClick={() => result.ok && download(result.text, fileName)}>
            Download {fileName}
          </button>
          <button type="button" className="button" disabled={!result.ok} onClick={() => result.ok && void copy(result.text, fileName)}>
            Copy {fileName}
          </button>
        </div>
        <div role="group" aria-label={`The module, ${moduleName}`}>
          <button type="button" className="button" onClick={() => download(module, moduleName)}>
            Download {moduleName}
          </button>
          <button type="button" className="button" onClick={() => void copy(module, moduleName)}>
            Copy {moduleName}
          </button>
        </div>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="patch-status" role="status">
        {status}
      </p>
    </dialog>
  );
}

/** The leaks, read from a patch without choices (the file may still be refused for another reason). */
function probeLeaks(text: string, project: Parameters<typeof patchConfiguration>[1], moduleFile: string): Leak[] {
  const r = patchConfiguration(text, project, { moduleFile });
  return r.ok ? r.leaks : [];
}

/** Per parent setting that leaks into the specialisations: override it there, or set it for the parent only. */
function LeakChoices({ leaks, chosen }: { leaks: Leak[]; chosen: ReadonlySet<string> }) {
  const set = (option: string, parent: boolean) => {
    const next = new Set(chosen);
    if (parent) next.add(option);
    else next.delete(option);
    configurationFileStore.getState().update({ parentOnly: [...next].sort() });
  };
  return (
    <section className="patch-leaks" aria-labelledby="patch-leaks-heading">
      <h3 id="patch-leaks-heading">Parent settings every specialisation would inherit</h3>
      {leaks.map((leak) => (
        <fieldset key={leak.option} className="patch-leak">
          <legend>
            <code>{leak.option}</code>, replaced in {leak.specialisations.join(', ')}
          </legend>
          <label>
            <input type="radio" name={`leak-${leak.option}`} checked={!chosen.has(leak.option)} onChange={() => set(leak.option, false)} />
            Override it in each specialisation (<code>lib.mkForce</code>)
            <span className="patch-why">
              The module overrides the parent&apos;s value in the specialisations that replace it; your file keeps it as it is.
            </span>
          </label>
          <label>
            <input
              type="radio"
              name={`leak-${leak.option}`}
              checked={chosen.has(leak.option)}
              disabled={!leak.gate.ok}
              onChange={() => set(leak.option, true)}
            />
            Set it for the parent entry only (<code>lib.mkIf (config.specialisation != {'{ }'})</code>)
            <span className="patch-why">
              {leak.gate.ok
                ? 'Your file sets it only when building the parent entry, so no specialisation inherits it and the module needs no override.'
                : `Not possible here: ${leak.gate.why}.`}
            </span>
          </label>
        </fieldset>
      ))}
    </section>
  );
}
