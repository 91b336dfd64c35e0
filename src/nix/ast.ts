import type { SourceMap } from './printer';

/**
 * The Nix syntax tree the generator builds and the printer lays out. The importer maps
 * parsed Nix into the same shapes, so both directions meet here.
 */
export type Expr =
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'null' }
  | { type: 'var'; name: string }
  | { type: 'select'; from: Expr; path: string[] }
  | { type: 'list'; items: Expr[] }
  | { type: 'attrs'; bindings: Binding[] }
  | { type: 'with'; scope: Expr; body: Expr }
  | { type: 'apply'; fn: Expr; arg: Expr }
  /** `{ formals, ... }@param: body` — `param` only when given. */
  | { type: 'lambda'; formals: string[]; ellipsis: boolean; body: Expr; param?: string }
  /** Verbatim Nix expression text, printed as it is. */
  | { type: 'raw'; text: string };

export type Binding =
  | { type: 'attr'; path: string[]; value: Expr; sources?: string[]; comment?: string }
  /** Verbatim Nix bindings (a specialisation's extraConfig), kept exactly as written. */
  | { type: 'raw'; text: string; sources?: string[] }
  /** Bindings printed before (cached by the generator): lines already indented, and their source map. */
  | { type: 'printed'; text: string; lineCount: number; sourceMap: SourceMap };

export const str = (value: string): Expr => ({ type: 'string', value });
export const int = (value: number): Expr => ({ type: 'int', value });
export const bool = (value: boolean): Expr => ({ type: 'bool', value });
export const v = (name: string): Expr => ({ type: 'var', name });
export const select = (from: Expr, path: string[]): Expr => ({ type: 'select', from, path });
export const list = (items: Expr[]): Expr => ({ type: 'list', items });
export const attrs = (bindings: Binding[]): Expr => ({ type: 'attrs', bindings });
export const apply = (fn: Expr, arg: Expr): Expr => ({ type: 'apply', fn, arg });
export const lambda = (formals: string[], body: Expr, param?: string): Expr =>
  param === undefined ? { type: 'lambda', formals, ellipsis: true, body } : { type: 'lambda', formals, ellipsis: true, body, param };
export const withScope = (scope: Expr, body: Expr): Expr => ({ type: 'with', scope, body });

const splitPaths = new Map<string, string[]>();
function splitPath(path: string): string[] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = path.split('.');
    if (splitPaths.size > 10_000) splitPaths.clear();
    splitPaths.set(path, parts);
  }
  return parts;
}

/** `a.b.c = value;` — the path is given dotted, as in NixOS option names. Paths are shared: never mutate them. */
export function set(path: string | string[], value: Expr, sources?: string[], comment?: string): Binding {
  const binding: Extract<Binding, { type: 'attr' }> = {
    type: 'attr',
    path: typeof path === 'string' ? splitPath(path) : path,
    value,
  };
  if (sources) binding.sources = sources;
  if (comment) binding.comment = comment;
  return binding;
}

type Attr = Extract<Binding, { type: 'attr' }>;

/** A set with bindings in it: what other bindings can move into. */
const isSet = (b: Binding): b is Attr => b.type === 'attr' && b.value.type === 'attrs' && b.value.bindings.length > 0;

interface PathNode {
  at: number;
  next: Map<string, PathNode> | null;
}

/** Attribute paths to the index of a binding, looked up part by part (no scan of the other bindings). */
class PathIndex {
  private readonly root = new Map<string, PathNode>();

  /** Records `at` for `path`, unless an index is recorded there already. */
  add(path: readonly string[], at: number): void {
    let level = this.root;
    for (let k = 0; ; k++) {
      let node = level.get(path[k]);
      if (!node) level.set(path[k], (node = { at: -1, next: null }));
      if (k === path.length - 1) {
        if (node.at < 0) node.at = at;
        return;
      }
      level = node.next ??= new Map();
    }
  }

  /** Of the indexes recorded at the paths that `path` starts with (and at `path` itself when `self`), the one `pick` picks; -1 if none. */
  find(path: readonly string[], self: boolean, pick: (a: number, b: number) => number): number {
    let best = -1;
    let level: Map<string, PathNode> | null = this.root;
    const end = self ? path.length : path.length - 1;
    for (let k = 0; k < end && level; k++) {
      const node = level.get(path[k]);
      if (!node) break;
      if (node.at >= 0) best = best < 0 ? node.at : pick(best, node.at);
      level = node.next;
    }
    return best;
  }
}

function push<K, T>(map: Map<K, T[]>, key: K, items: readonly T[]) {
  const list = map.get(key);
  if (list) list.push(...items);
  else map.set(key, [...items]);
}

/**
 * Moves bindings under an attribute set written elsewhere in the same set into it
 * (`a.b.c = 1;` beside `a = { b = { … }; };`), and joins sets written twice. Nix refuses
 * both spellings side by side ("attribute already defined"); merged, they mean the same.
 * Linear in the bindings (times their path lengths): a specialisation of 20,000 users is 20,000
 * bindings here, so nothing may look through the others for each one.
 */
export function mergeOverlapping(bindings: Binding[]): Binding[] {
  const out: Binding[] = [];
  // A binding goes into the first set before it whose path starts its own (or is its own, when it is a set too).
  const sets = new PathIndex();
  /** By index in `out`: bindings that go into that set. */
  const into = new Map<number, Binding[]>();
  for (const b of bindings) {
    if (b.type !== 'attr') {
      out.push(b);
      continue;
    }
    const at = sets.find(b.path, b.value.type === 'attrs', Math.min);
    if (at < 0) {
      if (isSet(b)) sets.add(b.path, out.length);
      out.push(b);
      continue;
    }
    const host = out[at] as Attr;
    push(into, at, host.path.length === b.path.length && b.value.type === 'attrs' ? b.value.bindings : [{ ...b, path: b.path.slice(host.path.length) }]);
  }
  // A set written after dotted bindings under it takes them in as well: each goes into the last such set after it.
  const later = new PathIndex();
  const takenBy = new Array<number>(out.length).fill(-1);
  for (let i = out.length - 1; i >= 0; i--) {
    const o = out[i];
    if (o.type !== 'attr') continue;
    takenBy[i] = later.find(o.path, false, Math.max);
    if (isSet(o)) later.add(o.path, i);
  }
  const taken = new Map<number, Attr[]>();
  takenBy.forEach((host, i) => {
    if (host >= 0) push(taken, host, [out[i] as Attr]);
  });
  const merge = (i: number, before: Binding[]) => {
    const host = out[i] as Attr;
    const own = (host.value as Extract<Expr, { type: 'attrs' }>).bindings;
    host.value = { type: 'attrs', bindings: mergeOverlapping([...before, ...own, ...(into.get(i) ?? [])]) };
  };
  // A set that takes others in is taken by none (the last set over it would have taken those too): the
  // sets it takes are complete before it copies them.
  for (const i of into.keys()) if (!taken.has(i)) merge(i, []);
  for (const [i, under] of taken) merge(i, under.map((o) => ({ ...o, path: o.path.slice((out[i] as Attr).path.length) })));
  return out.filter((_, i) => takenBy[i] < 0);
}
