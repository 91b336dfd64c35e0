import { stringLiteralValue, type AttrBinding, type AttrsExpr, type Binding, type Expr } from '../../nix/syntax/ast';
import { follow, type Followed } from './follow';
import { definedNames, lambdaScope, letScope, type Chain, type Scope } from './scope';

/** A binding inside a specialisation's configuration, with the part of its path that lies inside it. */
export interface ConfigNode {
  binding: Binding;
  /** Index into `binding.path` where the configuration-relative path begins (0 below the top level). */
  relStart: number;
  /** Path from the configuration's root (`services.xserver`); null where a name is computed. */
  path: (string | null)[];
  /** The bindings of a plain attribute-set value, which are read one by one; null for a leaf. */
  children: ConfigNode[] | null;
  chain: Chain;
  /** Where the text that belongs to this binding (comments above it) may begin. */
  after: number;
}

/** A configuration written as an expression (a function, a `let`): kept whole as an import when it cannot be read. */
export interface ConfigExpression {
  expr: Expr;
  chain: Chain;
}

/** A `lib.mkIf` condition around a specialisation's definition, and the scopes it is read in. */
export interface Condition {
  expr: Expr;
  chain: Chain;
}

/**
 * Specialisations whose names are computed (`lib.genAttrs [ … ] (…)`, `specialisation.${n}`, a
 * `//` whose names cannot all be known): kept whole as a Nix entry, never dropped.
 */
export interface FoundNixEntry {
  start: number;
  /** The expression giving a set of entries; or `name` (a computed one) with its value. */
  expr: Expr;
  /** For an entry whose own name is computed: the binding from that name on (`${n}.configuration = …;`). */
  binding: { node: AttrBinding; from: number } | null;
  /** `inherit (from) a;` that cannot be followed: the entry is `{ inherit (from) a; }`. */
  inherit: { from: Expr | null; name: string } | null;
  chain: Chain;
  conditions: Condition[];
  /** What made it one, for the report: `a call of genAttrs`, `a computed name` … */
  pattern: string;
  /** The text to keep when it is more than `expr`: inside the parentheses around it, comments included. */
  range?: { start: number; end: number };
}

export interface FoundSpecialisation {
  name: string;
  /** Offset of the first definition. */
  start: number;
  /** The `lib.mkIf` conditions its definitions are under, outermost first. */
  conditions: Condition[];
  /** Definitions of it under different conditions (which one condition of the entry cannot say). */
  conditionsDiffer: boolean;
  nodes: ConfigNode[];
  expressions: ConfigExpression[];
  inheritParentConfig: { value: Expr; chain: Chain } | null;
  problems: string[];
}

export interface Located {
  specialisations: FoundSpecialisation[];
  /** Settings of the parent system (outside `specialisation`), as option paths. */
  leftOut: string[];
  notes: string[];
  /** `boot.loader.grub.default = N;` at the top level (the generator writes it for a default entry). */
  grubDefault: number | null;
  /** `boot.loader.systemd-boot.sortKey = "…";` at the top level (the generator writes it for a menu order). */
  parentSortKey: string | null;
  /** Specialisations the input has but the import cannot read (a computed name or set): where, and why. */
  lost: { start: number; message: string }[];
  /** Specialisations whose names are computed, kept as Nix entries. */
  nixEntries: FoundNixEntry[];
}

const MODULE_WRAPPERS = new Set(['mkIf', 'mkMerge', 'mkDefault', 'mkForce', 'mkOverride']);

/** `lib.mkIf c x` → { name: 'mkIf', args: [c, x] }; null for anything else. */
export function wrapperCall(e: Expr): { name: string; args: Expr[] } | null {
  const args: Expr[] = [];
  while (e.type === 'Paren') e = e.expr;
  while (e.type === 'Apply') {
    args.unshift(e.arg);
    e = e.fn;
    while (e.type === 'Paren') e = e.expr;
  }
  const name =
    e.type === 'Ident' ? e.name : e.type === 'Select' && !e.default ? e.attrpath[e.attrpath.length - 1].name : null;
  return name && args.length > 0 ? { name, args } : null;
}

const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);
const names = (b: AttrBinding) => b.path.map((p) => p.name);
const showPath = (path: readonly (string | null)[]) => path.map((p) => p ?? '${…}').join('.');

/** Finds the modules of the input and the specialisations they define. */
export function locate(root: Expr, lineOf: (offset: number) => number | null = () => null): Located {
  const at = (offset: number) => {
    const line = offset >= 0 ? lineOf(offset) : null;
    return line === null ? '' : ` (line ${line})`;
  };
  const out: Located = { specialisations: [], leftOut: [], notes: [], grubDefault: null, parentSortKey: null, lost: [], nixEntries: [] };
  const byName = new Map<string, FoundSpecialisation>();
  const spec = (name: string, start: number, conditions: Condition[] = []) => {
    let s = byName.get(name);
    if (!s) {
      s = { name, start, conditions, conditionsDiffer: false, nodes: [], expressions: [], inheritParentConfig: null, problems: [] };
      byName.set(name, s);
      out.specialisations.push(s);
    } else if (s.conditions.length !== conditions.length || s.conditions.some((c, i) => c.expr !== conditions[i].expr)) s.conditionsDiffer = true;
    return s;
  };
  const nixEntry = (e: Omit<FoundNixEntry, 'binding' | 'inherit'> & Partial<FoundNixEntry>) =>
    out.nixEntries.push({ binding: null, inherit: null, ...e });

  const modules = findModules(root);
  if (modules.length === 0) {
    const body = moduleBody(root);
    if (body) for (const b of body.attrs.bindings) out.leftOut.push(bindingLabel(b, []));
    return out;
  }
  if (modules.length > 1 || modules[0].attrs !== moduleBody(root)?.attrs)
    out.notes.push(
      `The specialisations were found in ${modules.length === 1 ? 'a module' : `${modules.length} modules`} inside the file (not at its top level).`,
    );

  const visit = (b: Binding, abs: (string | null)[], chain: Chain, after: number, conds: Condition[] = []) => {
    if (b.type === 'Inherit') {
      for (const n of b.names) {
        const full = [...abs, n.name];
        const path = full.slice(full[0] === 'config' ? 1 : 0);
        if (path.length > 0 && path[0] !== 'specialisation') {
          if (abs.length === 0) out.leftOut.push(showPath(full));
          else out.notes.push(`\`inherit\` at ${showPath(abs)} was not read.`);
          continue;
        }
        // `inherit (specs) a b;`, `inherit a;`: the definitions, when they are written out.
        const from = b.from ? follow(b.from, chain) : null;
        const target = n.name === null ? null : b.from ? memberOf(from!, n.name) : inherited(n.name, chain);
        if (!target) {
          if (n.name !== null && path.length === 2)
            nixEntry({ start: n.start, expr: b.from ?? { type: 'Ident', name: n.name, start: n.start, end: n.end }, inherit: { from: b.from ?? null, name: n.name }, chain, conditions: conds, pattern: `an inherit from ${b.from ? describe(b.from) : 'a name bound outside'}` });
          else lose(n.start, `${showPath(full)} is inherited from something that cannot be read without evaluating it, so it was not imported.`);
          continue;
        }
        entry(full, target.expr, target.chain, n.start, null, after, conds);
      }
      return;
    }
    entry([...abs, ...names(b)], b.value, chain, b.start, b, after, conds);
  };

  /** A definition of `full` (a binding's path, or an inherited name) with the value `value`. */
  const entry = (full: (string | null)[], value: Expr, chain: Chain, start: number, b: AttrBinding | null, after: number, conds: Condition[]) => {
    const offset = full[0] === 'config' ? 1 : 0;
    const path = full.slice(offset);
    const descend = (label: string) => descendInto(value, full, chain, label, start, undefined, new Set(), conds);
    if (path.length === 0) return descend('config');
    if (path[0] !== 'specialisation') {
      const v = unparen(value);
      if (showPath(path) === 'boot.loader.grub.default' && v.type === 'Int') out.grubDefault = v.value;
      if (showPath(path) === 'boot.loader.systemd-boot.sortKey' && conds.length === 0) out.parentSortKey = stringLiteralValue(v);
      out.leftOut.push(showPath(path));
      return;
    }
    if (path.length === 1) return descend('specialisation');
    const name = path[1];
    if (name === null) {
      // `specialisation.${n}.configuration = …;`: the binding from the name on, as a Nix entry.
      const from = b ? offset + 1 - (full.length - b.path.length) : -1;
      if (b && from >= 0) nixEntry({ start, expr: b.value, binding: { node: b, from }, chain, conditions: conds, pattern: 'a computed name' });
      else lose(start, `A specialisation with a computed name (${showPath(path)}) cannot be imported.`);
      return;
    }
    // The entry exists once something of it is read: a set (even `{ }`), or a definition below it.
    if (path.length === 2)
      return descendInto(value, full, chain, `specialisation.${name}`, start, (c) => spec(name, start, c), new Set(), conds);
    const s = spec(name, start, conds);
    if (path[2] === 'configuration') {
      if (path.length > 3 && b) {
        s.nodes.push(buildNode(b, b.path.length - (path.length - 3), [], chain, after));
        return;
      }
      const v = unparen(value);
      if (v.type === 'Attrs' && !v.rec) s.nodes.push(...buildNodes(v.bindings, [], chain, v.start + 1));
      else s.expressions.push({ expr: value, chain });
    } else if (path[2] === 'inheritParentConfig' && path.length === 3) s.inheritParentConfig = { value, chain };
    else s.problems.push(`${showPath(path)} is not an option of a specialisation; it was left out.`);
  };

  const descendInto = (
    value: Expr,
    full: (string | null)[],
    chain: Chain,
    label: string,
    start: number,
    found?: (conds: Condition[]) => void,
    seen = new Set<Expr>(),
    conds: Condition[] = [],
  ): void => {
    const v = unparen(value);
    if (v.type === 'Attrs') {
      found?.(conds);
      const inner: Chain = v.rec ? [...chain, { kind: 'rec', node: v, names: definedNames(v.bindings) }] : chain;
      let after = v.start + 1;
      for (const c of v.bindings) {
        visit(c, full, inner, after, conds);
        after = c.end;
      }
      return;
    }
    const call = wrapperCall(v);
    // `lib.mkIf c { … }` around entries (or `config` as a whole): each entry keeps the condition.
    if (call?.name === 'mkIf' && call.args.length === 2) {
      const cond: Condition = { expr: unparen(call.args[0]), chain };
      return descendInto(call.args[1], full, chain, label, start, found, seen, [...conds, cond]);
    }
    if (call && MODULE_WRAPPERS.has(call.name)) {
      out.notes.push(`${label}${at(v.start)} is wrapped in ${call.name}: what it contains was imported without the ${call.name}.`);
      const last = unparen(call.args[call.args.length - 1]);
      if (call.name === 'mkMerge' && last.type === 'List') for (const item of last.elements) descendInto(item, full, chain, label, start, found, seen, conds);
      else descendInto(last, full, chain, label, start, found, seen, conds);
      return;
    }
    // `{ a = …; } // lib.genAttrs [ … ] (…)`: literal sets read as entries, computed ones kept as Nix entries.
    if (v.type === 'Binary' && v.op === '//' && label === 'specialisation') {
      const parts = updateOperands(v, chain);
      if (parts) {
        for (const part of parts)
          if (part.literal) descendInto(part.expr, full, part.chain, label, start, found, seen, conds);
          else nixEntry({ start: part.expr.start, expr: part.expr, chain: part.chain, conditions: conds, pattern: `${describe(part.expr)} joined with \`//\`` });
        return;
      }
      nixEntry({ start: v.start, expr: v, chain, conditions: conds, pattern: 'sets joined with `//` whose names may overlap (the right one wins)' });
      return;
    }
    // A name for a set written elsewhere (`let`), or a helper applied to arguments (`mk ./a.nix`).
    const followed = follow(v, chain);
    // `seen`: a helper that calls itself stops where it has been.
    if (followed.expr !== v && !seen.has(followed.expr)) {
      seen.add(followed.expr);
      return descendInto(followed.expr, full, followed.chain, label, start, found, seen, conds);
    }
    if (label === 'config') out.leftOut.push('config');
    else if (label === 'specialisation')
      nixEntry({ start: v.start, expr: v, chain, conditions: conds, pattern: describe(v), range: value.type === 'Paren' ? { start: value.start + 1, end: value.end - 1 } : undefined });
    else {
      // One entry whose value is computed (`specialisation.a = import ./a.nix;`): `{ a = …; }`.
      const name = label.slice('specialisation.'.length);
      const binding = { type: 'AttrBinding', path: [{ type: 'AttrIdent', name, start: -1, end: -1 }], value: v, start: -1, end: -1 } as AttrBinding;
      nixEntry({ start: v.start, expr: v, binding: { node: binding, from: 0 }, chain, conditions: conds, pattern: `${describe(v)} for ${label}` });
    }
  };

  /** An entry (or all of them) that is there but cannot be read: said loudly, never dropped silently. */
  const lose = (start: number, message: string) => {
    out.notes.push(`Not imported${at(start)}: ${message}`);
    out.lost.push({ start, message });
  };

  for (const m of modules) {
    let after = m.attrs.start + 1;
    for (const b of m.attrs.bindings) {
      visit(b, [], m.chain, after);
      after = b.end;
    }
  }
  return out;
}

/** What `inherit a;` takes: `a` from around the set (a `let` binding, written out). */
function inherited(name: string, chain: Chain): Followed | null {
  const ident: Expr = { type: 'Ident', name, start: -1, end: -1 };
  const f = follow(ident, chain);
  return f.expr === ident ? null : f;
}

/** What `inherit (from) a;` takes: attribute `a` of `from`, when it is a set written out. */
function memberOf(from: Followed, name: string): Followed | null {
  const select: Expr = { type: 'Select', expr: from.expr, attrpath: [{ type: 'AttrIdent', name, start: -1, end: -1 }], start: -1, end: -1 };
  const f = follow(select, from.chain);
  return f.expr === select ? null : f;
}

/**
 * The operands of `a // b // c` when they can be read apart without changing what the input
 * means: each literal set (read as entries) and each computed one (a Nix entry) defines names that
 * can be known and no two define the same name, since with `//` the right one would win where the
 * module system's merge would merge both. Null otherwise.
 */
function updateOperands(e: Expr, chain: Chain): { expr: Expr; chain: Chain; literal: boolean }[] | null {
  const flat: Expr[] = [];
  const collect = (x: Expr) => {
    const u = unparen(x);
    if (u.type === 'Binary' && u.op === '//') {
      collect(u.left);
      collect(u.right);
    } else flat.push(u);
  };
  collect(e);
  const seen = new Set<string>();
  const out: { expr: Expr; chain: Chain; literal: boolean }[] = [];
  for (const x of flat) {
    const f = follow(x, chain);
    const literal = f.expr.type === 'Attrs';
    const names = knownNames(literal ? f.expr : x, literal ? f.chain : chain);
    if (names === null || names.some((n) => seen.has(n))) return null;
    names.forEach((n) => seen.add(n));
    out.push(literal ? { expr: f.expr, chain: f.chain, literal } : { expr: x, chain, literal });
  }
  return out;
}

/** The names a set of entries defines, when they can be read: a set written out, `genAttrs [ "a" ]`, `mapAttrs f { a = …; }`. */
function knownNames(e: Expr, chain: Chain): string[] | null {
  const v = unparen(e);
  if (v.type === 'Attrs') {
    const names: string[] = [];
    for (const b of v.bindings) {
      const list = b.type === 'Inherit' ? b.names.map((n) => n.name) : [b.path[0].name];
      if (list.some((n) => n === null)) return null;
      for (const n of list) if (!names.includes(n!)) names.push(n!);
    }
    return names;
  }
  const call = wrapperCall(v);
  if (call?.name === 'genAttrs' && call.args.length === 2) {
    const list = follow(call.args[0], chain).expr;
    if (list.type !== 'List') return null;
    const names = list.elements.map((x) => (x.type === 'String' && x.parts.every((p) => p.type === 'Text') ? x.parts.map((p) => (p as { value: string }).value).join('') : null));
    return names.every((n) => n !== null) ? (names as string[]) : null;
  }
  if (call?.name === 'mapAttrs' && call.args.length === 2) {
    const set = follow(call.args[1], chain);
    return set.expr.type === 'Attrs' ? knownNames(set.expr, set.chain) : null;
  }
  return null;
}

function describe(e: Expr): string {
  const call = wrapperCall(e);
  if (call) return `a call of ${call.name}`;
  return { Ident: 'a variable', Select: 'an attribute of another value', Path: 'a path', Lambda: 'a function' }[e.type as string] ?? 'an expression';
}

function bindingLabel(b: Binding, abs: readonly (string | null)[]): string {
  if (b.type === 'Inherit') return b.names.map((n) => showPath([...abs, n.name])).join(', ');
  return showPath([...abs, ...names(b)]);
}

export function buildNodes(bindings: readonly Binding[], parent: (string | null)[], chain: Chain, after: number): ConfigNode[] {
  return bindings.map((b) => {
    const node = buildNode(b, 0, parent, chain, after);
    after = b.end;
    return node;
  });
}

function buildNode(b: Binding, relStart: number, parent: (string | null)[], chain: Chain, after: number): ConfigNode {
  if (b.type === 'Inherit') return { binding: b, relStart, path: parent, children: null, chain, after };
  const path = [...parent, ...b.path.slice(relStart).map((p) => p.name)];
  const v = b.value;
  const nested = v.type === 'Attrs' && !v.rec && v.bindings.length > 0 && !path.includes(null);
  return {
    binding: b,
    relStart,
    path,
    children: nested ? buildNodes(v.bindings, path, chain, v.start + 1) : null,
    chain,
    after,
  };
}

export interface ModuleBody {
  attrs: AttrsExpr;
  chain: Chain;
}

/** The attribute set a module evaluates to, through its function, `let`, `with` and parentheses. */
export function moduleBody(root: Expr, chain: Chain = []): ModuleBody | null {
  let e = root;
  let c: Scope[] = [...chain];
  for (let lambdas = 0; ; ) {
    if (e.type === 'Paren' || e.type === 'Assert') e = e.type === 'Paren' ? e.expr : e.body;
    else if (e.type === 'Lambda' && lambdas++ === 0) {
      c.push(lambdaScope(e, 'module'));
      e = e.body;
    } else if (e.type === 'Let' || e.type === 'LegacyLet') {
      c.push(letScope(e));
      if (e.type === 'LegacyLet') return null;
      e = e.body;
    } else if (e.type === 'With') {
      c.push({ kind: 'with', node: e });
      e = e.body;
    } else break;
  }
  if (e.type !== 'Attrs') return null;
  if (e.rec) c = [...c, { kind: 'rec', node: e, names: definedNames(e.bindings) }];
  return { attrs: e, chain: c };
}

export function definesSpecialisations(attrs: AttrsExpr): boolean {
  return attrs.bindings.some((b) => {
    if (b.type === 'Inherit') return false;
    const first = b.path[0].name;
    if (first === 'specialisation') return true;
    if (first !== 'config') return false;
    if (b.path.length > 1) return b.path[1].name === 'specialisation';
    return wrappedSets(b.value).some(definesSpecialisations);
  });
}

/** The attribute sets a value holds through `mkIf`, `mkMerge [ … ]` and the like. */
function wrappedSets(value: Expr, depth = 0): AttrsExpr[] {
  const v = unparen(value);
  if (v.type === 'Attrs') return [v];
  const call = wrapperCall(v);
  if (!call || !MODULE_WRAPPERS.has(call.name) || depth > 20) return [];
  const last = unparen(call.args[call.args.length - 1]);
  if (call.name === 'mkMerge' && last.type === 'List') return last.elements.flatMap((x) => wrappedSets(x, depth + 1));
  return wrappedSets(last, depth + 1);
}

/**
 * Modules that define specialisations: the input itself, or — in a flake or a list of modules —
 * attribute sets anywhere inside it that set `specialisation`. Lambdas on the way are scopes.
 */
export function findModules(root: Expr): ModuleBody[] {
  const top = moduleBody(root);
  if (top && definesSpecialisations(top.attrs)) return [top];
  const found: ModuleBody[] = [];
  const walk = (e: Expr, chain: Chain, depth: number): void => {
    if (depth > 400) return;
    switch (e.type) {
      case 'Paren':
        return walk(e.expr, chain, depth + 1);
      case 'Lambda': {
        const body = moduleBody(e, chain);
        if (body && definesSpecialisations(body.attrs)) {
          found.push(body);
          return;
        }
        return walk(e.body, [...chain, lambdaScope(e, 'other')], depth + 1);
      }
      case 'Let': {
        const inner = [...chain, letScope(e)];
        e.bindings.forEach((b) => b.type === 'AttrBinding' && walk(b.value, inner, depth + 1));
        return walk(e.body, inner, depth + 1);
      }
      case 'With':
        return walk(e.body, [...chain, { kind: 'with', node: e }], depth + 1);
      case 'Attrs': {
        if (definesSpecialisations(e)) {
          found.push({ attrs: e, chain });
          return;
        }
        const inner: Chain = e.rec ? [...chain, { kind: 'rec', node: e, names: definedNames(e.bindings) }] : chain;
        e.bindings.forEach((b) => b.type === 'AttrBinding' && walk(b.value, inner, depth + 1));
        return;
      }
      case 'List':
        return e.elements.forEach((x) => walk(x, chain, depth + 1));
      case 'Apply':
        walk(e.fn, chain, depth + 1);
        return walk(e.arg, chain, depth + 1);
      case 'If':
        walk(e.then, chain, depth + 1);
        return walk(e.else, chain, depth + 1);
      case 'Binary':
        walk(e.left, chain, depth + 1);
        return walk(e.right, chain, depth + 1);
      case 'Assert':
        return walk(e.body, chain, depth + 1);
      default:
        return;
    }
  };
  walk(root, [], 0);
  return found;
}
