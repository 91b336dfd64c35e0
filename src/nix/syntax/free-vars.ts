import type { AttrName, Binding, Expr, StringPart } from './ast';

/**
 * Names a binding list introduces into its own scope (for `let` and `rec`):
 * the first component of each static attribute path plus inherited names.
 */
function boundNames(bindings: readonly Binding[]): string[] {
  const names: string[] = [];
  for (const b of bindings) {
    if (b.type === 'Inherit') {
      for (const n of b.names) if (n.name !== null) names.push(n.name);
    } else if (b.path[0]!.name !== null) names.push(b.path[0]!.name);
  }
  return names;
}

class Collector {
  /** Free names used at least once outside every `with`. */
  readonly free = new Set<string>();
  /** Free names used under a `with` (they may come from its environment). */
  readonly underWith = new Set<string>();
  private readonly bound = new Map<string, number>();
  private withDepth = 0;

  private bind(names: readonly string[]): void {
    for (const n of names) this.bound.set(n, (this.bound.get(n) ?? 0) + 1);
  }

  private unbind(names: readonly string[]): void {
    for (const n of names) {
      const c = this.bound.get(n)! - 1;
      if (c === 0) this.bound.delete(n); else this.bound.set(n, c);
    }
  }

  private use(name: string): void {
    if (this.bound.has(name)) return;
    if (this.withDepth > 0) this.underWith.add(name);
    else this.free.add(name);
  }

  private attrNames(path: readonly AttrName[]): void {
    for (const p of path) {
      if (p.type === 'AttrString') this.parts(p.string.parts);
      else if (p.type === 'AttrInterp') this.expr(p.expr);
    }
  }

  private parts(parts: readonly StringPart[]): void {
    for (const p of parts) if (p.type === 'Interpolation') this.expr(p.expr);
  }

  /**
   * `inherit x;` reads `x` from the scope *outside* a let/rec, while
   * `inherit (e) x;` evaluates `e` inside it, as in Nix's bindVars.
   */
  bindings(bindings: readonly Binding[], recursive: boolean): void {
    const names = recursive ? boundNames(bindings) : [];
    for (const b of bindings) {
      if (b.type === 'Inherit' && !b.from) {
        for (const n of b.names) if (n.name !== null) this.use(n.name);
      }
    }
    this.bind(names);
    for (const b of bindings) {
      if (b.type === 'Inherit') {
        if (b.from) this.expr(b.from);
      } else {
        this.attrNames(b.path);
        this.expr(b.value);
      }
    }
    this.unbind(names);
  }

  expr(e: Expr): void {
    switch (e.type) {
      case 'Int': case 'Float': case 'SearchPath': case 'Uri':
        return;
      case 'Ident':
        // `__curPos` is syntax for the current position, not a variable.
        if (e.name !== '__curPos') this.use(e.name);
        return;
      case 'String': case 'Path':
        return this.parts(e.parts);
      case 'Select':
        this.expr(e.expr);
        this.attrNames(e.attrpath);
        if (e.default) this.expr(e.default);
        return;
      case 'HasAttr':
        this.expr(e.expr);
        return this.attrNames(e.attrpath);
      case 'Apply':
        this.expr(e.fn);
        return this.expr(e.arg);
      case 'Lambda': {
        const names = [...(e.param ? [e.param.name] : []), ...(e.formals?.entries.map((f) => f.name) ?? [])];
        this.bind(names);
        // Defaults see every formal and the @-name, like the body does.
        for (const f of e.formals?.entries ?? []) if (f.default) this.expr(f.default);
        this.expr(e.body);
        return this.unbind(names);
      }
      case 'Let': {
        const names = boundNames(e.bindings);
        this.bindings(e.bindings, true);
        this.bind(names);
        this.expr(e.body);
        return this.unbind(names);
      }
      case 'LegacyLet':
        return this.bindings(e.bindings, true);
      case 'Attrs':
        return this.bindings(e.bindings, e.rec);
      case 'With':
        // Conservative: names under `with` may or may not come from the
        // environment, so they still count as free.
        this.expr(e.env);
        this.withDepth++;
        this.expr(e.body);
        this.withDepth--;
        return;
      case 'Assert':
        this.expr(e.cond);
        return this.expr(e.body);
      case 'If':
        this.expr(e.cond);
        this.expr(e.then);
        return this.expr(e.else);
      case 'List':
        for (const x of e.elements) this.expr(x);
        return;
      case 'Unary':
        return this.expr(e.operand);
      case 'Binary':
        this.expr(e.left);
        return this.expr(e.right);
      case 'Paren':
        return this.expr(e.expr);
    }
  }
}

/**
 * Identifiers an expression (or a bare binding list, read as the body of a
 * non-recursive attribute set) refers to without binding them itself through
 * `let`, a lambda parameter, a formal or `rec`. Names used under `with` are
 * reported too. Builtins such as `true`, `null` or `builtins` count as free;
 * filter them out if needed.
 */
export function freeIdentifiers(input: Expr | readonly Binding[]): Set<string> {
  const { outside, underWith } = freeIdentifierUses(input);
  return new Set([...outside, ...underWith]);
}

/**
 * The free identifiers split by where they are used: `outside` every `with` (they must come from
 * an enclosing scope) or only `underWith` (the `with` environment may provide them, unless an
 * enclosing lexical scope binds them: lexical bindings always win over `with`).
 */
export function freeIdentifierUses(input: Expr | readonly Binding[]): { outside: Set<string>; underWith: Set<string> } {
  const c = new Collector();
  if (Array.isArray(input)) c.bindings(input as readonly Binding[], false);
  else c.expr(input as Expr);
  return { outside: c.free, underWith: new Set([...c.underWith].filter((n) => !c.free.has(n))) };
}
