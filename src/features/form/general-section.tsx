import { setSpecialisationField } from '../../model/operations';
import { ChipsField } from './chips-field';
import { Field } from './field';
import { useFormContext } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

export function GeneralSection() {
  const { index, specialisation: s } = useFormContext();
  const edit = useEdit();
  const p = `specialisations[${index}]`;
  return (
    <Section id={`${p}-general`} title="General">
      <Field path={`${p}.name`} label="Specialisation name" hint="Letters, digits, - and _. It names the boot entry and the folder under /run/current-system/specialisation/.">
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={s.name}
            onChange={(e) => edit(`${p}.name`, (x) => setSpecialisationField(x, index, 'name', e.target.value))}
          />
        )}
      </Field>
      <ChipsField
        path={`${p}.tags`}
        label="Tags"
        item="tag"
        values={s.tags}
        onChange={(tags) => edit(null, (x) => setSpecialisationField(x, index, 'tags', tags))}
        hint="Shown in the boot menu next to the entry, so you can tell entries apart."
        placeholder="e.g. gaming"
      />
      <Field
        path={`${p}.inheritParentConfig`}
        label="Inherit parent configuration"
        kind="check"
        hint={
          s.inheritParentConfig
            ? 'Starts from your main configuration and changes only what this form sets.'
            : 'Off: this entry starts from an empty system. File systems, the bootloader and hardware settings are not there unless you import ./hardware-configuration.nix and set them again in Extra Nix, or the build fails.'
        }
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={s.inheritParentConfig}
            onChange={(e) => edit(null, (x) => setSpecialisationField(x, index, 'inheritParentConfig', e.target.checked))}
          />
        )}
      </Field>
    </Section>
  );
}
