import type { Diagnostic, Specialisation } from '../model/types';
import { duplicates, unrepresentable } from '../model/validate';
import type { Expr } from '../nix/ast';
import { closedExpression, rawExprCheck, rawExprFreeVariables } from '../nix/raw';
import { nixString } from '../nix/strings';
import { isNixGlobal } from '../nix/syntax/globals';

/**
 * A specialisation's imports: each item is a path (the file name as typed, starting with `./`,
 * `../`, `/` or `~/`) or a Nix expression (`inputs.hardware.nixosModules.x`). This file writes an
 * item as a list element and checks it.
 */

/** An item written as a path: the text is a file name, never read as Nix. */
export const isImportPath = (item: string): boolean => /^(\.\.?\/|\/|~\/)/.test(item.trim());

/** A path Nix reads as a path literal as it is: names of letters, digits and `._+-` between slashes. */
const PLAIN_PATH = /^(\.\.?|~)?(\/[A-Za-z0-9._+-]+)+$/;

/** Expressions that need no parentheses as a list element. */
const PRIMARY = new Set(['Ident', 'Select', 'String', 'Path', 'SearchPath', 'Uri', 'List', 'Attrs', 'Paren']);

/** Arguments NixOS gives every module; any other free name must come from `specialArgs`. */
const MODULE_ARGUMENTS = new Set(['config', 'options', 'lib', 'pkgs', 'modulesPath']);

/**
 * A path as Nix: the literal when Nix reads it back as the same file name, else the folder's
 * literal plus the rest as a string (`./. + "/my file.nix"`), which any text can be.
 */
export function importPathText(item: string): string {
  const path = item.trim();
  if (PLAIN_PATH.test(path)) return path;
  const [base, rest] = path.startsWith('./')
    ? ['./.', path.slice(1)]
    : path.startsWith('../')
      ? ['../.', path.slice(2)]
      : path.startsWith('~/')
        ? ['~/.', path.slice(1)]
        : ['/.', path];
  return `(${base} + ${nixString(rest)})`;
}

/** One item as a list element: a path as {@link importPathText}, an expression in parentheses unless it is primary. */
export function importExpr(item: string): Expr {
  const text = item.trim();
  if (isImportPath(text)) return { type: 'raw', text: importPathText(text) };
  const { rootType } = rawExprCheck(text);
  return { type: 'raw', text: rootType !== null && PRIMARY.has(rootType) ? closedExpression(text) : `(${closedExpression(text)})` };
}

/** The names an expression item needs from the module's arguments that NixOS does not give by itself. */
function extraArguments(item: string): string[] {
  return [...rawExprFreeVariables(item.trim())].filter((n) => !MODULE_ARGUMENTS.has(n) && !isNixGlobal(n));
}

/**
 * Checks of a specialisation's imports, with messages at the item. `p` is the specialisation's
 * model path (`specialisations[0]`).
 */
export function validateImports(s: Specialisation, p: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (k: number) => `${p}.imports[${k}]`;
  const error = (k: number, message: string) => out.push({ path: at(k), severity: 'error', message });
  const warn = (k: number, message: string) => out.push({ path: at(k), severity: 'warning', message });
  s.imports.forEach((item, k) => {
    const text = item.trim();
    const bad = unrepresentable(item);
    if (bad) return error(k, `the import ${bad}`);
    if (text === '') return error(k, 'empty: write a path such as ./gaming.nix or an expression such as inputs.hardware.nixosModules.x');
    if (isImportPath(text)) {
      if (/[\r\n]/.test(text)) return error(k, 'a path is one line: a file name cannot hold a line break here');
      if (text.startsWith('~/'))
        warn(k, 'a path under ~ is read from the home folder of whoever evaluates the configuration; a flake refuses it');
      return;
    }
    const { error: e } = rawExprCheck(text);
    if (e) return error(k, `not a Nix expression: line ${e.line}, column ${e.column}: ${e.message}; a path starts with ./, ../, / or ~/`);
    const extra = extraArguments(text);
    if (extra.length)
      warn(
        k,
        `${extra.join(', ')} ${extra.length === 1 ? 'becomes an argument' : 'become arguments'} of the generated module, which NixOS gives only when your configuration passes ${extra.length === 1 ? 'it' : 'them'} (specialArgs = { inherit ${extra.join(' ')}; } in a flake)`,
      );
  });
  duplicates(s.imports.map((x) => x.trim())).forEach((k) => {
    if (s.imports[k].trim() !== '') warn(k, `"${s.imports[k].trim()}" is imported twice`);
  });
  return out;
}
