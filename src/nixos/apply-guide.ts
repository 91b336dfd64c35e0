import type { Base, Project, Release, Specialisation } from '../model/types';
import { REBUILD_SPECIALISATION_FLAG, at } from './releases';

export interface GuideCommand {
  label: string;
  command: string;
  note?: string;
}

export interface ApplyGuide {
  name: string;
  /** Changes that only take effect when the machine boots into the entry. */
  needsReboot: string[];
  /** Changes that a switch applies to the running system. */
  appliesOnSwitch: string[];
  commands: GuideCommand[];
  /** How to return to the parent system. */
  back: GuideCommand[];
}

const PROFILE = '/nix/var/nix/profiles/system';

/**
 * A word for a POSIX shell that the shell reads back as exactly `text`: bare when it holds only
 * characters no shell treats specially, else in single quotes. A copied command can then never
 * run what a name holds (`a; rm -rf ~`), even while the name is still marked invalid.
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The rebuild that stays in the specialisation it runs from (`rememberAcrossRebuilds`). */
export function rememberingRebuild(release: Release): string | null {
  if (!at(REBUILD_SPECIALISATION_FLAG, release)) return null;
  return 'sudo nixos-rebuild switch $(test -f /etc/specialisation && echo --specialisation "$(cat /etc/specialisation)")';
}

/** What applying a specialisation takes: which changes need a reboot (nixpkgs #92999) and the commands. */
export function applyGuide(project: Project, s: Specialisation): ApplyGuide {
  const release = project.nixosRelease;
  const base: Base | null = project.base;
  const needsReboot: string[] = [];
  const appliesOnSwitch: string[] = [];
  if (!s.inheritParentConfig) needsReboot.push('a separate system (it does not build on the running one)');
  if (s.kernel.packages !== null) needsReboot.push(`the kernel (${s.kernel.packages})`);
  if (s.kernel.params.length) needsReboot.push('kernel parameters');
  if (s.kernel.modules.length || s.kernel.blacklistedModules.length) needsReboot.push('kernel modules loaded or blacklisted at boot');
  if (s.gpu.mode !== 'none') needsReboot.push('the GPU driver and PRIME setup (loaded with the kernel, in the initrd)');
  if (s.gpu.thunderbolt) appliesOnSwitch.push('Thunderbolt authorisation (bolt)');
  if (s.desktop.environment !== 'none' || s.desktop.displayManager !== 'auto')
    appliesOnSwitch.push('the desktop and display manager (the display manager restarts: save your work, your session ends)');
  if (s.desktop.autoLogin !== null) appliesOnSwitch.push('autologin (used at the next login)');
  if (s.users.length) appliesOnSwitch.push('users and their groups');
  if (s.packages.length) appliesOnSwitch.push('packages');
  if (s.tags.length) appliesOnSwitch.push('the boot entry label (shown after the next rebuild)');
  if (s.extraConfig.trim()) appliesOnSwitch.push('your extra Nix (unless it changes the kernel, the initrd or the bootloader)');

  const name = s.name;
  const word = shellWord(name);
  const flag = at(REBUILD_SPECIALISATION_FLAG, release);
  const commands: GuideCommand[] = [
    { label: 'Build the new boot entries (they appear at the next boot)', command: 'sudo nixos-rebuild boot' },
  ];
  if (flag)
    commands.push({
      label: `Build and switch the running system to ${name}`,
      command: `sudo nixos-rebuild switch --specialisation ${word}`,
      note: '--specialisation works only with switch and test, and it does not change the default boot entry.',
    });
  commands.push({
    label: `Switch to ${name} after a rebuild, without rebuilding`,
    command: `sudo ${shellWord(`${PROFILE}/specialisation/${name}/bin/switch-to-configuration`)} switch`,
  });
  if (needsReboot.length)
    commands.push({
      label: `Start ${name} once at the next boot`,
      command: 'sudo reboot',
      note:
        (base?.bootloader ?? 'systemd-boot') === 'grub'
          ? `Pick "NixOS - (${name} - …)" in the GRUB menu.`
          : `Pick "NixOS (${name})" in the systemd-boot menu.`,
    });
  const remembering = s.rememberAcrossRebuilds ? rememberingRebuild(release) : null;
  if (remembering)
    commands.push({
      label: 'Rebuild from inside this entry and stay in it',
      command: remembering,
      note: 'Reads /etc/specialisation, which this entry writes; from the parent system it rebuilds the parent.',
    });
  return {
    name,
    needsReboot,
    appliesOnSwitch,
    commands,
    back: [
      { label: 'Back to the parent system without rebooting', command: `sudo ${PROFILE}/bin/switch-to-configuration switch` },
      ...(needsReboot.length ? [{ label: 'Or reboot and pick the default entry', command: 'sudo reboot' }] : []),
    ],
  };
}
