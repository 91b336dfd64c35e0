import type { Bootloader, Project, Release } from '../model/types';

/**
 * The boot menu NixOS builds for a project, for a preview. The formats are those of
 * nixos/modules/system/boot/loader/systemd-boot/systemd-boot-builder.py (`title NixOS (<name>)`,
 * `version Generation <N> <label>, built on <date>`) and grub/install-grub.pl (`NixOS`, then
 * `NixOS - (<name> - <date> - <label>)` for each specialisation of the newest generation, in
 * sorted order, then the "All configurations" submenu).
 */
export interface BootEntry {
  title: string;
  /** Second line: generation, label, date — what the bootloader shows or keeps beside the title. */
  detail: string;
  /** The specialisation it boots; null for the parent. */
  specialisation: string | null;
  isDefault: boolean;
  /** A submenu or an older generation, shown dimmed. */
  secondary?: boolean;
}

export interface BootMenu {
  bootloader: Bootloader;
  entries: BootEntry[];
  /** How the default entry is chosen, or why it cannot be set. */
  defaultNote: string;
  /** The setting the module writes for the default entry, if any. */
  defaultSetting: { option: string; value: number } | null;
}

/** Bytewise string order, as Nix's `sort (a: b: a < b)` and Perl's `sort` use. */
export function byteOrder(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** An example NixOS version string for a release, as `system.nixos.version` reads (`26.05.20261125.a1b2c3d`). */
export function exampleVersion(release: Release, date = '20261125'): string {
  return release === 'unstable' ? `26.11pre${date}.a1b2c3d` : `${release}.${date}.a1b2c3d`;
}

/** `system.nixos.label`: the sorted tags joined with `-`, then the version (nixos/modules/misc/label.nix). */
export function nixosLabel(tags: readonly string[], version: string): string {
  return [...[...tags].sort(byteOrder), version].join('-');
}

/** Index of the entry in GRUB's top-level menu: 0 is the parent, then the specialisations in sorted order. */
export function grubIndex(project: Project, name: string | null): number | null {
  if (name === null) return 0;
  const names = project.specialisations.map((s) => s.name).sort(byteOrder);
  const i = names.indexOf(name);
  return i === -1 ? null : i + 1;
}

/** The option the module writes to make `defaultEntry` the default, where the bootloader has one. */
export function defaultEntrySetting(project: Project): BootMenu['defaultSetting'] {
  if (project.defaultEntry === null || project.base?.bootloader !== 'grub') return null;
  const index = grubIndex(project, project.defaultEntry);
  return index === null ? null : { option: 'boot.loader.grub.default', value: index };
}

export function bootMenu(project: Project, generation = 42, date = '2026-11-25'): BootMenu {
  const bootloader = project.base?.bootloader ?? 'systemd-boot';
  const version = exampleVersion(project.nixosRelease, date.replaceAll('-', ''));
  const parentLabel = nixosLabel([], version);
  const wanted = project.defaultEntry;
  const specs = project.specialisations.filter((s) => s.name !== '');
  if (bootloader === 'grub') {
    const sorted = [...specs].sort((a, b) => byteOrder(a.name, b.name));
    const defaultIsSpec = wanted !== null && sorted.some((s) => s.name === wanted);
    return {
      bootloader,
      entries: [
        { title: 'NixOS', detail: `Generation ${generation}, ${parentLabel}`, specialisation: null, isDefault: !defaultIsSpec },
        ...sorted.map((s) => ({
          title: `NixOS - (${s.name} - ${date} - ${nixosLabel(s.tags, version)})`,
          detail: `Specialisation ${s.name} of generation ${generation}`,
          specialisation: s.name,
          isDefault: s.name === wanted,
        })),
        { title: 'NixOS - All configurations', detail: 'Submenu: older generations (without their specialisations)', specialisation: null, isDefault: false, secondary: true },
      ],
      defaultNote: defaultIsSpec
        ? `The module sets boot.loader.grub.default = ${grubIndex(project, wanted)}; — the position of "${wanted}" in GRUB's menu. Entries added before NixOS (boot.loader.grub.extraEntriesBeforeNixOS) would shift it.`
        : 'GRUB starts the first entry, the parent system.',
      defaultSetting: defaultEntrySetting(project),
    };
  }
  // systemd-boot lists every generation's specialisations; entries of one generation sort by
  // their version line, newest first.
  const entry = (name: string | null, tags: readonly string[], gen: number, secondary = false): BootEntry => ({
    title: name === null ? 'NixOS' : `NixOS (${name})`,
    detail: `Generation ${gen} ${name === null ? parentLabel : nixosLabel(tags, version)}, built on ${date}`,
    specialisation: name,
    isDefault: !secondary && name === null,
    secondary,
  });
  const generationEntries = (gen: number, secondary: boolean) =>
    [entry(null, [], gen, secondary), ...specs.map((s) => entry(s.name, s.tags, gen, secondary))].sort((a, b) =>
      byteOrder(b.detail, a.detail),
    );
  return {
    bootloader,
    entries: [...generationEntries(generation, false), ...generationEntries(generation - 1, true)],
    defaultNote:
      wanted === null
        ? 'systemd-boot starts the newest generation of the parent system.'
        : `systemd-boot has no NixOS option for a default specialisation (nixpkgs #146641): NixOS always makes the parent the default. To start "${wanted}" by default, select it in the boot menu and press d: systemd-boot remembers that exact entry, so after the next rebuild it would still start the older generation's "${wanted}" — press d again on the new one.`,
    defaultSetting: null,
  };
}
