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
  | { type: 'lambda'; formals: string[]; ellipsis: boolean; body: Expr }
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
export const lambda = (formals: string[], body: Expr): Expr => ({ type: 'lambda', formals, ellipsis: true, body });
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

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.length < path.length && prefix.every((p, i) => path[i] === p);

/**
 * Moves bindings under an attribute set written elsewhere in the same set into it
 * (`a.b.c = 1;` beside `a = { b = { … }; };`), and joins sets written twice. Nix refuses
 * both spellings side by side ("attribute already defined"); merged, they mean the same.
 */
export function mergeOverlapping(bindings: Binding[]): Binding[] {
  const out: Binding[] = [];
  for (const b of bindings) {
    if (b.type !== 'attr') {
      out.push(b);
      continue;
    }
    const host = out.find(
      (o): o is Extract<Binding, { type: 'attr' }> =>
        o.type === 'attr' && o.value.type === 'attrs' && o.value.bindings.length > 0 && (startsWith(b.path, o.path) || (b.value.type === 'attrs' && sameParts(o.path, b.path))),
    );
    if (!host || host.value.type !== 'attrs') {
      out.push(b);
      continue;
    }
    const inner = sameParts(host.path, b.path) && b.value.type === 'attrs' ? b.value.bindings : [{ ...b, path: b.path.slice(host.path.length) }];
    host.value = { type: 'attrs', bindings: mergeOverlapping([...host.value.bindings, ...inner]) };
  }
  // A group written after dotted bindings under it takes them in as well.
  for (let i = out.length - 1; i >= 0; i--) {
    const g = out[i];
    if (g.type !== 'attr' || g.value.type !== 'attrs' || g.value.bindings.length === 0) continue;
    const under = out.filter((o, j) => j < i && o.type === 'attr' && startsWith(o.path, g.path)) as Extract<Binding, { type: 'attr' }>[];
    if (!under.length) continue;
    g.value = { type: 'attrs', bindings: mergeOverlapping([...under.map((o) => ({ ...o, path: o.path.slice(g.path.length) })), ...g.value.bindings]) };
    for (const o of under) out.splice(out.indexOf(o), 1);
    i = out.indexOf(g);
  }
  return out;
}

function sameParts(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}
