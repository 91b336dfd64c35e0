import type { AttrName, Binding, Expr, StringPart } from '../../nix/syntax/ast';
import { isNixGlobal } from '../../nix/syntax/globals';
import { definedNames } from './scope';

/** A use of a name that nothing binds: Nix refuses the file at parse time (`undefined variable 'lib'`). */
export interface UndefinedVariable {
  name: string;
  /** Offset of the use. */
  offset: number;
}

/**
 * The first use, in source order, of a variable that no function argument, `let`, `rec` or global
 * binds and that no `with` around it may provide: Nix refuses such a file before evaluating
 * anything (`nix-instantiate --parse` says `undefined variable 'lib'`). When a file has several,
 * which one Nix names depends on its version (the order of its symbol table); this is the first.
 */
export function firstUndefinedVariable(root: Expr): UndefinedVariable | null {
  let found: UndefinedVariable | null = null;
  /** Names bound around the current node, innermost last. */
  const scopes: Set<string>[] = [];
  let withs = 0;

  const bound = (name: string) => scopes.some((s) => s.has(name)) || isNixGlobal(name);
  const reference = (name: string, offset: number) => {
    if (withs > 0 || bound(name)) return;
    if (!found || offset < found.offset) found = { name, offset };
  };

  const attrNames = (path: readonly AttrName[]) => {
    for (const p of path)
      if (p.type === 'AttrString') parts(p.string.parts);
      else if (p.type === 'AttrInterp') expr(p.expr);
  };
  const parts = (list: readonly StringPart[]) => {
    for (const p of list) if (p.type === 'Interpolation') expr(p.expr);
  };
  /**
   * A binding list: `inherit x;` reads x from outside it, everything else sees its names when it
   * is recursive (`rec`, `let`), and so does `body` (a `let`'s).
   */
  const bindings = (list: readonly Binding[], recursive: boolean, body?: Expr) => {
    for (const b of list) if (b.type === 'Inherit' && !b.from) for (const n of b.names) if (n.name !== null) reference(n.name, n.start);
    if (recursive) scopes.push(definedNames(list));
    for (const b of list)
      if (b.type === 'Inherit') {
        if (b.from) expr(b.from);
      } else {
        attrNames(b.path);
        expr(b.value);
      }
    if (body) expr(body);
    if (recursive) scopes.pop();
  };

  const expr = (e: Expr): void => {
    switch (e.type) {
      case 'Int':
      case 'Float':
      case 'SearchPath':
      case 'Uri':
        return;
      case 'Ident':
        if (e.name !== '__curPos') reference(e.name, e.start);
        return;
      case 'String':
      case 'Path':
        return parts(e.parts);
      case 'Select':
        expr(e.expr);
        attrNames(e.attrpath);
        if (e.default) expr(e.default);
        return;
      case 'HasAttr':
        expr(e.expr);
        return attrNames(e.attrpath);
      case 'Apply':
        expr(e.fn);
        return expr(e.arg);
      case 'Lambda': {
        const scope = new Set<string>();
        if (e.param) scope.add(e.param.name);
        for (const f of e.formals?.entries ?? []) scope.add(f.name);
        scopes.push(scope);
        for (const f of e.formals?.entries ?? []) if (f.default) expr(f.default);
        expr(e.body);
        scopes.pop();
        return;
      }
      case 'Let':
        return bindings(e.bindings, true, e.body);
      case 'LegacyLet':
        return bindings(e.bindings, true);
      case 'Attrs':
        return bindings(e.bindings, e.rec);
      case 'With':
        expr(e.env);
        withs++;
        expr(e.body);
        withs--;
        return;
      case 'Assert':
        expr(e.cond);
        return expr(e.body);
      case 'If':
        expr(e.cond);
        expr(e.then);
        return expr(e.else);
      case 'List':
        for (const x of e.elements) expr(x);
        return;
      case 'Unary':
        return expr(e.operand);
      case 'Binary':
        expr(e.left);
        return expr(e.right);
      case 'Paren':
        return expr(e.expr);
    }
  };
  expr(root);
  return found;
}
