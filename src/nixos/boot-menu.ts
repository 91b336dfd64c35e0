import type { Bootloader, Project, Release } from '../model/types';
import {
  hasSortKey,
  LANZABOOTE_SORT_KEY,
  loaderEntryCompare,
  NIXOS_SORT_KEY,
  PARENT,
  shownTitles,
  sortKeys,
  type LoaderEntry,
} from './boot-order';

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
  /** systemd-boot: the title as the menu shows it (made unique with the version when titles repeat). */
  shownTitle?: string;
  /** systemd-boot: the entry's id (its file name), what one-shot commands name. */
  id?: string;
  /** systemd-boot: the `sort-key` line; null where the release writes none. */
  sortKey?: string | null;
  /** Where an 80-column screen cuts the shown title, when it does. */
  cutAt?: number;
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
  const names = project.specialisations.filter((s) => s.nixEntry === null).map((s) => s.name).sort(byteOrder);
  const i = names.indexOf(name);
  return i === -1 ? null : i + 1;
}

/** The option the module writes to make `defaultEntry` the default, where the bootloader has one. */
export function defaultEntrySetting(project: Project): BootMenu['defaultSetting'] {
  if (project.defaultEntry === null || project.base?.bootloader !== 'grub') return null;
  // Entries whose names are computed (Nix entries) or that exist only under a condition move the
  // position in ways the module cannot know: nothing is written, and validate says so.
  if (!menuIsKnown(project)) return null;
  const index = grubIndex(project, project.defaultEntry);
  return index === null ? null : { option: 'boot.loader.grub.default', value: index };
}


/** `system.nixos.codeName` per release, from each release's notes (docs/release-facts.md); unstable has none yet. */
const CODE_NAMES: Record<Release, string> = {
  '22.05': 'Quokka',
  '22.11': 'Raccoon',
  '23.05': 'Stoat',
  '23.11': 'Tapir',
  '24.05': 'Uakari',
  '24.11': 'Vicuña',
  '25.05': 'Warbler',
  '25.11': 'Xantusia',
  '26.05': 'Yarara',
  unstable: '',
};
/** A sample `modDirVersion` of each release's default kernel (docs/release-facts.md §9). */
const DEFAULT_KERNEL: Record<Release, [number, number]> = {
  '22.05': [5, 15],
  '22.11': [5, 15],
  '23.05': [6, 1],
  '23.11': [6, 1],
  '24.05': [6, 6],
  '24.11': [6, 6],
  '25.05': [6, 12],
  '25.11': [6, 12],
  '26.05': [6, 18],
  unstable: [6, 18],
};

/**
 * A sample kernel version for an entry: the release's default kernel, `linuxPackages_X_Y`'s X.Y, or
 * for any other package set (`_latest`, `_zen` …) one newer than the default — the preview cannot
 * know the real one, and only its order next to the parent's matters.
 */
export function sampleKernel(release: Release, packages: string | null): string {
  const [major, minor] = DEFAULT_KERNEL[release];
  if (packages === null) return `${major}.${minor}.30`;
  const m = /^linuxPackages_(\d+)_(\d+)(?:_|$)/.exec(packages);
  return m ? `${m[1]}.${m[2]}.30` : `${major}.${minor + 1}.10`;
}

/** The bootspec label NixOS gives an entry: distro name, code name, `system.nixos.label`, kernel (nixos/modules/system/activation/bootspec.nix). */
export function bootspecLabel(release: Release, label: string, kernel: string): string {
  return ['NixOS', CODE_NAMES[release], label, `(Linux ${kernel})`].filter(Boolean).join(' ');
}

/** What a menu line shows at most on an 80-column text screen: systemd-boot keeps 2 columns each side (boot.c). */
export const VISIBLE_TITLE = 76;
/** A sample machine id (systemd-boot groups entries by it; one machine has one). */
const MACHINE_ID = '8a7f3c2e1d4b4f6a9c0e5b7d2f1a3c4e';

/** A stand-in for the content hash in 26.11's entry file names (nixpkgs #545138): stable per entry, in no useful order. */
function contentHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const alphabet = '0123456789abcdfghijklmnpqrsvwxyz';
  let out = '';
  for (let k = 0; k < 12; k++) out += alphabet[(h >>> ((k * 5) % 27)) & 31];
  return out;
}

/** NixOS's entry file name (systemd-boot-builder.py); 26.11 (unstable) names them by content. */
export function entryFileName(release: Release, generation: number, name: string | null): string {
  if (release === 'unstable') return `nixos-${contentHash(`${generation}/${name ?? ''}`)}.conf`;
  return `nixos-generation-${generation}${name === null ? '' : `-specialisation-${name}`}.conf`;
}

interface MenuEntry extends LoaderEntry {
  entry: BootEntry;
}

/** Every entry of the menu is known: no Nix entry (computed names) and no entry under a condition. */
export function menuIsKnown(project: Project): boolean {
  return project.specialisations.every((s) => s.nixEntry === null && s.condition === null);
}

export function bootMenu(project: Project, generation = 42, date = '2026-11-25'): BootMenu {
  const bootloader = project.base?.bootloader ?? 'systemd-boot';
  const release = project.nixosRelease;
  const version = exampleVersion(release, date.replaceAll('-', ''));
  const parentLabel = nixosLabel([], version);
  const wanted = project.defaultEntry;
  // A Nix entry's own entries have computed names: the preview cannot list them.
  const specs = project.specialisations.filter((s) => s.name !== '' && s.nixEntry === null);
  if (bootloader === 'grub') {
    const sorted = [...specs].sort((a, b) => byteOrder(a.name, b.name));
    const defaultIsSpec = wanted !== null && sorted.some((s) => s.name === wanted);
    return {
      bootloader,
      entries: [
        { title: 'NixOS', detail: `Generation ${generation}, ${parentLabel}`, specialisation: null, isDefault: !defaultIsSpec },
        ...sorted.map((s) => ({
          title: `NixOS - ${s.configurationName ?? `(${s.name} - ${date} - ${nixosLabel(s.tags, version)})`}`,
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
  const lanzaboote = bootloader === 'lanzaboote';
  const keys = sortKeys(project);
  const withSortKey = lanzaboote || hasSortKey(release);
  const loaderEntry = (name: string | null, tags: readonly string[], kernel: string | null, gen: number): MenuEntry => {
    const label = bootspecLabel(release, name === null ? parentLabel : nixosLabel(tags, version), sampleKernel(release, kernel));
    const sortKey = lanzaboote ? LANZABOOTE_SORT_KEY : withSortKey ? (keys?.get(name ?? PARENT) ?? NIXOS_SORT_KEY) : null;
    const secondary = gen !== generation;
    if (lanzaboote) {
      // lzbt: a unified kernel image per entry; its os-release gives the title and version.
      const described = `Generation ${gen}${name === null ? '' : `-${name}`}, ${date}`;
      const title = `${label} (${described})`;
      return {
        id: `nixos-generation-${gen}${name === null ? '' : `-specialisation-${name}`}-${contentHash(`${gen}/${name ?? ''}`)}.efi`,
        title,
        sortKey,
        machineId: null,
        version: described,
        entry: { title, detail: '', specialisation: name, isDefault: false, secondary },
      };
    }
    const title = name === null ? 'NixOS' : `NixOS (${name})`;
    const versionLine = `Generation ${gen} ${label}, built on ${date}`;
    return {
      id: entryFileName(release, gen, name),
      title,
      sortKey,
      machineId: MACHINE_ID,
      version: versionLine,
      entry: { title, detail: versionLine, specialisation: name, isDefault: false, secondary },
    };
  };
  const all: MenuEntry[] = [];
  for (const gen of [generation, generation - 1])
    all.push(loaderEntry(null, [], null, gen), ...specs.map((s) => loaderEntry(s.name, s.tags, s.kernel.packages, gen)));
  all.sort(loaderEntryCompare);
  const shown = shownTitles(all);
  // NixOS writes `default <file of the booted generation>` in loader.conf; lanzaboote `default nixos-*`,
  // the first entry whose id matches: either way the newest generation's main system.
  const parentId = all.find((e) => e.entry.specialisation === null && !e.entry.secondary)!.id;
  const entries = all.map((e, i) => {
    const text = shown[i];
    const cut = text.length > VISIBLE_TITLE;
    return {
      ...e.entry,
      title: e.title,
      detail: e.version ?? '',
      shownTitle: text,
      id: e.id,
      sortKey: e.sortKey,
      cutAt: cut ? VISIBLE_TITLE : undefined,
      isDefault: e.id === parentId,
    };
  });
  return {
    bootloader,
    entries,
    defaultNote: lanzaboote
      ? wanted === null
        ? 'lanzaboote writes "default nixos-*" in loader.conf: systemd-boot starts the first entry whose file name matches, the newest generation of the main system.'
        : `lanzaboote has no option to start a specialisation by default (lanzaboote #393): its loader.conf says "default nixos-*", which the main system's newest entry matches first. Select "${wanted}" in the menu and press d, or boot it once with the command below.`
      : wanted === null
        ? 'systemd-boot starts the newest generation of the parent system.'
        : `systemd-boot has no NixOS option for a default specialisation (nixpkgs #146641): NixOS always makes the parent the default. To start "${wanted}" by default, select it in the boot menu and press d: systemd-boot remembers that exact entry, so after the next rebuild it would still start the older generation's "${wanted}" — press d again on the new one.`,
    defaultSetting: null,
  };
}
