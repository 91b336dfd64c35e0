import type { Expr } from '../../nix/syntax/ast';
import { importPathText, isImportPath } from '../imports';
import { stringLiteralValue } from '../../nix/syntax/ast';
import { moduleSelfContained, type Leaf } from './leaves';

/**
 * `imports = [ … ];` as the specialisation's imports list: each element's text as written (a path
 * literal as a path, anything else as an expression, parentheses kept), when the generator writes
 * every element back as the same tokens. Null when the list cannot be held as it is: another
 * wrapper or a priority, a value that is not a list (`core ++ [ ./a.nix ]`), an element that uses
 * a name bound here (a `let`, a `with`), or a comment between the elements (the list has no place
 * for one); `why` says which.
 */
export function importItems(l: Leaf): { items: string[] } | { why: string } {
  if (!l.core || l.source === null || l.dynamic) return { why: 'it is computed' };
  if (l.priority !== 'normal' || l.condition !== null) return { why: 'it is written with a priority or a condition, which the imports list has no place for' };
  let e: Expr = l.core;
  while (e.type === 'Paren') e = e.expr;
  if (e.type !== 'List') return { why: 'it is not a plain list (a name, `++` or a function call), so the imports list cannot hold it; it stays Nix with what it uses' };
  const items: string[] = [];
  let between = l.source;
  for (const el of e.elements) {
    const from = el.start - e.start;
    const text = l.source.slice(from, el.end - e.start);
    between = between.slice(0, from) + ' '.repeat(text.length) + between.slice(from + text.length);
    if (!moduleSelfContained(el, l.node.chain)) return { why: `${text} uses a name bound here (a let, a with or a helper's argument)` };
    // `(./. + "/my file.nix")` is the path `./my file.nix` as the list writes it.
    const spelled = spelledPath(el);
    if (spelled !== null && importPathText(spelled) === text) {
      items.push(spelled);
      continue;
    }
    // A path item is written back as a path: only a plain path literal reads back the same way.
    if (isImportPath(text) !== (el.type === 'Path') || (el.type === 'Path' && importPathText(text) !== text))
      return { why: `${text} is a path the imports list would write differently` };
    items.push(text);
  }
  if (/#|\/\*/.test(between)) return { why: 'it has a comment in the list, which the imports list has no place for' };
  return { items };
}

/** The file name of `(./. + "/rest")` (also `../.`, `/.`, `~/.`), as the imports list spells a path; else null. */
function spelledPath(e: Expr): string | null {
  if (e.type !== 'Paren' || e.expr.type !== 'Binary' || e.expr.op !== '+') return null;
  const { left, right } = e.expr;
  const rest = stringLiteralValue(right);
  if (left.type !== 'Path' || rest === null || !rest.startsWith('/')) return null;
  const base = left.parts.length === 1 && left.parts[0].type === 'Text' ? left.parts[0].value : null;
  const folder = base === './.' ? '.' : base === '../.' ? '..' : base === '/.' ? '' : base === '~/.' ? '~' : null;
  return folder === null ? null : `${folder}${rest}`;
}
