import type { Base, Project, Release, Specialisation } from '../model/types';
import { attrs, bool, set, str, type Binding } from '../nix/ast';
import { PARENT, sortKeys } from './boot-order';
import { mkForce } from './overrides';

/** What a specialisation's entry writes about its place and title in the boot menu. */
export interface EntryBoot {
  /** Its `boot.loader.systemd-boot.sortKey`, where the module writes sort keys. */
  sortKey: string | null;
  /** GRUB's title (`boot.loader.grub.configurationName`), written with GRUB only. */
  configurationName: string | null;
}

export function entryBoot(project: Project, s: Specialisation, release: Release = project.nixosRelease): EntryBoot {
  const keys = sortKeys({ ...project, nixosRelease: release });
  return {
    sortKey: keys?.get(s.name) ?? null,
    configurationName: project.base?.bootloader === 'grub' ? s.configurationName : null,
  };
}

/** The same as text, for the generator's cache of printed entries. */
export function entryBootKey(project: Project, s: Specialisation, release: Release = project.nixosRelease): string {
  const b = entryBoot(project, s, release);
  return JSON.stringify([b.sortKey, b.configurationName]);
}

/** The boot settings inside a specialisation's configuration. */
export function entryBootBindings(boot: EntryBoot, p: string): Binding[] {
  const out: Binding[] = [];
  if (boot.sortKey !== null)
    out.push(
      set('boot.loader.systemd-boot.sortKey', mkForce(str(boot.sortKey)), ['bootOrder'], 'Its place in the menu; the main system sets its own.'),
    );
  if (boot.configurationName !== null)
    out.push(
      set(
        'boot.loader.grub.configurationName',
        mkForce(str(boot.configurationName)),
        [`${p}.configurationName`],
        'Its title in the GRUB menu, over a title the main system may set.',
      ),
    );
  return out;
}

/** The module's own boot settings beside `specialisation`: the main system's sort key, lanzaboote. */
export function bootBindings(project: Project, release: Release): Binding[] {
  const out: Binding[] = [];
  const parentKey = sortKeys({ ...project, nixosRelease: release })?.get(PARENT);
  if (parentKey)
    out.push(
      set(
        'boot.loader.systemd-boot.sortKey',
        str(parentKey),
        ['bootOrder'],
        'Menu order: systemd-boot sorts its entries by sort key, and each specialisation sets its own.',
      ),
    );
  if (project.base?.bootloader === 'lanzaboote') out.push(...lanzabooteBindings(project.base, ['base.bootloader']));
  return out;
}

/** What lanzaboote's NixOS module comes with, for the comment of its settings. */
export const LANZABOOTE_MODULE =
  "lanzaboote's NixOS module must be imported: inputs.lanzaboote.nixosModules.lanzaboote in a flake's modules, or (import sources.lanzaboote).nixosModules.lanzaboote without flakes.";

/** Secure Boot with lanzaboote: it installs the boot files itself, so systemd-boot's installer is turned off. */
export function lanzabooteBindings(base: Base, sources: string[]): Binding[] {
  return [
    set('boot.loader.systemd-boot.enable', mkForce(bool(false)), sources, `lanzaboote replaces systemd-boot's installer. ${LANZABOOTE_MODULE}`),
    set(
      'boot.lanzaboote',
      attrs([set('enable', bool(true), sources), set('pkiBundle', str(base.pkiBundle), ['base.pkiBundle'])]),
      sources,
    ),
  ];
}
