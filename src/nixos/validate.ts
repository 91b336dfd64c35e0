import { resolveDisplayManager } from '../model/desktop';
import type { Diagnostic, Project, Release, Specialisation } from '../model/types';
import { duplicates, validateBase, validateSharedUids, validateSpecialisation } from '../model/validate';
import { generatedOptionPaths } from './generate';
import { rawCheck } from '../nix/raw';
import { validateSettings } from './settings';
import { validateImports } from './imports';
import {
  DESKTOP_RULES,
  DISPLAY_MANAGER_RULES,
  KERNEL_VARIANTS,
  KNOWN_SHELLS,
  NVIDIA_BROKEN_DRIVERS,
  NVIDIA_DRIVER_RULES,
  NVIDIA_OPEN,
  PRIME_EXTRAS,
  REMOVED_KERNELS,
  at,
  firstRelease,
  lastRelease,
  releaseIndex,
  releaseLabel,
} from './releases';
import { ALWAYS_GROUPS, SERVICE_GROUPS } from './groups';
import { own } from '../model/own';
import { validateEntry } from './entries';
import { menuIsKnown } from './boot-menu';

/**
 * Every check of a project: the model's own rules, the chosen release's rules, and the syntax of
 * the user's extra Nix. Paths look like `specialisations[0].users[1].uid`.
 */
export function validate(project: Project, releaseOverride?: Release): Diagnostic[] {
  const release = releaseOverride ?? project.nixosRelease;
  const dupNames = duplicates(project.specialisations.map((s) => s.name));
  const out = project.specialisations.flatMap((_, i) => validateOne(project, i, release, dupNames.has(i)));
  out.push(...validateSharedUids(project));
  out.push(...validateParent(project, release));
  return out;
}

interface Cached {
  index: number;
  release: Release;
  base: Project['base'];
  duplicateName: boolean;
  diagnostics: Diagnostic[];
}
/** Diagnostics per specialisation object, reused until it changes (a keystroke changes one). */
const cache = new WeakMap<Specialisation, Cached>();

function validateOne(project: Project, index: number, release: Release, duplicateName: boolean): Diagnostic[] {
  const s = project.specialisations[index];
  const c = cache.get(s);
  if (c && c.index === index && c.release === release && c.base === project.base && c.duplicateName === duplicateName)
    return c.diagnostics;
  const diagnostics = [...validateSpecialisation(s, index, duplicateName), ...validateEntry(s, `specialisations[${index}]`), ...validateForRelease(project, index, release)];
  cache.set(s, { index, release, base: project.base, duplicateName, diagnostics });
  return diagnostics;
}

function validateParent(project: Project, release: Release): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { base, defaultEntry } = project;
  if (defaultEntry !== null) {
    if (!project.specialisations.some((s) => s.name === defaultEntry))
      out.push({ path: 'defaultEntry', severity: 'error', message: `there is no specialisation called "${defaultEntry}"` });
    else if (project.specialisations.some((s) => s.name === defaultEntry && s.nixEntry !== null))
      out.push({ path: 'defaultEntry', severity: 'error', message: 'a Nix entry is not one boot entry: its entries have computed names; pick another' });
    else if (base?.bootloader === 'grub' && !menuIsKnown(project))
      out.push({
        path: 'defaultEntry',
        severity: 'warning',
        message: "Nix entries or entries under a condition change the positions in GRUB's menu in ways the module cannot know, so boot.loader.grub.default is not written",
      });
    else if (!base)
      out.push({ path: 'defaultEntry', severity: 'warning', message: "describe the parent system's bootloader to make this entry the default" });
    else if (base.bootloader !== 'grub')
      out.push({
        path: 'defaultEntry',
        severity: 'warning',
        message: `${base.bootloader} has no NixOS option for a default specialisation; nothing is written for it (see the boot menu for what to do instead)`,
      });
  }
  if (!base) return out;
  project.specialisations.forEach((s, i) => {
    const p = `specialisations[${i}]`;
    if (s.configurationName !== null && base.bootloader !== 'grub')
      out.push({ path: `${p}.configurationName`, severity: 'warning', message: `only GRUB shows this title; ${base.bootloader} titles the entry "NixOS (${s.name})"` });
    if (base.bootloader === 'lanzaboote' && !s.inheritParentConfig && s.fromParent.bootloader)
      out.push({
        path: `${p}.fromParent.bootloader`,
        severity: 'warning',
        message: "a separate system does not have the parent's modules: add lanzaboote's NixOS module to its imports, or boot.lanzaboote will not exist there",
      });
  });
  out.push(...validateBase(base));
  const env = base.desktop.environment;
  if (env !== 'none' && !at(DESKTOP_RULES[env], release))
    out.push({ path: 'base.desktop.environment', severity: 'error', message: `NixOS ${releaseLabel(release)} has no ${env}` });
  const dm = resolveDisplayManager(base.desktop);
  if (dm && !at(DISPLAY_MANAGER_RULES[dm], release))
    out.push({ path: 'base.desktop.displayManager', severity: 'error', message: `NixOS ${releaseLabel(release)} has no ${dm}` });
  if (base.bootloader === 'grub' && !/^(nodev|\/dev\/\S+)$/.test(base.grubDevice))
    out.push({ path: 'base.grubDevice', severity: 'error', message: 'GRUB needs "nodev" (UEFI) or a disk such as /dev/sda' });
  return out;
}

function validateForRelease(project: Project, index: number, release: Release): Diagnostic[] {
  const s = project.specialisations[index];
  const p = `specialisations[${index}]`;
  const out: Diagnostic[] = [];
  const error = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'error', message });
  const warn = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'warning', message });
  const r = releaseLabel(release);

  const extra = rawCheck(s.extraConfig);
  if (extra.error) error('.extraConfig', `line ${extra.error.line}, column ${extra.error.column}: ${extra.error.message}`);
  else if (extra.options.length) {
    const generated = generatedOptionPaths(project, index, release);
    for (const o of extra.options) {
      const clash = generated.find((g) => g === o.path || g.startsWith(`${o.path}.`) || o.path.startsWith(`${g}.`));
      if (clash)
        error(
          '.extraConfig',
          `line ${o.line}: ${o.path} is also set by the form (${clash}); Nix refuses an attribute defined twice — change it in the form, or leave it out here`,
        );
    }
  }
  const extraSets = (path: string) => extra.optionPaths.some((o) => o === path || o.startsWith(`${path}.`));

  if (s.imports.length) out.push(...validateImports(s, p));
  if (s.settings.length) {
    out.push(...validateSettings(s.settings, p));
    // A row that sets what a form field sets: Nix refuses the attribute defined twice.
    const form = new Set(generatedOptionPaths(project, index, release, 'form'));
    const formPrefixes = new Set([...form].flatMap((g) => g.split('.').map((_, n, parts) => parts.slice(0, n + 1).join('.'))));
    s.settings.forEach((row, j) => {
      const path = row.path.join('.');
      const clash = formPrefixes.has(path) ? [...form].find((g) => g === path || g.startsWith(`${path}.`)) : row.path.map((_, n) => row.path.slice(0, n + 1).join('.')).find((q) => form.has(q));
      if (clash)
        error(
          `.settings[${j}].path`,
          `${path} is also set by the form (${clash}); Nix refuses an attribute defined twice — change it in the form, or remove this setting`,
        );
    });
  }

  const { environment } = s.desktop;
  if (environment !== 'none') {
    const steps = DESKTOP_RULES[environment];
    if (!at(steps, release)) {
      const first = firstRelease(steps);
      const last = lastRelease(steps);
      const hint = environment === 'plasma5' ? '; choose Plasma 6' : environment === 'plasma6' ? '; choose Plasma 5' : '';
      error(
        '.desktop.environment',
        last && releaseIndex(release) > releaseIndex(last)
          ? `${environment} was removed from NixOS after ${last}, so ${r} does not have it${hint}`
          : `${environment} needs NixOS ${first} or later; the project targets ${r}${hint}`,
      );
    }
  }
  const dmName = resolveDisplayManager(s.desktop);
  // Without a desktop of its own, a specialisation inherits the parent's desktop and display manager.
  const inheritsDesktop = environment === 'none' && s.desktop.displayManager === 'auto' && s.inheritParentConfig && project.base !== null;
  const effectiveDm = inheritsDesktop ? resolveDisplayManager(project.base!.desktop) : dmName;
  if (dmName && !at(DISPLAY_MANAGER_RULES[dmName], release))
    error(
      '.desktop.displayManager',
      `${dmName} needs NixOS ${firstRelease(DISPLAY_MANAGER_RULES[dmName])} or later; the project targets ${r}`,
    );
  if (environment === 'none' && s.desktop.displayManager !== 'auto' && s.desktop.displayManager !== 'none')
    warn('.desktop.displayManager', 'a display manager without a desktop has no session to start');
  if (s.desktop.autoLogin !== null && s.desktop.autoLogin !== '' && effectiveDm === null)
    error(
      '.desktop.autoLogin',
      environment === 'none'
        ? 'autologin needs a desktop and a display manager'
        : `autologin needs a display manager; ${environment} starts without one here: pick one (for example ly or sddm)`,
    );

  const g = s.gpu;
  const prime = at(PRIME_EXTRAS, release)!;
  if (g.mode === 'nvidia-reverse-sync' && !prime.reverseSync)
    error('.gpu.mode', `PRIME reverse sync needs NixOS ${firstRelease(PRIME_EXTRAS.filter((x) => x.value.reverseSync))} or later`);
  if (g.externalGpu && g.mode !== 'nvidia-sync' && g.mode.startsWith('nvidia-') && !prime.reverseSync)
    error('.gpu.externalGpu', `before NixOS 23.05 only PRIME sync can use an external GPU (prime.sync.allowExternalGpu)`);
  if (g.mode.startsWith('nvidia')) {
    const drivers = at(NVIDIA_DRIVER_RULES, release)!;
    if (!drivers.includes(g.driver)) error('.gpu.driver', `NixOS ${r} has no NVIDIA driver "${g.driver}"; it has ${drivers.join(', ')}`);
    else if (at(NVIDIA_BROKEN_DRIVERS, release)!.includes(g.driver))
      warn('.gpu.driver', `the ${g.driver} driver does not build with the default kernel of NixOS ${r}; pick an older kernel with it`);
    if (g.openKernelModule && !at(NVIDIA_OPEN, release))
      error('.gpu.openKernelModule', `the open kernel module option (hardware.nvidia.open) needs NixOS ${firstRelease(NVIDIA_OPEN)} or later`);
  }

  const kernel = s.kernel.packages;
  if (kernel !== null) {
    const removedIn = own(REMOVED_KERNELS, kernel);
    if (removedIn && releaseIndex(release) >= releaseIndex(removedIn))
      error('.kernel.packages', `${kernel} was removed in NixOS ${removedIn}; choose another kernel`);
    else if (!at(KERNEL_VARIANTS, release)!.includes(kernel))
      warn('.kernel.packages', `${kernel} is not among the kernels we know for NixOS ${r}; check that pkgs.${kernel} exists`);
  }

  s.users.forEach((u, j) => {
    if (u.shell !== null && !(KNOWN_SHELLS as readonly string[]).includes(u.shell) && !extraSets('environment.shells'))
      warn(
        `.users[${j}].shell`,
        `NixOS does not know ${u.shell} as a login shell: enable its program module or add pkgs.${u.shell} to environment.shells in extra Nix`,
      );
    u.extraGroups.forEach((group, k) => {
      if (ALWAYS_GROUPS.has(group) || extraSets(`users.groups.${group}`)) return;
      const creator = own(SERVICE_GROUPS, group);
      if (creator && extraSets(creator)) return;
      if (group === 'networkmanager' && s.inheritParentConfig && project.base?.networkmanager) return;
      warn(
        `.users[${j}].extraGroups[${k}]`,
        creator
          ? `group "${group}" only exists when ${creator} = true; make sure the parent configuration sets it, or set it in extra Nix`
          : `no NixOS module creates group "${group}" by default; declare users.groups.${group} in extra Nix if you need it`,
      );
    });
  });
  return out;
}
