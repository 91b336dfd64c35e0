import type { AttrBinding, Binding, Expr } from '../../nix/syntax/ast';
import { freeIdentifierUses, freeIdentifiers } from '../../nix/syntax/free-vars';
import { ARGUMENT_SET } from '../generate';
import type { Leaf } from './leaves';
import { wrapperCall, type ConfigExpression, type ConfigNode } from './locate';
import { STANDARD_ARGUMENTS, isNixGlobal, lookup, type Chain, type Scope } from './scope';
import type { SourceText } from './source';

/** Something the form does not hold, kept as Nix in the specialisation's extra Nix. */
export interface KeptItem {
  /** Option path (`programs.steam.enable`) or what it is (`imports`). */
  label: string;
  line: number;
  why?: string;
}

export interface Kept {
  text: string;
  items: KeptItem[];
  notes: string[];
  /** Names the kept text refers to that the generated module cannot provide (an `@` argument …). */
  unresolved: string[];
}


/** What a piece of kept text needs from around it: `let` bindings and `with`s to carry along. */
interface Needs {
  lets: Map<Scope, Set<Binding>>;
  withs: Set<Scope>;
  /** Parameters of helpers the importer applied (`mk ./a.nix`): `let module = ./a.nix; in`. */
  args: Set<Scope>;
  /** Module arguments used only under `with`, which must be named outside it to stay arguments. */
  argumentsUnderWith: Set<string>;
  parentConfig: boolean;
  unresolved: Set<string>;
  /** The module's `@` name, when the text uses it. */
  argumentSet: string | null;
}

/**
 * What a NixOS module's argument set holds whether or not the header names it (lib/modules.nix:
 * `{ inherit lib options config specialArgs; } // specialArgs`, modulesPath being a special
 * argument); other arguments (`pkgs`) are in it only when the header names them.
 */
const ALWAYS_IN_ARGUMENT_SET: ReadonlySet<string> = new Set(['config', 'options', 'lib', 'specialArgs', 'modulesPath']);

function analyse(input: Expr | readonly Binding[], chain: Chain): Needs {
  const needs: Needs = { lets: new Map(), withs: new Set(), args: new Set(), argumentsUnderWith: new Set(), parentConfig: false, unresolved: new Set(), argumentSet: null };
  const { outside, underWith } = freeIdentifierUses(input);
  const queue: [string, number][] = [...outside, ...underWith].map((n) => [n, chain.length]);
  const seen = new Set<string>();
  const enqueue = (e: Expr | Binding, from: number) => {
    for (const n of freeOf(e)) queue.push([n, from]);
  };
  while (queue.length) {
    const [name, from] = queue.pop()!;
    const key = `${name}@${from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hit = lookup(chain, name, from);
    if (!hit) {
      if (isNixGlobal(name)) continue;
      for (let i = 0; i < from; i++) {
        const s = chain[i];
        if (s.kind === 'with' && !needs.withs.has(s)) {
          needs.withs.add(s);
          enqueue(s.node.env, i);
        }
      }
      continue;
    }
    const s = hit.scope;
    if (s.kind === 'lambda') {
      if (s.role === 'module' && s.node.param?.name === name) {
        // The module's `@` name: the generated module binds its argument set as `args` (see
        // generate). The set holds the arguments the header names, so the kept text names them too.
        needs.argumentSet = name;
        const selected = from === chain.length ? selectedOf(input, name) : null;
        for (const f of s.node.formals?.entries ?? []) {
          if (f.default || ALWAYS_IN_ARGUMENT_SET.has(f.name) || (selected !== null && !selected.has(f.name))) continue;
          // Named already where it means the argument (`let inherit pkgs; in …` read back).
          if (outside.has(f.name) && lookup(chain, f.name)?.scope === s) continue;
          needs.argumentsUnderWith.add(f.name);
        }
      } else if (s.special.has(name) || s.role === 'other') needs.unresolved.add(name);
      else if (s.role === 'module' && name === 'config') needs.parentConfig = true;
      if (from === chain.length && underWith.has(name) && !STANDARD_ARGUMENTS.has(name)) needs.argumentsUnderWith.add(name);
    } else if (s.kind === 'let') {
      let set = needs.lets.get(s);
      if (!set) needs.lets.set(s, (set = new Set()));
      for (const b of s.bindings) {
        if (set.has(b) || !defines(b, name)) continue;
        set.add(b);
        if (b.type === 'Inherit') {
          if (b.from) enqueue(b.from, hit.index + 1);
          else for (const n of b.names) if (n.name !== null) queue.push([n.name, hit.index]);
        } else enqueue(b, hit.index + 1);
      }
    } else if (s.kind === 'arg') {
      // The argument means the same in the scopes before the parameter's (see follow.ts).
      if (!needs.args.has(s)) {
        needs.args.add(s);
        enqueue(s.arg, hit.index);
      }
    } else needs.unresolved.add(name);
  }
  return needs;
}

/**
 * The attributes `name` is used for in `input` (`args.lib` → lib), or null when it is used as a
 * whole anywhere (`import ./x.nix args`), which may need any of them.
 */
function selectedOf(input: unknown, name: string): Set<string> | null {
  const out = new Set<string>();
  let whole = false;
  const visit = (node: unknown): void => {
    if (whole) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Expr;
    if (n.type === 'Select' && n.expr.type === 'Ident' && n.expr.name === name && n.attrpath[0].name !== null) {
      out.add(n.attrpath[0].name);
      visit(n.attrpath);
      if (n.default) visit(n.default);
      return;
    }
    if (n.type === 'Ident' && n.name === name) whole = true;
    else for (const v of Object.values(node)) if (typeof v === 'object') visit(v);
  };
  visit(input);
  return whole ? null : out;
}

const freeMemo = new WeakMap<object, Set<string>>();
/** Free names of an expression or one binding, remembered: every kept piece that needs a `let` asks again. */
function freeOf(e: Expr | Binding): Set<string> {
  let free = freeMemo.get(e);
  if (!free) freeMemo.set(e, (free = freeIdentifiers(e.type === 'AttrBinding' || e.type === 'Inherit' ? [e] : e)));
  return free;
}

const defines = (b: Binding, name: string) =>
  b.type === 'Inherit' ? b.names.some((n) => n.name === name) : b.path[0].name === name;

/**
 * Wraps a value in the `let`s and `with`s it needs, outermost first, so that it means in the
 * generated module what it meant where it was written.
 */
function wrapValue(value: string, needs: Needs, chain: Chain, src: SourceText, indent = ''): string {
  const inner = `${indent}  `;
  const letIn = (lines: string[]) => `let\n${lines.map((l) => inner + l).join('\n')}\n${indent}in `;
  const named: string[] = [];
  if (needs.argumentSet !== null && needs.argumentSet !== ARGUMENT_SET) named.push(`${needs.argumentSet} = ${ARGUMENT_SET};`);
  if (needs.argumentsUnderWith.size) named.push(`inherit ${[...needs.argumentsUnderWith].sort().join(' ')};`);
  let head = named.length ? letIn(named) : '';
  for (const s of chain) {
    if (s.kind === 'with' && needs.withs.has(s)) head += `with ${src.slice(s.node.env.start, s.node.env.end, indent)}; `;
    if (s.kind === 'arg' && needs.args.has(s)) head += `let ${s.name} = ${src.slice(s.arg.start, s.arg.end, inner)}; in `;
    const bindings = s.kind === 'let' ? needs.lets.get(s) : undefined;
    if (s.kind === 'let' && bindings?.size) head += letIn(s.bindings.filter((b) => bindings.has(b)).map((b) => src.slice(b.start, b.end, inner)));
  }
  return head + value;
}

const needsWrapping = (n: Needs) =>
  (n.argumentSet !== null && n.argumentSet !== ARGUMENT_SET) ||
  n.lets.size > 0 || n.withs.size > 0 || n.args.size > 0 || n.argumentsUnderWith.size > 0;

/** The extra Nix of a specialisation: every binding under `nodes` that holds no consumed leaf, as written. */
export function keptText(
  nodes: readonly ConfigNode[],
  leavesOf: (node: ConfigNode) => readonly Leaf[],
  consumed: ReadonlySet<Leaf>,
  src: SourceText,
  why: (node: ConfigNode) => string | undefined,
  expressions: readonly ConfigExpression[] = [],
): Kept {
  const out: Kept = { text: '', items: [], notes: [], unresolved: [] };
  const pieces: string[] = [];
  let parentConfig = false;
  const raw = (node: ConfigNode): boolean =>
    node.children ? node.children.every(raw) : leavesOf(node).every((l) => !consumed.has(l));

  const emit = (list: readonly ConfigNode[], prefix: string[]) => {
    for (const node of list) {
      const b = node.binding;
      if (raw(node)) {
        const { text, label, needs } = piece(node, prefix, src);
        parentConfig ||= needs.parentConfig;
        needs.unresolved.forEach((n) => out.unresolved.includes(n) || out.unresolved.push(n));
        const lead = src
          .commentsBetween(node.after, b.start)
          .filter((c) => node.after === 0 || src.line(c.start) > src.line(node.after))
          .map((c) => src.slice(c.start, c.end));
        const trail = src.trailingComment(b.end);
        pieces.push([...lead, text + (trail ? ` ${src.slice(trail.start, trail.end)}` : '')].join('\n'));
        out.items.push({ label, line: src.line(b.start), why: why(node) });
      } else if (node.children && b.type === 'AttrBinding') emit(node.children, [...prefix, ...relTexts(node, src)]);
    }
  };
  emit(nodes, []);

  for (const x of expressions) {
    const needs = analyse(x.expr, x.chain);
    parentConfig ||= needs.parentConfig;
    needs.unresolved.forEach((n) => out.unresolved.includes(n) || out.unresolved.push(n));
    const call = wrapperCall(x.expr);
    const body = src.slice(x.expr.start, x.expr.end, '  ');
    const module = call && /^mk[A-Z]/.test(call.name) ? `{ config = ${body}; }` : `(${body})`;
    // A list element cannot be a `let` or `with` without parentheses.
    pieces.push(`imports = [\n  ${needsWrapping(needs) ? `(${wrapValue(module, needs, x.chain, src, '  ')})` : module}\n];`);
    out.items.push({ label: 'configuration', line: src.line(x.expr.start), why: 'the whole configuration, kept as one module' });
  }
  if (parentConfig)
    out.notes.push(
      'Kept Nix uses `config`, which meant the parent system\'s configuration there; in the generated module it is the specialisation\'s own (the same unless the specialisation changes those options).',
    );
  out.text = pieces.join('\n');
  return out;
}

function relTexts(node: ConfigNode, src: SourceText): string[] {
  const b = node.binding as AttrBinding;
  return b.path.slice(node.relStart).map((p) => src.text.slice(p.start, p.end));
}

function piece(node: ConfigNode, prefix: string[], src: SourceText): { text: string; label: string; needs: Needs } {
  const b = node.binding;
  const needs = analyse([b], node.chain);
  if (b.type === 'Inherit') {
    const label = [...prefix, b.names.map((n) => src.text.slice(n.start, n.end)).join(' ')].join('.');
    let text = src.slice(b.start, b.end);
    if (needsWrapping(needs))
      text = b.from
        ? `inherit (${wrapValue(src.slice(b.from.start, b.from.end), needs, node.chain, src)}) ${b.names.map((n) => src.text.slice(n.start, n.end)).join(' ')};`
        : b.names.map((n) => `${src.text.slice(n.start, n.end)} = ${wrapValue(src.text.slice(n.start, n.end), needs, node.chain, src)};`).join('\n');
    return { text: prefix.length ? `${prefix.join('.')} = {\n  ${text}\n};` : text, label, needs };
  }
  const rel = relTexts(node, src);
  const label = [...prefix, ...rel].join('.');
  const whole = node.relStart === 0;
  const lead = prefix.length ? `${prefix.join('.')}.` : '';
  const valueNeeds = analyse(b.value, node.chain);
  // A computed name that needs a `let` or `with` cannot be wrapped with the value: it gets its own.
  const names = b.path.slice(node.relStart).map((p, i) => {
    if (p.type === 'AttrIdent' || p.name !== null) return rel[i];
    const e = p.type === 'AttrInterp' ? p.expr : p.string;
    const own = analyse(e, node.chain);
    return needsWrapping(own) ? `\${${wrapValue(src.slice(e.start, e.end, '  '), own, node.chain, src)}}` : rel[i];
  });
  const renamed = names.some((n, i) => n !== rel[i]);
  if (!needsWrapping(valueNeeds) && !renamed) {
    const text = whole ? lead + src.slice(b.start, b.end) : `${label} = ${src.slice(b.value.start, b.value.end)};`;
    return { text, label, needs };
  }
  const value = needsWrapping(valueNeeds) ? wrapValue(src.slice(b.value.start, b.value.end), valueNeeds, node.chain, src) : src.slice(b.value.start, b.value.end);
  return { text: `${[...prefix, ...names].join('.')} = ${value};`, label, needs };
}

/**
 * Text of the input kept as one expression where it was written (a specialisation's condition, a
 * Nix entry): `text` (default: `e` as written) with the `let`s and `with`s that `e` needs from
 * around it, so that it means the same at the top of the generated module.
 */
export function keptExpression(
  e: Expr | readonly Binding[],
  chain: Chain,
  src: SourceText,
  text?: string,
): { text: string; unresolved: string[]; parentConfig: boolean } {
  const needs = analyse(e, chain);
  const own = text ?? (Array.isArray(e) ? '' : src.slice((e as Expr).start, (e as Expr).end));
  return { text: needsWrapping(needs) ? wrapValue(own, needs, chain, src) : own, unresolved: [...needs.unresolved], parentConfig: needs.parentConfig };
}
