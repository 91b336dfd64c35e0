/**
 * Names Nix binds in its base environment, around every file: lexical, so an enclosing `with`
 * never reaches them (`with pkgs; [ fetchTree ]` is builtins.fetchTree, not a package).
 *
 * Nix 2.8 (Debian's nix-bin), checked by evaluating each name of `builtins` bare:
 * abort baseNameOf builtins derivation derivationStrict dirOf false fetchGit fetchMercurial
 * fetchTarball fetchTree fromTOML import isNull map null placeholder removeAttrs scopedImport throw
 * toString true. Later and earlier Nix releases add `break` (the debugger) and `fetchurl`, and
 * `fetchClosure`/`getFlake` are experimental ones; they are here too, as writing `pkgs.<name>`
 * for a name that turns out not to be global costs nothing. Every `__name` is global as well.
 */
const NIX_GLOBALS: ReadonlySet<string> = new Set([
  'abort', 'baseNameOf', 'break', 'builtins', 'derivation', 'derivationStrict', 'dirOf', 'false', 'fetchClosure',
  'fetchGit', 'fetchMercurial', 'fetchTarball', 'fetchTree', 'fetchurl', 'fromTOML', 'getFlake', 'import', 'isNull',
  'map', 'null', 'placeholder', 'removeAttrs', 'scopedImport', 'throw', 'toString', 'true',
]);

/** True for a name Nix binds around every expression (see NIX_GLOBALS). */
export function isNixGlobal(name: string): boolean {
  return NIX_GLOBALS.has(name) || name.startsWith('__');
}
