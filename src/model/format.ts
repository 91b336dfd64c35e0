import {
  BOOTLOADERS,
  DESKTOPS,
  DISPLAY_MANAGERS,
  FIELD_PRIORITIES,
  FIELD_PRIORITY_KEYS,
  FORMAT_VERSION,
  GPU_MODES,
  NVIDIA_DRIVERS,
  PRIORITIES,
  RELEASES,
  SETTING_TYPES,
  DEFAULT_RELEASE,
} from './types';
import { DEFAULT_PKI_BUNDLE } from './defaults';

/**
 * The project format described once, as data: the reader (read.ts) and the JSON Schema
 * (json-schema.ts) are both derived from it, so they cannot disagree.
 */
export type Spec =
  | { kind: 'string'; nullable?: boolean; default: string | null; description: string }
  | { kind: 'int'; nullable: true; min: number; max: number; description: string }
  | { kind: 'bool'; default: boolean; description: string }
  | { kind: 'enum'; values: readonly string[]; default: string; description: string }
  | { kind: 'array'; items: Spec; description: string }
  | { kind: 'object'; fields: Record<string, Spec>; required: string[]; description: string; nullable?: boolean }
  | { kind: 'const'; value: number; description: string };

const str = (description: string, def: string | null = null): Spec =>
  def === null
    ? { kind: 'string', nullable: true, default: null, description }
    : { kind: 'string', default: def, description };
const strList = (description: string): Spec => ({
  kind: 'array',
  items: { kind: 'string', default: '', description: '' },
  description,
});
const bool = (description: string, def: boolean): Spec => ({ kind: 'bool', default: def, description });
const oneOf = (values: readonly string[], def: string, description: string): Spec => ({
  kind: 'enum',
  values,
  default: def,
  description,
});

export const userSpec: Spec = {
  kind: 'object',
  required: [],
  description: 'A user account (users.users.<name>).',
  fields: {
    name: { kind: 'string', default: '', description: 'Login name.' },
    uid: { kind: 'int', nullable: true, min: 0, max: 4294967294, description: 'User id; null lets NixOS pick.' },
    isNormalUser: bool('A normal (human) user with a home directory.', true),
    description: str('Full name or comment (GECOS).'),
    extraGroups: strList('Groups the user joins, such as wheel, networkmanager, video.'),
    shell: str('Login shell, a package name such as bash, zsh or fish; null for the default.'),
    hashedPassword: str('A password hash from `mkpasswd -m sha-512`; null for none.'),
    authorizedKeys: strList('SSH public keys allowed to log in as this user.'),
  },
};

const desktopSpec: Spec = {
  kind: 'object',
  required: [],
  description: 'Desktop environment, display manager and autologin.',
  fields: {
    environment: oneOf(DESKTOPS, 'none', 'Desktop environment or window manager.'),
    displayManager: oneOf(DISPLAY_MANAGERS, 'auto', "Display manager; auto picks the desktop's usual one."),
    autoLogin: str('User logged in automatically; one of the users of this system.'),
  },
};

const gpuSpec: Spec = {
  kind: 'object',
  required: [],
  description: 'Graphics: NVIDIA (PRIME offload/sync/reverse sync), AMD, external GPUs.',
  fields: {
    mode: oneOf(GPU_MODES, 'none', 'GPU setup.'),
    nvidiaBusId: str('NVIDIA bus id, PCI:<bus>:<device>:<function> in decimal.'),
    intelBusId: str('Intel iGPU bus id, PCI:<bus>:<device>:<function> in decimal.'),
    amdgpuBusId: str('AMD iGPU bus id, PCI:<bus>:<device>:<function> in decimal.'),
    driver: oneOf(NVIDIA_DRIVERS, 'stable', 'NVIDIA driver package from the kernel package set.'),
    openKernelModule: bool("Use NVIDIA's open kernel module (hardware.nvidia.open).", false),
    externalGpu: bool('The GPU is external (hardware.nvidia.prime.allowExternalGpu).', false),
    thunderbolt: bool('Authorise Thunderbolt devices with bolt (services.hardware.bolt).', false),
  },
};

const kernelSpec: Spec = {
  kind: 'object',
  required: [],
  description: 'Kernel package set, parameters and modules.',
  fields: {
    packages: str("Kernel package set under pkgs, such as linuxPackages_latest; null keeps the parent's."),
    params: strList('Kernel command line parameters (boot.kernelParams).'),
    modules: strList('Kernel modules loaded at boot (boot.kernelModules).'),
    blacklistedModules: strList('Kernel modules never loaded (boot.blacklistedKernelModules).'),
  },
};

export const settingSpec: Spec = {
  kind: 'object',
  required: ['path'],
  description: 'Any NixOS option as a typed row: path = value, with its priority and an optional lib.mkIf condition.',
  fields: {
    path: strList('The option path as attribute names: ["fileSystems", "/", "device"] is fileSystems."/".device.'),
    type: oneOf(SETTING_TYPES, 'bool', 'The kind of value: bool, int, string, path, strings (list), packages (list), nix (any expression).'),
    value: {
      kind: 'string',
      default: '',
      description: 'The value as text for bool (true/false), int (decimal), string (the text itself), path (./x.nix, /etc/x) and nix (an expression).',
    },
    items: strList('The items of a strings or packages list; packages are attribute paths under pkgs.'),
    priority: oneOf(PRIORITIES, 'normal', 'normal, default (lib.mkDefault), force (lib.mkForce) or override (lib.mkOverride N).'),
    overridePriority: { kind: 'int', nullable: true, min: 0, max: 10000, description: 'The N of lib.mkOverride N; null unless priority is override.' },
    condition: str('A Nix expression: the setting is written lib.mkIf (condition) …; null for none.'),
  },
};

export const specialisationSpec: Spec = {
  kind: 'object',
  required: ['name'],
  description: 'One specialisation: an extra boot entry (specialisation.<name>.configuration).',
  fields: {
    name: { kind: 'string', default: '', description: 'Name of the specialisation; [A-Za-z0-9_-]+.' },
    condition: str('A Nix expression: the entry exists only when it is true (specialisation.<name> = lib.mkIf (condition) { … }); null for always.'),
    nixEntry: str(
      'A Nix entry: an expression giving a set of specialisations (lib.genAttrs [ … ] (…)), written into specialisation as it is; the other fields do not apply and name only labels it. null for an entry made in the form.',
    ),
    inheritParentConfig: bool('Build on top of the parent configuration (false: a separate system).', true),
    fromParent: {
      kind: 'object',
      required: [],
      description: 'What a separate system (inheritParentConfig false) takes over from the parent.',
      fields: {
        hardwareConfiguration: bool('Import ./hardware-configuration.nix (file systems, initrd, CPU).', true),
        bootloader: bool("Set the parent's bootloader (base.bootloader).", true),
      },
    },
    imports: strList(
      'Modules the configuration imports, in order: a path (./gaming.nix, ../x.nix, /etc/nixos/x.nix, ~/x.nix; the file name as typed) or a Nix expression (inputs.hardware.nixosModules.x).',
    ),
    rememberAcrossRebuilds: bool(
      'Write the name to /etc/specialisation so a rebuild from inside this entry stays in it.',
      false,
    ),
    tags: strList('system.nixos.tags: shown in the boot entry label; [A-Za-z0-9:_.-]+ each.'),
    configurationName: str("GRUB's title for this entry (boot.loader.grub.configurationName); null for NixOS's own title."),
    users: { kind: 'array', items: userSpec, description: 'Users that exist in this specialisation.' },
    desktop: desktopSpec,
    packages: strList('Attribute paths under pkgs, such as firefox or python3Packages.numpy.'),
    gpu: gpuSpec,
    kernel: kernelSpec,
    priorities: {
      kind: 'object',
      required: [],
      description:
        'A priority for what some form fields write: normal (as the generator decides: lib.mkForce where the parent sets it too), default (lib.mkDefault) or force (lib.mkForce).',
      fields: Object.fromEntries(
        FIELD_PRIORITY_KEYS.map((k) => [k, oneOf(FIELD_PRIORITIES, 'normal', `The priority of what ${k} writes.`)]),
      ),
    },
    settings: { kind: 'array', items: settingSpec, description: 'Any other NixOS options, as typed rows, in order.' },
    extraConfig: { kind: 'string', default: '', description: "Raw Nix bindings placed inside the specialisation's configuration." },
  },
};

export const projectSpec: Spec = {
  kind: 'object',
  required: [],
  description: 'A Specialisation Studio project (format version 1).',
  fields: {
    version: { kind: 'const', value: FORMAT_VERSION, description: 'Format version of this file.' },
    nixosRelease: oneOf(RELEASES, DEFAULT_RELEASE, 'The NixOS release the module targets.'),
    base: {
      kind: 'object',
      nullable: true,
      required: [],
      description: 'The parent system, so that specialisations can override what it sets; null when not described.',
      fields: {
        bootloader: oneOf(BOOTLOADERS, 'systemd-boot', "The parent's bootloader."),
        grubDevice: { kind: 'string', default: 'nodev', description: 'GRUB device: nodev for UEFI, a disk for BIOS.' },
        pkiBundle: {
          kind: 'string',
          default: DEFAULT_PKI_BUNDLE,
          description: "lanzaboote's boot.lanzaboote.pkiBundle: the folder of the Secure Boot keys.",
        },
        desktop: desktopSpec,
        kernel: kernelSpec,
        gpu: gpuSpec,
        networkmanager: bool('The parent enables NetworkManager (networking.networkmanager.enable).', false),
      },
    },
    defaultEntry: str('The boot entry started by default: null for the parent, or a specialisation name.'),
    bootOrder: strList(
      'The order of the newest entries in the systemd-boot menu (24.05 and later, written as boot.loader.systemd-boot.sortKey): specialisation names, "" for the main system; empty for the bootloader\'s own order.',
    ),
    specialisations: { kind: 'array', items: specialisationSpec, description: 'The specialisations, in order.' },
  },
};
