import type { Diagnostic, Setting } from '../model/types';
import { ATTR_PATH, duplicates, unrepresentable } from '../model/validate';
import { apply, bool, list, select, str, v, withScope, type Expr } from '../nix/ast';
import { packageExpr } from './packages';
import { closedExpression, rawExprCheck } from '../nix/raw';
import { attrPath } from '../nix/strings';

/**
 * Settings: any NixOS option as a typed row (`path = value;`), with a priority (lib.mkDefault,
 * lib.mkForce, lib.mkOverride N) and an optional lib.mkIf condition. This file turns a row into
 * the Nix the generator writes, and checks a row the way Nix and NixOS would take it.
 */

const INT = /^-?(0|[1-9][0-9]*)$/;
const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;
/** Expressions that need no parentheses as a function's argument. */
const PRIMARY = new Set(['Ident', 'Select', 'String', 'Path', 'SearchPath', 'Uri', 'List', 'Attrs', 'Paren', 'Int', 'Float']);

/** Verbatim text; one that ends in a `#` comment gets a line break after it (see closedExpression). */
const raw = (text: string): Expr => ({ type: 'raw', text: closedExpression(text) });

/** Verbatim expression text, in parentheses where it would otherwise not be one argument. */
function argument(text: string): Expr {
  const trimmed = text.trim();
  const { rootType } = rawExprCheck(trimmed);
  const negative = rootType === 'Int' || rootType === 'Float' ? trimmed.startsWith('-') : false;
  const closed = closedExpression(trimmed);
  return raw(rootType !== null && PRIMARY.has(rootType) && !negative ? closed : `(${closed})`);
}

/** The value of a row as Nix, without priority or condition. */
function valueExpr(row: Setting, bound: ReadonlySet<string>): Expr {
  switch (row.type) {
    case 'bool':
      return bool(row.value.trim() === 'true');
    case 'int':
      return raw(row.value.trim());
    case 'string':
      return str(row.value);
    case 'path':
      return raw(row.value.trim());
    case 'strings':
      return list(row.items.map(str));
    case 'packages':
      return withScope(v('pkgs'), list(row.items.map((p) => packageExpr(p, bound))));
    case 'nix':
      return raw(row.value.trim());
  }
}

const lib = (name: string): Expr => select(v('lib'), [name]);

/** Wraps an expression as a function argument: parentheses where the printer would not add them. */
function asArgument(e: Expr): Expr {
  return e.type === 'raw' ? argument(e.text) : e;
}

/** `lib.mkIf (cond) (lib.mkForce value)`: the whole right-hand side of a row. */
export function settingExpr(row: Setting, bound: ReadonlySet<string> = new Set()): Expr {
  let e = valueExpr(row, bound);
  if (row.priority === 'default') e = apply(lib('mkDefault'), asArgument(e));
  else if (row.priority === 'force') e = apply(lib('mkForce'), asArgument(e));
  else if (row.priority === 'override') e = apply(apply(lib('mkOverride'), raw(String(row.overridePriority ?? 100))), asArgument(e));
  if (row.condition !== null) {
    const inner = e.type === 'raw' ? argument(e.text) : e;
    e = apply(apply(lib('mkIf'), argument(row.condition)), inner);
  }
  return e;
}

/** The first names of the packages a row writes bare under `with pkgs;` (see generate). */
export function settingPackages(rows: readonly Setting[]): string[] {
  return rows.flatMap((r) => (r.type === 'packages' ? r.items : []));
}

/** `fileSystems."/".device`, as the row's path reads in Nix. */
export const settingPathText = (row: Setting): string => attrPath(row.path);

/**
 * Checks of one specialisation's rows: each value as its type demands, priorities and conditions,
 * and paths set twice. `p` is the specialisation's model path (`specialisations[0]`).
 */
export function validateSettings(rows: readonly Setting[], p: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'error', message });
  const warn = (path: string, message: string) => out.push({ path: `${p}${path}`, severity: 'warning', message });
  const nixError = (path: string, what: string, text: string) => {
    const bad = unrepresentable(text);
    if (bad) return error(path, `${what} ${bad}`);
    if (text.trim() === '') return error(path, `${what} is empty: write a Nix expression`);
    const { error: e } = rawExprCheck(text.trim());
    if (e) error(path, `${what} is not a Nix expression: line ${e.line}, column ${e.column}: ${e.message}`);
  };
  // Each path written so far, and every prefix of one: a path equal to either is set twice.
  const firstAt = new Map<string, number>();
  const prefixOf = new Map<string, number>();
  rows.forEach((row, j) => {
    const at = `.settings[${j}]`;
    if (row.path.length === 0) error(`${at}.path`, 'a setting needs an option path, such as services.tlp.enable');
    else if (row.path.some((name) => name === '')) error(`${at}.path`, `"${row.path.join('.')}" has an empty name in it; quote names with dots, such as fileSystems."/"`);
    else {
      const bad = row.path.map(unrepresentable).find((x) => x !== null);
      if (bad) error(`${at}.path`, `the option path ${bad}`);
      else {
        const key = row.path.join('\u0000');
        let earlier = firstAt.get(key) ?? prefixOf.get(key) ?? -1;
        for (let n = 1; n < row.path.length && earlier < 0; n++) earlier = firstAt.get(row.path.slice(0, n).join('\u0000')) ?? -1;
        if (!firstAt.has(key)) firstAt.set(key, j);
        for (let n = 1; n < row.path.length; n++) {
          const prefix = row.path.slice(0, n).join('\u0000');
          if (!prefixOf.has(prefix)) prefixOf.set(prefix, j);
        }
        if (earlier >= 0)
          error(
            `${at}.path`,
            `${attrPath(row.path)} is also set by setting ${earlier + 1} (${attrPath(rows[earlier].path)}); Nix refuses an attribute defined twice`,
          );
      }
    }
    const value = row.value.trim();
    switch (row.type) {
      case 'bool':
        if (value !== 'true' && value !== 'false') error(`${at}.value`, 'a boolean is true or false');
        break;
      case 'int':
        if (!INT.test(value)) error(`${at}.value`, `"${row.value}" is not a whole number`);
        else if (BigInt(value) < INT_MIN || BigInt(value) > INT_MAX) error(`${at}.value`, `${value} does not fit in a Nix integer (64 bits)`);
        break;
      case 'string': {
        const bad = unrepresentable(row.value);
        if (bad) error(`${at}.value`, `the text ${bad}`);
        break;
      }
      case 'path': {
        const { error: e, rootType } = rawExprCheck(value);
        if (e || (rootType !== 'Path' && rootType !== 'SearchPath') || /\$\{/.test(value))
          error(`${at}.value`, `"${row.value}" is not a path: write ./file.nix, ../dir/file.nix, /etc/file or <nixpkgs/…>`);
        break;
      }
      case 'strings':
        row.items.forEach((item, k) => {
          const bad = unrepresentable(item);
          if (bad) error(`${at}.items[${k}]`, `the text ${bad}`);
        });
        break;
      case 'packages':
        row.items.forEach((pkg, k) => {
          if (!ATTR_PATH.test(pkg)) error(`${at}.items[${k}]`, `"${pkg}" is not an attribute path of pkgs (like firefox or python3Packages.numpy)`);
        });
        duplicates(row.items).forEach((k) => warn(`${at}.items[${k}]`, `"${row.items[k]}" is listed twice`));
        break;
      case 'nix':
        nixError(`${at}.value`, 'the value', row.value);
        break;
    }
    if (row.priority === 'override' && row.overridePriority === null)
      error(`${at}.overridePriority`, 'lib.mkOverride needs a priority: 50 is lib.mkForce, 1000 lib.mkDefault, 100 a plain definition');
    if (row.condition !== null) nixError(`${at}.condition`, 'the condition', row.condition);
  });
  return out;
}
