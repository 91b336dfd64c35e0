import { describe, expect, it } from 'vitest';
import { FIELD_TRANSITION, heavier, heaviest, optionTransition } from './transition';

describe('what moving between entries takes', () => {
  it('options read at boot need a reboot', () => {
    for (const path of [
      'boot.kernelPackages',
      'boot.kernelParams',
      'boot.initrd.kernelModules',
      'boot.initrd.luks.devices.root.device',
      'boot.loader.grub.device',
      'boot.blacklistedKernelModules',
      'hardware.nvidia.prime.offload.enable',
      'hardware.nvidia.package',
      'services.xserver.videoDrivers',
    ])
      expect(optionTransition(path), path).toBe('reboot');
  });

  it('the desktop, the display manager, autologin and users need a re-login', () => {
    for (const path of [
      'services.desktopManager.plasma6.enable',
      'services.xserver.desktopManager.gnome.enable',
      'services.displayManager.autoLogin.user',
      'services.xserver.displayManager.sddm.enable',
      'programs.sway.enable',
      'users.users.chani.extraGroups',
      'users.groups.media',
    ])
      expect(optionTransition(path), path).toBe('relogin');
  });

  it('everything else, sysctl included, applies on a switch; a prefix must end at a dot', () => {
    for (const path of ['environment.systemPackages', 'boot.kernel.sysctl."vm.swappiness"', 'networking.hostName', 'services.openssh.enable', 'usersx.a', 'boot.loaderx'])
      expect(optionTransition(path), path).toBe('switch');
  });

  it('the heaviest transition wins; none is a switch', () => {
    expect(heavier('switch', 'reboot')).toBe('reboot');
    expect(heavier('relogin', 'switch')).toBe('relogin');
    expect(heaviest([])).toBe('switch');
    expect(heaviest(['relogin', 'switch', 'reboot', 'switch'])).toBe('reboot');
  });

  it('form fields agree with the option paths they write', () => {
    expect(FIELD_TRANSITION.kernel).toBe(optionTransition('boot.kernelPackages'));
    expect(FIELD_TRANSITION.kernelParams).toBe(optionTransition('boot.kernelParams'));
    expect(FIELD_TRANSITION.gpu).toBe(optionTransition('services.xserver.videoDrivers'));
    expect(FIELD_TRANSITION.desktop).toBe(optionTransition('services.desktopManager.gnome.enable'));
    expect(FIELD_TRANSITION.autoLogin).toBe(optionTransition('services.displayManager.autoLogin.user'));
    expect(FIELD_TRANSITION.users).toBe(optionTransition('users.users.paul'));
    expect(FIELD_TRANSITION.packages).toBe(optionTransition('environment.systemPackages'));
  });
});
