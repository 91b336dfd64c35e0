import { select, v, type Expr } from '../nix/ast';
import { isPlainIdentifier } from '../nix/strings';
import { isNixGlobal } from '../nix/syntax/globals';
import { STANDARD_ARGUMENTS } from './import/scope';

/**
 * The first name of a package path when it can be written bare under `with pkgs;`, else null.
 * A lexical binding always wins over `with`: Nix's own globals (`fetchTree`, `derivationStrict`),
 * the module's arguments (`lib`, and whatever extra Nix takes, `{ pkgs, agenix, ... }`) and a
 * configuration's own `config` would be read instead of the package.
 */
export function bareHead(path: string): string | null {
  const head = path.split('.', 1)[0];
  if (!isPlainIdentifier(head) || isNixGlobal(head) || STANDARD_ARGUMENTS.has(head)) return null;
  return head;
}

/**
 * A package attribute path as an element of `with pkgs; [ … ]`: bare where `with` finds it,
 * `pkgs.<path>` where a name in `bound` (the module's other arguments) or Nix would shadow it.
 */
export function packageExpr(path: string, bound: ReadonlySet<string> = new Set()): Expr {
  const parts = path.split('.');
  const head = bareHead(path);
  if (head === null || bound.has(head)) return select(v('pkgs'), parts);
  return parts.length > 1 ? select(v(head), parts.slice(1)) : v(head);
}
