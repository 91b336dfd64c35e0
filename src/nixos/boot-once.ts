import type { Bootloader, Project } from '../model/types';
import { shellWord } from './shell-word';
import { grubIndex } from './boot-menu';
import { atLeast, hasSortKey } from './boot-order';

/** A command to boot an entry once, or a step towards it; `command` null for a step that is only text. */
export interface OnceStep {
  label: string;
  command: string | null;
  note?: string;
}

const GENERATION = '$(readlink /nix/var/nix/profiles/system | tr -dc 0-9)';

/**
 * How to start `name` (null: the main system) at the next boot only, with the bootloader of the
 * project: GRUB's `grub-reboot` (its one-time `saved_entry`, which NixOS's grub.cfg reads and
 * clears), or systemd's boot loader interface (`systemctl reboot --boot-loader-entry`, `bootctl
 * set-oneshot`), which names the entry by its file name.
 */
export function bootOnce(project: Project, name: string | null): OnceStep[] {
  const bootloader: Bootloader = project.base?.bootloader ?? 'systemd-boot';
  const release = project.nixosRelease;
  if (bootloader === 'grub') {
    const index = grubIndex(project, name);
    if (index === null) return [];
    return [
      {
        label: 'Reboot into it once',
        command: `sudo grub-reboot ${index} && sudo reboot`,
        note: `Entry ${index} of GRUB's menu, counted from 0; the next boot after that starts the default again.`,
      },
    ];
  }
  if (bootloader === 'systemd-boot' && release !== 'unstable') {
    const file = `nixos-generation-${GENERATION}${name === null ? '' : `-specialisation-${shellWord(name)}`}.conf`;
    return [
      {
        label: 'Reboot into it once',
        command: `sudo systemctl reboot --boot-loader-entry=${file}`,
        note: 'The newest generation\'s entry, named by its file: the profile link system-<N>-link gives N.',
      },
      {
        label: 'Or choose it for the next boot and reboot later',
        command: `sudo bootctl set-oneshot ${file}`,
      },
    ];
  }
  // Entry file names without the generation: 26.11 names NixOS's entries by their content, lanzaboote adds a hash.
  return [
    { label: 'Find the entry\'s id (its file name)', command: 'bootctl list', note: `Look for the newest entry titled ${titleHint(bootloader, name)}.` },
    { label: 'Then reboot into it once', command: null, note: 'sudo systemctl reboot --boot-loader-entry=<id>' },
  ];
}

function titleHint(bootloader: Bootloader, name: string | null): string {
  if (bootloader === 'lanzaboote') return name === null ? '"… (Generation N, …)"' : `"… (Generation N-${name}, …)"`;
  return name === null ? '"NixOS"' : `"NixOS (${name})"`;
}

/** What each bootloader offers for a default entry and for ordering, for the designer's notes. */
export interface BootloaderLimits {
  order: string;
  names: string;
}

export function bootloaderLimits(project: Project): BootloaderLimits {
  const bootloader = project.base?.bootloader ?? 'systemd-boot';
  const release = project.nixosRelease;
  if (bootloader === 'grub')
    return {
      order:
        'GRUB lists the main system, then the newest generation\'s specialisations sorted by name (byte order: capitals first), then the "All configurations" submenu. NixOS has no setting for that order: rename a specialisation to move it.',
      names:
        'Each specialisation\'s title is "NixOS - (<name> - <date> - <label>)", or "NixOS - <title>" with a title of your own (boot.loader.grub.configurationName).',
    };
  if (bootloader === 'lanzaboote')
    return {
      order:
        'lanzaboote gives every entry its own sort key (boot.lanzaboote.sortKey, "lanza"): a sortKey set inside a specialisation is ignored (lanzaboote #349), so entries sort by version — each generation\'s main system first, then its specialisations, names in reverse order.',
      names:
        'lanzaboote titles an entry with its label and "(Generation N-<name>, <date>)": the specialisation\'s name comes last, and an 80-column screen cuts long titles before it (lanzaboote #394). Short tags keep it visible.',
    };
  const names = 'Every entry is titled "NixOS" or "NixOS (<name>)"; the word NixOS comes from system.nixos.distroName, and systemd-boot adds the version line to tell repeated titles apart.';
  if (!hasSortKey(release))
    return {
      order: `NixOS ${release} writes no sort-key line (boot.loader.systemd-boot.sortKey came with 24.05), so systemd-boot sorts by file name, newest-looking first: each generation's main system, then its specialisations in reverse name order.`,
      names,
    };
  return {
    order: atLeast(release, 'unstable')
      ? 'NixOS names its entry files by their content here (nixpkgs #545138): where sort key and version are equal, the order follows those hashes. Set an order to fix it.'
      : 'Entries with the same sort key sort by version line, newest first, then by file name. Set an order to write sort keys.',
    names,
  };
}
