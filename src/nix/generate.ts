import type { Project, Release, Specialisation, User } from '../model/types';
import { resolveDisplayManager } from '../model/desktop';
import {
  attrs,
  bool,
  int,
  lambda,
  list,
  select,
  set,
  str,
  v,
  withScope,
  type Binding,
  type Expr,
} from './ast';
import { print, type SourceMap } from './printer';
import { rawLayout, rawFreeVariables } from './raw';
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
} from './releases';
import { packageExpr } from './packages';

export interface Generated {
  text: string;
  /** Model path (`specialisations[0].users[1].uid`) → output lines it produced. */
  sourceMap: SourceMap;
}

/** Generates the NixOS module for a project: `specialisation.<name>.configuration` per specialisation. */
export function generate(project: Project, releaseOverride?: Release): Generated {
  const release = releaseOverride ?? project.nixosRelease;
  const used = new Set<string>();
  const entries = project.specialisations.map((s, i) => specialisationBinding(s, `specialisations[${i}]`, release, used));
  const body = attrs(
    entries.length === 1 ? entries : [set('specialisation', attrs(entries), ['specialisations'])],
  );
  if (entries.length === 1) {
    const only = entries[0] as Extract<Binding, { type: 'attr' }>;
    only.path = ['specialisation', ...only.path];
  }
  const module = lambda(moduleArguments(used), body);
  const printed = print(module, rawLayout);
  return { text: printed.text, sourceMap: printed.sourceMap };
}

const MODULE_ARGUMENT_ORDER = ['config', 'options', 'lib', 'pkgs', 'modulesPath'];
/** Names a NixOS module gets without anyone passing them; never module arguments. */
const NIX_GLOBALS = new Set([
  'builtins', 'true', 'false', 'null', 'import', 'abort', 'throw', 'map', 'toString', 'isNull', 'baseNameOf',
  'dirOf', 'derivation', 'removeAttrs', 'placeholder', 'fetchTarball', 'fetchGit', 'fetchurl', 'fetchMercurial',
  'scopedImport', 'fromTOML', '__currentSystem', '__currentTime', '__nixPath', '__storeDir', '__nixVersion',
]);

/** The module's arguments: the free variables of its body, known ones in the usual order. */
function moduleArguments(freeInBody: Set<string>): string[] {
  const free = [...freeInBody].filter((n) => !NIX_GLOBALS.has(n) && !n.startsWith('__'));
  const rank = (n: string) => (MODULE_ARGUMENT_ORDER.includes(n) ? MODULE_ARGUMENT_ORDER.indexOf(n) : 99);
  return free.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Variables used in `e` and not bound inside it. */
export function freeVariables(e: Expr, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const walk = (x: Expr, scope: ReadonlySet<string>): void => {
    switch (x.type) {
      case 'var':
        if (!scope.has(x.name)) out.add(x.name);
        return;
      case 'select':
        return walk(x.from, scope);
      case 'list':
        return x.items.forEach((i) => walk(i, scope));
      case 'attrs':
        for (const b of x.bindings) {
          if (b.type === 'attr') walk(b.value, scope);
          else for (const n of rawFreeVariables(b.text)) if (!scope.has(n)) out.add(n);
        }
        return;
      case 'with':
        // Names under `with pkgs;` are package attributes, not module arguments.
        return walk(x.scope, scope);
      case 'apply':
        walk(x.fn, scope);
        return walk(x.arg, scope);
      case 'lambda':
        return walk(x.body, new Set([...scope, ...x.formals]));
      case 'raw':
        for (const n of rawFreeVariables(x.text)) if (!scope.has(n)) out.add(n);
        return;
      default:
        return;
    }
  };
  walk(e, bound);
  return out;
}

/** The binding of one specialisation; adds the variables it uses from the module's arguments to `used`. */
function specialisationBinding(s: Specialisation, at0: string, release: Release, used: Set<string>): Binding {
  const bindings = configurationBindings(s, at0, release);
  let configuration: Expr = attrs(bindings);
  const free = freeVariables(configuration);
  // `config` written in the parent module is the parent's; settings that must follow this
  // specialisation (its own kernel's NVIDIA driver) need the function form with its own `config`.
  if (free.has('config')) {
    configuration = lambda(['config'], configuration);
    free.delete('config');
  }
  for (const name of free) used.add(name);
  if (s.inheritParentConfig)
    return set([s.name, 'configuration'], configuration, [at0, `${at0}.name`]);
  return set(
    [s.name],
    attrs([
      set('inheritParentConfig', bool(false), [`${at0}.inheritParentConfig`]),
      set('configuration', configuration),
    ]),
    [at0, `${at0}.name`],
  );
}

/**
 * Option paths the form sets in a specialisation, down to values that are not attribute sets
 * (what Nix would call a duplicate if extra Nix set it again).
 */
export function generatedOptionPaths(s: Specialisation, release: Release): string[] {
  const out: string[] = [];
  const walk = (bindings: Binding[], prefix: string[]) => {
    for (const b of bindings) {
      if (b.type !== 'attr') continue;
      const path = [...prefix, ...b.path];
      if (b.value.type === 'attrs' && b.value.bindings.length) walk(b.value.bindings, path);
      else out.push(path.join('.'));
    }
  };
  walk(configurationBindings({ ...s, extraConfig: '' }, '', release), []);
  return out;
}

function configurationBindings(s: Specialisation, p: string, release: Release): Binding[] {
  const out: Binding[] = [];
  if (s.tags.length) out.push(set('system.nixos.tags', list(s.tags.map(str)), [`${p}.tags`]));
  out.push(...desktopBindings(s, p, release));
  out.push(...usersBindings(s, p, release));
  if (s.packages.length)
    out.push(set('environment.systemPackages', withScope(v('pkgs'), list(s.packages.map(packageExpr))), [`${p}.packages`]));
  out.push(...gpuBindings(s, p, release));
  out.push(...kernelBindings(s, p));
  if (s.extraConfig.trim() !== '') out.push({ type: 'raw', text: s.extraConfig, sources: [`${p}.extraConfig`] });
  return out;
}

function desktopBindings(s: Specialisation, p: string, release: Release): Binding[] {
  const { environment, autoLogin } = s.desktop;
  const envSrc = `${p}.desktop.environment`;
  const dmSrc = `${p}.desktop.displayManager`;
  const de = environment === 'none' ? null : at(DESKTOP_RULES[environment], release);
  const dmName = resolveDisplayManager(s.desktop);
  const dm = dmName ? at(DISPLAY_MANAGER_RULES[dmName], release) : null;
  const out: Binding[] = [];
  const waylandOnlyDm = dm?.wayland != null && !(de?.needsX ?? false);
  const needsX = (de?.needsX ?? false) || ((dm?.needsX ?? false) && !waylandOnlyDm);
  if (needsX) out.push(set('services.xserver.enable', bool(true), [envSrc, dmSrc]));
  if (de) out.push(set(de.enable, bool(true), [envSrc]));
  if (dm) {
    out.push(set(`${dm.path}.enable`, bool(true), [dmSrc, envSrc]));
    if (waylandOnlyDm && dm.wayland) out.push(set(dm.wayland, bool(true), [dmSrc, envSrc]));
  }
  if (autoLogin !== null) {
    const prefix = at(AUTOLOGIN_PREFIX, release)!;
    const src = [`${p}.desktop.autoLogin`];
    out.push(set(`${prefix}.autoLogin`, attrs([set('enable', bool(true), src), set('user', str(autoLogin), src)]), src));
    if (de && dm?.autoLoginNeedsSession) out.push(set(`${prefix}.defaultSession`, str(de.session), [...src, envSrc]));
  }
  return out;
}

function usersBindings(s: Specialisation, p: string, release: Release): Binding[] {
  const out: Binding[] = [];
  const programs = new Map<string, string[]>();
  s.users.forEach((u, j) => {
    const up = `${p}.users[${j}]`;
    out.push(set(['users', 'users', u.name], attrs(userFields(u, up)), [up, `${up}.name`]));
    if (!u.isNormalUser)
      out.push(set(['users', 'groups', u.name], attrs([]), [`${up}.isNormalUser`]));
    if (u.shell && at(SHELL_PROGRAMS, release)!.includes(u.shell))
      programs.set(u.shell, [...(programs.get(u.shell) ?? []), `${up}.shell`]);
  });
  for (const [shell, sources] of programs) out.push(set(['programs', shell, 'enable'], bool(true), sources));
  return out;
}

function userFields(u: User, up: string): Binding[] {
  const fields: Binding[] = u.isNormalUser
    ? [set('isNormalUser', bool(true), [`${up}.isNormalUser`])]
    : [set('isSystemUser', bool(true), [`${up}.isNormalUser`]), set('group', str(u.name), [`${up}.isNormalUser`])];
  if (u.uid !== null) fields.push(set('uid', int(u.uid), [`${up}.uid`]));
  if (u.description !== null) fields.push(set('description', str(u.description), [`${up}.description`]));
  if (u.extraGroups.length) fields.push(set('extraGroups', list(u.extraGroups.map(str)), [`${up}.extraGroups`]));
  if (u.shell !== null)
    fields.push(set('shell', select(v('pkgs'), [SHELL_PACKAGES[u.shell] ?? u.shell]), [`${up}.shell`]));
  if (u.hashedPassword !== null) fields.push(set('hashedPassword', str(u.hashedPassword), [`${up}.hashedPassword`]));
  if (u.authorizedKeys.length)
    fields.push(set('openssh.authorizedKeys.keys', list(u.authorizedKeys.map(str)), [`${up}.authorizedKeys`]));
  return fields;
}

function gpuBindings(s: Specialisation, p: string, release: Release): Binding[] {
  const g = s.gpu;
  const src = (field: string) => [`${p}.gpu.${field}`];
  const out: Binding[] = [];
  if (g.mode === 'none') {
    if (g.thunderbolt) out.push(set('services.hardware.bolt.enable', bool(true), src('thunderbolt')));
    return out;
  }
  out.push(set(at(GRAPHICS, release)!.enable, bool(true), src('mode')));
  if (g.mode === 'amd') {
    out.push(set('services.xserver.videoDrivers', list([str('amdgpu')]), src('mode')));
  } else {
    out.push(set('services.xserver.videoDrivers', list([str('nvidia')]), src('mode')));
    const nvidia: Binding[] = [set('modesetting.enable', bool(true), src('mode'))];
    const open = at(NVIDIA_OPEN, release);
    if (open && (open.explicit || g.openKernelModule))
      nvidia.push(set('open', bool(g.openKernelModule), src('openKernelModule')));
    if (g.driver !== 'stable')
      nvidia.push(
        set(
          'package',
          select(v('config'), ['boot', 'kernelPackages', 'nvidiaPackages', g.driver]),
          src('driver'),
        ),
      );
    const prime = primeBindings(s, p, release);
    if (prime.length) nvidia.push(set('prime', attrs(prime), src('mode')));
    out.push(set('hardware.nvidia', attrs(nvidia), src('mode')));
  }
  if (g.thunderbolt) out.push(set('services.hardware.bolt.enable', bool(true), src('thunderbolt')));
  return out;
}

function primeBindings(s: Specialisation, p: string, release: Release): Binding[] {
  const g = s.gpu;
  const src = (field: string) => [`${p}.gpu.${field}`];
  const extras = at(PRIME_EXTRAS, release)!;
  const out: Binding[] = [];
  if (g.mode === 'nvidia-offload') {
    out.push(set('offload.enable', bool(true), src('mode')));
    if (extras.offloadCmd) out.push(set('offload.enableOffloadCmd', bool(true), src('mode')));
  } else if (g.mode === 'nvidia-sync') out.push(set('sync.enable', bool(true), src('mode')));
  else if (g.mode === 'nvidia-reverse-sync') out.push(set('reverseSync.enable', bool(true), src('mode')));
  else return out;
  if (g.nvidiaBusId !== null) out.push(set('nvidiaBusId', str(g.nvidiaBusId), src('nvidiaBusId')));
  if (g.intelBusId !== null) out.push(set('intelBusId', str(g.intelBusId), src('intelBusId')));
  if (g.amdgpuBusId !== null) out.push(set('amdgpuBusId', str(g.amdgpuBusId), src('amdgpuBusId')));
  // Before 23.05 only PRIME sync could use an external GPU (prime.sync.allowExternalGpu).
  if (g.externalGpu && (extras.reverseSync || g.mode === 'nvidia-sync')) {
    const path = extras.allowExternalGpu.replace(/^hardware\.nvidia\.prime\./, '');
    out.push(set(path, bool(true), src('externalGpu')));
  }
  return out;
}

function kernelBindings(s: Specialisation, p: string): Binding[] {
  const k = s.kernel;
  const src = (field: string) => [`${p}.kernel.${field}`];
  const out: Binding[] = [];
  if (k.packages !== null) out.push(set('boot.kernelPackages', select(v('pkgs'), k.packages.split('.')), src('packages')));
  if (k.params.length) out.push(set('boot.kernelParams', list(k.params.map(str)), src('params')));
  if (k.modules.length) out.push(set('boot.kernelModules', list(k.modules.map(str)), src('modules')));
  if (k.blacklistedModules.length)
    out.push(set('boot.blacklistedKernelModules', list(k.blacklistedModules.map(str)), src('blacklistedModules')));
  return out;
}
