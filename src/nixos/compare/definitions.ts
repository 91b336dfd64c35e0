import { defaultSpecialisation } from '../../model/defaults';
import type { Base, Project, Release, Specialisation } from '../../model/types';
import type { Binding, Expr } from '../../nix/ast';
import { attrPath } from '../../nix/strings';
import { configurationOf } from '../generate';

/**
 * The option definitions of a boot entry, read from what the generator writes (so the comparison
 * means what the module means), and merged the way NixOS merges definitions.
 */

/** A value as the comparison shows it: a leaf's text, or a list's items. */
export interface Value {
  text: string;
  /** The items of a list (packages by attribute path). */
  items?: string[];
  /** Nix text the comparison does not evaluate (an expression, a condition). */
  expression?: boolean;
}

export interface Definition {
  value: Value;
  /** NixOS's priority: lib.mkForce 50, plain 100, lib.mkDefault 1000, lib.mkOverride N. */
  priority: number;
  /** The `lib.mkIf` condition, as Nix text; null when unconditional. */
  condition: string | null;
}

export interface OptionDefinitions {
  path: string[];
  defs: Definition[];
}

/** An entry's own definitions by option path (`attrPath` text), and its extra Nix (read by no one here). */
export interface EntryDefinitions {
  options: Map<string, OptionDefinitions>;
  extraNix: string[];
}

export const PLAIN = 100;

function libCall(e: Expr): { name: string; args: Expr[] } | null {
  const args: Expr[] = [];
  while (e.type === 'apply') {
    args.unshift(e.arg);
    e = e.fn;
  }
  if (args.length && e.type === 'select' && e.from.type === 'var' && e.from.name === 'lib' && e.path.length === 1)
    return { name: e.path[0], args };
  return null;
}

const unparen = (text: string) => {
  const t = text.trim();
  return t.startsWith('(') && t.endsWith(')') ? t.slice(1, -1).trim() : t;
};

/** Short Nix text of an expression (the comparison's display, not the generated layout). */
export function exprText(e: Expr, underPkgs = false): string {
  switch (e.type) {
    case 'string':
      return JSON.stringify(e.value);
    case 'int':
      return String(e.value);
    case 'bool':
      return String(e.value);
    case 'null':
      return 'null';
    case 'var':
      return underPkgs ? e.name : e.name;
    case 'select': {
      if (e.from.type === 'var' && e.from.name === 'pkgs' && underPkgs) return e.path.join('.');
      return `${exprText(e.from, underPkgs)}.${e.path.join('.')}`;
    }
    case 'list':
      return `[ ${e.items.map((i) => exprText(i, underPkgs)).join(' ')} ]`;
    case 'attrs':
      return e.bindings.length ? '{ … }' : '{ }';
    case 'with':
      return exprText(e.body, true);
    case 'apply':
      return `${exprText(e.fn, underPkgs)} ${exprText(e.arg, underPkgs)}`;
    case 'lambda':
      return '<function>';
    case 'raw':
      return unparen(e.text);
  }
}

/** A list's item as the comparison shows it: strings bare, packages by attribute path. */
function itemText(e: Expr, underPkgs: boolean): string {
  if (e.type === 'string') return e.value;
  return exprText(e, underPkgs);
}

function valueOf(e: Expr): Value {
  if (e.type === 'with' && e.body.type === 'list') return { text: '', items: e.body.items.map((i) => itemText(i, true)) };
  if (e.type === 'list') return { text: '', items: e.items.map((i) => itemText(i, false)) };
  if (e.type === 'string') return { text: e.value };
  if (e.type === 'raw') return { text: unparen(e.text), expression: true };
  if (e.type === 'select' && e.from.type === 'var' && e.from.name === 'pkgs') return { text: e.path.join('.') };
  return { text: exprText(e) };
}

/** A definition as written: `lib.mkIf c (lib.mkForce v)` is v at priority 50 under condition c. */
export function definitionOf(e: Expr): Definition {
  let priority = PLAIN;
  let condition: string | null = null;
  for (;;) {
    const call = libCall(e);
    if (call?.name === 'mkIf' && call.args.length === 2 && condition === null) {
      condition = exprText(call.args[0]);
      e = call.args[1];
    } else if (call?.name === 'mkForce' && call.args.length === 1) {
      priority = 50;
      e = call.args[0];
    } else if (call?.name === 'mkDefault' && call.args.length === 1) {
      priority = 1000;
      e = call.args[0];
    } else if (call?.name === 'mkOverride' && call.args.length === 2 && /^\d+$/.test(exprText(call.args[0]))) {
      priority = Number(exprText(call.args[0]));
      e = call.args[1];
    } else break;
  }
  return { value: valueOf(e), priority, condition };
}

/** Flattens bindings to option paths, down to values that are not attribute sets. */
export function collectDefinitions(bindings: readonly Binding[]): EntryDefinitions {
  const options = new Map<string, OptionDefinitions>();
  const extraNix: string[] = [];
  const walk = (list: readonly Binding[], prefix: string[]) => {
    for (const b of list) {
      if (b.type === 'raw') {
        if (b.text.trim()) extraNix.push(b.text);
        continue;
      }
      if (b.type !== 'attr') continue;
      const path = [...prefix, ...b.path];
      if (b.value.type === 'attrs' && b.value.bindings.length) {
        walk(b.value.bindings, path);
        continue;
      }
      const key = attrPath(path);
      const found = options.get(key);
      if (found) found.defs.push(definitionOf(b.value));
      else options.set(key, { path, defs: [definitionOf(b.value)] });
    }
  };
  walk(bindings, []);
  return { options, extraNix };
}

/**
 * The parent's definitions as far as the project describes it (its main system): what a
 * configuration.nix with those settings defines, written by the same generator, with the hardware
 * configuration and the bootloader. Null when the main system is not described.
 */
export function parentSpecialisation(base: Base): Specialisation {
  return {
    ...defaultSpecialisation('parent'),
    inheritParentConfig: false,
    fromParent: { hardwareConfiguration: true, bootloader: true },
    desktop: base.desktop,
    kernel: base.kernel,
    gpu: base.gpu,
  };
}

const parentCache = new WeakMap<Base, { release: Release; defs: EntryDefinitions }>();
const entryCache = new WeakMap<Specialisation, { release: Release; base: Base | null; defs: EntryDefinitions }>();

export function parentDefinitions(project: Project, release: Release = project.nixosRelease): EntryDefinitions | null {
  const base = project.base;
  if (!base) return null;
  const kept = parentCache.get(base);
  if (kept?.release === release) return kept.defs;
  const parent: Project = { ...project, defaultEntry: null, specialisations: [parentSpecialisation(base)] };
  const defs = collectDefinitions(configurationOf(parent, 0, release));
  if (base.networkmanager)
    defs.options.set('networking.networkmanager.enable', {
      path: ['networking', 'networkmanager', 'enable'],
      defs: [{ value: { text: 'true' }, priority: PLAIN, condition: null }],
    });
  parentCache.set(base, { release, defs });
  return defs;
}

/** A specialisation's own definitions, kept per specialisation object (an edit elsewhere reuses them). */
export function specialisationDefinitions(project: Project, index: number, release: Release = project.nixosRelease): EntryDefinitions {
  const s = project.specialisations[index];
  const kept = entryCache.get(s);
  if (kept && kept.release === release && kept.base === project.base) return kept.defs;
  const defs = collectDefinitions(configurationOf(project, index, release));
  entryCache.set(s, { release, base: project.base, defs });
  return defs;
}

/** An option's value after NixOS merges its definitions. */
export interface Merged {
  path: string[];
  value: Value | null;
  /** Two values at the same priority that NixOS refuses; null when none. */
  conflict: string | null;
  /** Whether the entry's own definitions take part in the value. */
  own: boolean;
  /** Whether the entry's own definitions are there but give way to the parent's (lib.mkDefault). */
  ownLoses: boolean;
  /** The winning own definition has a priority above the parent's usual (lib.mkForce, lib.mkOverride < 100). */
  forced: boolean;
  /** A list whose value joins the parent's items and the entry's. */
  joined: boolean;
  /** A condition (lib.mkIf) the comparison does not evaluate. */
  condition: string | null;
}

const sameValue = (a: Value, b: Value) => a.text === b.text && (a.items ?? null)?.join('\u0000') === (b.items ?? null)?.join('\u0000');

/**
 * NixOS's merge of one option, reduced to what the forms write: the lowest priority number wins,
 * lists at that priority are joined (the parent's items first), other values must agree.
 */
export function mergeOption(path: string[], parent: readonly Definition[], own: readonly Definition[]): Merged {
  const all = [...parent.map((d) => ({ d, own: false })), ...own.map((d) => ({ d, own: true }))];
  const best = Math.min(...all.map((x) => x.d.priority));
  const winners = all.filter((x) => x.d.priority === best);
  const ownWins = winners.some((x) => x.own);
  const condition = winners.find((x) => x.d.condition !== null)?.d.condition ?? null;
  const base = {
    path,
    own: ownWins,
    ownLoses: own.length > 0 && !ownWins,
    forced: ownWins && best < PLAIN,
    condition,
  };
  if (winners.every((x) => x.d.value.items)) {
    const items = winners.flatMap((x) => x.d.value.items!);
    return { ...base, value: { text: '', items }, conflict: null, joined: winners.some((x) => !x.own) && winners.some((x) => x.own) };
  }
  const first = winners[0].d.value;
  const conflict = winners.some((x) => !sameValue(x.d.value, first))
    ? `NixOS refuses two values at one priority: ${winners.map((x) => x.d.value.text || `[ ${x.d.value.items?.join(' ')} ]`).join(' and ')}`
    : null;
  return { ...base, value: first, conflict, joined: false };
}

/** What a boot entry ends up with, option by option: the parent's definitions (unless it is a separate system) and its own. */
export function mergeEntry(parent: EntryDefinitions | null, own: EntryDefinitions | null, inherit: boolean): Map<string, Merged> {
  const key = own ?? parent;
  const kept = key ? mergedCache.get(key) : undefined;
  if (kept && kept.parent === parent && kept.inherit === inherit && kept.own === own) return kept.merged;
  const merged = mergeEntryNow(parent, own, inherit);
  if (key) mergedCache.set(key, { parent, own, inherit, merged });
  return merged;
}

/** Kept per entry's own definitions (the parent's for the parent): both are kept per object themselves. */
const mergedCache = new WeakMap<EntryDefinitions, { parent: EntryDefinitions | null; own: EntryDefinitions | null; inherit: boolean; merged: Map<string, Merged> }>();

function mergeEntryNow(parent: EntryDefinitions | null, own: EntryDefinitions | null, inherit: boolean): Map<string, Merged> {
  const out = new Map<string, Merged>();
  const from = inherit || !own ? parent : null;
  const keys = new Set([...(from?.options.keys() ?? []), ...(own?.options.keys() ?? [])]);
  for (const key of keys) {
    const p = from?.options.get(key);
    const o = own?.options.get(key);
    out.set(key, mergeOption((p ?? o)!.path, p?.defs ?? [], o?.defs ?? []));
  }
  return out;
}
