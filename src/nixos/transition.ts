/**
 * What moving the running system from one boot entry to another takes, by what differs between
 * them: a switch (`switch-to-configuration switch` applies it), a re-login (the switch restarts
 * the display manager or changes who you are: your session ends) or a reboot (the change is read
 * only at boot: kernel, its parameters and modules, the initrd, the bootloader, the GPU driver).
 * One classification for the comparison of entries and the apply guide.
 */

export type Transition = 'switch' | 'relogin' | 'reboot';

/** From the lightest to the heaviest. */
export const TRANSITIONS: readonly Transition[] = ['switch', 'relogin', 'reboot'];

export const TRANSITION_LABEL: Record<Transition, string> = {
  switch: 'a switch',
  relogin: 'a re-login',
  reboot: 'a reboot',
};

/** The heavier of two transitions. */
export const heavier = (a: Transition, b: Transition): Transition => (TRANSITIONS.indexOf(a) >= TRANSITIONS.indexOf(b) ? a : b);

/** The heaviest of several; a switch when there are none. */
export const heaviest = (all: Iterable<Transition>): Transition => {
  let out: Transition = 'switch';
  for (const t of all) out = heavier(out, t);
  return out;
};

const starts = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/** Read at boot only: the kernel, its command line and modules, the initrd, the bootloader, the GPU driver's kernel side. */
const REBOOT = [
  'boot.kernelPackages',
  'boot.kernelParams',
  'boot.kernelModules',
  'boot.blacklistedKernelModules',
  'boot.extraModulePackages',
  'boot.extraModprobeConfig',
  'boot.initrd',
  'boot.loader',
  'boot.kernelPatches',
  'boot.resumeDevice',
  'boot.consoleLogLevel',
  'boot.plymouth',
  'hardware.nvidia',
  'services.xserver.videoDrivers',
  'hardware.cpu',
  'hardware.enableRedistributableFirmware',
  'hardware.firmware',
];

/** Applied by the switch but only seen after logging in again: the desktop, the display manager, users and groups. */
const RELOGIN = [
  'services.xserver.enable',
  'services.xserver.desktopManager',
  'services.xserver.windowManager',
  'services.xserver.displayManager',
  'services.desktopManager',
  'services.displayManager',
  'programs.sway',
  'programs.hyprland',
  'users',
];

/** What a change of this NixOS option (dotted path) takes. `boot.kernel.sysctl` is applied by the switch. */
export function optionTransition(path: string): Transition {
  if (starts(path, REBOOT)) return 'reboot';
  if (starts(path, RELOGIN)) return 'relogin';
  return 'switch';
}

/** The parts of an entry the forms describe, and what changing each takes (the apply guide's words too). */
export const FIELD_TRANSITION = {
  /** inheritParentConfig differs: a separate system does not build on the running one. */
  separateSystem: 'reboot',
  kernel: 'reboot',
  kernelParams: 'reboot',
  kernelModules: 'reboot',
  gpu: 'reboot',
  bootloader: 'reboot',
  hardwareConfiguration: 'reboot',
  desktop: 'relogin',
  displayManager: 'relogin',
  autoLogin: 'relogin',
  users: 'relogin',
  thunderbolt: 'switch',
  packages: 'switch',
  tags: 'switch',
  /** Extra Nix is not read: a switch, unless it changes the kernel, the initrd or the bootloader. */
  extraNix: 'switch',
} as const satisfies Record<string, Transition>;

export type FieldKind = keyof typeof FIELD_TRANSITION;
