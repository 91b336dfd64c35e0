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
  | { type: 'raw'; text: string; sources?: string[] };

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
