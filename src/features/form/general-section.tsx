import { setSpecialisationField } from '../../model/operations';
import type { FromParent } from '../../model/types';
import { rememberingRebuild } from '../../nixos/rebuild';
import { releaseLabel } from '../../nixos/releases';
import { useStudio } from '../../store/studio-store';
import { ChipsField } from './chips-field';
import { Field } from './field';
import { useFormContext, useSpecialisation } from './form-context';
import { Section } from './section';
import { useEdit } from './use-edit';

export function GeneralSection() {
  const { index, release } = useFormContext();
  const name = useSpecialisation((s) => s.name);
  const tags = useSpecialisation((s) => s.tags);
  const inheritParentConfig = useSpecialisation((s) => s.inheritParentConfig);
  const rememberAcrossRebuilds = useSpecialisation((s) => s.rememberAcrossRebuilds);
  const edit = useEdit();
  const p = `specialisations[${index}]`;
  const rebuildCommand = rememberingRebuild(release);
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
            value={name}
            onChange={(e) => edit(`${p}.name`, (x) => setSpecialisationField(x, index, 'name', e.target.value))}
          />
        )}
      </Field>
      <ChipsField
        path={`${p}.tags`}
        label="Tags"
        item="tag"
        values={tags}
        onChange={(tags) => edit(null, (x) => setSpecialisationField(x, index, 'tags', tags))}
        hint="Shown in the boot menu next to the entry, so you can tell entries apart."
        placeholder="e.g. gaming"
      />
      <Field
        path={`${p}.inheritParentConfig`}
        label="Inherit parent configuration"
        kind="check"
        hint={
          inheritParentConfig
            ? 'Starts from your main configuration and changes only what this form sets.'
            : 'Off: this entry starts from an empty NixOS, not from your main configuration. Choose below what it takes over.'
        }
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={inheritParentConfig}
            onChange={(e) => edit(null, (x) => setSpecialisationField(x, index, 'inheritParentConfig', e.target.checked))}
          />
        )}
      </Field>
      {!inheritParentConfig && <FromParentFields />}
      <Field
        path={`${p}.rememberAcrossRebuilds`}
        label="Remember across rebuilds"
        kind="check"
        hint={
          rebuildCommand
            ? 'Writes its name to /etc/specialisation, so a rebuild run from inside this entry stays in it (see How to apply).'
            : `Writes its name to /etc/specialisation; nixos-rebuild can read it back only from NixOS 23.05 (--specialisation), not in ${releaseLabel(release)}.`
        }
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={rememberAcrossRebuilds}
            onChange={(e) => edit(null, (x) => setSpecialisationField(x, index, 'rememberAcrossRebuilds', e.target.checked))}
          />
        )}
      </Field>
    </Section>
  );
}

/** What a separate system (inheritParentConfig off) takes over from the main configuration. */
function FromParentFields() {
  const { index } = useFormContext();
  const fromParent = useSpecialisation((s) => s.fromParent);
  const edit = useEdit();
  const base = useStudio((st) => st.project.base);
  const p = `specialisations[${index}].fromParent`;
  const set = (key: keyof FromParent, value: boolean) =>
    edit(null, (x) => setSpecialisationField(x, index, 'fromParent', { ...fromParent, [key]: value }));
  const bootloader = base?.bootloader ?? 'systemd-boot';
  const { hardwareConfiguration, bootloader: takesBootloader } = fromParent;
  return (
    <fieldset className="from-parent">
      <legend>What this system needs from the main configuration</legend>
      <Field
        path={`${p}.hardwareConfiguration`}
        label="Import ./hardware-configuration.nix (file systems, kernel modules)"
        kind="check"
        hint={
          hardwareConfiguration
            ? (
                <>
                  Writes <code>imports = [ ./hardware-configuration.nix ];</code> — the file must sit next to this module.
                </>
              )
            : (
                <>
                  Without it this system has no root file system, and NixOS refuses to build it unless your Extra Nix sets{' '}
                  <code>fileSystems</code>.
                </>
              )
        }
      >
        {(control) => <input {...control} type="checkbox" checked={hardwareConfiguration} onChange={(e) => set('hardwareConfiguration', e.target.checked)} />}
      </Field>
      <Field
        path={`${p}.bootloader`}
        label={`Set up the bootloader (${bootloader})`}
        kind="check"
        hint={
          !takesBootloader
            ? (
                <>
                  Without it NixOS falls back to GRUB with no device and refuses to build, unless your Extra Nix sets <code>boot.loader</code>.
                </>
              )
            : base
              ? `Writes the same ${bootloader === 'grub' ? `GRUB settings (device ${base.grubDevice})` : 'systemd-boot settings'} as the main system.`
              : 'Writes systemd-boot settings; describe the main system (above the specialisations) if it uses GRUB.'
        }
      >
        {(control) => <input {...control} type="checkbox" checked={takesBootloader} onChange={(e) => set('bootloader', e.target.checked)} />}
      </Field>
    </fieldset>
  );
}
