import { FIELD_PRIORITY_KEYS, type FieldPriorityKey, type Release, type Specialisation } from '../../model/types';
import { KNOWN_SHELLS, releaseLabel } from '../releases';
import { attrPath } from '../../nix/strings';
import { interpret, settingUnit } from './interpret';
import { generate, generatedOptionPaths } from '../generate';
import { pathKey, type Leaf } from './leaves';
import { generatedLeaves, parentUnit, unitOf, type GeneratedLeaf, type ProbeContext } from './oracle';
import { defaultProject } from '../../model/defaults';
import { validate } from '../validate';

export interface Mapping {
  /** The form's settings (name, inheritParentConfig and extraConfig are filled in by the caller). */
  spec: Specialisation;
  /** Input definitions the generator writes back exactly: they leave the extra Nix. */
  consumed: Set<Leaf>;
  /** Definitions the generator writes that the input did not have (a display manager for autologin …). */
  added: GeneratedLeaf[];
  /** Form settings left at their defaults because the generator would write something else, with why. */
  blocked: Map<string, string>;
  /** Lower is better: additions, settings left out, form options left as Nix. */
  score: number;
  /** The definitions each unit of `spec` was read from (`setting:…` for rows). */
  claims: Map<string, Leaf[]>;
}

/**
 * Maps one configuration's definitions into the form for a release: propose settings (interpret),
 * ask the generator what it writes for them, and keep a setting only if everything it writes is
 * either exactly in the input or new. A setting whose output would clash with a definition that
 * stays Nix (a different value, `mkForce`, a whole set written at once) goes back to its default,
 * and its definitions stay Nix; repeat until nothing clashes.
 */
export function mapConfiguration(leaves: readonly Leaf[], release: Release, context: ProbeContext): Mapping {
  const byKey = new Map<string, Leaf[]>();
  const prefixes = new Set<string>();
  for (const l of leaves) {
    const same = byKey.get(l.key);
    if (same) same.push(l);
    else byKey.set(l.key, [l]);
    for (let n = 0; n < l.path.length; n++) prefixes.add(pathKey(l.path.slice(0, n)));
  }
  const blocked = new Map<string, string>();
  for (let round = 0; ; round++) {
    const { spec: proposed, claims, prioritySources } = interpret(leaves, new Set(blocked.keys()), context);
    const spec = preferNormal(withoutFormRows(proposed, claims, release, context), prioritySources, release, context);
    const consumed = new Set<Leaf>();
    const added: GeneratedLeaf[] = [];
    const clashes = new Map<string, string>();
    for (const g of generatedLeaves(spec, release, context.base)) {
      const same = byKey.get(g.key) ?? [];
      const exact = same.find((l) => !l.dynamic && l.canon === g.canon && !consumed.has(l));
      if (exact) {
        consumed.add(exact);
        continue;
      }
      const reason = clash(g, same, byKey, prefixes);
      if (!reason) {
        added.push(g);
        continue;
      }
      for (const unit of g.units) {
        let u: string | null = unit;
        while (u && blocked.has(u)) u = parentUnit(u);
        if (u && !clashes.has(u)) clashes.set(u, reason);
      }
    }
    // A setting read from definitions the generator does not write back (an option of another release) stays Nix.
    for (const [unit, used] of claims) {
      const missed = used.find((l) => !consumed.has(l));
      if (missed && !clashes.has(unit)) clashes.set(unit, `the form would not write ${attrPath(missed.path)} as it is in NixOS ${releaseLabel(release)}`);
    }
    // What the form would refuse (PRIME without the bus ids the parent sets …) stays Nix too.
    for (const [unit, reason] of refused(spec, release, context)) {
      let u: string | null = unit;
      while (u && blocked.has(u)) u = parentUnit(u);
      if (u && !clashes.has(u)) clashes.set(u, reason);
    }
    if (clashes.size === 0 || round > 40) {
      const formLeft = leaves.filter((l) => !consumed.has(l) && !l.wrapper && !l.dynamic && isFormPath(l.path)).length;
      // Rows are the same in every release: only what the form fields read tells releases apart.
      const formBlocked = [...blocked.keys()].filter((u) => !u.startsWith('setting:')).length;
      return { spec, consumed, added, blocked, score: added.length + formBlocked + formLeft, claims };
    }
    for (const [unit, reason] of clashes) blocked.set(unit, reason);
  }
}

/**
 * Rows for what a form field writes too are not proposed: Nix refuses an attribute defined twice
 * (the form's own definition consumes the input's, or the field stays Nix).
 */
function withoutFormRows(spec: Specialisation, claims: Map<string, Leaf[]>, release: Release, context: ProbeContext): Specialisation {
  if (spec.settings.length === 0) return spec;
  const project = { ...defaultProject(release), base: context.base, specialisations: [{ ...spec, extraConfig: '' }] };
  const form = generatedOptionPaths(project, 0, release, 'form');
  const formSet = new Set(form);
  const prefixes = new Set(form.flatMap((g) => g.split('.').map((_, n, parts) => parts.slice(0, n + 1).join('.'))));
  const settings = spec.settings.filter((row) => {
    const dotted = row.path.join('.');
    const clash = prefixes.has(dotted) || row.path.some((_, n) => formSet.has(row.path.slice(0, n + 1).join('.')));
    if (clash) claims.delete(settingUnit(row.path));
    return !clash;
  });
  return settings.length === spec.settings.length ? spec : { ...spec, settings };
}

/**
 * A field read with lib.mkForce where the generator writes that same lib.mkForce itself (the parent
 * sets the option too) is the field at its normal priority: the text is the same either way.
 */
function preferNormal(spec: Specialisation, sources: Map<FieldPriorityKey, Leaf>, release: Release, context: ProbeContext): Specialisation {
  let out = spec;
  for (const key of FIELD_PRIORITY_KEYS) {
    if (out.priorities[key] !== 'force') continue;
    const normal = { ...out, priorities: { ...out.priorities, [key]: 'normal' } };
    const a = generatedLeaves(out, release, context.base).map((g) => `${g.key}=${g.canon}`);
    const b = generatedLeaves(normal, release, context.base).map((g) => `${g.key}=${g.canon}`);
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) continue;
    // Both write the same lib.mkForce; the generator's own says why in a comment above it. Without
    // that comment, the priority was chosen (and the text comes back the same either way).
    const comment = sources.get(key)?.comment;
    const text = generate({ ...defaultProject(release), base: context.base, specialisations: [{ ...normal, extraConfig: '' }] }).text;
    if (comment != null && text.includes(comment.split('\n')[0])) out = normal;
  }
  return out;
}

const refusedMemo = new Map<string, Map<string, string>>();

/**
 * The settings (units) the form's checks find errors in, with why: an import never gives a project
 * that the form reports errors in when the input was valid Nix (`hardware.nvidia.prime.offload.enable`
 * in a specialisation whose bus ids the parent sets is PRIME without bus ids to the form).
 */
function refused(spec: Specialisation, release: Release, context: ProbeContext): Map<string, string> {
  const key = `${release}\u0000${JSON.stringify(spec)}\u0000${context.base ? JSON.stringify(context.base) : ''}`;
  const cached = refusedMemo.get(key);
  if (cached) return cached;
  const out = new Map<string, string>();
  if (refusedMemo.size > 5000) refusedMemo.clear();
  refusedMemo.set(key, out);
  const project = { ...defaultProject(release), base: context.base, specialisations: [{ ...spec, extraConfig: '' }] };
  for (const d of validate(project, release)) {
    if (d.severity !== 'error' || !d.path.startsWith('specialisations[0]')) continue;
    // `tags[2]`, `kernel.params[0]`: the unit is the list's.
    const unit = unitOf(d.path.replace(/(?<!users)\[\d+\]$/, ''), spec);
    if (unit && !out.has(unit)) out.set(unit, `the form would refuse it as it is (${d.message})`);
  }
  return out;
}

function clash(g: GeneratedLeaf, same: readonly Leaf[], byKey: Map<string, Leaf[]>, prefixes: Set<string>): string | null {
  const here = same[0];
  if (here) {
    if (here.wrapper && !g.canon.startsWith('force:')) return `${attrPath(g.path)} is written with ${here.wrapper}`;
    return `${attrPath(g.path)} has a value the form would write differently (${g.text})`;
  }
  for (let n = 0; n < g.path.length; n++) {
    const whole = byKey.get(pathKey(g.path.slice(0, n)))?.[0];
    if (whole) return `${attrPath(whole.path) || 'the configuration'} is ${whole.dynamic ? 'set with a computed name' : 'set as a whole'}`;
  }
  if (!g.emptyAttrs && prefixes.has(g.key)) return `${attrPath(g.path)} has settings below it`;
  return null;
}

const FORM_PATHS = new Set([
  'system.nixos.tags', 'environment.systemPackages', 'services.xserver.enable', 'services.xserver.videoDrivers',
  'hardware.nvidia.modesetting.enable', 'hardware.nvidia.open', 'hardware.nvidia.package', 'services.hardware.bolt.enable',
  'boot.kernelPackages', 'boot.kernelParams', 'boot.kernelModules', 'boot.blacklistedKernelModules',
  'environment.etc.specialisation.text', 'imports', 'boot.loader.systemd-boot.enable', 'boot.loader.efi.canTouchEfiVariables',
  'boot.loader.grub.enable', 'boot.loader.grub.device', 'boot.loader.grub.efiSupport', 'boot.lanzaboote.enable', 'boot.lanzaboote.pkiBundle',
  'boot.loader.grub.configurationName',
]);
const USER_FIELDS = new Set(['isNormalUser', 'isSystemUser', 'group', 'uid', 'description', 'extraGroups', 'shell', 'hashedPassword', 'openssh.authorizedKeys.keys']);

/** Option paths the form can set in some release (for scoring releases; unknown options count the same everywhere). */
export function isFormPath(path: readonly string[]): boolean {
  const dotted = path.join('.');
  if (FORM_PATHS.has(dotted)) return true;
  if (path[0] === 'users') return (path[1] === 'users' && USER_FIELDS.has(path.slice(3).join('.'))) || (path[1] === 'groups' && path.length === 3);
  if (path[0] === 'programs' && path[2] === 'enable' && path.length === 3) return (KNOWN_SHELLS as readonly string[]).includes(path[1]);
  return /\.(desktopManager|windowManager|displayManager)\.|^programs\.(sway|hyprland)\.enable$|^hardware\.(opengl|graphics)\.enable$|^hardware\.nvidia\.prime\./.test(dotted);
}
