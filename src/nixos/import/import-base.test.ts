import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProject } from '../../model/defaults';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import type { Base, Desktop, Gpu } from '../../model/types';
import { projectArb } from '../../test/arbitraries';
import { generate } from '../generate';
import { parseNix } from '../../nix/syntax/parse';
import { importBase, type BaseImport } from './import-base';

const ok = (r: ReturnType<typeof importBase>): BaseImport => {
  if ('error' in r) throw new Error(r.error);
  return r;
};

const MODERN = `# Edit this configuration file to define what should be installed on your system.
{ config, lib, pkgs, ... }:

{
  imports = [ ./hardware-configuration.nix ];

  # Bootloader.
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "nixos";
  networking.networkmanager.enable = true;

  time.timeZone = "Europe/Berlin";

  services.displayManager.gdm.enable = true;
  services.desktopManager.gnome.enable = true;

  users.users.alice = {
    isNormalUser = true;
    description = "Alice";
    extraGroups = [ "networkmanager" "wheel" ];
  };

  environment.systemPackages = with pkgs; [ vim git ];

  specialisation.gaming.configuration = {
    services.desktopManager.plasma6.enable = true;
    boot.kernelPackages = pkgs.linuxPackages_zen;
    services.xserver.videoDrivers = [ "nvidia" ];
    networking.networkmanager.enable = lib.mkForce false;
  };

  system.stateVersion = "25.11";
}
`;

const OLDER = `{ config, pkgs, ... }:
{
  imports =
    [ # Include the results of the hardware scan.
      ./hardware-configuration.nix
    ];

  boot.loader.grub.enable = true;
  boot.loader.grub.device = "/dev/sda";
  boot.loader.grub.useOSProber = true;
  boot.kernelPackages = pkgs.linuxPackages_latest;

  services.xserver.enable = true;
  services.xserver.displayManager.sddm.enable = true;
  services.xserver.desktopManager.plasma5.enable = true;
  services.xserver.videoDrivers = [ "nvidia" ];

  hardware.opengl.enable = true;
  hardware.nvidia = {
    modesetting.enable = true;
    prime = {
      sync.enable = true;
      intelBusId = "PCI:0:2:0";
      nvidiaBusId = "PCI:1:0:0";
    };
  };

  system.stateVersion = "23.05";
}
`;

describe('importBase', () => {
  it('reads a current configuration.nix and leaves its specialisations out', () => {
    const r = ok(importBase(MODERN, '25.11'));
    expect(r.base.bootloader).toBe('systemd-boot');
    expect(r.base.networkmanager).toBe(true);
    expect(r.base.desktop).toEqual({ environment: 'gnome', displayManager: 'auto', autoLogin: null });
    // The specialisation's zen kernel, Plasma and NVIDIA are not the main system's.
    expect(r.base.kernel.packages).toBeNull();
    expect(r.base.gpu.mode).toBe('none');
    expect(r.read).toEqual([
      'desktop: GNOME (services.desktopManager.gnome.enable)',
      'display manager: GDM (services.displayManager.gdm.enable)',
      'bootloader: systemd-boot (boot.loader.systemd-boot.enable)',
      'NetworkManager (networking.networkmanager.enable)',
    ]);
    expect(r.notes.join('\n')).toMatch(/imports are not followed/);
    expect(r.notes.join('\n')).toMatch(/specialisations in the file \(gaming\)/);
  });

  it('reads an older one: GRUB on a disk, Plasma 5 under services.xserver, PRIME sync, a kernel', () => {
    const r = ok(importBase(OLDER, '23.05'));
    expect(r.base.bootloader).toBe('grub');
    expect(r.base.grubDevice).toBe('/dev/sda');
    expect(r.base.desktop).toEqual({ environment: 'plasma5', displayManager: 'auto', autoLogin: null });
    expect(r.base.kernel.packages).toBe('linuxPackages_latest');
    expect(r.base.gpu).toMatchObject({ mode: 'nvidia-sync', intelBusId: 'PCI:0:2:0', nvidiaBusId: 'PCI:1:0:0', amdgpuBusId: null });
    expect(r.base.networkmanager).toBe(false);
    expect(r.read).toContain('bootloader: GRUB on /dev/sda (boot.loader.grub.enable, boot.loader.grub.device)');
    expect(r.read).toContain('kernel: linuxPackages_latest (boot.kernelPackages)');
    expect(r.read.find((x) => x.startsWith('GPU: NVIDIA PRIME sync'))).toBeDefined();
    // Under a release without Plasma 5 it says so instead of failing.
    const now = ok(importBase(OLDER, '25.11'));
    expect(now.base.desktop.environment).toBe('plasma5');
    expect(now.notes.join('\n')).toMatch(/Plasma 5 is not in NixOS 25\.11/);
  });

  it('reads nested, dotted and config. spellings alike, and values under lib.mkDefault', () => {
    const nested = ok(
      importBase(
        `{ lib, pkgs, ... }: {
          boot = { loader = { grub = { enable = true; efiSupport = true; }; }; kernelPackages = lib.mkDefault pkgs.linuxPackages_zen; };
          config.networking = { networkmanager.enable = lib.mkDefault true; };
          services = { desktopManager.gnome.enable = true; displayManager.gdm.enable = true; };
        }`,
        '25.11',
      ),
    );
    expect(nested.base).toMatchObject({ bootloader: 'grub', grubDevice: 'nodev', networkmanager: true });
    expect(nested.base.kernel.packages).toBe('linuxPackages_zen');
    expect(nested.base.desktop.environment).toBe('gnome');
    expect(nested.notes).toContain('boot.kernelPackages is written with mkDefault; its value was read as it is.');
  });

  it('says what it cannot read: a device given by an expression, a conditional desktop', () => {
    const r = ok(
      importBase(
        `{ config, lib, ... }: {
          boot.loader.grub.device = config.disko.device;
          services.desktopManager.gnome.enable = lib.mkIf config.wantGnome true;
        }`,
        '25.11',
      ),
    );
    expect(r.base).toMatchObject({ bootloader: 'grub', grubDevice: 'nodev' });
    expect(r.base.desktop.environment).toBe('none');
    expect(r.notes.join('\n')).toMatch(/boot\.loader\.grub\.device is an expression, so the GRUB device could not be read/);
    expect(r.notes.join('\n')).toMatch(/services\.desktopManager\.gnome\.enable is written with mkIf, so it was not read/);
  });

  it('keeps the first of several GRUB devices and says so', () => {
    const r = ok(importBase('{ boot.loader.grub.devices = [ "/dev/sda" "/dev/sdb" ]; }', '25.11'));
    expect(r.base.grubDevice).toBe('/dev/sda');
    expect(r.notes.join('\n')).toMatch(/2 devices/);
  });

  it('gives a message, never a throw, for empty, invalid or other input', () => {
    expect(importBase('', '25.11')).toEqual({ error: '1:1: the text is empty: there is nothing to read' });
    expect(importBase('{ config, ... }: {\n  boot.loader = {\n', '25.11')).toMatchObject({ error: expect.stringMatching(/^\d+:\d+: /) });
    expect(importBase('{"specialisations": []}', '25.11')).toMatchObject({ error: expect.stringMatching(/project file/) });
    expect(importBase('[ 1 2 ]', '25.11')).toMatchObject({ error: expect.stringMatching(/not a NixOS module/) });
    expect(() => importBase(undefined as unknown as string, '25.11')).not.toThrow();
    const nothing = ok(importBase('{ networking.hostName = "x"; }', '25.11'));
    expect(nothing.read).toEqual([]);
    expect(nothing.notes.join('\n')).toMatch(/Nothing the form describes/);
  });
});

/** The text a specialisation with these settings generates, lifted out of `specialisation` to the module's top. */
function asMainConfiguration(text: string): string {
  const parsed = parseNix(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  let e = parsed.ast;
  while (e.type === 'Lambda') e = e.body;
  if (e.type !== 'Attrs') throw new Error('not a module');
  const b = e.bindings.find((x) => x.type === 'AttrBinding' && x.path.map((p) => p.name).join('.').startsWith('specialisation.'));
  if (!b || b.type !== 'AttrBinding') throw new Error('no specialisation');
  const value = b.value.type === 'Lambda' ? b.value.body : b.value;
  return `{ config, lib, pkgs, ... }:\n${text.slice(value.start, value.end)}\n`;
}

/** The choices that write the same text: the usual display manager is `auto`; GPU fields no option carries are defaults. */
function normalised(desktop: Desktop, gpu: Gpu): { desktop: Desktop; gpu: Gpu } {
  const usual = USUAL_DISPLAY_MANAGER[desktop.environment];
  const dm = desktop.displayManager;
  const displayManager = dm === usual || (usual === null && (dm === 'none' || dm === 'auto')) ? 'auto' : dm;
  const nvidia = gpu.mode.startsWith('nvidia');
  return { desktop: { ...desktop, displayManager }, gpu: nvidia ? gpu : { ...gpu, driver: 'stable', openKernelModule: false } };
}

describe('importBase of the main system written as Nix', () => {
  it('gives back the desktop, kernel and GPU', () => {
    const withSpec = projectArb().filter((p) => p.specialisations.some((s) => s.inheritParentConfig));
    fc.assert(
      fc.property(withSpec, (p) => {
        const s = p.specialisations.find((x) => x.inheritParentConfig)!;
        // The parent's settings, written by the generator as a specialisation's (users for autologin).
        const base: Pick<Base, 'desktop' | 'kernel' | 'gpu'> = { desktop: s.desktop, kernel: s.kernel, gpu: s.gpu };
        const spec = { ...s, tags: [], packages: [], rememberAcrossRebuilds: false, extraConfig: '', ...base };
        const text = asMainConfiguration(generate({ ...defaultProject(p.nixosRelease), specialisations: [spec] }).text);
        const back = ok(importBase(text, p.nixosRelease));
        const want = normalised(base.desktop, base.gpu);
        expect({ desktop: back.base.desktop, kernel: back.base.kernel, gpu: back.base.gpu }).toEqual({ ...want, kernel: base.kernel });
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  }, 60_000);
});
