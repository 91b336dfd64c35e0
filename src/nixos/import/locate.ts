import type { AttrBinding, AttrsExpr, Binding, Expr } from '../../nix/syntax/ast';
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

export interface FoundSpecialisation {
  name: string;
  /** Offset of the first definition. */
  start: number;
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
  /** Specialisations the input has but the import cannot read (a computed name or set): where, and why. */
  lost: { start: number; message: string }[];
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
  const out: Located = { specialisations: [], leftOut: [], notes: [], grubDefault: null, lost: [] };
  const byName = new Map<string, FoundSpecialisation>();
  const spec = (name: string, start: number) => {
    let s = byName.get(name);
    if (!s) {
      s = { name, start, nodes: [], expressions: [], inheritParentConfig: null, problems: [] };
      byName.set(name, s);
      out.specialisations.push(s);
    }
    return s;
  };

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

  const visit = (b: Binding, abs: (string | null)[], chain: Chain, after: number) => {
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
          lose(n.start, `${showPath(full)} is inherited from something that cannot be read without evaluating it, so it was not imported.`);
          continue;
        }
        entry(full, target.expr, target.chain, n.start, null, after);
      }
      return;
    }
    entry([...abs, ...names(b)], b.value, chain, b.start, b, after);
  };

  /** A definition of `full` (a binding's path, or an inherited name) with the value `value`. */
  const entry = (full: (string | null)[], value: Expr, chain: Chain, start: number, b: AttrBinding | null, after: number) => {
    const offset = full[0] === 'config' ? 1 : 0;
    const path = full.slice(offset);
    const descend = (label: string) => descendInto(value, full, chain, label, start);
    if (path.length === 0) return descend('config');
    if (path[0] !== 'specialisation') {
      const v = unparen(value);
      if (showPath(path) === 'boot.loader.grub.default' && v.type === 'Int') out.grubDefault = v.value;
      out.leftOut.push(showPath(path));
      return;
    }
    if (path.length === 1) return descend('specialisation');
    const name = path[1];
    if (name === null) {
      lose(start, `A specialisation with a computed name (${showPath(path)}) cannot be imported.`);
      return;
    }
    // The entry exists once something of it is read: a set (even `{ }`), or a definition below it.
    if (path.length === 2) return descendInto(value, full, chain, `specialisation.${name}`, start, () => spec(name, start));
    const s = spec(name, start);
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
    found?: () => void,
    seen = new Set<Expr>(),
  ): void => {
    const v = unparen(value);
    if (v.type === 'Attrs') {
      found?.();
      const inner: Chain = v.rec ? [...chain, { kind: 'rec', node: v, names: definedNames(v.bindings) }] : chain;
      let after = v.start + 1;
      for (const c of v.bindings) {
        visit(c, full, inner, after);
        after = c.end;
      }
      return;
    }
    const call = wrapperCall(v);
    if (call && MODULE_WRAPPERS.has(call.name)) {
      out.notes.push(`${label}${at(v.start)} is wrapped in ${call.name}: what it contains was imported without the ${call.name}.`);
      const last = unparen(call.args[call.args.length - 1]);
      if (call.name === 'mkMerge' && last.type === 'List') for (const item of last.elements) descendInto(item, full, chain, label, start, found, seen);
      else descendInto(last, full, chain, label, start, found, seen);
      return;
    }
    // A name for a set written elsewhere (`let`), or a helper applied to arguments (`mk ./a.nix`).
    const followed = follow(v, chain);
    // `seen`: a helper that calls itself stops where it has been.
    if (followed.expr !== v && !seen.has(followed.expr)) {
      seen.add(followed.expr);
      return descendInto(followed.expr, full, followed.chain, label, start, found, seen);
    }
    if (label === 'config') out.leftOut.push('config');
    else lose(start, `${label} is computed (${describe(v)}), so it cannot be imported.`);
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
