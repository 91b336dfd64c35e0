/** Groups every NixOS system has (nixos/modules/misc/ids.nix). */
export const ALWAYS_GROUPS = new Set([
  'root', 'wheel', 'kmem', 'tty', 'disk', 'audio', 'floppy', 'uucp', 'lp', 'cdrom', 'tape', 'video', 'dialout',
  'utmp', 'adm', 'users', 'input', 'kvm', 'render', 'sgx', 'shadow', 'nogroup',
]);

/** Groups that exist only when a module creates them, and the option that does. */
export const SERVICE_GROUPS: Record<string, string> = {
  networkmanager: 'networking.networkmanager.enable',
  docker: 'virtualisation.docker.enable',
  podman: 'virtualisation.podman.enable',
  libvirtd: 'virtualisation.libvirtd.enable',
  vboxusers: 'virtualisation.virtualbox.host.enable',
  lxd: 'virtualisation.lxd.enable',
  wireshark: 'programs.wireshark.enable',
  adbusers: 'programs.adb.enable',
  scanner: 'hardware.sane.enable',
  gamemode: 'programs.gamemode.enable',
  i2c: 'hardware.i2c.enable',
  tss: 'security.tpm2.enable',
  jackaudio: 'services.jack.jackd.enable',
  pipewire: 'services.pipewire.systemWide',
  plugdev: 'hardware.rtl-sdr.enable',
};
