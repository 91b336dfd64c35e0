import { resolveDisplayManager } from '../model/desktop';
import type { Bootloader, Desktop, Gpu, Release } from '../model/types';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, NVIDIA_OPEN, PRIME_EXTRAS, at } from './releases';
import { own } from '../model/own';

const USER_OPTIONS: Record<string, string> = {
  uid: 'uid',
  isNormalUser: 'isNormalUser',
  description: 'description',
  extraGroups: 'extraGroups',
  shell: 'shell',
  hashedPassword: 'hashedPassword',
  authorizedKeys: 'openssh.authorizedKeys.keys',
};

const FIXED: Record<string, string> = {
  name: 'specialisation',
  inheritParentConfig: 'specialisation.<name>.inheritParentConfig',
  extraConfig: 'specialisation.<name>.configuration',
  tags: 'system.nixos.tags',
  packages: 'environment.systemPackages',
  'gpu.driver': 'hardware.nvidia.package',
  'gpu.thunderbolt': 'services.hardware.bolt.enable',
  'gpu.nvidiaBusId': 'hardware.nvidia.prime.nvidiaBusId',
  'gpu.intelBusId': 'hardware.nvidia.prime.intelBusId',
  'gpu.amdgpuBusId': 'hardware.nvidia.prime.amdgpuBusId',
  'kernel.packages': 'boot.kernelPackages',
  'kernel.params': 'boot.kernelParams',
  'kernel.modules': 'boot.kernelModules',
  'kernel.blacklistedModules': 'boot.blacklistedKernelModules',
  rememberAcrossRebuilds: 'environment.etc',
  grubDevice: 'boot.loader.grub.device',
  networkmanager: 'networking.networkmanager.enable',
};

/**
 * What names the option of a field: a specialisation, or the parent system (`project.base`, whose
 * bootloader also decides the option of `defaultEntry`).
 */
export interface OptionSubject {
  desktop: Desktop;
  gpu: Gpu;
  bootloader?: Bootloader;
}

const PRIME_MODE_OPTION: Record<string, string> = {
  'nvidia-offload': 'hardware.nvidia.prime.offload.enable',
  'nvidia-sync': 'hardware.nvidia.prime.sync.enable',
  'nvidia-reverse-sync': 'hardware.nvidia.prime.reverseSync.enable',
};

/**
 * The NixOS option a form field sets, as search.nixos.org names it for `release`
 * (`services.displayManager.autoLogin.user` from 24.05, `services.xserver.displayManager.autoLogin.user` before).
 * `fieldPath` is a model path such as `specialisations[0].users[1].uid` or `base.desktop.environment`;
 * list items (`…tags[2]`) map to their list's option. Null when the field sets no option in that release
 * (no desktop chosen, an option the release does not have).
 */
export function optionPathForField(fieldPath: string, s: OptionSubject, release: Release): string | null {
  if (fieldPath === 'defaultEntry') return s.bootloader === 'grub' ? 'boot.loader.grub.default' : null;
  if (fieldPath === 'base.bootloader')
    return s.bootloader === 'grub' ? 'boot.loader.grub.enable' : s.bootloader === 'lanzaboote' ? null : 'boot.loader.systemd-boot.enable';
  if (fieldPath === 'bootOrder') return 'boot.loader.systemd-boot.sortKey';
  if (fieldPath === 'base.pkiBundle') return null;
  if (/^specialisations\[\d+\]\.configurationName$/.test(fieldPath)) return 'boot.loader.grub.configurationName';
  const m = /^(?:specialisations\[\d+\]|base)\.(.+?)(\[\d+\])?$/.exec(fieldPath);
  if (!m) return null;
  const rest = m[1];
  const userField = /^users\[\d+\]\.(\w+)$/.exec(rest);
  if (userField) return userField[1] === 'name' ? 'users.users' : userOption(userField[1]);
  if (rest === 'users') return 'users.users';
  const fixed = own(FIXED, rest);
  if (fixed) return fixed;
  switch (rest) {
    case 'desktop.environment': {
      if (s.desktop.environment === 'none') return null;
      return at(DESKTOP_RULES[s.desktop.environment], release)?.enable ?? null;
    }
    case 'desktop.displayManager': {
      const dm = resolveDisplayManager(s.desktop);
      const rule = dm ? at(DISPLAY_MANAGER_RULES[dm], release) : null;
      return rule ? `${rule.path}.enable` : null;
    }
    case 'desktop.autoLogin':
      return `${at(AUTOLOGIN_PREFIX, release)}.autoLogin.user`;
    case 'gpu.mode':
      return PRIME_MODE_OPTION[s.gpu.mode] ?? 'services.xserver.videoDrivers';
    case 'gpu.openKernelModule':
      return at(NVIDIA_OPEN, release) ? 'hardware.nvidia.open' : null;
    case 'gpu.externalGpu':
      return at(PRIME_EXTRAS, release)!.allowExternalGpu;
    default:
      return null;
  }
}

function userOption(field: string): string | null {
  const option = own(USER_OPTIONS, field);
  return option ? `users.users.<name>.${option}` : null;
}

/** The search.nixos.org page of an option in a release's channel. */
export function optionDocsUrl(option: string, release: Release): string {
  const channel = release === 'unstable' ? 'unstable' : release;
  return `https://search.nixos.org/options?channel=${channel}&show=${encodeURIComponent(option)}`;
}
