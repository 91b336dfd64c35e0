import type { Expr } from '../syntax/ast';
import { stringLiteralValue } from '../syntax/ast';
import { lambdaScope, letScope, hasWith, isArgument, isNixGlobal, isPkgs, lookup, withsArePkgs, type Chain, type Scope } from './scope';
import { buildNodes, wrapperCall, type ConfigExpression, type ConfigNode } from './locate';

/** One option definition of a configuration: a binding whose value is not a plain attribute set. */
export interface Leaf {
  node: ConfigNode;
  /** Option path; for a computed name, the static part before it. */
  path: string[];
  key: string;
  /** The path continues with a name computed at evaluation time. */
  dynamic: boolean;
  value: Expr | null;
  /** `mkForce`, `mkDefault`, `mkIf` … when the value is wrapped in one. */
  wrapper: string | null;
  /** The value without `mkForce` (which the generator writes itself where the parent sets an option); null under other wrappers. */
  inner: Expr | null;
  /** What the value means, comparable between the input and the generator's output (`force:` marks mkForce). */
  canon: string;
  /** The canon of `inner`. */
  innerCanon: string;
}

export const pathKey = (path: readonly string[]): string => path.join('\u0001');

const PRIORITY_WRAPPERS = new Set([
  'mkForce', 'mkDefault', 'mkOverride', 'mkIf', 'mkMerge', 'mkBefore', 'mkAfter', 'mkOrder', 'mkVMOverride',
  'mkImageMediaOverride', 'mkOptionDefault', 'mkFixStrictness',
]);

/** Every leaf under `nodes`, in source order. */
export function leavesOf(nodes: readonly ConfigNode[], out: Leaf[] = []): Leaf[] {
  for (const node of nodes) {
    if (node.children) {
      leavesOf(node.children, out);
      continue;
    }
    const b = node.binding;
    if (b.type === 'Inherit') {
      for (const n of b.names) {
        const path = [...staticPrefix(node.path), ...(n.name === null ? [] : [n.name])];
        const canon = `x:${b.start}`;
        out.push({ node, path, key: pathKey(path), dynamic: n.name === null, value: null, wrapper: null, inner: null, canon, innerCanon: canon });
      }
      continue;
    }
    const path = staticPrefix(node.path);
    const call = wrapperCall(b.value);
    const wrapper = call && PRIORITY_WRAPPERS.has(call.name) ? call.name : null;
    const forced = wrapper === 'mkForce' && call!.args.length === 1 && isLib(b.value, node.chain);
    const written = wrapper === null ? b.value : forced ? call!.args[0] : null;
    const inner = written && withArguments(written, node.chain);
    const innerCanon = inner ? canon(inner, node.chain) : `w:${b.start}`;
    out.push({
      node,
      path,
      key: pathKey(path),
      dynamic: path.length < node.path.length,
      value: b.value,
      wrapper,
      inner,
      canon: forced ? `force:${innerCanon}` : innerCanon,
      innerCanon,
    });
  }
  return out;
}

/**
 * A value with the parameters of a helper the importer applied (`tag` in `mkTagged "games" …`,
 * see follow.ts) replaced by their arguments where they stand for the whole value or a list
 * element, so that the form can read it. The kept text still says `let tag = "games"; in [ tag ]`.
 */
function withArguments(e: Expr, chain: Chain): Expr {
  if (!chain.some((s) => s.kind === 'arg')) return e;
  const go = (x: Expr, c: Chain): Expr => {
    if (x.type === 'Paren') return go(x.expr, c);
    if (x.type === 'List') return { ...x, elements: x.elements.map((el) => go(el, c)) };
    if (x.type !== 'Ident') return x;
    const hit = lookup(c, x.name);
    return hit?.scope.kind === 'arg' ? go(hit.scope.arg, c.slice(0, hit.index)) : x;
  };
  return go(e, chain);
}

/** `lib.mkForce x` with `lib` the module argument, or `mkForce x` bound by `inherit (lib) mkForce`. */
function isLib(e: Expr, chain: Chain): boolean {
  while (e.type === 'Paren') e = e.expr;
  if (e.type !== 'Apply') return false;
  let fn = e.fn;
  while (fn.type === 'Paren') fn = fn.expr;
  if (fn.type === 'Select') return fn.expr.type === 'Ident' && fn.expr.name === 'lib' && isArgument(chain, 'lib') !== false;
  return fn.type === 'Ident';
}

function staticPrefix(path: readonly (string | null)[]): string[] {
  const end = path.indexOf(null);
  return (end < 0 ? path : path.slice(0, end)) as string[];
}

/**
 * A configuration written as an expression: `{ config, pkgs, ... }: { … }`, `let … in { … }`,
 * `with pkgs; { … }`. Returns its settings, or null when it is something else (an import, `mkIf` …).
 */
export function readConfigurationExpression(x: ConfigExpression): { nodes: ConfigNode[]; fn: Scope | null } | null {
  let e = x.expr;
  const chain: Scope[] = [...x.chain];
  let fn: Scope | null = null;
  for (;;) {
    if (e.type === 'Paren') e = e.expr;
    else if (e.type === 'Lambda' && !fn) {
      fn = lambdaScope(e, 'configuration');
      chain.push(fn);
      e = e.body;
    } else if (e.type === 'Let') {
      chain.push(letScope(e));
      e = e.body;
    } else if (e.type === 'With') {
      chain.push({ kind: 'with', node: e });
      e = e.body;
    } else break;
  }
  if (e.type !== 'Attrs' || e.rec) return null;
  return { nodes: buildNodes(e.bindings, [], chain, e.start + 1), fn };
}

/**
 * A package named by an element of a package list: `firefox` under `with pkgs;`, `pkgs.firefox`,
 * `pkgs.python3Packages.numpy`. Null when it is anything else (a variable, a call, an override).
 */
export function packageRef(e: Expr, chain: Chain, underPkgs: boolean): string[] | null {
  while (e.type === 'Paren') e = e.expr;
  let base: Expr = e;
  let rest: string[] = [];
  if (e.type === 'Select') {
    if (e.default) return null;
    base = e.expr;
    for (const a of e.attrpath) {
      if (a.name === null) return null;
      rest.push(a.name);
    }
    while (base.type === 'Paren') base = base.expr;
    if (isPkgs(base, chain)) return rest;
  }
  if (base.type !== 'Ident') return null;
  const withProvides = underPkgs || (hasWith(chain) && withsArePkgs(chain));
  if (!withProvides || lookup(chain, base.name) || isNixGlobal(base.name)) return null;
  rest = [base.name, ...rest];
  return rest;
}

/** Names of a package list: `with pkgs; [ a b.c ]` or `[ pkgs.a pkgs.b ]`; null if any element is not a package. */
export function packageList(e: Expr, chain: Chain): string[] | null {
  while (e.type === 'Paren') e = e.expr;
  let underPkgs = false;
  if (e.type === 'With') {
    if (!isPkgs(e.env, chain)) return null;
    underPkgs = true;
    e = e.body;
    while (e.type === 'Paren') e = e.expr;
  }
  if (e.type !== 'List') return null;
  const out: string[] = [];
  for (const el of e.elements) {
    const ref = packageRef(el, chain, underPkgs);
    if (!ref) return null;
    out.push(ref.join('.'));
  }
  return out;
}

/**
 * What a value means, as a string that is equal for equal meanings: decoded strings, numbers,
 * booleans, lists, `pkgs.<attr>` (however it is reached), `config.<path>`, `{ }`. Anything
 * else is unique to its place in the source, so it never equals what the generator writes.
 */
export function canon(e: Expr, chain: Chain, underPkgs = false): string {
  while (e.type === 'Paren') e = e.expr;
  switch (e.type) {
    case 'String': {
      const s = stringLiteralValue(e);
      return s === null ? `x:${e.start}` : `s:${JSON.stringify(s)}`;
    }
    case 'Int':
      return `i:${e.raw.replace(/^0+(?=\d)/, '')}`;
    case 'Ident':
      if ((e.name === 'true' || e.name === 'false' || e.name === 'null') && !lookup(chain, e.name)) return e.name;
      break;
    case 'List':
      return `[${e.elements.map((x) => canon(x, chain, underPkgs)).join(',')}]`;
    case 'Attrs':
      if (e.bindings.length === 0 && !e.rec) return '{}';
      break;
    case 'Path':
      if (e.parts.every((p) => p.type === 'Text')) return `path:${e.parts.map((p) => (p.type === 'Text' ? p.value : '')).join('')}`;
      break;
    case 'With':
      if (isPkgs(e.env, chain)) return canon(e.body, chain, true);
      break;
    case 'Select':
      if (!e.default && e.expr.type === 'Ident' && e.expr.name === 'config' && isArgument(chain, 'config') && e.attrpath.every((a) => a.name !== null))
        return `c:${e.attrpath.map((a) => a.name).join('.')}`;
      break;
  }
  const ref = packageRef(e, chain, underPkgs);
  return ref ? `p:${ref.join('.')}` : `x:${e.start}`;
}
