import type { Project } from '../../model/types';
import type { BootMenu } from '../../nixos/boot-menu';
import { bootloaderLimits } from '../../nixos/boot-once';
import { Field } from '../form/field';
import { useEdit } from '../form/use-edit';
import { setConfigurationName } from './boot-edits';

/**
 * What the menu calls each entry: the bootloader's rule, a GRUB title per specialisation, and a
 * warning for every title an 80-column screen cuts before the specialisation's name.
 */
export function BootNamesSection({ project, menu }: { project: Project; menu: BootMenu }) {
  const edit = useEdit();
  const limits = bootloaderLimits(project);
  // Where the name shows: "(Generation N-<name>, …)" with lanzaboote, "NixOS (<name>)" with systemd-boot.
  const mark = (name: string) => (menu.bootloader === 'lanzaboote' ? `-${name},` : `(${name})`);
  const cut = menu.entries.filter(
    (e) => !e.secondary && e.specialisation !== null && e.cutAt !== undefined && !(e.shownTitle ?? '').slice(0, e.cutAt).includes(mark(e.specialisation)),
  );
  return (
    <section className="boot-designer-section" aria-labelledby="boot-names-heading">
      <h3 id="boot-names-heading">Names</h3>
      <p className="boot-designer-note">
        {limits.names} Tags (<code>system.nixos.tags</code>) go into the label, sorted, before the NixOS version.
      </p>
      {cut.length > 0 && (
        <p className="boot-designer-warning" role="note">
          Cut off on an 80-column screen before the name: {cut.map((e) => e.specialisation).join(', ')}. Entries that look the
          same are easy to mix up (lanzaboote #394); shorter tags, or a larger console-mode, help.
        </p>
      )}
      {menu.bootloader === 'grub' &&
        project.specialisations.map((s, i) =>
          s.name === '' || s.nixEntry !== null ? null : (
            <Field
              key={i}
              path={`specialisations[${i}].configurationName`}
              label={`GRUB title of ${s.name}`}
              hint={<>Empty: NixOS&apos;s own title. Written as boot.loader.grub.configurationName.</>}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={`(${s.name} - <date> - <label>)`}
                  value={s.configurationName ?? ''}
                  onChange={(e) =>
                    edit(`specialisations[${i}].configurationName`, (p) => setConfigurationName(p, i, e.target.value === '' ? null : e.target.value))
                  }
                />
              )}
            </Field>
          ),
        )}
    </section>
  );
}
