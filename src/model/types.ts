/** The project file format, version 1. See docs/project-format.md. */

export const FORMAT_VERSION = 1;

export const RELEASES = [
  '22.05',
  '22.11',
  '23.05',
  '23.11',
  '24.05',
  '24.11',
  '25.05',
  '25.11',
  '26.05',
  'unstable',
] as const;
export type Release = (typeof RELEASES)[number];
export const DEFAULT_RELEASE: Release = '26.05';

export const DESKTOPS = [
  'none',
  'plasma5',
  'plasma6',
  'gnome',
  'xfce',
  'cinnamon',
  'mate',
  'lxqt',
  'budgie',
  'pantheon',
  'cosmic',
  'enlightenment',
  'sway',
  'hyprland',
  'i3',
] as const;
export type DesktopEnvironment = (typeof DESKTOPS)[number];

export const DISPLAY_MANAGERS = ['auto', 'sddm', 'gdm', 'lightdm', 'ly', 'none'] as const;
export type DisplayManagerChoice = (typeof DISPLAY_MANAGERS)[number];
/** A display manager after `auto` has been resolved. */
export type DisplayManager = Exclude<DisplayManagerChoice, 'auto' | 'none'> | 'cosmic-greeter';

export const GPU_MODES = [
  'none',
  'nvidia',
  'nvidia-offload',
  'nvidia-sync',
  'nvidia-reverse-sync',
  'amd',
] as const;
export type GpuMode = (typeof GPU_MODES)[number];

export const NVIDIA_DRIVERS = [
  'stable',
  'production',
  'beta',
  'latest',
  'vulkan_beta',
  'legacy_580',
  'legacy_535',
  'legacy_470',
  'legacy_390',
] as const;
export type NvidiaDriver = (typeof NVIDIA_DRIVERS)[number];

export interface User {
  name: string;
  uid: number | null;
  isNormalUser: boolean;
  description: string | null;
  extraGroups: string[];
  shell: string | null;
  hashedPassword: string | null;
  authorizedKeys: string[];
}

export interface Desktop {
  environment: DesktopEnvironment;
  displayManager: DisplayManagerChoice;
  autoLogin: string | null;
}

export interface Gpu {
  mode: GpuMode;
  nvidiaBusId: string | null;
  intelBusId: string | null;
  amdgpuBusId: string | null;
  driver: NvidiaDriver;
  openKernelModule: boolean;
  externalGpu: boolean;
  thunderbolt: boolean;
}

export interface Kernel {
  /** An attribute of `pkgs` such as `linuxPackages_latest`; null keeps the parent's kernel. */
  packages: string | null;
  params: string[];
  modules: string[];
  blacklistedModules: string[];
}

/** lanzaboote: systemd-boot with Secure Boot, from the lanzaboote flake's NixOS module (not in nixpkgs). */
export const BOOTLOADERS = ['systemd-boot', 'grub', 'lanzaboote'] as const;
export type Bootloader = (typeof BOOTLOADERS)[number];

/** What a separate system (`inheritParentConfig = false`) takes over from the parent. */
export interface FromParent {
  /** `imports = [ ./hardware-configuration.nix ];` (file systems, initrd modules, CPU settings). */
  hardwareConfiguration: boolean;
  /** The parent's bootloader settings (`base.bootloader`). */
  bootloader: boolean;
}

/**
 * What a setting's value is: the form edits each kind as its own control, and the generator writes
 * it as that Nix value. `nix` is any Nix expression, checked like extra Nix.
 */
export const SETTING_TYPES = ['bool', 'int', 'string', 'path', 'strings', 'packages', 'nix'] as const;
export type SettingType = (typeof SETTING_TYPES)[number];

/** How a definition merges with the parent's and other modules': lib.mkDefault, none, lib.mkForce, lib.mkOverride N. */
export const PRIORITIES = ['normal', 'default', 'force', 'override'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Any NixOS option as a typed row: `path = value;`, with its priority and an optional `lib.mkIf` condition. */
export interface Setting {
  /** The option path as attribute names: `["fileSystems", "/", "device"]` is `fileSystems."/".device`. */
  path: string[];
  type: SettingType;
  /**
   * The value as text, for every type but the lists: `true`/`false`, a decimal integer, the string itself
   * (any text), a path literal (`./gaming.nix`, `/etc/x`), or a Nix expression.
   */
  value: string;
  /** The items of a `strings` or `packages` list (packages as attribute paths under pkgs). */
  items: string[];
  priority: Priority;
  /** The N of `lib.mkOverride N` (priority `override`); null otherwise. */
  overridePriority: number | null;
  /** A Nix expression: the setting is written `lib.mkIf (<condition>) …`; null for none. */
  condition: string | null;
}

/**
 * Form fields whose option can be written with a priority of its own, as configurations do
 * (`boot.kernelPackages = lib.mkForce …`). Each names the option(s) the field writes:
 * desktop.environment its desktop's enable, desktop.displayManager the display manager's enable,
 * desktop.autoLogin `autoLogin.user`, gpu.videoDrivers `services.xserver.videoDrivers`, gpu.prime
 * the PRIME mode's enable, gpu.driver `hardware.nvidia.package`, gpu.openKernelModule
 * `hardware.nvidia.open`, kernel.packages `boot.kernelPackages`.
 */
export const FIELD_PRIORITY_KEYS = [
  'desktop.environment',
  'desktop.displayManager',
  'desktop.autoLogin',
  'gpu.videoDrivers',
  'gpu.prime',
  'gpu.driver',
  'gpu.openKernelModule',
  'kernel.packages',
] as const;
export type FieldPriorityKey = (typeof FIELD_PRIORITY_KEYS)[number];
export const FIELD_PRIORITIES = ['normal', 'default', 'force'] as const;
/** normal: as the generator decides (lib.mkForce where the parent sets the option too); default: lib.mkDefault; force: lib.mkForce. */
export type FieldPriority = (typeof FIELD_PRIORITIES)[number];

export interface Specialisation {
  name: string;
  /**
   * A Nix expression: the entry exists only when it is true, written
   * `specialisation.<name> = lib.mkIf (<condition>) { … };`; null for always.
   */
  condition: string | null;
  /**
   * A Nix entry: an expression that gives a set of specialisations (`lib.genAttrs [ … ] (…)`),
   * written into `specialisation` as it is; the form's fields do not apply and `name` only labels
   * it in the list. null for an entry made in the form.
   */
  nixEntry: string | null;
  inheritParentConfig: boolean;
  fromParent: FromParent;
  /**
   * Modules the configuration imports (`imports = [ … ];`), in order. An item starting with `./`,
   * `../`, `/` or `~/` is a path, the file name as typed; any other is a Nix expression
   * (`inputs.hardware.nixosModules.x`, `<nixos-hardware/lenovo>`, `import ./x.nix { }`).
   */
  imports: string[];
  /** Writes the name to /etc/specialisation so a rebuild from inside can stay in it. */
  rememberAcrossRebuilds: boolean;
  tags: string[];
  /** GRUB's title for this entry (`boot.loader.grub.configurationName`); null for NixOS's own title. */
  configurationName: string | null;
  users: User[];
  desktop: Desktop;
  packages: string[];
  gpu: Gpu;
  kernel: Kernel;
  /** Priorities chosen for what some form fields write. */
  priorities: Record<FieldPriorityKey, FieldPriority>;
  /** Any other NixOS options, as typed rows, in order. */
  settings: Setting[];
  /** Raw Nix bindings placed inside the specialisation's configuration. */
  extraConfig: string;
}

/** What the parent configuration (the main `configuration.nix`) sets, as far as specialisations care. */
export interface Base {
  bootloader: Bootloader;
  /** GRUB's `boot.loader.grub.device`: `nodev` for UEFI, a disk such as `/dev/sda` for BIOS. */
  grubDevice: string;
  /** lanzaboote's `boot.lanzaboote.pkiBundle`: the folder of the Secure Boot keys (sbctl's). */
  pkiBundle: string;
  desktop: Desktop;
  kernel: Kernel;
  gpu: Gpu;
  networkmanager: boolean;
}

export interface Project {
  version: typeof FORMAT_VERSION;
  nixosRelease: Release;
  /** The parent system; null when the user has not described it (no overrides are written then). */
  base: Base | null;
  /** The boot entry to start by default: null for the parent, or a specialisation's name. */
  defaultEntry: string | null;
  /**
   * The order of the newest generation's entries in the systemd-boot menu, written as
   * `boot.loader.systemd-boot.sortKey`s (24.05 and later): specialisation names, with `""` for the
   * main system. Empty: the bootloader's own order.
   */
  bootOrder: string[];
  specialisations: Specialisation[];
}

export type Severity = 'error' | 'warning';

/** A problem found in a project; `path` looks like `specialisations[0].users[1].uid`. */
export interface Diagnostic {
  path: string;
  severity: Severity;
  message: string;
}
