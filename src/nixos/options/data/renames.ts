import { renames, src, type RenameRow } from '../dsl';

/**
 * mkRenamedOptionModule / mkRemovedOptionModule facts. Rows whose first release comes from docs/release-facts.md
 * carry that file's evidence; the rest are unread here and say so.
 */
const FACTS = { unverified: ['from' as const] };

const DM = 'services.displayManager';
const XDM = 'services.xserver.displayManager';

export const RENAMES = [
  ...renames({ source: src('nixos/modules/services/display-managers/sddm.nix', '044b684b') }, [
    ...['enable', 'wayland.enable', 'theme', 'settings', 'autoNumlock', 'package', 'extraPackages'].map(
      (o): RenameRow => [`${XDM}.sddm.${o}`, `${DM}.sddm.${o}`, '24.05', FACTS],
    ),
  ]),
  ...renames({ source: src('nixos/modules/services/display-managers/default.nix', '136283b5') }, [
    [`${XDM}.autoLogin`, `${DM}.autoLogin`, '24.05', FACTS],
    [`${XDM}.defaultSession`, `${DM}.defaultSession`, '24.05', FACTS],
    [`${XDM}.hiddenUsers`, `${DM}.hiddenUsers`, '24.05', FACTS],
    [`${XDM}.sessionPackages`, `${DM}.sessionPackages`, '24.05', FACTS],
  ]),
  ...renames({ source: src('nixos/modules/services/display-managers/gdm.nix') }, [
    ...['enable', 'wayland', 'autoSuspend', 'banner', 'settings', 'debug', 'autoLogin.delay'].map(
      (o): RenameRow => [`${XDM}.gdm.${o}`, `${DM}.gdm.${o}`, '25.11', FACTS],
    ),
  ]),
  ...renames({ source: src('nixos/modules/services/desktop-managers/gnome.nix') }, [
    ...['enable', 'extraGSettingsOverrides', 'extraGSettingsOverridePackages', 'debug', 'sessionPath'].map(
      (o): RenameRow => [`services.xserver.desktopManager.gnome.${o}`, `services.desktopManager.gnome.${o}`, '25.11', FACTS],
    ),
  ]),
  ...renames({ source: src('nixos/modules/services/desktop-managers/pantheon.nix') }, [
    ['services.xserver.desktopManager.pantheon', 'services.desktopManager.pantheon', '25.11', FACTS],
  ]),
  ...renames({ source: src('nixos/modules/services/desktop-managers/budgie.nix') }, [
    ['services.xserver.desktopManager.budgie', 'services.desktopManager.budgie', '26.05', FACTS],
  ]),
  ...renames({ source: src('nixos/doc/manual/release-notes/rl-2511.section.md'), unverified: ['from'] }, [
    ['services.xserver.desktopManager.plasma5', null, '25.11', { unverified: ['from'] }],
    ['services.xserver.desktopManager.deepin', null, '25.11', { unverified: ['from'] }],
  ]),
  ...renames({ source: src('nixos/modules/hardware/graphics.nix'), unverified: ['from'] }, [
    ['hardware.opengl.enable', 'hardware.graphics.enable', '24.11'],
    ['hardware.opengl.driSupport32Bit', 'hardware.graphics.enable32Bit', '24.11'],
    ['hardware.opengl.package', 'hardware.graphics.package', '24.11'],
    ['hardware.opengl.package32', 'hardware.graphics.package32', '24.11'],
    ['hardware.opengl.extraPackages', 'hardware.graphics.extraPackages', '24.11'],
    ['hardware.opengl.extraPackages32', 'hardware.graphics.extraPackages32', '24.11'],
    ['hardware.opengl.driSupport', null, '24.11'],
    ['hardware.opengl.setLdLibraryPath', null, '24.11'],
  ]),
  ...renames({ source: src('nixos/modules/hardware/video/nvidia.nix'), unverified: ['from'] }, [
    ['hardware.nvidia.prime.sync.allowExternalGpu', 'hardware.nvidia.prime.allowExternalGpu', '23.05'],
  ]),
  ...renames({ source: src('nixos/modules/rename.nix'), unverified: ['from'] }, [
    ['boot.cleanTmpDir', 'boot.tmp.cleanOnBoot', '23.05'],
    ['boot.tmpOnTmpfs', 'boot.tmp.useTmpfs', '23.05'],
    ['boot.tmpOnTmpfsSize', 'boot.tmp.tmpfsSize', '23.05'],
    ['boot.vesa', null, 'unstable'],
    ['hardware.pulseaudio', 'services.pulseaudio', '25.05'],
    ['fonts.fonts', 'fonts.packages', '23.11'],
    ['environment.noXlibs', null, '25.05'],
  ]),
  ...renames({ source: src('nixos/modules/system/boot/loader/grub/grub.nix'), unverified: ['from'] }, [
    ['boot.loader.grub.version', null, '23.05'],
  ]),
  ...renames({ source: src('nixos/modules/services/x11/xserver.nix'), unverified: ['from'] }, [
    ['services.xserver.layout', 'services.xserver.xkb.layout', '23.11'],
    ['services.xserver.xkbVariant', 'services.xserver.xkb.variant', '23.11'],
    ['services.xserver.xkbOptions', 'services.xserver.xkb.options', '23.11'],
    ['services.xserver.xkbModel', 'services.xserver.xkb.model', '23.11'],
  ]),
  ...renames({ source: src('nixos/modules/services/hardware/libinput.nix'), unverified: ['from'] }, [
    ['services.xserver.libinput', 'services.libinput', '24.05'],
  ]),
  ...renames({ source: src('nixos/modules/config/users-groups.nix'), unverified: ['from'] }, [
    ['users.users.<name>.passwordFile', 'users.users.<name>.hashedPasswordFile', '23.11'],
  ]),
  ...renames({ source: src('nixos/modules/services/networking/ssh/sshd.nix'), unverified: ['from'] }, [
    ['services.openssh.passwordAuthentication', 'services.openssh.settings.PasswordAuthentication', '23.05'],
    ['services.openssh.permitRootLogin', 'services.openssh.settings.PermitRootLogin', '23.05'],
  ]),
  ...renames({ source: src('nixos/modules/services/networking/avahi-daemon.nix'), unverified: ['from'] }, [
    ['services.avahi.nssmdns', 'services.avahi.nssmdns4', '23.11'],
  ]),
  ...renames({ source: src('nixos/modules/services/networking/networkmanager.nix'), unverified: ['from'] }, [
    ['networking.networkmanager.packages', 'networking.networkmanager.plugins', '24.11'],
  ]),
  ...renames({ source: src('nixos/modules/services/networking/wpa_supplicant.nix'), unverified: ['from'] }, [
    ['networking.wireless.environmentFile', null, '24.11'],
  ]),
  ...renames({ source: src('nixos/modules/system/boot/systemd/logind.nix'), unverified: ['from'] }, [
    ['services.logind.lidSwitch', 'services.logind.settings.Login.HandleLidSwitch', '25.11'],
    ['services.logind.lidSwitchExternalPower', 'services.logind.settings.Login.HandleLidSwitchExternalPower', '25.11'],
    ['services.logind.lidSwitchDocked', 'services.logind.settings.Login.HandleLidSwitchDocked', '25.11'],
    ['services.logind.extraConfig', null, '25.11'],
  ]),
  ...renames({ source: src('nixos/modules/system/boot/systemd.nix'), unverified: ['from'] }, [
    ['systemd.extraConfig', null, '25.11'],
  ]),
  ...renames({ source: src('nixos/modules/i18n/input-method/default.nix'), unverified: ['from'] }, [
    ['i18n.inputMethod.enabled', 'i18n.inputMethod.type', '24.11'],
  ]),
  ...renames({ source: src('nixos/modules/virtualisation/docker.nix'), unverified: ['from'] }, [
    ['virtualisation.docker.enableNvidia', 'hardware.nvidia-container-toolkit.enable', '25.05'],
  ]),
  ...renames({ source: src('nixos/modules/virtualisation/libvirtd.nix'), unverified: ['from'] }, [
    ['virtualisation.libvirtd.qemu.ovmf', null, '25.11'],
  ]),
  ...renames({ source: src('nixos/modules/hardware/amdgpu.nix'), unverified: ['from'] }, [
    ['hardware.amdgpu.amdvlk', null, '25.11'],
  ]),
];
