import { useState } from 'react';
import { flushSync } from 'react-dom';
import { removeAt, setSpecialisationField } from '../../model/operations';
import { isImportPath } from '../../nixos/imports';
import { studioStore, useStudio } from '../../store/studio-store';
import { Field } from './field';
import { fieldId } from './field-id';
import { useFormContext } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';
import './imports-section.css';

const NO_IMPORTS: string[] = [];

/** A path relative to the generated file (`./x.nix`, `../x.nix`). */
const isRelative = (item: string) => /^\.\.?\//.test(item.trim());

/**
 * The specialisation's imports, in order: each a path or a Nix expression, edited in place, moved
 * and removed with buttons; a new one is typed below and added with Enter or the button.
 */
export function ImportsSection() {
  const { index: si } = useFormContext();
  const items = useStudio((s) => s.project.specialisations[si]?.imports ?? NO_IMPORTS);
  const edit = useEdit();
  const [draft, setDraft] = useState('');
  const listPath = `specialisations[${si}].imports`;
  const newId = `${fieldId(listPath)}-new`;
  const set = (next: string[], coalesce: string | null = null) => edit(coalesce, (p) => setSpecialisationField(p, si, 'imports', next));
  const add = () => {
    if (draft.trim() === '') return;
    set([...items, draft.trim()]);
    setDraft('');
  };
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    flushSync(() => set(next));
    document.getElementById(`${fieldId(`${listPath}[${to}]`)}-${to < from ? 'up' : 'down'}`)?.focus();
  };
  const remove = (k: number) => {
    const removed = items[k];
    flushSync(() => set(removeAt(items, k)));
    const left = items.length - 1;
    document.getElementById(left === 0 ? newId : `${fieldId(`${listPath}[${Math.min(k, left - 1)}]`)}-remove`)?.focus();
    studioStore.getState().notify({ kind: 'info', message: `Removed import ${k + 1} (${removed.trim() || 'empty'}).` });
  };
  return (
    <Section
      id={`${listPath}-section`}
      title="Imports"
      description={
        <>
          Other modules this specialisation imports, in order: a path (<code>./gaming.nix</code>, <code>/etc/nixos/vfio.nix</code>) or a Nix
          expression (<code>inputs.nixos-hardware.nixosModules.lenovo-thinkpad-x1</code>).
        </>
      }
    >
      {items.some(isRelative) && (
        <p className="imports-note" role="note">
          Relative paths (./…) are resolved from the folder of the generated file (specialisations.nix): put it next to your configuration.nix.
        </p>
      )}
      {items.length > 0 && (
        <ol className="imports-list">
          {items.map((item, k) => {
            const path = `${listPath}[${k}]`;
            const n = k + 1;
            const many = item.includes('\n');
            return (
              <li key={k} className="imports-item">
                <Field path={path} label={`Import ${n}`} hint={isImportPath(item) ? 'A path: the file name as typed.' : 'A Nix expression.'}>
                  {(control) =>
                    many ? (
                      <textarea
                        {...control}
                        className="mono"
                        rows={Math.min(12, item.split('\n').length)}
                        spellCheck={false}
                        autoCapitalize="off"
                        value={item}
                        onChange={(e) => set(items.map((x, j) => (j === k ? e.target.value : x)), path)}
                      />
                    ) : (
                      <input
                        {...control}
                        type="text"
                        className="mono"
                        autoComplete="off"
                        spellCheck={false}
                        value={item}
                        onChange={(e) => set(items.map((x, j) => (j === k ? e.target.value : x)), path)}
                      />
                    )
                  }
                </Field>
                <div className="button-row imports-actions">
                  <button type="button" id={`${fieldId(path)}-up`} className="button-small" disabled={k === 0} onClick={() => move(k, k - 1)}>
                    Move up<span className="visually-hidden"> import {n}</span>
                  </button>
                  <button
                    type="button"
                    id={`${fieldId(path)}-down`}
                    className="button-small"
                    disabled={k === items.length - 1}
                    onClick={() => move(k, k + 1)}
                  >
                    Move down<span className="visually-hidden"> import {n}</span>
                  </button>
                  <button type="button" id={`${fieldId(path)}-remove`} className="button-small button-danger" onClick={() => remove(k)}>
                    Remove<span className="visually-hidden"> import {n}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="imports-add">
        <label htmlFor={newId}>New import</label>
        <div className="imports-add-row">
          <input
            id={newId}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="./gaming.nix"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} disabled={draft.trim() === ''}>
            Add import
          </button>
        </div>
      </div>
    </Section>
  );
}
