import { defaultBase } from '../../model/defaults';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import type { Base, DisplayManager, Release } from '../../model/types';
import { DESKTOP_RULES, DISPLAY_MANAGER_RULES, at, releaseLabel, type Steps } from '../releases';
import { attrPath } from '../../nix/strings';
import { stringLiteralValue, type Expr } from '../../nix/syntax/ast';
import { formatError } from './error';
import { parseInput } from './import-nix';
import { everyValue, interpret } from './interpret';
import { canon, leavesOf, pathKey, type Leaf } from './leaves';
import { buildNodes, moduleBody, wrapperCall } from './locate';
import { describeReleases, constraintsOf } from './release-paths';

export interface BaseImport {
  base: Base;
  /** What was read, with the option paths it came from: `desktop: GNOME (services.desktopManager.gnome.enable)`. */
  read: string[];
  /** What could not be read, and other things to know. */
  notes: string[];
}

/** Priorities do not matter to the main system's description: their values are read as written. */
const PRIORITIES = new Set(['mkDefault', 'mkForce', 'mkOverride']);
const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);
const str = (e: Expr | null | undefined): string | null => (e ? stringLiteralValue(unparen(e)) : null);

const GPU_LABELS: Record<Base['gpu']['mode'], string> = {
  none: 'none',
  nvidia: 'NVIDIA',
  'nvidia-offload': 'NVIDIA PRIME offload',
  'nvidia-sync': 'NVIDIA PRIME sync',
  'nvidia-reverse-sync': 'NVIDIA PRIME reverse sync',
  amd: 'AMD',
};

/** Every release's display manager `enable` paths. */
const DM_ENABLE = new Set(
  (Object.values(DISPLAY_MANAGER_RULES) as Steps<{ path: string } | null>[]).flatMap((steps) => everyValue(steps).map((r) => `${r.path}.enable`)),
);

/** The label of a stepped rule: in `release`, or in whichever release has it. */
function labelOf(steps: Steps<{ label: string } | null>, release: Release, fallback: string): string {
  return (at(steps, release) ?? everyValue(steps)[0])?.label ?? fallback;
}

/**
 * Reads the main system (`project.base`) from a configuration.nix: the definitions of its module
 * outside `specialisation`, interpreted as the importer interprets a specialisation's (desktop,
 * display manager, autologin, kernel, GPU, under the option paths of every release), plus the
 * bootloader and NetworkManager. Reads syntax only — nothing is evaluated — and never throws.
 */
export function importBase(text: string, release: Release): BaseImport | { error: string } {
  try {
    return run(text, release);
  } catch (e) {
    return { error: formatError({ line: 1, column: 1, message: `the importer failed on this text (${e instanceof Error ? e.message : String(e)})` }) };
  }
}

function run(text: string, release: Release): BaseImport | { error: string } {
  if (typeof text === 'string' && text.trim() === '') return { error: formatError({ line: 1, column: 1, message: 'the text is empty: there is nothing to read' }) };
  const parsed = parseInput(text);
  if ('failure' in parsed) return { error: formatError(parsed.failure.error) };
  if ('parseError' in parsed) return { error: formatError(parsed.parseError) };
  const body = moduleBody(parsed.root);
  if (!body)
    return { error: formatError({ line: 1, column: 1, message: 'this is not a NixOS module ({ config, pkgs, ... }: { … }), so there is no main system to read' }) };

  const notes: string[] = [];
  const all = leavesOf(buildNodes(body.attrs.bindings, [], body.chain, body.attrs.start + 1));
  const specialisations = new Set<string>();
  const leaves: Leaf[] = [];
  const wrapped = new Map<Leaf, string>();
  for (const raw of all) {
    const l = topLevel(raw);
    if (l.path.length === 0) {
      notes.push(`${raw.path.join('.') || 'A definition'} is computed, so it was not read.`);
      continue;
    }
    if (l.path[0] === 'specialisation') {
      if (l.path[1]) specialisations.add(l.path[1]);
      continue;
    }
    if (raw.wrapper && PRIORITIES.has(raw.wrapper) && raw.value) {
      const call = wrapperCall(raw.value)!;
      const inner = call.args[call.args.length - 1];
      const innerCanon = canon(inner, raw.node.chain);
      const unwrapped = { ...l, wrapper: null, inner, innerCanon, canon: innerCanon };
      wrapped.set(unwrapped, raw.wrapper);
      leaves.push(unwrapped);
    } else leaves.push(l);
  }

  const byKey = new Map<string, Leaf>();
  for (const l of leaves) if (!byKey.has(l.key)) byKey.set(l.key, l);
  const get = (path: string) => byKey.get(pathKey(path.split('.')));
  const plain = (path: string) => {
    const l = get(path);
    return l && l.inner && !l.dynamic ? l : undefined;
  };
  const isTrue = (path: string) => plain(path)?.innerCanon === 'true';
  const source = (ls: readonly (Leaf | undefined)[]) => [...new Set(ls.filter((l): l is Leaf => !!l).map((l) => attrPath(l.path)))].join(', ');

  const base = defaultBase();
  const read: string[] = [];

  // Desktop, kernel and GPU: exactly as the importer reads them in a specialisation.
  const { spec, claims } = interpret(leaves, new Set(), { name: 'main', inheritParentConfig: true, base: null });
  base.desktop = spec.desktop;
  base.kernel = spec.kernel;
  base.gpu = spec.gpu;
  const claimed = new Set([...claims.values()].flat());
  const desktopLeaves = claims.get('desktop') ?? [];
  const d = spec.desktop;
  if (d.environment !== 'none') {
    const env = desktopLeaves.find((l) => l.innerCanon === 'true' && l.path[l.path.length - 1] === 'enable');
    read.push(`desktop: ${labelOf(DESKTOP_RULES[d.environment], release, d.environment)} (${source([env])})`);
  }
  const dmLeaf = desktopLeaves.find((l) => DM_ENABLE.has(l.path.join('.')));
  const shownDm: DisplayManager | null = d.displayManager === 'auto' ? (dmLeaf ? USUAL_DISPLAY_MANAGER[d.environment] : null) : d.displayManager === 'none' ? null : d.displayManager;
  if (shownDm) read.push(`display manager: ${labelOf(DISPLAY_MANAGER_RULES[shownDm], release, shownDm)} (${source([dmLeaf])})`);
  else if (d.displayManager === 'none' && dmLeaf) read.push(`display manager: none (${source([dmLeaf])})`);
  if (d.autoLogin) read.push(`autologin: ${d.autoLogin} (${source(claims.get('autoLogin') ?? [])})`);
  if (d.environment !== 'none' && !at(DESKTOP_RULES[d.environment], release))
    notes.push(`${labelOf(DESKTOP_RULES[d.environment], release, d.environment)} is not in NixOS ${releaseLabel(release)}: pick the release your configuration is for.`);

  const k = spec.kernel;
  if (k.packages) read.push(`kernel: ${k.packages} (${source(claims.get('kernel.packages') ?? [])})`);
  if (k.params.length) read.push(`kernel parameters: ${k.params.join(' ')} (${source(claims.get('kernel.params') ?? [])})`);
  if (k.modules.length) read.push(`kernel modules: ${k.modules.join(', ')} (${source(claims.get('kernel.modules') ?? [])})`);
  if (k.blacklistedModules.length) read.push(`blacklisted kernel modules: ${k.blacklistedModules.join(', ')} (${source(claims.get('kernel.blacklistedModules') ?? [])})`);

  const g = spec.gpu;
  if (g.mode !== 'none') {
    const extras = [
      g.driver !== 'stable' ? `${g.driver} driver` : '',
      g.openKernelModule ? 'open kernel module' : '',
      g.externalGpu ? 'external GPU' : '',
      ...(['nvidiaBusId', 'intelBusId', 'amdgpuBusId'] as const).map((f) => (g[f] ? `${f} ${g[f]}` : '')),
    ].filter(Boolean);
    const from = ['gpu', 'gpu.driver', 'gpu.openKernelModule', 'gpu.externalGpu'].flatMap((u) => claims.get(u) ?? []);
    read.push(`GPU: ${GPU_LABELS[g.mode]}${extras.length ? `, ${extras.join(', ')}` : ''} (${source(from)})`);
  }
  if (g.thunderbolt) read.push(`Thunderbolt (${source(claims.get('gpu.thunderbolt') ?? [])})`);

  // Bootloader.
  const systemdBoot = isTrue('boot.loader.systemd-boot.enable');
  const grubOn = isTrue('boot.loader.grub.enable');
  const grubOff = plain('boot.loader.grub.enable')?.innerCanon === 'false';
  const device = get('boot.loader.grub.device');
  const devices = get('boot.loader.grub.devices');
  const efi = isTrue('boot.loader.grub.efiSupport');
  const grubSet = grubOn || (!grubOff && (device !== undefined || devices !== undefined || efi));
  if (systemdBoot) {
    base.bootloader = 'systemd-boot';
    read.push('bootloader: systemd-boot (boot.loader.systemd-boot.enable)');
    if (grubOn) notes.push('Both systemd-boot and GRUB are enabled; systemd-boot was read.');
  } else if (grubSet) {
    base.bootloader = 'grub';
    const from = [plain('boot.loader.grub.enable'), device, devices, plain('boot.loader.grub.efiSupport')];
    const one = device ? str(device.inner) : null;
    const list = devices?.inner && unparen(devices.inner).type === 'List' ? (unparen(devices.inner) as Extract<Expr, { type: 'List' }>).elements.map(str) : null;
    if (one !== null) base.grubDevice = one;
    else if (list && list.length > 0 && list.every((x) => x !== null)) {
      base.grubDevice = list[0]!;
      if (list.length > 1) notes.push(`GRUB is installed on ${list.length} devices (${list.join(', ')}); the form has one: ${list[0]}.`);
    } else {
      base.grubDevice = 'nodev';
      const unread = device ?? devices;
      if (unread) notes.push(`${attrPath(unread.path)} is ${unread.inner ? 'an expression' : `written with ${unread.wrapper}`}, so the GRUB device could not be read; it is nodev now — check it.`);
    }
    read.push(`bootloader: GRUB on ${base.grubDevice}${efi ? ', EFI' : ''} (${source(from)})`);
  } else notes.push('No bootloader was found (it may be set in another file); systemd-boot is assumed — check it.');

  if (isTrue('networking.networkmanager.enable')) {
    base.networkmanager = true;
    read.push('NetworkManager (networking.networkmanager.enable)');
  }

  // What the form covers but could not be read: conditional or computed values.
  const known = /^(boot\.loader\.(systemd-boot|grub)\.|networking\.networkmanager\.enable$|boot\.kernel(Packages|Params|Modules)$|boot\.blacklistedKernelModules$|services\.xserver\.videoDrivers$|hardware\.nvidia\.)/;
  const formOption = (p: string) => known.test(p) || /(desktopManager|displayManager)\.[\w-]+\.enable$|^programs\.(sway|hyprland)\.enable$/.test(p);
  for (const l of leaves) {
    const p = attrPath(l.path);
    if (!formOption(p)) continue;
    const used = claimed.has(l) || l === device || l === devices || ((p === 'networking.networkmanager.enable' || p.startsWith('boot.loader.')) && !l.innerCanon.startsWith('x:'));
    if (used && wrapped.has(l)) notes.push(`${p} is written with ${wrapped.get(l)}; its value was read as it is.`);
    if (used) continue;
    if (l.dynamic) notes.push(`${p} has a computed name, so it was not read.`);
    else if (!l.inner) notes.push(`${p} is written with ${l.wrapper}, so it was not read.`);
    else if (l.innerCanon.startsWith('x:')) notes.push(`${p} is an expression, so it was not read.`);
  }
  for (const c of constraintsOf(leaves))
    if (!c.releases.includes(release)) notes.push(`${c.label} is written for NixOS ${describeReleases(c.releases)}, not ${releaseLabel(release)}.`);
  const imports = get('imports');
  if (imports) notes.push('imports are not followed: settings in the imported files (hardware-configuration.nix …) were not read.');
  if (specialisations.size)
    notes.push(
      `The specialisations in the file (${[...specialisations].join(', ')}) are not part of the main system and were not read here; Import Nix… reads them.`,
    );
  if (read.length === 0) notes.push('Nothing the form describes was found in the text.');
  return { base, read, notes };
}

/** The leaf with its path from the configuration's top (a leading `config.` is the same option). */
function topLevel(l: Leaf): Leaf {
  if (l.path[0] !== 'config') return l;
  const path = l.path.slice(1);
  return { ...l, path, key: pathKey(path) };
}
