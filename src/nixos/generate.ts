import type { Base, DisplayManager, FieldPriority, FieldPriorityKey, Project, Release, Specialisation, User } from '../model/types';
import { resolveDisplayManager } from '../model/desktop';
import {
  apply,
  attrs,
  mergeOverlapping,
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
} from '../nix/ast';
import { printBindings, printLines, reusable, type PrintedLines, type SourceMap } from '../nix/printer';
import { rawExprFreeVariables, rawLayout, rawFreeVariables } from '../nix/raw';
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
import { defaultEntrySetting } from './boot-menu';
import { bootBindings, entryBoot, entryBootBindings, entryBootKey, lanzabooteBindings, type EntryBoot } from './boot-bindings';
import { mkForce, parentOverrides, type Overrides } from './overrides';
import { bareHead, packageExpr } from './packages';
import { settingExpr, settingPackages } from './settings';
import { importExpr } from './imports';
import { isNixGlobal } from '../nix/syntax/globals';
import { own } from '../model/own';
import { conditional, entryFreeVariables, nixEntryExpr } from './entries';

export interface Generated {
  /** The module (joined from `lines` when read). */
  readonly text: string;
  /** The module as the printer made it: what a preview compares at every keystroke without joining it. */
  lines: PrintedLines;
  /** Model path (`specialisations[0].users[1].uid`) → output lines it produced. */
  sourceMap: SourceMap;
}

export interface GenerateOptions {
  /**
   * False for a one-off run (the command line): no source map (Generated.sourceMap is empty), and
   * nothing printed is kept for the next call, since only edits (the app's keystrokes) gain from that.
   */
  sourceMap?: boolean;
  /** Option paths the parent sets for itself only (see parentOverrides): no override is written for them. */
  parentOnly?: ReadonlySet<string>;
}

/** Generates the NixOS module for a project: `specialisation.<name>.configuration` per specialisation. */
export function generate(project: Project, releaseOverride?: Release, { sourceMap: keep = true, parentOnly }: GenerateOptions = {}): Generated {
  const release = releaseOverride ?? project.nixosRelease;
  // Nix entries (lib.genAttrs …) join the entries of the form in `lib.mkMerge [ { … } (…) ]`.
  const nixEntries = project.specialisations.filter((s) => s.nixEntry !== null);
  const formEntries = project.specialisations.length - nixEntries.length;
  const single = formEntries === 1 && nixEntries.length === 0;
  const nested = formEntries > 0 && nixEntries.length > 0;
  const indexes = project.specialisations.flatMap((s, i) => (s.nixEntry === null ? [i] : []));
  const chunks = indexes.map((i) => specialisationChunk(project, project.specialisations[i], i, release, single, null, keep, parentOnly, nested));
  const used = new Set<string>();
  for (const chunk of chunks) for (const name of chunk.used) used.add(name);
  for (const s of nixEntries) for (const name of entryFreeVariables(s)) used.add(name);
  if (nixEntries.length > 1 || nested) used.add('lib');
  // A package written bare under `with pkgs;` would be the module argument of that name, if
  // extra Nix (of any specialisation) makes one: such packages are written as pkgs.<name>.
  const entries = chunks.map((chunk, i) => {
    const bound = chunk.heads.filter((h) => used.has(h));
    if (bound.join(' ') === chunk.bound.join(' ')) return chunk.printed;
    const again = specialisationChunk(project, project.specialisations[indexes[i]], indexes[i], release, single, bound, keep, parentOnly, nested);
    for (const name of again.used) used.add(name);
    return again.printed;
  });
  const top: Binding[] =
    nixEntries.length === 0
      ? single
        ? entries
        : [set('specialisation', attrs(entries), ['specialisations'])]
      : [set('specialisation', mergedEntries(entries, nixEntries.map((s) => nixEntryExpr(s, project.specialisations.length > 1))), ['specialisations'])];
  const defaultEntry = defaultEntrySetting(project);
  if (defaultEntry)
    top.push(
      set(defaultEntry.option, int(defaultEntry.value), ['defaultEntry'], `Start "${project.defaultEntry}" by default: its place in GRUB's menu.`),
    );
  const boot = bootBindings(project, release);
  for (const name of freeVariables(attrs(boot))) used.add(name);
  top.push(...boot);
  const body = attrs(top);
  // `args` in extra Nix is the module's own argument set, as in `{ lib, ... }@args:` (the importer
  // keeps an `@` name that way): the header binds it with `@`, not as an argument called `args`.
  const argumentSet = used.delete(ARGUMENT_SET) ? ARGUMENT_SET : undefined;
  const module = lambda(moduleArguments(used), body, argumentSet);
  const { lines, sourceMap } = printLines(module, rawLayout, keep);
  return {
    get text() {
      return lines.text;
    },
    lines,
    sourceMap,
  };
}

/** The form's entries and the Nix entries: `lib.mkMerge [ { … } (…) ]`, or the one Nix entry alone. */
function mergedEntries(entries: Binding[], nix: Expr[]): Expr {
  const parts = entries.length ? [attrs(entries), ...nix] : nix;
  return parts.length === 1 ? parts[0] : apply(select(v('lib'), ['mkMerge']), list(parts));
}

/** The name extra Nix uses for the module's argument set (see generate). */
export const ARGUMENT_SET = 'args';

const MODULE_ARGUMENT_ORDER = ['config', 'options', 'lib', 'pkgs', 'modulesPath'];
/** The module's arguments: the free variables of its body, known ones in the usual order. */
function moduleArguments(freeInBody: Set<string>): string[] {
  const free = [...freeInBody].filter((n) => !isNixGlobal(n));
  const rank = (n: string) => (MODULE_ARGUMENT_ORDER.includes(n) ? MODULE_ARGUMENT_ORDER.indexOf(n) : 99);
  return free.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Variables used in `e` and not bound inside it. */
export function freeVariables(e: Expr, bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  collectFreeVariables(e, bound, out);
  return out;
}

/** freeVariables' walk: a plain function with loops (a cold command-line run walks every node of a big module once). */
function collectFreeVariables(e: Expr, scope: ReadonlySet<string>, out: Set<string>): void {
  let x = e;
  for (;;) {
    switch (x.type) {
      case 'var':
        if (!scope.has(x.name)) out.add(x.name);
        return;
      case 'select':
        x = x.from;
        continue;
      case 'list':
        for (const item of x.items) collectFreeVariables(item, scope, out);
        return;
      case 'attrs':
        for (const b of x.bindings) {
          if (b.type === 'attr') collectFreeVariables(b.value, scope, out);
          // Printed chunks report what they use themselves (see specialisationChunk).
          else if (b.type === 'raw') for (const n of rawFreeVariables(b.text)) if (!scope.has(n)) out.add(n);
        }
        return;
      case 'with':
        // Names under `with pkgs;` are package attributes, not module arguments.
        x = x.scope;
        continue;
      case 'apply':
        collectFreeVariables(x.fn, scope, out);
        x = x.arg;
        continue;
      case 'lambda':
        scope = new Set([...scope, ...x.formals, ...(x.param === undefined ? [] : [x.param])]);
        x = x.body;
        continue;
      case 'raw':
        for (const n of rawExprFreeVariables(x.text)) if (!scope.has(n)) out.add(n);
        return;
      default:
        return;
    }
  }
}

/** What every part of one specialisation's generation needs to know. */
interface Ctx {
  s: Specialisation;
  /** Its sort key and GRUB title (boot-bindings.ts). */
  boot: EntryBoot;
  /** Model path of the specialisation, `specialisations[0]`. */
  p: string;
  release: Release;
  base: Base | null;
  o: Overrides;
  /** Module arguments that package names must not be read as under `with pkgs;` (see generate). */
  bound: ReadonlySet<string>;
  /** Whether what is printed is kept for the next call (see GenerateOptions). */
  keep: boolean;
}

/**
 * `path = value;` for an option, with `lib.mkForce` and a comment where the parent sets it too. A
 * priority the user chose for the field (`key`) wins: it is written as chosen, without the comment.
 */
function opt(ctx: Ctx, fullPath: string, value: Expr, sources: string[], relativePath: string = fullPath, key?: FieldPriorityKey): Binding {
  const chosen = key ? ctx.s.priorities[key] : 'normal';
  if (chosen !== 'normal') return set(relativePath, withPriority(chosen, value), [...sources, `${ctx.p}.priorities.${key}`]);
  const why = ctx.o.force.get(fullPath);
  return why ? set(relativePath, mkForce(value), sources, why) : set(relativePath, value, sources);
}

const withPriority = (priority: FieldPriority, value: Expr): Expr =>
  priority === 'force' ? mkForce(value) : priority === 'default' ? apply(select(v('lib'), ['mkDefault']), value) : value;

interface Chunk {
  /** entryBootKey when it was printed. */
  boot: string;
  release: Release;
  index: number;
  single: boolean;
  /** Printed inside `lib.mkMerge [ { … } ]` (there are Nix entries too). */
  nested: boolean;
  base: Base | null;
  printed: Binding;
  used: Set<string>;
  /** First names of the packages it writes bare under `with pkgs;` when nothing else binds them. */
  heads: string[];
  /** The module arguments it was printed to avoid (sorted). */
  bound: string[];
}

/**
 * Each specialisation is printed on its own and kept until it changes: edits replace only the
 * edited specialisation's object, so typing in a project of hundreds regenerates one of them.
 */
const chunks = new WeakMap<Specialisation, Chunk>();

function specialisationChunk(
  project: Project,
  s: Specialisation,
  index: number,
  release: Release,
  single: boolean,
  /** Null: whatever the cached print avoided (generate checks it against the module's arguments). */
  bound: string[] | null,
  keep: boolean,
  parentOnly?: ReadonlySet<string>,
  nested = false,
): Chunk {
  const boot = entryBootKey(project, s, release);
  const cached = chunks.get(s);
  if (
    cached &&
    cached.boot === boot &&
    !parentOnly?.size &&
    cached.release === release &&
    cached.index === index &&
    cached.single === single &&
    cached.nested === nested &&
    cached.base === project.base &&
    (bound === null || bound.join(' ') === cached.bound.join(' '))
  )
    return cached;
  const used = new Set<string>();
  const avoid = [...new Set(bound ?? [])].sort();
  const binding = specialisationBinding(context(project, s, index, release, new Set(avoid), keep, parentOnly), used) as Extract<Binding, { type: 'attr' }>;
  if (single) binding.path = ['specialisation', ...binding.path];
  const { text, lineCount, sourceMap } = printBindings([binding], single ? '  ' : nested ? '      ' : '    ', rawLayout, keep);
  const heads = [...new Set([...s.packages, ...settingPackages(s.settings)].map(bareHead).filter((h): h is string => h !== null))].sort();
  const chunk: Chunk = {
    boot,
    release,
    index,
    single,
    nested,
    base: project.base,
    printed: { type: 'printed', text, lineCount, sourceMap },
    used,
    heads,
    bound: avoid,
  };
  if (keep && !parentOnly?.size) chunks.set(s, chunk);
  return chunk;
}

/** The binding of one specialisation; adds the variables it uses from the module's arguments to `used`. */
function specialisationBinding(ctx: Ctx, used: Set<string>): Binding {
  const { s, p } = ctx;
  let configuration: Expr = attrs(configurationBindings(ctx));
  const free = freeVariables(configuration);
  // `config` written in the parent module is the parent's; settings that must follow this
  // specialisation (its own kernel's NVIDIA driver) need the function form with its own `config`.
  if (free.has('config')) {
    configuration = lambda(['config'], configuration);
    free.delete('config');
  }
  for (const name of free) used.add(name);
  for (const name of entryFreeVariables(s)) used.add(name);
  if (s.inheritParentConfig && s.condition === null) return set([s.name, 'configuration'], configuration, [p, `${p}.name`]);
  const entry = attrs([
    ...(s.inheritParentConfig ? [] : [set('inheritParentConfig', bool(false), [`${p}.inheritParentConfig`])]),
    set('configuration', configuration),
  ]);
  // `specialisation.x = lib.mkIf (c) { … };`: the entry exists only when the condition holds.
  return set([s.name], conditional(s.condition, entry), s.condition === null ? [p, `${p}.name`] : [p, `${p}.name`, `${p}.condition`]);
}

function context(project: Project, s: Specialisation, i: number, release: Release, bound: ReadonlySet<string> = new Set(), keep = true, parentOnly?: ReadonlySet<string>): Ctx {
  const p = `specialisations[${i}]`;
  return { boot: entryBoot(project, s, release), s, p, release, base: project.base, o: parentOverrides(s, project.base, release, p, parentOnly), bound, keep };
}

/**
 * Option paths the form sets in a specialisation, down to values that are not attribute sets
 * (what Nix would call a duplicate if extra Nix set it again).
 */
export function generatedOptionPaths(
  project: Project,
  index: number,
  release: Release = project.nixosRelease,
  /** `form`: only what the form fields set, not the setting rows. */
  what: 'all' | 'form' = 'all',
): string[] {
  const out: string[] = [];
  const walk = (bindings: Binding[], prefix: string[]) => {
    for (const b of bindings) {
      if (b.type !== 'attr') continue;
      const path = [...prefix, ...b.path];
      if (b.value.type === 'attrs' && b.value.bindings.length) walk(b.value.bindings, path);
      else out.push(path.join('.'));
    }
  };
  const spec = project.specialisations[index];
  const s = { ...spec, extraConfig: '', settings: what === 'form' ? [] : spec.settings };
  walk(configurationBindings(context(project, s, index, release)), []);
  return out;
}

/** One specialisation's configuration as the generator writes it, before printing: what the comparison of entries reads. */
export function configurationOf(project: Project, index: number, release: Release = project.nixosRelease): Binding[] {
  return configurationBindings(context(project, project.specialisations[index], index, release, new Set(), false));
}

function configurationBindings(ctx: Ctx): Binding[] {
  const { s, p } = ctx;
  const out: Binding[] = [];
  out.push(...importsBindings(ctx));
  out.push(...separateSystemBindings(ctx));
  if (s.tags.length) out.push(set('system.nixos.tags', list(s.tags.map(str)), [`${p}.tags`]));
  out.push(...entryBootBindings(ctx.boot, p));
  out.push(...ctx.o.disable);
  out.push(...desktopBindings(ctx));
  out.push(...usersBindings(ctx));
  if (s.packages.length)
    out.push(set('environment.systemPackages', withScope(v('pkgs'), list(s.packages.map((pkg) => packageExpr(pkg, ctx.bound)))), [`${p}.packages`]));
  out.push(...gpuBindings(ctx));
  out.push(...kernelBindings(ctx));
  if (s.rememberAcrossRebuilds)
    out.push(
      set(['environment', 'etc', 'specialisation', 'text'], str(s.name), [`${p}.rememberAcrossRebuilds`], 'Read back by the rebuild command, so a rebuild from this entry stays in it.'),
    );
  s.settings.forEach((row, j) => out.push(set(row.path, settingExpr(row, ctx.bound), [`${p}.settings[${j}]`])));
  if (s.extraConfig.trim() !== '') out.push({ type: 'raw', text: s.extraConfig, sources: [`${p}.extraConfig`] });
  return mergeOverlapping(out);
}

/** `imports = [ … ];`: the parent's hardware configuration for a separate system, then the specialisation's own. */
function importsBindings({ s, p }: Ctx): Binding[] {
  const hardware = !s.inheritParentConfig && s.fromParent.hardwareConfiguration;
  if (!hardware && s.imports.length === 0) return [];
  const items: Expr[] = [...(hardware ? [{ type: 'raw' as const, text: './hardware-configuration.nix' }] : []), ...s.imports.map(importExpr)];
  const sources = [...(hardware ? [`${p}.fromParent.hardwareConfiguration`] : []), ...(s.imports.length ? [`${p}.imports`] : [])];
  return [set('imports', list(items), sources)];
}

/** A separate system starts from nothing: it needs the hardware configuration and a bootloader again. */
function separateSystemBindings({ s, p, base }: Ctx): Binding[] {
  if (s.inheritParentConfig) return [];
  const out: Binding[] = [];
  if (s.fromParent.bootloader) {
    const b = [`${p}.fromParent.bootloader`];
    if (base?.bootloader === 'lanzaboote') {
      out.push(...lanzabooteBindings(base, b));
    } else if ((base?.bootloader ?? 'systemd-boot') === 'systemd-boot') {
      out.push(set('boot.loader.systemd-boot.enable', bool(true), b));
      out.push(set('boot.loader.efi.canTouchEfiVariables', bool(true), b));
    } else {
      const device = base?.grubDevice ?? 'nodev';
      out.push(set('boot.loader.grub.enable', bool(true), b));
      out.push(set('boot.loader.grub.device', str(device), b));
      if (device === 'nodev') {
        out.push(set('boot.loader.grub.efiSupport', bool(true), b));
        out.push(set('boot.loader.efi.canTouchEfiVariables', bool(true), b));
      }
    }
  }
  return out;
}

function desktopBindings(ctx: Ctx): Binding[] {
  const { s, p, release } = ctx;
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
  if (de) out.push(opt(ctx, de.enable, bool(true), [envSrc], de.enable, 'desktop.environment'));
  if (dm) {
    out.push(opt(ctx, `${dm.path}.enable`, bool(true), [dmSrc, envSrc], `${dm.path}.enable`, 'desktop.displayManager'));
    if (waylandOnlyDm && dm.wayland) out.push(set(dm.wayland, bool(true), [dmSrc, envSrc]));
  }
  const prefix = at(AUTOLOGIN_PREFIX, release)!;
  const src = [`${p}.desktop.autoLogin`];
  if (autoLogin !== null)
    out.push(
      set(
        `${prefix}.autoLogin`,
        attrs([set('enable', bool(true), src), opt(ctx, `${prefix}.autoLogin.user`, str(autoLogin), src, 'user', 'desktop.autoLogin')]),
        src,
      ),
    );
  // SDDM's and LightDM's autologin need the session; a specialisation without a desktop of its
  // own logs in to the parent's.
  const base = ctx.base && s.inheritParentConfig ? ctx.base : null;
  const sessionDe = de ?? (base && base.desktop.environment !== 'none' ? at(DESKTOP_RULES[base.desktop.environment], release) : null);
  const sessionDm = dm ?? (base && environment === 'none' ? atDm(resolveDisplayManager(base.desktop), release) : null);
  if (sessionDe && ((autoLogin !== null && sessionDm?.autoLoginNeedsSession) || ctx.o.writeSession))
    out.push(opt(ctx, `${prefix}.defaultSession`, str(sessionDe.session), [...src, envSrc]));
  return out;
}

function atDm(name: DisplayManager | null, release: Release) {
  return name ? at(DISPLAY_MANAGER_RULES[name], release) : null;
}

function usersBindings({ s, p, release, keep }: Ctx): Binding[] {
  const out: Binding[] = [];
  const programs = new Map<string, string[]>();
  s.users.forEach((u, j) => {
    const up = `${p}.users[${j}]`;
    out.push(set(['users', 'users', u.name], userValue(u, up, keep), [up, `${up}.name`]));
    if (!u.isNormalUser) out.push(set(['users', 'groups', u.name], attrs([]), [`${up}.isNormalUser`]));
    if (u.shell && at(SHELL_PROGRAMS, release)!.includes(u.shell)) {
      const sources = programs.get(u.shell);
      if (sources) sources.push(`${up}.shell`);
      else programs.set(u.shell, [`${up}.shell`]);
    }
  });
  for (const [shell, sources] of programs) out.push(set(['programs', shell, 'enable'], bool(true), sources));
  return out;
}

/**
 * A user's set, the same object while the user object and its path stay (the printer keeps its lines):
 * a keystroke in one of 20,000 users prints that user again, not all of them. It depends on the user
 * and its path only; should userFields come to read more, that belongs in the key.
 */
const userValues = new WeakMap<User, { up: string; value: Expr }>();
function userValue(u: User, up: string, keep: boolean): Expr {
  const kept = userValues.get(u);
  if (kept?.up === up) return kept.value;
  if (!keep) return { type: 'attrs', bindings: userFields(u, up, false) };
  const value = reusable({ type: 'attrs', bindings: userFields(u, up) });
  userValues.set(u, { up, value });
  return value;
}

function userFields(u: User, up: string, keep = true): Binding[] {
  // Model paths for the source map, made only when there is one (the command line's 10,000 users make none).
  const src = keep ? (field: string) => [`${up}.${field}`] : () => undefined;
  const fields: Binding[] = u.isNormalUser
    ? [set('isNormalUser', bool(true), src('isNormalUser'))]
    : [set('isSystemUser', bool(true), src('isNormalUser')), set('group', str(u.name), src('isNormalUser'))];
  if (u.uid !== null) fields.push(set('uid', int(u.uid), src('uid')));
  if (u.description !== null) fields.push(set('description', str(u.description), src('description')));
  if (u.extraGroups.length) fields.push(set('extraGroups', list(u.extraGroups.map(str)), src('extraGroups')));
  if (u.shell !== null) fields.push(set('shell', select(v('pkgs'), [own(SHELL_PACKAGES, u.shell) ?? u.shell]), src('shell')));
  if (u.hashedPassword !== null) fields.push(set('hashedPassword', str(u.hashedPassword), src('hashedPassword')));
  if (u.authorizedKeys.length) fields.push(set('openssh.authorizedKeys.keys', list(u.authorizedKeys.map(str)), src('authorizedKeys')));
  return fields;
}

function gpuBindings(ctx: Ctx): Binding[] {
  const { s, p, release } = ctx;
  const g = s.gpu;
  const src = (field: string) => [`${p}.gpu.${field}`];
  const out: Binding[] = [];
  if (g.mode === 'none') {
    if (g.thunderbolt) out.push(set('services.hardware.bolt.enable', bool(true), src('thunderbolt')));
    return out;
  }
  out.push(set(at(GRAPHICS, release)!.enable, bool(true), src('mode')));
  const drivers = list([str(g.mode === 'amd' ? 'amdgpu' : 'nvidia')]);
  out.push(opt(ctx, 'services.xserver.videoDrivers', drivers, src('mode'), 'services.xserver.videoDrivers', 'gpu.videoDrivers'));
  if (g.mode !== 'amd') {
    const nv = (rel: string, value: Expr, sources: string[], key?: FieldPriorityKey) => opt(ctx, `hardware.nvidia.${rel}`, value, sources, rel, key);
    const nvidia: Binding[] = [set('modesetting.enable', bool(true), src('mode'))];
    const open = at(NVIDIA_OPEN, release);
    if (open && (open.explicit || g.openKernelModule || ctx.o.writeOpen))
      nvidia.push(nv('open', bool(g.openKernelModule), src('openKernelModule'), 'gpu.openKernelModule'));
    if (g.driver !== 'stable' || ctx.o.writeDriver)
      nvidia.push(nv('package', select(v('config'), ['boot', 'kernelPackages', 'nvidiaPackages', g.driver]), src('driver'), 'gpu.driver'));
    const prime = primeBindings(ctx);
    if (prime.length) nvidia.push(set('prime', attrs(prime), src('mode')));
    out.push(set('hardware.nvidia', attrs(nvidia), src('mode')));
  }
  if (g.thunderbolt) out.push(set('services.hardware.bolt.enable', bool(true), src('thunderbolt')));
  return out;
}

function primeBindings(ctx: Ctx): Binding[] {
  const { s, p, release } = ctx;
  const g = s.gpu;
  const src = (field: string) => [`${p}.gpu.${field}`];
  const pr = (rel: string, value: Expr, sources: string[], key?: FieldPriorityKey) => opt(ctx, `hardware.nvidia.prime.${rel}`, value, sources, rel, key);
  const extras = at(PRIME_EXTRAS, release)!;
  const out: Binding[] = [];
  if (g.mode === 'nvidia-offload') {
    out.push(pr('offload.enable', bool(true), src('mode'), 'gpu.prime'));
    if (extras.offloadCmd) out.push(set('offload.enableOffloadCmd', bool(true), src('mode')));
  } else if (g.mode === 'nvidia-sync') out.push(pr('sync.enable', bool(true), src('mode'), 'gpu.prime'));
  else if (g.mode === 'nvidia-reverse-sync') out.push(pr('reverseSync.enable', bool(true), src('mode'), 'gpu.prime'));
  else return out;
  if (g.nvidiaBusId !== null) out.push(pr('nvidiaBusId', str(g.nvidiaBusId), src('nvidiaBusId')));
  if (g.intelBusId !== null) out.push(pr('intelBusId', str(g.intelBusId), src('intelBusId')));
  if (g.amdgpuBusId !== null) out.push(pr('amdgpuBusId', str(g.amdgpuBusId), src('amdgpuBusId')));
  // Before 23.05 only PRIME sync could use an external GPU (prime.sync.allowExternalGpu).
  if (g.externalGpu && (extras.reverseSync || g.mode === 'nvidia-sync')) {
    const path = extras.allowExternalGpu.replace(/^hardware\.nvidia\.prime\./, '');
    out.push(set(path, bool(true), src('externalGpu')));
  }
  return out;
}

function kernelBindings(ctx: Ctx): Binding[] {
  const { s, p } = ctx;
  const k = s.kernel;
  const src = (field: string) => [`${p}.kernel.${field}`];
  const out: Binding[] = [];
  if (k.packages !== null)
    out.push(opt(ctx, 'boot.kernelPackages', select(v('pkgs'), k.packages.split('.')), src('packages'), 'boot.kernelPackages', 'kernel.packages'));
  if (k.params.length) out.push(set('boot.kernelParams', list(k.params.map(str)), src('params')));
  if (k.modules.length) out.push(set('boot.kernelModules', list(k.modules.map(str)), src('modules')));
  if (k.blacklistedModules.length)
    out.push(set('boot.blacklistedKernelModules', list(k.blacklistedModules.map(str)), src('blacklistedModules')));
  return out;
}
