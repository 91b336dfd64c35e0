import type { Diagnostic, Specialisation } from '../model/types';
import { unrepresentable } from '../model/validate';
import { apply, select, v, type Expr } from '../nix/ast';
import { rawExprCheck, rawExprFreeVariables } from '../nix/raw';
import { tokenize } from '../nix/syntax/lexer';

/**
 * Two things an entry of the `specialisation` set may have besides its form: a condition
 * (`specialisation.x = lib.mkIf (cond) { … };`) and the Nix entry, an expression that gives a
 * set of entries (`lib.genAttrs [ … ] (…)`), kept and edited as Nix. See docs/import.md.
 */

/** Expressions that need no parentheses as a function's argument. */
const PRIMARY = new Set(['Ident', 'Select', 'String', 'Path', 'SearchPath', 'Uri', 'List', 'Attrs', 'Paren']);

/**
 * Verbatim expression text as one argument of a call: in parentheses unless it is a primary, and
 * with the `)` on a line of its own when the text ends in a `#` comment, which would otherwise
 * hide it (and all that follows on the line).
 */
export function nixArgument(text: string): Expr {
  const trimmed = text.trim();
  const tokens = tokenize(trimmed);
  const comment = tokens.some((t) => t.kind === 'COMMENT');
  const endsInLineComment = tokens.some((t) => t.kind === 'COMMENT' && trimmed[t.start] === '#' && !trimmed.slice(t.end).includes('\n'));
  const { rootType } = rawExprCheck(trimmed);
  if (rootType !== null && PRIMARY.has(rootType) && !comment) return { type: 'raw', text: trimmed };
  return { type: 'raw', text: `(${trimmed}${endsInLineComment ? '\n' : ''})` };
}

const lib = (name: string): Expr => select(v('lib'), [name]);

/** `lib.mkIf (condition) value`, or the value itself without a condition. */
export function conditional(condition: string | null, value: Expr): Expr {
  return condition === null ? value : apply(apply(lib('mkIf'), nixArgument(condition)), value);
}

/** The Nix entry's expression as the generator writes it: in `lib.mkMerge [ … ]` an argument, else as it is. */
export function nixEntryExpr(s: Specialisation, inList: boolean): Expr {
  const text = (s.nixEntry ?? '').trim();
  if (s.condition !== null) return inList ? { type: 'raw', text: `(${(flatText(conditional(s.condition, nixArgument(text))))})` } : conditional(s.condition, nixArgument(text));
  return inList ? nixArgument(text) : { type: 'raw', text };
}

/** `lib.mkIf (c) (e)` as text (both raw), for a list item. */
function flatText(e: Expr): string {
  if (e.type === 'raw') return e.text;
  if (e.type === 'apply') return `${flatText(e.fn)} ${flatText(e.arg)}`;
  if (e.type === 'select') return `${flatText(e.from)}.${e.path.join('.')}`;
  if (e.type === 'var') return e.name;
  return '';
}

/** The module arguments an entry's condition and Nix entry use (with `lib` for mkIf). */
export function entryFreeVariables(s: Specialisation): Set<string> {
  const out = new Set<string>();
  if (s.condition !== null) {
    out.add('lib');
    rawExprFreeVariables(s.condition.trim()).forEach((n) => out.add(n));
  }
  if (s.nixEntry !== null) rawExprFreeVariables(s.nixEntry.trim()).forEach((n) => out.add(n));
  return out;
}

/** A short label for a Nix entry in the list: its first line, shortened. */
export function nixEntrySummary(text: string): string {
  const line = text.trim().split('\n')[0].replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || '(empty Nix entry)';
}

/** Checks of the condition and the Nix entry: each must be one Nix expression. `p` is `specialisations[0]`. */
export function validateEntry(s: Specialisation, p: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (field: 'condition' | 'nixEntry', what: string, text: string) => {
    const bad = unrepresentable(text);
    const { error } = rawExprCheck(text.trim());
    const message = bad
      ? `${what} ${bad}`
      : text.trim() === ''
        ? `${what} is empty: write a Nix expression${field === 'condition' ? ', such as config.services.xserver.enable' : ''}`
        : error
          ? `${what} is not a Nix expression: line ${error.line}, column ${error.column}: ${error.message}`
          : null;
    if (message) out.push({ path: `${p}.${field}`, severity: 'error', message });
  };
  if (s.condition !== null) check('condition', 'the condition', s.condition);
  if (s.nixEntry !== null) check('nixEntry', 'the Nix entry', s.nixEntry);
  return out;
}
