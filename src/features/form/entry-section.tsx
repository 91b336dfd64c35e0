import { useState } from 'react';
import { flushSync } from 'react-dom';
import { setSpecialisationField } from '../../model/operations';
import { nixEntrySummary } from '../../nixos/entries';
import { Field } from './field';
import { fieldId } from './field-id';
import { useStudio } from '../../store/studio-store';
import { useFormContext } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

/**
 * What a specialisation is besides its form: the condition it exists under
 * (`specialisation.<name> = lib.mkIf (…) { … };`) and, for a Nix entry (entries with computed
 * names, such as `lib.genAttrs [ … ] (…)`), its Nix text. See docs/import.md.
 */

/** "Only when…": a toggle that reveals the condition; turning it off keeps the text to bring back. */
export function EntryConditionField() {
  const { index } = useFormContext();
  const condition = useStudio((st) => st.project.specialisations[index]?.condition ?? null);
  const edit = useEdit();
  const fp = `specialisations[${index}].condition`;
  const toggleId = `${fieldId(fp)}-toggle`;
  const [kept, setKept] = useState('');
  const set = (next: string | null, coalesce: boolean) => edit(coalesce ? fp : null, (p) => setSpecialisationField(p, index, 'condition', next));
  const toggle = (on: boolean) => {
    if (on) {
      flushSync(() => set(kept, false));
      document.getElementById(fieldId(fp))?.focus();
    } else {
      setKept(condition ?? '');
      set(null, false);
    }
  };
  return (
    <div className="entry-condition">
      <span className="field-check">
        <input id={toggleId} type="checkbox" checked={condition !== null} onChange={(e) => toggle(e.target.checked)} />
        <label htmlFor={toggleId}>Only when a condition holds</label>
      </span>
      {condition !== null && (
        <Field
          path={fp}
          label="Only when (Nix condition)"
          hint={
            <>
              A Nix expression such as <code>config.services.xserver.enable</code>, read in your configuration: the entry
              exists only when it is true (<code>specialisation.&lt;name&gt; = lib.mkIf (condition) {'{ … }'}</code>). The
              names it uses must be arguments of a module (<code>config</code>, <code>lib</code>, <code>pkgs</code>) or bound
              in the condition itself (<code>let cfg = config.my.thing; in cfg.enable</code>).
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={condition}
              onChange={(e) => set(e.target.value, true)}
            />
          )}
        </Field>
      )}
    </div>
  );
}

/** The form of a Nix entry: its text, edited as Nix, and its condition. */
export function NixEntrySection() {
  const { index } = useFormContext();
  const text = useStudio((st) => st.project.specialisations[index]?.nixEntry ?? '');
  const edit = useEdit();
  const p = `specialisations[${index}]`;
  return (
    <Section
      id={`${p}-nix-entry`}
      title="Nix entry"
      description={
        <>
          <span className="badge">edited as Nix</span> The names of these specialisations are computed (
          <code>{nixEntrySummary(text)}</code>), so the form cannot hold them: the expression is written into{' '}
          <code>specialisation</code> as it is, beside the entries of the form, and means what it meant in your file.
        </>
      }
    >
      <Field
        path={`${p}.nixEntry`}
        label="Nix expression giving specialisations"
        hint={
          <>
            An attribute set of specialisations, such as <code>lib.genAttrs [ "sway" "river" ] (wm: {'{ configuration = … ; }'})</code>.
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            className="mono nix-entry-text"
            rows={Math.min(24, Math.max(6, text.split('\n').length + 1))}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => edit(`${p}.nixEntry`, (x) => setSpecialisationField(x, index, 'nixEntry', e.target.value))}
          />
        )}
      </Field>
      <EntryConditionField />
    </Section>
  );
}
