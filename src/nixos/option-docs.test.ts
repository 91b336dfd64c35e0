import { describe, expect, it } from 'vitest';
import { defaultBase, defaultDesktop, defaultGpu, defaultSpecialisation } from '../model/defaults';
import type { Specialisation } from '../model/types';
import { optionDocsUrl, optionPathForField } from './option-docs';

const spec = (fields: Partial<Specialisation>): Specialisation => ({ ...defaultSpecialisation('chani'), ...fields });
const plasma5 = spec({ desktop: { ...defaultDesktop(), environment: 'plasma5', autoLogin: 'chani' } });
const gnome = spec({ desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'chani' } });

describe('optionPathForField', () => {
  it('follows the desktop, display manager and autologin paths of each release', () => {
    expect(optionPathForField('specialisations[0].desktop.environment', plasma5, '22.05')).toBe(
      'services.xserver.desktopManager.plasma5.enable',
    );
    expect(optionPathForField('specialisations[0].desktop.environment', plasma5, '25.11')).toBeNull();
    expect(optionPathForField('specialisations[0].desktop.environment', gnome, '25.05')).toBe(
      'services.xserver.desktopManager.gnome.enable',
    );
    expect(optionPathForField('specialisations[0].desktop.environment', gnome, '25.11')).toBe('services.desktopManager.gnome.enable');
    expect(optionPathForField('specialisations[0].desktop.displayManager', gnome, '25.05')).toBe(
      'services.xserver.displayManager.gdm.enable',
    );
    expect(optionPathForField('specialisations[0].desktop.displayManager', gnome, '25.11')).toBe('services.displayManager.gdm.enable');
    expect(optionPathForField('specialisations[0].desktop.autoLogin', gnome, '23.11')).toBe(
      'services.xserver.displayManager.autoLogin.user',
    );
    expect(optionPathForField('specialisations[0].desktop.autoLogin', gnome, '24.05')).toBe('services.displayManager.autoLogin.user');
  });

  it('maps user fields to users.users.<name> options, the way search.nixos.org names them', () => {
    expect(optionPathForField('specialisations[2].users[1].uid', plasma5, '26.05')).toBe('users.users.<name>.uid');
    expect(optionPathForField('specialisations[0].users[0].authorizedKeys', plasma5, '26.05')).toBe(
      'users.users.<name>.openssh.authorizedKeys.keys',
    );
    expect(optionPathForField('specialisations[0].users[0].extraGroups[3]', plasma5, '26.05')).toBe('users.users.<name>.extraGroups');
    expect(optionPathForField('specialisations[0].users[0].name', plasma5, '26.05')).toBe('users.users');
  });

  it('maps list items to their list, and the GPU fields to the release\'s options', () => {
    expect(optionPathForField('specialisations[0].tags[1]', plasma5, '26.05')).toBe('system.nixos.tags');
    expect(optionPathForField('specialisations[0].kernel.params', plasma5, '26.05')).toBe('boot.kernelParams');
    const egpu = spec({ gpu: { ...defaultGpu(), mode: 'nvidia-offload', externalGpu: true } });
    expect(optionPathForField('specialisations[0].gpu.mode', egpu, '26.05')).toBe('hardware.nvidia.prime.offload.enable');
    expect(optionPathForField('specialisations[0].gpu.externalGpu', egpu, '22.05')).toBe('hardware.nvidia.prime.sync.allowExternalGpu');
    expect(optionPathForField('specialisations[0].gpu.externalGpu', egpu, '23.05')).toBe('hardware.nvidia.prime.allowExternalGpu');
    expect(optionPathForField('specialisations[0].gpu.openKernelModule', egpu, '22.05')).toBeNull();
    expect(optionPathForField('specialisations[0].gpu.openKernelModule', egpu, '22.11')).toBe('hardware.nvidia.open');
  });

  it('gives null for what sets no option', () => {
    expect(optionPathForField('specialisations[0].desktop.environment', spec({}), '26.05')).toBeNull();
    expect(optionPathForField('specialisations[0].desktop.displayManager', spec({}), '26.05')).toBeNull();
    expect(optionPathForField('nixosRelease', spec({}), '26.05')).toBeNull();
    expect(optionPathForField('specialisations[0].nonsense', spec({}), '26.05')).toBeNull();
  });
});

describe('optionPathForField for the parent system and the boot menu', () => {
  const base = { ...defaultBase(), desktop: { ...defaultDesktop(), environment: 'gnome' as const } };

  it('names the options of base.* fields', () => {
    expect(optionPathForField('base.desktop.environment', base, '26.05')).toBe('services.desktopManager.gnome.enable');
    expect(optionPathForField('base.desktop.displayManager', base, '26.05')).toBe('services.displayManager.gdm.enable');
    expect(optionPathForField('base.kernel.packages', base, '26.05')).toBe('boot.kernelPackages');
    expect(optionPathForField('base.networkmanager', base, '26.05')).toBe('networking.networkmanager.enable');
    expect(optionPathForField('base.bootloader', base, '26.05')).toBe('boot.loader.systemd-boot.enable');
    expect(optionPathForField('base.bootloader', { ...base, bootloader: 'grub' }, '26.05')).toBe('boot.loader.grub.enable');
    expect(optionPathForField('base.grubDevice', { ...base, bootloader: 'grub' }, '26.05')).toBe('boot.loader.grub.device');
  });

  it('links the default entry to GRUB\'s option only: systemd-boot has none', () => {
    expect(optionPathForField('defaultEntry', { ...base, bootloader: 'grub' }, '26.05')).toBe('boot.loader.grub.default');
    expect(optionPathForField('defaultEntry', base, '26.05')).toBeNull();
    expect(optionPathForField('specialisations[0].rememberAcrossRebuilds', base, '26.05')).toBe('environment.etc');
  });
});

describe('optionDocsUrl', () => {
  it('points at the release channel, unstable for unstable', () => {
    expect(optionDocsUrl('services.displayManager.autoLogin.user', '25.11')).toBe(
      'https://search.nixos.org/options?channel=25.11&show=services.displayManager.autoLogin.user',
    );
    expect(optionDocsUrl('users.users.<name>.uid', 'unstable')).toBe(
      'https://search.nixos.org/options?channel=unstable&show=users.users.%3Cname%3E.uid',
    );
  });
});
