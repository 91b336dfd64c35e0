import { select, v, type Expr } from './ast';
import { isPlainIdentifier } from './strings';

/**
 * Names that `with pkgs;` cannot reach: a lexical binding (the module's arguments, Nix's
 * built-in globals) always wins over `with`, so `with pkgs; [ fetchurl ]` would be builtins.fetchurl.
 */
const SHADOWED = new Set([
  'config', 'options', 'lib', 'pkgs', 'modulesPath', 'builtins', 'true', 'false', 'null', 'import', 'abort',
  'throw', 'map', 'toString', 'isNull', 'baseNameOf', 'dirOf', 'derivation', 'removeAttrs', 'placeholder',
  'fetchTarball', 'fetchGit', 'fetchurl', 'fetchMercurial', 'scopedImport', 'fromTOML',
]);

/** A package attribute path as an element of `with pkgs; [ … ]`. */
export function packageExpr(path: string): Expr {
  const parts = path.split('.');
  const [head, ...rest] = parts;
  if (SHADOWED.has(head) || head.startsWith('__') || !isPlainIdentifier(head)) return select(v('pkgs'), parts);
  return rest.length ? select(v(head), rest) : v(head);
}
