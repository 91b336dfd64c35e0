import {
  FIELD_PRIORITY_KEYS,
  type FieldPriority,
  type FieldPriorityKey,
  type Base,
  type FromParent,
  DEFAULT_RELEASE,
  FORMAT_VERSION,
  type Desktop,
  type Gpu,
  type Kernel,
  type Project,
  type Release,
  type Setting,
  type Specialisation,
  type User,
} from './types';

export function defaultUser(name = ''): User {
  return {
    name,
    uid: null,
    isNormalUser: true,
    description: null,
    extraGroups: [],
    shell: null,
    hashedPassword: null,
    authorizedKeys: [],
  };
}

export function defaultDesktop(): Desktop {
  return { environment: 'none', displayManager: 'auto', autoLogin: null };
}

export function defaultGpu(): Gpu {
  return {
    mode: 'none',
    nvidiaBusId: null,
    intelBusId: null,
    amdgpuBusId: null,
    driver: 'stable',
    openKernelModule: false,
    externalGpu: false,
    thunderbolt: false,
  };
}

export function defaultKernel(): Kernel {
  return { packages: null, params: [], modules: [], blacklistedModules: [] };
}

export function defaultFromParent(): FromParent {
  return { hardwareConfiguration: true, bootloader: true };
}

/** Where sbctl keeps the Secure Boot keys, as lanzaboote's guide has it. */
export const DEFAULT_PKI_BUNDLE = '/var/lib/sbctl';

export function defaultBase(): Base {
  return {
    bootloader: 'systemd-boot',
    grubDevice: 'nodev',
    pkiBundle: DEFAULT_PKI_BUNDLE,
    desktop: defaultDesktop(),
    kernel: defaultKernel(),
    gpu: defaultGpu(),
    networkmanager: false,
  };
}

export function defaultSpecialisation(name = ''): Specialisation {
  return {
    name,
    condition: null,
    nixEntry: null,
    inheritParentConfig: true,
    fromParent: defaultFromParent(),
    imports: [],
    rememberAcrossRebuilds: false,
    tags: [],
    configurationName: null,
    users: [],
    desktop: defaultDesktop(),
    packages: [],
    gpu: defaultGpu(),
    kernel: defaultKernel(),
    priorities: defaultPriorities(),
    settings: [],
    extraConfig: '',
  };
}

/** Every field as the generator writes it by default. */
export function defaultPriorities(): Record<FieldPriorityKey, FieldPriority> {
  return Object.fromEntries(FIELD_PRIORITY_KEYS.map((k) => [k, 'normal'])) as Record<FieldPriorityKey, FieldPriority>;
}

/** A new setting row: a boolean option turned on. */
export function defaultSetting(path: string[] = []): Setting {
  return { path, type: 'bool', value: 'true', items: [], priority: 'normal', overridePriority: null, condition: null };
}

export function defaultProject(nixosRelease: Release = DEFAULT_RELEASE): Project {
  return { version: FORMAT_VERSION, nixosRelease, base: null, defaultEntry: null, bootOrder: [], specialisations: [] };
}
