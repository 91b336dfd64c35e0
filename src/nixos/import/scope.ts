import type { AttrsExpr, Binding, Expr, LambdaExpr, LetExpr, LegacyLetExpr, WithExpr } from '../../nix/syntax/ast';
import { isNixGlobal } from '../../nix/syntax/globals';

/**
 * A lexical scope between the root of the input and a specialisation's settings. Kept text that
 * names something bound here must carry the binding along (a `let`), or be wrapped again (`with`).
 */
export type Scope =
  | {
      kind: 'lambda';
      /** `module`: the function NixOS calls with the module arguments; `configuration`: a specialisation's own. */
      role: 'module' | 'configuration' | 'other';
      node: LambdaExpr;
      /** Formals and the `@` name. */
      names: Set<string>;
      /** The `@` name, and formals with a default: neither can be reproduced by the generated module. */
      special: Set<string>;
    }
  | { kind: 'let'; node: LetExpr | LegacyLetExpr; names: Set<string>; bindings: Binding[] }
  | { kind: 'rec'; node: AttrsExpr; names: Set<string> }
  | { kind: 'with'; node: WithExpr }
  /**
   * The parameter of a `let`-bound function the importer applied (`mk ./a.nix`, see follow.ts):
   * `name` is `arg`, which means the same in the scopes before this one. Kept text that uses it
   * is wrapped in `let name = arg; in`.
   */
  | { kind: 'arg'; names: Set<string>; name: string; arg: Expr };

export type Chain = readonly Scope[];

/** Names a binding list defines (first path component, inherited names). */
export function definedNames(bindings: readonly Binding[]): Set<string> {
  const names = new Set<string>();
  for (const b of bindings) {
    if (b.type === 'Inherit') {
      for (const n of b.names) if (n.name !== null) names.add(n.name);
    }
    else if (b.path[0].name !== null) names.add(b.path[0].name);
  }
  return names;
}

export function lambdaScope(node: LambdaExpr, role: 'module' | 'configuration' | 'other'): Scope {
  const names = new Set<string>();
  const special = new Set<string>();
  if (node.param) {
    names.add(node.param.name);
    special.add(node.param.name);
  }
  for (const f of node.formals?.entries ?? []) {
    names.add(f.name);
    if (f.default) special.add(f.name);
  }
  return { kind: 'lambda', role, node, names, special };
}

export function letScope(node: LetExpr | LegacyLetExpr): Scope {
  return { kind: 'let', node, names: definedNames(node.bindings), bindings: node.bindings };
}

/** The arguments NixOS passes to every module. */
export const STANDARD_ARGUMENTS: ReadonlySet<string> = new Set(['config', 'options', 'lib', 'pkgs', 'modulesPath']);

export { isNixGlobal };

/** The innermost scope below `from` (exclusive) that binds `name` lexically, with its index. */
export function lookup(chain: Chain, name: string, from = chain.length): { scope: Scope; index: number } | null {
  for (let i = Math.min(from, chain.length) - 1; i >= 0; i--) {
    const s = chain[i];
    if (s.kind !== 'with' && s.names.has(name)) return { scope: s, index: i };
  }
  return null;
}

/** True when `name` means the module argument of that name (a formal of the module's or the configuration's function). */
export function isArgument(chain: Chain, name: string): 'own' | 'parent' | false {
  const found = lookup(chain, name);
  // A bare snippet (`specialisation = { … };`) is pasted into a module that has the standard arguments.
  if (!found) return STANDARD_ARGUMENTS.has(name) ? 'parent' : false;
  if (found.scope.kind !== 'lambda' || found.scope.special.has(name)) return false;
  if (found.scope.role === 'configuration') return 'own';
  return found.scope.role === 'module' ? 'parent' : false;
}

/** Every `with` in the chain reads `pkgs` (the module argument), so a name they provide is a package. */
export function withsArePkgs(chain: Chain, upTo = chain.length): boolean {
  for (let i = 0; i < upTo; i++) {
    const s = chain[i];
    if (s.kind === 'with' && !isPkgs(s.node.env, chain.slice(0, i))) return false;
  }
  return true;
}

export function hasWith(chain: Chain): boolean {
  return chain.some((s) => s.kind === 'with');
}

/** `pkgs`, the module argument (not a `let` of that name). */
export function isPkgs(e: Expr, chain: Chain): boolean {
  while (e.type === 'Paren') e = e.expr;
  return e.type === 'Ident' && e.name === 'pkgs' && isArgument(chain, 'pkgs') !== false;
}
