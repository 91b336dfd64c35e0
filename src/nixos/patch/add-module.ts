import type { AttrsExpr, Binding, Expr, ListExpr } from '../../nix/syntax/ast';
import type { Refusal } from './remove';
import { indentOf, indentUnit, isBlankLine, lineAt, leadingBlank, lineEnding, lineStart, nextLineStart, type TextEdit } from './text-edits';

const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);

export type AddResult = { edit: TextEdit | null; note: string } | { refusal: Refusal };

/** `./specialisations.nix` as the file names it (Path parts are raw source). */
const pathText = (e: Expr) => (e.type === 'Path' && e.parts.every((p) => p.type === 'Text') ? e.parts.map((p) => (p.type === 'Text' ? p.value : '')).join('') : null);
const samePath = (a: string, b: string) => a.replace(/^\.\//, '') === b.replace(/^\.\//, '');

/**
 * Adds the module to a module's `imports` (`place` = 'imports') or to a flake's `modules` list:
 * appended to the list as it is laid out, or — without `imports` — a new `imports = [ … ];` at
 * the top of the set, indented as the set's bindings are.
 */
export function addToList(text: string, attrs: AttrsExpr, name: 'imports' | 'modules', module: string, removed: readonly TextEdit[] = []): AddResult {
  const binding = attrs.bindings.find(
    (b): b is Extract<Binding, { type: 'AttrBinding' }> => b.type === 'AttrBinding' && b.path.length === 1 && b.path[0].name === name,
  );
  if (!binding) {
    const inherited = attrs.bindings.find((b) => b.type === 'Inherit' && b.names.some((n) => n.name === name));
    if (inherited) return { refusal: { offset: inherited.start, message: `${name} is inherited from elsewhere: add ${module} to it by hand` } };
    if (name === 'modules') return { refusal: { offset: attrs.start, message: 'this nixosSystem call has no modules list' } };
    return { edit: newImports(text, attrs, module, removed), note: `Added imports = [ ${module} ]; at the top of the module.` };
  }
  const list = listIn(binding.value);
  if (!list)
    return {
      refusal: {
        offset: binding.value.start,
        message: `${name} is not a list written here (it is computed), so ${module} cannot be added to it safely: add it by hand`,
      },
    };
  if (list.elements.some((e) => pathText(e) !== null && samePath(pathText(e)!, module))) return { edit: null, note: `${name} already has ${module}.` };
  return { edit: append(text, list, module), note: `Added ${module} to ${name}.` };
}

/** The list to add to: the value itself, or one side of `[ … ] ++ x` (the left one when both are lists). */
function listIn(value: Expr): ListExpr | null {
  const v = unparen(value);
  if (v.type === 'List') return v;
  if (v.type === 'Binary' && v.op === '++') return listIn(v.left) ?? listIn(v.right);
  return null;
}

function append(text: string, list: ListExpr, module: string): TextEdit {
  const eol = lineEnding(text);
  const close = list.end - 1;
  const last = list.elements[list.elements.length - 1];
  if (!last) {
    // `[ ]`, `[]`, or an empty list over several lines (with a comment in it): one item, inline.
    const inside = text.slice(list.start + 1, close);
    if (!inside.includes('\n') && !inside.includes('\r')) return { start: list.start, end: list.end, text: `[ ${module} ]` };
    const indent = indentOf(text, list.start) + indentUnit(text);
    return { start: lineStart(text, close), end: lineStart(text, close), text: `${indent}${module}${eol}` };
  }
  const multiline = /[\r\n]/.test(text.slice(list.start, list.end));
  if (!multiline) return { start: last.end, end: last.end, text: ` ${module}` };
  const own = leadingBlank(text, last.start);
  // Under the last item, indented as it is (its column, when it shares its line with `[`).
  const indent = own ?? text.slice(lineStart(text, last.start), last.start).replace(/[^\t]/g, ' ');
  if (leadingBlank(text, close) !== null) return { start: lineStart(text, close), end: lineStart(text, close), text: `${indent}${module}${eol}` };
  return { start: last.end, end: last.end, text: `${eol}${indent}${module}` };
}

function newImports(text: string, attrs: AttrsExpr, module: string, removed: readonly TextEdit[]): TextEdit {
  const eol = lineEnding(text);
  const line = `imports = [ ${module} ];`;
  const open = attrs.start + 1;
  const restOfLine = text.slice(open, nextLineStart(text, open));
  // `{ a = 1; }` on one line, or `{` followed by a binding on its line: inline, after the brace.
  if (!/^[ \t]*(#[^\r\n]*)?(\r\n|\n|\r)$/.test(restOfLine)) return { start: open, end: open, text: ` ${line}` };
  const first = attrs.bindings[0];
  const indent = first && leadingBlank(text, first.start) !== null ? indentOf(text, first.start) : indentOf(text, attrs.start) + indentUnit(text);
  const at = nextLineStart(text, open);
  // The line that will follow it once the removals are made.
  let next = at;
  for (const r of [...removed].sort((a, b) => a.start - b.start)) if (r.start === next) next = r.end;
  const nextLine = lineAt(text, next);
  const spacer = isBlankLine(nextLine) || /^[ \t]*}/.test(nextLine) ? '' : eol;
  return { start: at, end: at, text: `${indent}${line}${eol}${spacer}` };
}
