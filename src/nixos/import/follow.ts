import type { AttrName, Binding, Expr, LambdaExpr } from '../../nix/syntax/ast';
import { freeIdentifiers } from '../../nix/syntax/free-vars';
import { definedNames, isNixGlobal, letScope, lookup, type Chain, type Scope } from './scope';

/** An expression and the scopes it is read in. */
export interface Followed {
  expr: Expr;
  chain: Chain;
}

/** Steps one look-up may take in all (a helper that calls itself would go on forever). */
const MAX_STEPS = 256;

let steps = 0;

/**
 * Follows an expression to the value it stands for, as far as that can be read without
 * evaluating anything: a name bound by a `let` or `rec` to its definition, `x.a` of a set written
 * out to `a`'s value, and a `let`-bound function applied to arguments (`mk ./a.nix` with
 * `mk = module: { … }`) to its body, the parameter bound to the argument (a scope of kind `arg`;
 * kept Nix that needs it says `let module = ./a.nix; in …`). An argument is only taken when each
 * name in it means the same where the function is defined as where it is called. Stops at the
 * first step it cannot take (a set, a function, a call of something else …) and returns where it got.
 */
export function follow(e: Expr, chain: Chain): Followed {
  steps = 0;
  return go(e, chain);
}

/** follow, within the steps left. */
function go(e: Expr, chain: Chain): Followed {
  let here: Followed = { expr: e, chain };
  while (steps++ < MAX_STEPS) {
    const next = step(here);
    if (!next) return here;
    here = next;
  }
  return here;
}

function step({ expr: e, chain }: Followed): Followed | null {
  switch (e.type) {
    case 'Paren':
      return { expr: e.expr, chain };
    case 'Let':
      return { expr: e.body, chain: [...chain, letScope(e)] };
    case 'With':
      return { expr: e.body, chain: [...chain, { kind: 'with', node: e }] };
    case 'Ident':
      return definition(e.name, chain, chain.length);
    case 'Select': {
      if (e.default) return null;
      let at: Followed | null = go(e.expr, chain);
      for (const a of e.attrpath) {
        if (!at || a.name === null) return null;
        at = member(at, a.name);
      }
      return at;
    }
    case 'Apply':
      return application(e, chain);
    default:
      return null;
  }
}

/** The definition of `name` as seen from below `chain[from]` (exclusive). */
function definition(name: string, chain: Chain, from: number): Followed | null {
  const hit = lookup(chain, name, from);
  if (!hit) return null;
  const s = hit.scope;
  if (s.kind === 'arg') return { expr: s.arg, chain: chain.slice(0, hit.index) };
  if (s.kind === 'let') return inBindings(s.bindings, name, chain.slice(0, hit.index + 1), hit.index);
  if (s.kind === 'rec') return inBindings(s.node.bindings, name, chain.slice(0, hit.index + 1), hit.index);
  return null;
}

/**
 * `name` in a list of bindings read in `chain`: a binding of exactly that name (`a = …;`, not
 * `a.b = …;`, whose set is spread over several bindings), or an `inherit`. `outer` is where an
 * `inherit a;` of a `let`/`rec` looks (below that scope).
 */
function inBindings(bindings: readonly Binding[], name: string, chain: Chain, outer: number | null): Followed | null {
  const defining = bindings.filter((b) =>
    b.type === 'Inherit' ? b.names.some((n) => n.name === name) : b.path[0].name === name,
  );
  if (defining.length !== 1) return null;
  const b = defining[0];
  if (b.type === 'AttrBinding') return b.path.length === 1 ? { expr: b.value, chain } : null;
  if (b.from) {
    const from = go(b.from, chain);
    return member(from, name);
  }
  return outer === null ? null : definition(name, chain, outer);
}

/** Attribute `name` of what `at` stands for, when that is a set written out. */
function member(at: Followed, name: string): Followed | null {
  const reached = go(at.expr, at.chain);
  const e = reached.expr;
  if (e.type !== 'Attrs') return null;
  if (!e.rec) return inBindings(e.bindings, name, reached.chain, null) ?? outerInherit(e.bindings, name, reached.chain);
  const inner: Chain = [...reached.chain, { kind: 'rec', node: e, names: definedNames(e.bindings) }];
  return inBindings(e.bindings, name, inner, reached.chain.length);
}

/** `{ inherit a; }` (not `rec`): `a` from around the set. */
function outerInherit(bindings: readonly Binding[], name: string, chain: Chain): Followed | null {
  const plain = bindings.some((b) => b.type === 'Inherit' && !b.from && b.names.some((n: AttrName) => n.name === name));
  return plain ? definition(name, chain, chain.length) : null;
}

/** `f a b` where `f` is (or names) `x: y: …`: the body, `x` and `y` bound to the arguments. */
function application(e: Expr, chain: Chain): Followed | null {
  const args: Expr[] = [];
  let fn = e;
  while (fn.type === 'Apply' || fn.type === 'Paren') {
    if (fn.type === 'Apply') {
      args.unshift(fn.arg);
      fn = fn.fn;
    } else fn = fn.expr;
  }
  let at = go(fn, chain);
  for (const arg of args) {
    const f = at.expr;
    if (f.type !== 'Lambda' || !simpleParameter(f) || !sameMeaning(arg, chain, at.chain, f.param!.name)) return null;
    const scope: Scope = { kind: 'arg', names: new Set([f.param!.name]), name: f.param!.name, arg };
    at = go(f.body, [...at.chain, scope]);
  }
  return at;
}

/** `x: …` — not `{ a, b }: …`, whose arguments would have to be matched against a set. */
const simpleParameter = (f: LambdaExpr) => f.param !== undefined && f.formals === undefined;

/**
 * Every name `arg` uses means the same in `callSite` as in `definitionSite` (the same scope binds
 * it, or none does and the same `with`s are around), and none is the parameter itself (a `let`
 * binding it would refer to itself).
 */
function sameMeaning(arg: Expr, callSite: Chain, definitionSite: Chain, parameter: string): boolean {
  const withs = (c: Chain) => c.filter((s) => s.kind === 'with');
  for (const name of freeIdentifiers(arg)) {
    if (name === parameter) return false;
    const a = lookup(callSite, name);
    const d = lookup(definitionSite, name);
    if (a?.scope !== d?.scope) return false;
    if (!a && !isNixGlobal(name)) {
      const wa = withs(callSite);
      const wd = withs(definitionSite);
      if (wa.length !== wd.length || wa.some((s, i) => s !== wd[i])) return false;
    }
  }
  return true;
}
