import type { Project } from '../../model/types';
import type { AttrsExpr, LambdaExpr } from '../../nix/syntax/ast';
import { parentOverrides } from '../overrides';
import { everyValue } from '../import/interpret';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, at } from '../releases';
import { gateTarget } from './gate';

/** The names one setting has had across releases (`services.xserver.desktopManager.gnome.enable` → `services.desktopManager.gnome.enable`). */
const ALIASES: string[][] = [
  ...Object.values(DESKTOP_RULES).map((steps) => everyValue(steps).map((r) => r.enable)),
  ...Object.values(DISPLAY_MANAGER_RULES).map((steps) => everyValue(steps).map((r) => `${r.path}.enable`)),
  everyValue(AUTOLOGIN_PREFIX).map((prefix) => `${prefix}.autoLogin.user`),
].map((paths) => [...new Set(paths)]);

/** Every name of the option (itself first): the file may be written for another release than the target. */
export function optionNames(option: string): string[] {
  return [option, ...(ALIASES.find((names) => names.includes(option))?.filter((n) => n !== option) ?? [])];
}

/**
 * A setting of the parent system that every specialisation would inherit, and that some of them
 * replace: today the generated module overrides it with `lib.mkForce` in each of them; the patch
 * can instead set it for the parent entry only.
 */
export interface Leak {
  /** The option path, as the target release names it. */
  option: string;
  /** The specialisations that replace it. */
  specialisations: string[];
  /** What the generator's comment says about it (from the first of them). */
  why: string;
  /** Whether the parent's definition can be gated in the file, and why not. */
  gate: { ok: true } | { ok: false; why: string };
}

/** What a patch knows of the file's module: its set, and the function around it (null for a flake). */
export interface ModuleShape {
  attrs: AttrsExpr;
  lambda: LambdaExpr | null;
  flake: boolean;
}

/**
 * The parent settings the generator overrides in specialisations: parent settings it turns off
 * (a desktop, a display manager, a PRIME mode) and the autologin user it replaces. Gating one in the
 * parent is offered when every specialisation that inherits the parent replaces it (else those that
 * do not would lose it too) and the file sets it once, as a plain definition.
 */
export function parentLeaks(project: Project, module: ModuleShape | null): Leak[] {
  const release = project.nixosRelease;
  const autologin = `${at(AUTOLOGIN_PREFIX, release)}.autoLogin.user`;
  const byOption = new Map<string, Leak>();
  const inheriting = project.specialisations.filter((s) => s.inheritParentConfig);
  project.specialisations.forEach((s, i) => {
    const o = parentOverrides(s, project.base, release, `specialisations[${i}]`);
    const found: [string, string][] = o.disable.flatMap((b) => (b.type === 'attr' ? [[b.path.join('.'), b.comment ?? ''] as [string, string]] : []));
    const user = o.force.get(autologin);
    if (user) found.push([autologin, user]);
    for (const [option, why] of found) {
      const leak = byOption.get(option) ?? { option, specialisations: [], why, gate: { ok: true } };
      leak.specialisations.push(s.name);
      byOption.set(option, leak);
    }
  });
  for (const leak of byOption.values()) {
    const keeps = inheriting.filter((s) => !leak.specialisations.includes(s.name)).map((s) => s.name);
    if (keeps.length)
      leak.gate = { ok: false, why: `${keeps.join(', ')} ${keeps.length === 1 ? 'keeps' : 'keep'} the parent's setting: set for the parent only, ${keeps.length === 1 ? 'it' : 'they'} would lose it too` };
    else if (!module) leak.gate = { ok: false, why: 'no configuration.nix is open to change' };
    else if (module.flake) leak.gate = { ok: false, why: "this is a flake: gate the setting in the host's module instead" };
    else {
      const target = gateTarget(module.attrs, module.lambda, leak.option, optionNames(leak.option));
      if ('why' in target) leak.gate = { ok: false, why: target.why };
    }
  }
  return [...byOption.values()];
}
