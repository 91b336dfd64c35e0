import { useMemo } from 'react';
import type { Project } from '../../model/types';
import { bootMenu, type BootEntry, type BootMenu } from '../../nixos/boot-menu';
import { useStudio } from '../../store/studio-store';
import { Field } from '../form/field';
import { SettingsContext } from '../form/form-context';
import { setDefaultEntry } from '../parent/base-edits';
import { baseTarget } from '../parent/parent-panel';
import { useEdit } from '../form/use-edit';
import { BootNamesSection } from './boot-names-section';
import { BootOnceSection } from './boot-once-section';
import { BootOrderSection } from './boot-order-section';
import './boot-menu.css';

export const BOOT_MENU_LABEL = 'Boot menu preview';
/** NixOS's default `boot.loader.timeout`. */
const TIMEOUT = 5;

/** The boot menu the project gives, drawn like the bootloader draws it, and the default entry. */
export function BootMenuPanel() {
  const project = useStudio((s) => s.project);
  const selectParent = useStudio((s) => s.selectParent);
  const menu = useMemo(() => bootMenu(project), [project]);
  const grub = menu.bootloader === 'grub';
  const lanzaboote = menu.bootloader === 'lanzaboote';
  return (
    <div className="boot-menu">
      <p className="boot-menu-source">
        {project.base ? (
          <>
            {grub ? 'GRUB' : lanzaboote ? 'lanzaboote (systemd-boot with Secure Boot)' : 'systemd-boot'}, the bootloader of your main
            system, after <code>nixos-rebuild boot</code>.
          </>
        ) : (
          <>
            Shown with systemd-boot: the main system is not described.{' '}
            <button type="button" className="link-button" onClick={selectParent}>
              Describe the main system
            </button>{' '}
            to choose GRUB.
          </>
        )}
      </p>
      {grub ? <GrubScreen entries={menu.entries} /> : <SystemdBootScreen entries={menu.entries} />}
      <p className="boot-menu-legend">
        {grub
          ? 'Highlighted: the entry GRUB starts when nobody presses a key. Dimmed: the submenu with older generations.'
          : 'Highlighted: the entry systemd-boot starts when nobody presses a key. Dimmed: the previous generation, kept until it is garbage-collected.'}{' '}
        Sample generation numbers, dates and kernel versions; the previous generation is shown as built from the same settings.
      </p>
      <BootOrderSection project={project} menu={menu} />
      <BootNamesSection project={project} menu={menu} />
      <DefaultEntryField project={project} menu={menu} />
      <BootOnceSection project={project} />
    </div>
  );
}

/** What a screen reader hears for an entry: title, the default mark, then the detail. */
function EntryText({ entry, showDetail }: { entry: BootEntry; showDetail: boolean }) {
  if (entry.shownTitle !== undefined) return <ShownTitle entry={entry} />;
  return (
    <>
      <span className="boot-entry-title">{entry.title}</span>
      {showDetail ? (
        <span className="boot-entry-detail"> ({entry.detail})</span>
      ) : (
        <span className="visually-hidden">, {entry.detail}</span>
      )}
      {entry.isDefault && <span className="visually-hidden">, starts by default</span>}
    </>
  );
}

/** systemd-boot's line: the title as shown, the part an 80-column screen cuts off dimmed and struck through. */
function ShownTitle({ entry }: { entry: BootEntry }) {
  const text = entry.shownTitle ?? entry.title;
  const cut = entry.cutAt;
  return (
    <>
      <span className="boot-entry-title">{cut === undefined ? text : text.slice(0, cut)}</span>
      {cut !== undefined && (
        <>
          <s className="boot-entry-cut" aria-hidden="true">
            {text.slice(cut)}
          </s>
          <span className="visually-hidden">, cut off after {cut} characters on an 80-column screen: {text.slice(cut)}</span>
        </>
      )}
      {entry.isDefault && <span className="visually-hidden">, starts by default</span>}
    </>
  );
}

const entryClass = (e: BootEntry) => ['boot-entry', e.isDefault ? 'is-default' : '', e.secondary ? 'is-secondary' : ''].filter(Boolean).join(' ');

/** GRUB's text mode: a box of titles, the default one highlighted, the help and countdown under it. */
function GrubScreen({ entries }: { entries: BootEntry[] }) {
  return (
    <div className="boot-screen grub-screen">
      <p className="grub-version" aria-hidden="true">
        GNU GRUB version 2.12
      </p>
      <ol className="grub-box" aria-label={BOOT_MENU_LABEL}>
        {entries.map((e, i) => (
          <li key={`${e.title}-${i}`} className={entryClass(e)}>
            <EntryText entry={e} showDetail={false} />
          </li>
        ))}
      </ol>
      <p className="grub-help" aria-hidden="true">
        Use the ↑ and ↓ keys to select which entry is highlighted. Press enter to boot the selected OS, `e&apos; to edit the
        commands before booting or `c&apos; for a command-line.
        <br />
        The highlighted entry will be executed automatically in {TIMEOUT}s.
      </p>
    </div>
  );
}

/**
 * systemd-boot's menu: a plain list. Every generation is titled "NixOS" or "NixOS (<name>)", so
 * systemd-boot tells equal titles apart by adding the version line, as here.
 */
function SystemdBootScreen({ entries }: { entries: BootEntry[] }) {
  return (
    <div className="boot-screen sdboot-screen">
      <ol className="sdboot-list" aria-label={BOOT_MENU_LABEL}>
        {entries.map((e, i) => (
          <li key={`${e.id ?? e.title}-${i}`} className={entryClass(e)}>
            <EntryText entry={e} showDetail />
          </li>
        ))}
      </ol>
      <p className="sdboot-timeout" aria-hidden="true">
        Boot in {TIMEOUT} s.
      </p>
    </div>
  );
}

/** Which entry starts by default: the select writes `defaultEntry`; the note says what the module can do about it. */
function DefaultEntryField({ project, menu }: { project: Project; menu: BootMenu }) {
  const edit = useEdit();
  const release = project.nixosRelease;
  const target = useMemo(() => (project.base ? baseTarget(project.base, release) : null), [project.base, release]);
  const names = project.specialisations.map((s) => s.name).filter((n) => n !== '');
  const wanted = project.defaultEntry;
  const missing = wanted !== null && !names.includes(wanted);
  return (
    <SettingsContext.Provider value={target}>
      <div className="default-entry">
        <Field path="defaultEntry" label="Default entry" hint={menu.defaultNote}>
          {(control) => (
            <select {...control} value={wanted ?? ''} onChange={(e) => edit(null, (p) => setDefaultEntry(p, e.target.value === '' ? null : e.target.value))}>
              <option value="">Main system (NixOS)</option>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
              {missing && <option value={wanted}>{wanted} (no such specialisation)</option>}
            </select>
          )}
        </Field>
      </div>
    </SettingsContext.Provider>
  );
}
