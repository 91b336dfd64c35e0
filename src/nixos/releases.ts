import {
  RELEASES,
  type DesktopEnvironment,
  type DisplayManager,
  type NvidiaDriver,
  type Release,
} from '../model/types';

/**
 * What NixOS offers, release by release, as data. Each rule is a list of steps: a step holds
 * from its release up to the next step's release; `null` means "not available". Sources are in
 * docs/release-rules.md and ../shared/reference/nixos-options.md.
 */
export type Steps<T> = readonly { from: Release; value: T }[];

export function releaseIndex(release: Release): number {
  return RELEASES.indexOf(release);
}

/** The value of a stepped rule at `release`, or null before its first step. */
export function at<T>(steps: Steps<T>, release: Release): T | null {
  let found: T | null = null;
  for (const step of steps) if (releaseIndex(step.from) <= releaseIndex(release)) found = step.value;
  return found;
}

/** The first release where a rule has a non-null value, for messages ("needs 24.05 or later"). */
export function firstRelease<T>(steps: Steps<T | null>): Release | null {
  return steps.find((s) => s.value !== null)?.from ?? null;
}

/** The last release where a rule has a non-null value when it was later removed. */
export function lastRelease<T>(steps: Steps<T | null>): Release | null {
  const removal = steps.findIndex((s, i) => s.value === null && i > 0);
  return removal > 0 ? RELEASES[releaseIndex(steps[removal].from) - 1] : null;
}

export interface DesktopRule {
  /** Option set to true to enable it. */
  enable: string;
  /** Needs `services.xserver.enable = true` to start. */
  needsX: boolean;
  /** Session name for `defaultSession` (needed by SDDM and LightDM autologin). */
  session: string;
  label: string;
}

const desktop = (enable: string, needsX: boolean, session: string, label: string): DesktopRule => ({
  enable,
  needsX,
  session,
  label,
});
const xdm = (name: string) => `services.xserver.desktopManager.${name}.enable`;

export const DESKTOP_RULES: Record<Exclude<DesktopEnvironment, 'none'>, Steps<DesktopRule | null>> = {
  plasma5: [
    { from: '22.05', value: desktop(xdm('plasma5'), true, 'plasma', 'KDE Plasma 5') },
    { from: '25.11', value: null },
  ],
  plasma6: [
    { from: '24.05', value: desktop('services.desktopManager.plasma6.enable', false, 'plasma', 'KDE Plasma 6') },
  ],
  gnome: [
    { from: '22.05', value: desktop(xdm('gnome'), true, 'gnome', 'GNOME') },
    { from: '25.11', value: desktop('services.desktopManager.gnome.enable', false, 'gnome', 'GNOME') },
  ],
  xfce: [{ from: '22.05', value: desktop(xdm('xfce'), true, 'xfce', 'Xfce') }],
  cinnamon: [{ from: '22.05', value: desktop(xdm('cinnamon'), true, 'cinnamon', 'Cinnamon') }],
  mate: [{ from: '22.05', value: desktop(xdm('mate'), true, 'mate', 'MATE') }],
  lxqt: [{ from: '22.05', value: desktop(xdm('lxqt'), true, 'lxqt', 'LXQt') }],
  budgie: [
    { from: '23.05', value: desktop(xdm('budgie'), true, 'budgie-desktop', 'Budgie') },
    {
      from: '26.05',
      value: desktop('services.desktopManager.budgie.enable', true, 'budgie-desktop', 'Budgie'),
    },
  ],
  pantheon: [
    { from: '22.05', value: desktop(xdm('pantheon'), true, 'pantheon', 'Pantheon') },
    // 25.11 made Pantheon Wayland-only.
    { from: '25.11', value: desktop('services.desktopManager.pantheon.enable', false, 'pantheon', 'Pantheon') },
  ],
  cosmic: [
    {
      from: '25.05',
      value: desktop('services.desktopManager.cosmic.enable', false, 'cosmic', 'COSMIC'),
    },
  ],
  enlightenment: [
    { from: '22.05', value: desktop(xdm('enlightenment'), true, 'enlightenment', 'Enlightenment') },
  ],
  sway: [{ from: '22.05', value: desktop('programs.sway.enable', false, 'sway', 'Sway') }],
  hyprland: [{ from: '23.11', value: desktop('programs.hyprland.enable', false, 'hyprland', 'Hyprland') }],
  i3: [
    { from: '22.05', value: desktop('services.xserver.windowManager.i3.enable', true, 'none+i3', 'i3') },
  ],
};

export interface DisplayManagerRule {
  /** Option prefix; `.enable` turns it on. */
  path: string;
  /** Lives under services.xserver and only starts with the X server. */
  needsX: boolean;
  /** Option that lets it start a Wayland session without the X server, if it has one. */
  wayland: string | null;
  /** Autologin needs `defaultSession` set (an assertion in NixOS). */
  autoLoginNeedsSession: boolean;
  label: string;
}

const dmRule = (path: string, needsX: boolean, wayland: string | null, autoLoginNeedsSession: boolean, label: string) => ({
  path,
  needsX,
  wayland,
  autoLoginNeedsSession,
  label,
});

export const DISPLAY_MANAGER_RULES: Record<DisplayManager, Steps<DisplayManagerRule | null>> = {
  sddm: [
    { from: '22.05', value: dmRule('services.xserver.displayManager.sddm', true, null, true, 'SDDM') },
    {
      from: '23.11',
      value: dmRule(
        'services.xserver.displayManager.sddm',
        true,
        'services.xserver.displayManager.sddm.wayland.enable',
        true,
        'SDDM',
      ),
    },
    {
      from: '24.05',
      value: dmRule('services.displayManager.sddm', false, 'services.displayManager.sddm.wayland.enable', true, 'SDDM'),
    },
  ],
  gdm: [
    { from: '22.05', value: dmRule('services.xserver.displayManager.gdm', true, null, false, 'GDM') },
    { from: '25.11', value: dmRule('services.displayManager.gdm', false, null, false, 'GDM') },
  ],
  lightdm: [{ from: '22.05', value: dmRule('services.xserver.displayManager.lightdm', true, null, true, 'LightDM') }],
  ly: [{ from: '24.11', value: dmRule('services.displayManager.ly', false, null, false, 'Ly') }],
  'cosmic-greeter': [
    { from: '25.05', value: dmRule('services.displayManager.cosmic-greeter', false, null, false, 'COSMIC greeter') },
  ],
};

/** Where autologin and the default session live. */
export const AUTOLOGIN_PREFIX: Steps<string> = [
  { from: '22.05', value: 'services.xserver.displayManager' },
  { from: '24.05', value: 'services.displayManager' },
];

export interface GraphicsRule {
  enable: string;
}
export const GRAPHICS: Steps<GraphicsRule> = [
  { from: '22.05', value: { enable: 'hardware.opengl.enable' } },
  { from: '24.11', value: { enable: 'hardware.graphics.enable' } },
];

/** `hardware.nvidia.open`: null before it exists; `explicit` when NixOS asserts that it is set. */
export const NVIDIA_OPEN: Steps<{ explicit: boolean } | null> = [
  { from: '22.11', value: { explicit: false } },
  { from: '24.11', value: { explicit: true } },
];

/** PRIME options that came with nixpkgs PR #165188. */
export const PRIME_EXTRAS: Steps<{ allowExternalGpu: string; reverseSync: boolean; offloadCmd: boolean }> = [
  { from: '22.05', value: { allowExternalGpu: 'hardware.nvidia.prime.sync.allowExternalGpu', reverseSync: false, offloadCmd: false } },
  { from: '23.05', value: { allowExternalGpu: 'hardware.nvidia.prime.allowExternalGpu', reverseSync: true, offloadCmd: true } },
];

/** NVIDIA driver packages under `config.boot.kernelPackages.nvidiaPackages`. */
export const NVIDIA_DRIVER_RULES: Steps<readonly NvidiaDriver[]> = [
  { from: '22.05', value: ['stable', 'beta', 'production', 'vulkan_beta', 'legacy_470', 'legacy_390'] },
  { from: '24.11', value: ['stable', 'beta', 'production', 'latest', 'vulkan_beta', 'legacy_535', 'legacy_470', 'legacy_390'] },
  { from: '26.05', value: ['stable', 'beta', 'production', 'latest', 'vulkan_beta', 'legacy_580', 'legacy_535', 'legacy_470', 'legacy_390'] },
];

/** Drivers that exist but no longer build with the release's default kernel. */
export const NVIDIA_BROKEN_DRIVERS: Steps<readonly NvidiaDriver[]> = [
  { from: '22.05', value: [] },
  { from: '26.05', value: ['legacy_390'] },
];

/** Shells whose NixOS program module must be on (`programs.<shell>.enable`) to be a login shell. */
export const SHELL_PROGRAMS: Steps<readonly string[]> = [
  { from: '22.05', value: [] },
  // The users-groups assertion came with nixpkgs PR #211603, merged in the 23.05 cycle.
  { from: '23.05', value: ['zsh', 'fish', 'xonsh'] },
];

/** Shells NixOS ships a program module for; others need `environment.shells` by hand. */
export const KNOWN_SHELLS = ['bash', 'zsh', 'fish', 'xonsh', 'dash', 'nushell', 'tcsh', 'ksh'] as const;

/** Package attribute for a shell, where it differs from the shell's name. */
export const SHELL_PACKAGES: Record<string, string> = { bash: 'bashInteractive' };

/** `nixos-rebuild switch --specialisation NAME` exists (nixpkgs PR #207466). */
export const REBUILD_SPECIALISATION_FLAG: Steps<boolean> = [
  { from: '22.05', value: false },
  { from: '23.05', value: true },
];

/** Kernel package sets under `pkgs`, release by release (the catalog shows them; others are accepted with a warning). */
export const KERNEL_VARIANTS: Steps<readonly string[]> = [
  {
    from: '22.05',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_lqx', 'linuxPackages_xanmod', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_4_19', 'linuxPackages_5_4', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_5_17', 'linuxPackages_5_18'],
  },
  {
    from: '23.05',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_lqx', 'linuxPackages_xanmod', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_4_19', 'linuxPackages_5_4', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_3'],
  },
  {
    from: '24.05',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_lqx', 'linuxPackages_xanmod', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_5_4', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_6', 'linuxPackages_6_8'],
  },
  {
    from: '24.11',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_lqx', 'linuxPackages_xanmod', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_5_4', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_6', 'linuxPackages_6_11'],
  },
  {
    from: '25.05',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_lqx', 'linuxPackages_xanmod', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_5_4', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_6', 'linuxPackages_6_12', 'linuxPackages_6_14'],
  },
  {
    from: '25.11',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_xanmod', 'linuxPackages_xanmod_stable', 'linuxPackages_xanmod_latest', 'linuxPackages_hardened', 'linuxPackages_rt', 'linuxPackages_rt_latest', 'linuxPackages_testing', 'linuxPackages_5_10', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_6', 'linuxPackages_6_12', 'linuxPackages_6_17'],
  },
  {
    from: '26.05',
    value: ['linuxPackages', 'linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_xanmod', 'linuxPackages_xanmod_stable', 'linuxPackages_xanmod_latest', 'linuxPackages_testing', 'linuxPackages_5_15', 'linuxPackages_6_1', 'linuxPackages_6_6', 'linuxPackages_6_12', 'linuxPackages_6_18'],
  },
];

/** Kernel package sets known to be removed (evaluation throws), with the first release without them. */
export const REMOVED_KERNELS: Record<string, Release> = {
  linuxPackages_4_19: '24.11',
  linuxPackages_5_4: '25.11',
  linuxPackages_lqx: '25.11',
  linuxPackages_libre: '25.11',
  linuxPackages_hardened: '26.05',
  linuxPackages_rt: '26.05',
  linuxPackages_rt_latest: '26.05',
};

export function releaseLabel(release: Release): string {
  return release === 'unstable' ? 'unstable (26.11)' : release;
}
