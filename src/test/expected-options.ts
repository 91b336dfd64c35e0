import { resolveDisplayManager } from '../model/desktop';
import type { FieldPriority, FieldPriorityKey, Release, Setting, Specialisation } from '../model/types';
import { CONDITIONS, NIX_VALUES } from './arbitraries';
import {
  AUTOLOGIN_PREFIX,
  DESKTOP_RULES,
  DISPLAY_MANAGER_RULES,
  GRAPHICS,
  NVIDIA_OPEN,
  PRIME_EXTRAS,
  SHELL_PACKAGES,
  SHELL_PROGRAMS,
  at,
} from '../nixos/releases';
import { own } from '../model/own';

/**
 * What a specialisation must mean to NixOS, as flat option paths → values, written from the
 * release table and the form's meaning (not from the generator), for comparison with what real
 * Nix evaluates the generated module to. Kernel package sets appear as `{ kernel: name }`.
 */
export function expectedOptions(s: Specialisation, release: Release): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  // Imports by file name (eval-module.ts): a path's last name, a module set or function as Nix shows it.
  const imported = s.imports.map((x) => (/^[./]/.test(x) ? x.slice(x.lastIndexOf('/') + 1) : x === '{ }' ? {} : '<function>'));
  if (imported.length) o.imports = imported;
  if (!s.inheritParentConfig) {
    if (s.fromParent.hardwareConfiguration) o.imports = ['hardware-configuration.nix', ...imported];
    if (s.fromParent.bootloader) {
      o['boot.loader.systemd-boot.enable'] = true;
      o['boot.loader.efi.canTouchEfiVariables'] = true;
    }
  }
  if (s.rememberAcrossRebuilds) o['environment.etc.specialisation.text'] = s.name;
  if (s.tags.length) o['system.nixos.tags'] = s.tags;
  const de = s.desktop.environment === 'none' ? null : at(DESKTOP_RULES[s.desktop.environment], release);
  const dmName = resolveDisplayManager(s.desktop);
  const dm = dmName ? at(DISPLAY_MANAGER_RULES[dmName], release) : null;
  if (de) o[de.enable] = true;
  if (dm) o[`${dm.path}.enable`] = true;
  const waylandGreeter = dm?.wayland && !de?.needsX;
  if (waylandGreeter) o[dm!.wayland!] = true;
  if (de?.needsX || (dm?.needsX && !waylandGreeter)) o['services.xserver.enable'] = true;
  if (s.desktop.autoLogin) {
    const prefix = at(AUTOLOGIN_PREFIX, release)!;
    o[`${prefix}.autoLogin.enable`] = true;
    o[`${prefix}.autoLogin.user`] = s.desktop.autoLogin;
    if (de && dm?.autoLoginNeedsSession) o[`${prefix}.defaultSession`] = de.session;
  }
  for (const u of s.users) {
    const p = `users.users.${u.name}`;
    if (u.isNormalUser) o[`${p}.isNormalUser`] = true;
    else {
      o[`${p}.isSystemUser`] = true;
      o[`${p}.group`] = u.name;
      o[`users.groups.${u.name}`] = {};
    }
    if (u.uid !== null) o[`${p}.uid`] = u.uid;
    if (u.description !== null) o[`${p}.description`] = u.description;
    if (u.extraGroups.length) o[`${p}.extraGroups`] = u.extraGroups;
    if (u.shell) {
      const pkg = own(SHELL_PACKAGES, u.shell) ?? u.shell;
      o[`${p}.shell`] = `pkg:${pkg}`;
      if (at(SHELL_PROGRAMS, release)!.includes(u.shell)) o[`programs.${u.shell}.enable`] = true;
    }
    if (u.hashedPassword !== null) o[`${p}.hashedPassword`] = u.hashedPassword;
    if (u.authorizedKeys.length) o[`${p}.openssh.authorizedKeys.keys`] = u.authorizedKeys;
  }
  if (s.packages.length) o['environment.systemPackages'] = s.packages.map((p) => `pkg:${p}`);
  const g = s.gpu;
  if (g.mode !== 'none') {
    o[at(GRAPHICS, release)!.enable] = true;
    o['services.xserver.videoDrivers'] = [g.mode === 'amd' ? 'amdgpu' : 'nvidia'];
  }
  if (g.mode.startsWith('nvidia')) {
    o['hardware.nvidia.modesetting.enable'] = true;
    const open = at(NVIDIA_OPEN, release);
    if (open && (open.explicit || g.openKernelModule)) o['hardware.nvidia.open'] = g.openKernelModule;
    // The driver must come from this specialisation's own kernel, not the parent's.
    if (g.driver !== 'stable') o['hardware.nvidia.package'] = `nvidia-${g.driver}@${s.kernel.packages ?? 'linuxPackages'}`;
    const extras = at(PRIME_EXTRAS, release)!;
    const prime = 'hardware.nvidia.prime';
    if (g.mode === 'nvidia-offload') {
      o[`${prime}.offload.enable`] = true;
      if (extras.offloadCmd) o[`${prime}.offload.enableOffloadCmd`] = true;
    }
    if (g.mode === 'nvidia-sync') o[`${prime}.sync.enable`] = true;
    if (g.mode === 'nvidia-reverse-sync') o[`${prime}.reverseSync.enable`] = true;
    if (g.mode !== 'nvidia') {
      if (g.nvidiaBusId) o[`${prime}.nvidiaBusId`] = g.nvidiaBusId;
      if (g.intelBusId) o[`${prime}.intelBusId`] = g.intelBusId;
      if (g.amdgpuBusId) o[`${prime}.amdgpuBusId`] = g.amdgpuBusId;
      if (g.externalGpu) o[extras.allowExternalGpu] = true;
    }
  }
  if (g.thunderbolt) o['services.hardware.bolt.enable'] = true;
  const k = s.kernel;
  if (k.packages) o['boot.kernelPackages'] = { kernel: k.packages };
  if (k.params.length) o['boot.kernelParams'] = k.params;
  if (k.modules.length) o['boot.kernelModules'] = k.modules;
  if (k.blacklistedModules.length) o['boot.blacklistedKernelModules'] = k.blacklistedModules;
  for (const row of s.settings) o[row.path.join('.')] = expectedSetting(row);
  // A priority chosen for a field wraps the option that field writes (see FIELD_PRIORITY_KEYS).
  const written: Record<FieldPriorityKey, string | null> = {
    'desktop.environment': de?.enable ?? null,
    'desktop.displayManager': dm ? `${dm.path}.enable` : null,
    'desktop.autoLogin': s.desktop.autoLogin ? `${at(AUTOLOGIN_PREFIX, release)!}.autoLogin.user` : null,
    'gpu.videoDrivers': g.mode !== 'none' ? 'services.xserver.videoDrivers' : null,
    'gpu.prime':
      g.mode === 'nvidia-offload'
        ? 'hardware.nvidia.prime.offload.enable'
        : g.mode === 'nvidia-sync'
          ? 'hardware.nvidia.prime.sync.enable'
          : g.mode === 'nvidia-reverse-sync'
            ? 'hardware.nvidia.prime.reverseSync.enable'
            : null,
    'gpu.driver': 'hardware.nvidia.package',
    'gpu.openKernelModule': 'hardware.nvidia.open',
    'kernel.packages': 'boot.kernelPackages',
  };
  for (const [key, priority] of Object.entries(s.priorities) as [FieldPriorityKey, FieldPriority][]) {
    const path = written[key];
    if (priority === 'normal' || path === null || !(path in o)) continue;
    o[path] = { _type: 'override', priority: PRIORITY_NUMBERS[priority], content: o[path] };
  }
  return o;
}

const PRIORITY_NUMBERS = { default: 1000, force: 50 } as const;

/**
 * A setting row as real Nix evaluates it with the stand-in lib (src/test/eval-module.ts): the value,
 * in an override wrapper for a priority and an `if` wrapper for a condition. A `nix` value or a
 * condition must be one of the samples whose value the test knows (NIX_VALUES, CONDITIONS).
 */
export function expectedSetting(row: Setting): unknown {
  let value: unknown;
  switch (row.type) {
    case 'bool':
      value = row.value === 'true';
      break;
    case 'int':
      value = Number(row.value);
      break;
    case 'string':
    case 'path':
      value = row.value;
      break;
    case 'strings':
      value = row.items;
      break;
    case 'packages':
      value = row.items.map((p) => `pkg:${p}`);
      break;
    case 'nix': {
      const known = NIX_VALUES.find(([text]) => text === row.value);
      if (!known) throw new Error(`no known value for the Nix expression ${row.value}`);
      value = known[1];
    }
  }
  // flatten() keeps a wrapper whole, with its content normalised like a leaf.
  if (row.priority !== 'normal')
    value = { _type: 'override', priority: row.priority === 'override' ? row.overridePriority : PRIORITY_NUMBERS[row.priority], content: value };
  if (row.condition !== null) {
    const known = CONDITIONS.find(([text]) => text === row.condition);
    if (!known) throw new Error(`no known value for the condition ${row.condition}`);
    value = { _type: 'if', condition: known[1], content: value };
  }
  return value;
}
