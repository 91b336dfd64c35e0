import type { AttrsExpr, Expr, LambdaExpr } from '../../nix/syntax/ast';
import type { Refusal } from './remove';
import { indentOf, lineEnding, type TextEdit } from './text-edits';

/** The condition that holds in the parent system only: a specialisation has no specialisations. */
export const PARENT_ONLY = 'config.specialisation != { }';

const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);
const ATOMIC = new Set<Expr['type']>(['Ident', 'Int', 'Float', 'String', 'Path', 'SearchPath', 'Uri', 'List', 'Attrs', 'Paren']);

/**
 * The definitions of an option in a module's set (outside `specialisation`): `a.b.c = v;`,
 * `a = { b.c = v; };`, also under `config`. Only values written out are found.
 */
export function definitionsOf(attrs: AttrsExpr, option: readonly string[]): Expr[] {
  const found: Expr[] = [];
  const visit = (set: AttrsExpr, prefix: (string | null)[]) => {
    for (const b of set.bindings) {
      if (b.type !== 'AttrBinding') continue;
      const full = [...prefix, ...b.path.map((p) => p.name)];
      const rel = full[0] === 'config' ? full.slice(1) : full;
      if (rel.some((n) => n === null) || rel.length > option.length || rel.some((n, i) => n !== option[i])) continue;
      if (rel.length === option.length) found.push(b.value);
      else {
        const v = unparen(b.value);
        if (v.type === 'Attrs') visit(v, full);
      }
    }
  };
  visit(attrs, []);
  return found;
}

/** Why the parent's definition of `option` (written under any of `names`) cannot be gated in this module, or its value. */
export function gateTarget(attrs: AttrsExpr, lambda: LambdaExpr | null, option: string, names: readonly string[] = [option]): { value: Expr } | { why: string } {
  if (!lambda?.formals) return { why: 'the module is not a function of { config, lib, … }, so it cannot test config.specialisation' };
  const found = names.flatMap((name) => definitionsOf(attrs, name.split('.')));
  if (found.length === 0) return { why: `the file does not set ${option} as a plain definition (it may be set in another file)` };
  if (found.length > 1) return { why: `the file sets ${option} in ${found.length} places` };
  return { value: found[0] };
}

/** `value` → `lib.mkIf (config.specialisation != { }) value`, parenthesised where needed. */
export function gateEdit(text: string, value: Expr): TextEdit {
  const source = text.slice(value.start, value.end);
  const inner = ATOMIC.has(value.type) || (value.type === 'Select' && !value.default) ? source : `(${source})`;
  return { start: value.start, end: value.end, text: `lib.mkIf (${PARENT_ONLY}) ${inner}` };
}

/** Adds `config` and `lib` to the module's arguments when it does not take them yet. */
export function argumentEdits(text: string, lambda: LambdaExpr): TextEdit[] | Refusal {
  const formals = lambda.formals!;
  const missing = ['config', 'lib'].filter((n) => !formals.entries.some((f) => f.name === n) && lambda.param?.name !== n);
  if (missing.length === 0) return [];
  if (!formals.ellipsis && formals.entries.length === 0)
    return { offset: formals.start, message: 'the module takes no arguments ({ }:), so config and lib cannot be added safely' };
  const inside = text.slice(formals.start + 1, formals.end - 1);
  const at = formals.start + 1 + /^\s*/.exec(inside)![0].length;
  const multiline = /[\r\n]/.test(inside);
  const sep = multiline ? `,${lineEnding(text)}${indentOf(text, at)}` : ', ';
  return [{ start: at, end: at, text: missing.map((n) => n + sep).join('') }];
}
