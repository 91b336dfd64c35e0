import type { Expr } from '../../nix/syntax/ast';
import { stringLiteralValue } from '../../nix/syntax/ast';
import { freeIdentifiers } from '../../nix/syntax/free-vars';
import { lexToBuffer } from '../../nix/syntax/lexer';
import { lambdaScope, letScope, hasWith, isArgument, isNixGlobal, isPkgs, lookup, STANDARD_ARGUMENTS, withsArePkgs, type Chain, type Scope } from './scope';
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
  /**
   * The value under every wrapper the importer can write back (`lib.mkForce`, `lib.mkDefault`,
   * `lib.mkOverride N`, `lib.mkIf cond` with a self-contained condition), with what they say; null
   * when a wrapper is something else (`mkMerge`, `mkBefore`, a condition using a `let` name …).
   */
  core: Expr | null;
  coreCanon: string;
  priority: 'normal' | 'default' | 'force' | 'override';
  overridePriority: number | null;
  /** The condition of `lib.mkIf` (source text), when there is one. */
  condition: string | null;
  /** The source text of `core` without enclosing parentheses (when the text was given). */
  source: string | null;
  /** The comment lines right above the definition, without `#` (when the text was given). */
  comment: string | null;
  /** A comment follows the definition on its line (`x = 1; # why`), when the text was given. */
  trailingComment: boolean;
}

export const pathKey = (path: readonly string[]): string => path.join('\u0001');

const PRIORITY_WRAPPERS = new Set([
  'mkForce', 'mkDefault', 'mkOverride', 'mkIf', 'mkMerge', 'mkBefore', 'mkAfter', 'mkOrder', 'mkVMOverride',
  'mkImageMediaOverride', 'mkOptionDefault', 'mkFixStrictness',
]);

/** Every leaf under `nodes`, in source order. */
export function leavesOf(nodes: readonly ConfigNode[], out: Leaf[] = [], text?: string): Leaf[] {
  for (const node of nodes) {
    if (node.children) {
      leavesOf(node.children, out, text);
      continue;
    }
    const b = node.binding;
    if (b.type === 'Inherit') {
      for (const n of b.names) {
        const path = [...staticPrefix(node.path), ...(n.name === null ? [] : [n.name])];
        const canon = `x:${b.start}`;
        out.push({
          node, path, key: pathKey(path), dynamic: n.name === null, value: null, wrapper: null, inner: null, canon, innerCanon: canon,
          core: null, coreCanon: canon, priority: 'normal', overridePriority: null, condition: null, source: null, comment: null,
          trailingComment: false,
        });
      }
      continue;
    }
    const path = staticPrefix(node.path);
    const call = wrapperCall(b.value);
    const wrapper = call && PRIORITY_WRAPPERS.has(call.name) ? call.name : null;
    const forced = wrapper === 'mkForce' && call!.args.length === 1 && isLib(b.value, node.chain);
    const written = wrapper === null ? b.value : forced ? call!.args[0] : null;
    const inner = written && withArguments(written, node.chain);
    const innerCanon = inner ? canon(inner, node.chain, false, text) : `w:${b.start}`;
    const w = unwrap(b.value, node.chain, text);
    out.push({
      node,
      path,
      key: pathKey(path),
      dynamic: path.length < node.path.length,
      value: b.value,
      wrapper,
      inner,
      canon: w.canon ?? (forced ? `force:${innerCanon}` : innerCanon),
      innerCanon,
      core: w.core,
      coreCanon: w.core ? canon(w.core, node.chain, false, text) : `w:${b.start}`,
      priority: w.priority,
      overridePriority: w.overridePriority,
      condition: w.condition,
      source: w.core && text !== undefined ? text.slice(unparenExpr(w.core).start, unparenExpr(w.core).end) : null,
      comment: text === undefined ? null : commentAbove(text, b.start),
      trailingComment: text !== undefined && /^[ \t]*(#|\/\*)/.test(text.slice(b.end, b.end + 200)),
    });
  }
  return out;
}

/** The `#` comment lines right above the line at `offset`, trimmed, or null. */
function commentAbove(text: string, offset: number): string | null {
  const out: string[] = [];
  // End of the line above (the newline before the definition's line), walking up line by line.
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const t = text.slice(start, end).trim();
    if (!t.startsWith('#')) break;
    out.unshift(t.replace(/^#\s?/, ''));
    end = start - 1;
  }
  return out.length ? out.join('\n') : null;
}

interface Unwrapped {
  core: Expr | null;
  priority: Leaf['priority'];
  overridePriority: number | null;
  condition: string | null;
  /** The canon of the whole value; null when the value has no wrapper. */
  canon: string | null;
}

/**
 * Reads the wrappers the generator writes for a setting row, outside in: `lib.mkIf (cond)`, then
 * one of `lib.mkForce`, `lib.mkDefault`, `lib.mkOverride N`. The canon composes them
 * (`if:<cond>:force:<value>`), so a wrapped definition equals the generator's when both say the same.
 */
function unwrap(value: Expr, chain: Chain, text: string | undefined): Unwrapped {
  const out: Unwrapped = { core: null, priority: 'normal', overridePriority: null, condition: null, canon: null };
  let e = value;
  let prefix = '';
  for (let depth = 0; ; depth++) {
    const call = wrapperCall(e);
    if (!call || !PRIORITY_WRAPPERS.has(call.name)) break;
    if (!isLib(e, chain) || depth > 1) return out;
    const { name, args } = call;
    if (name === 'mkIf' && args.length === 2 && depth === 0 && text !== undefined && selfContained(args[0], chain)) {
      const c = unparenExpr(args[0]);
      out.condition = text.slice(c.start, c.end);
      prefix += `if:${tokenText(out.condition)}:`;
      e = args[1];
      continue;
    }
    if (out.priority !== 'normal') return out;
    if ((name === 'mkForce' || name === 'mkDefault') && args.length === 1) {
      out.priority = name === 'mkForce' ? 'force' : 'default';
      prefix += name === 'mkForce' ? 'force:' : 'default:';
      e = args[0];
      continue;
    }
    const n = args.length === 2 ? unparenExpr(args[0]) : null;
    if (name === 'mkOverride' && n && n.type === 'Int' && Number.isSafeInteger(n.value)) {
      out.priority = 'override';
      out.overridePriority = n.value;
      prefix += `override:${n.value}:`;
      e = args[1];
      continue;
    }
    return out;
  }
  out.core = withArguments(e, chain);
  if (prefix !== '') out.canon = prefix + canon(out.core, chain, false, text);
  return out;
}

const unparenExpr = (e: Expr): Expr => (e.type === 'Paren' ? unparenExpr(e.expr) : e);

/** Tokens of a piece of Nix, without layout or comments: equal for the same expression however it is laid out. */
export function tokenText(source: string): string {
  const buf = lexToBuffer(source, false);
  const out: string[] = [];
  for (let i = 0; i < buf.kinds.length; i++) out.push(`${buf.kinds[i]}${buf.values[i] === undefined ? '' : JSON.stringify(buf.values[i])}`);
  return out.join(' ');
}

/**
 * An expression that means the same wherever it is written in a module: its free names are only
 * module arguments (`config`, `lib`, `pkgs` …, not a special argument) or Nix's globals, and no
 * `let`, `with` or function around it binds or may provide one.
 */
export function selfContained(e: Expr, chain: Chain): boolean {
  const names = freeIdentifiers(e);
  if (names.size === 0) return true;
  if (hasWith(chain) || chain.some((s) => s.kind === 'arg')) return false;
  for (const name of names) {
    const found = lookup(chain, name);
    if (!found) {
      if (!isNixGlobal(name) && !STANDARD_ARGUMENTS.has(name)) return false;
      continue;
    }
    if (!STANDARD_ARGUMENTS.has(name) || isArgument(chain, name) === false) return false;
  }
  return true;
}

/**
 * Self-contained, or using arguments of the module function besides NixOS's own (`inputs`): the
 * generated module's header asks for them again, so the text means the same there (an import
 * `inputs.hw.nixosModules.x`). Not under a `with` or a helper's argument.
 */
export function moduleSelfContained(e: Expr, chain: Chain): boolean {
  if (selfContained(e, chain)) return true;
  if (hasWith(chain) || chain.some((s) => s.kind === 'arg')) return false;
  for (const name of freeIdentifiers(e)) {
    const found = lookup(chain, name);
    if (!found) {
      if (isNixGlobal(name)) continue;
      return false;
    }
    const s = found.scope;
    if (s.kind === 'lambda' && s.role === 'module' && !s.special.has(name)) continue;
    if (STANDARD_ARGUMENTS.has(name) && isArgument(chain, name) !== false) continue;
    return false;
  }
  return true;
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
  while (fn.type === 'Paren' || fn.type === 'Apply') fn = fn.type === 'Paren' ? fn.expr : fn.fn;
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
export function canon(e: Expr, chain: Chain, underPkgs = false, text?: string): string {
  while (e.type === 'Paren') e = e.expr;
  const known = literalCanon(e, chain, underPkgs);
  if (known !== null) return known;
  // A self-contained expression (`lib.mkIf`'s value, a setting row of type nix) is its tokens.
  if (text !== undefined && !underPkgs && (selfContained(e, chain) || moduleSelfContained(e, chain))) return `e:${tokenText(text.slice(e.start, e.end))}`;
  return `x:${e.start}`;
}

function literalCanon(e: Expr, chain: Chain, underPkgs: boolean): string | null {
  switch (e.type) {
    case 'String': {
      const s = stringLiteralValue(e);
      return s === null ? null : `s:${JSON.stringify(s)}`;
    }
    case 'Int':
      return `i:${e.raw.replace(/^0+(?=\d)/, '')}`;
    case 'Unary':
      if (e.op === '-' && unparenExpr(e.operand).type === 'Int') return `i:-${(unparenExpr(e.operand) as Extract<Expr, { type: 'Int' }>).raw.replace(/^0+(?=\d)/, '')}`;
      break;
    case 'Ident':
      if ((e.name === 'true' || e.name === 'false' || e.name === 'null') && !lookup(chain, e.name)) return e.name;
      break;
    case 'List': {
      const items = e.elements.map((x) => literalCanon(unparenExpr(x), chain, underPkgs));
      return items.every((x) => x !== null) ? `[${items.join(',')}]` : null;
    }
    case 'Attrs':
      if (e.bindings.length === 0 && !e.rec) return '{}';
      break;
    case 'Path':
      if (e.parts.every((p) => p.type === 'Text')) return `path:${e.parts.map((p) => (p.type === 'Text' ? p.value : '')).join('')}`;
      break;
    case 'With':
      if (isPkgs(e.env, chain)) return literalCanon(unparenExpr(e.body), chain, true);
      break;
    case 'Select':
      if (!e.default && e.expr.type === 'Ident' && e.expr.name === 'config' && isArgument(chain, 'config') && e.attrpath.every((a) => a.name !== null))
        return `c:${e.attrpath.map((a) => a.name).join('.')}`;
      break;
  }
  const ref = packageRef(e, chain, underPkgs);
  return ref ? `p:${ref.join('.')}` : null;
}
