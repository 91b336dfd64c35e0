import { DISPLAY_MANAGERS, DESKTOPS, RELEASES, type Release } from '../model/types';
import { ALWAYS_GROUPS, SERVICE_GROUPS } from './groups';
import {
  DESKTOP_RULES,
  DISPLAY_MANAGER_RULES,
  KERNEL_VARIANTS,
  NVIDIA_BROKEN_DRIVERS,
  NVIDIA_DRIVER_RULES,
  at,
  releaseLabel,
} from './releases';
import { own } from '../model/own';

/**
 * The shapes of the JSON catalogs in public/catalog/. releases.json and groups.json are written from
 * the rules in this folder by scripts/write-catalog.ts; packages.json is curated by hand.
 */
export interface CatalogChoice {
  id: string;
  label: string;
  /** The option that turns it on in this release. */
  option: string;
}

export interface ReleaseEntry {
  id: Release;
  label: string;
  desktops: CatalogChoice[];
  displayManagers: CatalogChoice[];
  kernels: string[];
  nvidiaDrivers: string[];
  /** Drivers that exist but do not build with the release's default kernel. */
  brokenNvidiaDrivers: string[];
}

export interface ReleasesCatalog {
  releases: ReleaseEntry[];
}

export interface GroupEntry {
  name: string;
  description: string;
  /** The option that creates the group; null for groups every NixOS system has. */
  createdBy: string | null;
}

export interface GroupsCatalog {
  groups: GroupEntry[];
}

export interface PackageEntry {
  /** Attribute path under pkgs. */
  attr: string;
  description: string;
}

export interface PackagesCatalog {
  packages: PackageEntry[];
}

/** One line per group, shown next to the suggestion. */
export const GROUP_DESCRIPTIONS: Record<string, string> = {
  root: 'The superuser group',
  wheel: 'May use sudo to run commands as root',
  kmem: 'Reads kernel memory (/dev/kmem); rarely needed',
  tty: 'Owns terminals; write to other users\u2019 terminals',
  disk: 'Raw access to disk devices',
  audio: 'Direct access to sound devices (ALSA)',
  floppy: 'Access to floppy drives',
  uucp: 'Serial ports on some systems (legacy)',
  lp: 'Access to printers and parallel ports',
  cdrom: 'Access to optical drives',
  tape: 'Access to tape drives',
  video: 'Access to video devices: webcams, GPU, backlight',
  dialout: 'Serial ports and modems (/dev/ttyS*, /dev/ttyUSB*)',
  utmp: 'Writes the login records (utmp, wtmp)',
  adm: 'Reads system logs',
  users: 'The default group of normal users',
  input: 'Reads input devices directly (/dev/input)',
  kvm: 'Runs virtual machines with KVM acceleration',
  render: 'GPU render nodes (/dev/dri/renderD*) for compute',
  sgx: 'Intel SGX enclaves',
  shadow: 'Reads the password hashes in /etc/shadow',
  nogroup: 'The group for processes that should own nothing',
  networkmanager: 'Changes network settings through NetworkManager',
  docker: 'Controls the Docker daemon (as good as root)',
  podman: 'Uses the Podman socket',
  libvirtd: 'Manages virtual machines through libvirt',
  vboxusers: 'Uses VirtualBox and its USB passthrough',
  lxd: 'Manages LXD containers',
  wireshark: 'Captures network traffic with Wireshark',
  adbusers: 'Talks to Android devices with adb',
  scanner: 'Uses scanners through SANE',
  gamemode: 'Lets games ask GameMode for performance tweaks',
  i2c: 'Access to I2C buses (monitor control with ddcutil)',
  tss: 'Access to the TPM through tpm2-tss',
  jackaudio: 'Uses the JACK audio server',
  pipewire: 'Uses a system-wide PipeWire instance',
  plugdev: 'Access to pluggable devices such as RTL-SDR dongles',
};

/** The releases catalog, derived from the release rules. */
export function buildReleasesCatalog(): ReleasesCatalog {
  return {
    releases: RELEASES.map((release) => ({
      id: release,
      label: releaseLabel(release),
      desktops: DESKTOPS.flatMap((id) => {
        if (id === 'none') return [];
        const rule = at(DESKTOP_RULES[id], release);
        return rule ? [{ id, label: rule.label, option: rule.enable }] : [];
      }),
      displayManagers: DISPLAY_MANAGERS.flatMap((id) => {
        if (id === 'auto' || id === 'none') return [];
        const rule = at(DISPLAY_MANAGER_RULES[id], release);
        return rule ? [{ id, label: rule.label, option: `${rule.path}.enable` }] : [];
      }),
      kernels: [...at(KERNEL_VARIANTS, release)!],
      nvidiaDrivers: [...at(NVIDIA_DRIVER_RULES, release)!],
      brokenNvidiaDrivers: [...at(NVIDIA_BROKEN_DRIVERS, release)!],
    })),
  };
}

/** The groups catalog: every group NixOS knows, with a description and the option that creates it. */
export function buildGroupsCatalog(): GroupsCatalog {
  const entry = (name: string, createdBy: string | null): GroupEntry => ({
    name,
    description: own(GROUP_DESCRIPTIONS, name) ?? '',
    createdBy,
  });
  return {
    groups: [
      ...[...ALWAYS_GROUPS].map((name) => entry(name, null)),
      ...Object.entries(SERVICE_GROUPS).map(([name, option]) => entry(name, option)),
    ],
  };
}

/** The text of a catalog file as the script writes it. */
export function catalogText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
