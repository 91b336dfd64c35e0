/**
 * Recursive-descent / precedence-climbing parser for Nix, matching what
 * Nix 2.8 (`nix-instantiate --parse`) accepts, including its parse-time
 * checks: duplicate attributes, duplicate formals, dynamic attributes in
 * `let`/`inherit`, out-of-range numbers and paths with a trailing slash.
 */
import type {
  AttrName, AttrsExpr, Binding, BinaryOp, Expr, Formal, InterpolationPart, Name, StringExpr, StringPart,
} from './ast';
import {
  computeLineStarts, lexToBuffer, lineColumnAt, stripIndentation, tokenize, type IndPiece, type Token, type TokenBuffer, type TokenKind,
} from './lexer';

export interface ParseError {
  line: number;
  column: number;
  offset: number;
  message: string;
}

export interface ParseOptions {
  /** Maximum nesting before giving up with an error (default 1000). */
  maxDepth?: number;
  /** Maximum input length in UTF-16 code units (default 10,000,000). */
  maxLength?: number;
}

export type ParseResult = { ok: true; ast: Expr; tokens: Token[] } | { ok: false; error: ParseError };
export type BindingsResult = { ok: true; bindings: Binding[]; tokens: Token[] } | { ok: false; error: ParseError };

class Failure {
  readonly offset: number;
  readonly message: string;
  constructor(offset: number, message: string) {
    this.offset = offset;
    this.message = message;
  }
}

// Binding powers from Nix's bison precedence declarations (higher binds tighter).
const NOT_PREC = 7;
const NEGATE_PREC = 12;
const BINARY: Partial<Record<TokenKind, { prec: number; assoc: 'left' | 'right' | 'none' }>> = {
  '->': { prec: 1, assoc: 'right' },
  '||': { prec: 2, assoc: 'left' },
  '&&': { prec: 3, assoc: 'left' },
  '==': { prec: 4, assoc: 'none' }, '!=': { prec: 4, assoc: 'none' },
  '<': { prec: 5, assoc: 'none' }, '<=': { prec: 5, assoc: 'none' },
  '>': { prec: 5, assoc: 'none' }, '>=': { prec: 5, assoc: 'none' },
  '//': { prec: 6, assoc: 'right' },
  '+': { prec: 8, assoc: 'left' }, '-': { prec: 8, assoc: 'left' },
  '*': { prec: 9, assoc: 'left' }, '/': { prec: 9, assoc: 'left' },
  '++': { prec: 10, assoc: 'right' },
  '?': { prec: 11, assoc: 'left' },
};

const SIMPLE_START: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'ID', 'INT', 'FLOAT', '"', 'IND_OPEN', 'PATH', 'HPATH', 'SPATH', 'URI', '(', '{', '[', 'rec', 'let',
]);
const ATTR_START: ReadonlySet<TokenKind> = new Set<TokenKind>(['ID', 'or', '"', 'DOLLAR_CURLY']);

/** Static attributes of one attribute set, mirroring Nix's `addAttr` so duplicates are caught the same way. */
type AttrTable = Map<string, AttrDef>;
type AttrDef = { kind: 'inherit' | 'value'; at: number } | { kind: 'attrs'; at: number; table: AttrTable };

/** Index of a token in the parser's token buffer. */
type Tok = number;

class Parser {
  private pos = 0;
  private lastEnd = 0;
  private depth = 0;
  private readonly last: number;
  private readonly opens: Array<{ label: string; tok: Tok }> = [];
  private readonly attrTables = new Map<Expr, AttrTable>();
  /** Indented strings Nix represents as a concatenation, so they are dynamic as attribute names. */
  private readonly concatStrings = new Set<StringExpr>();

  private readonly buf: TokenBuffer;
  private readonly lineStarts: readonly number[];
  private readonly maxDepth: number;

  constructor(buf: TokenBuffer, lineStarts: readonly number[], maxDepth: number) {
    this.buf = buf;
    this.lineStarts = lineStarts;
    this.maxDepth = maxDepth;
    this.last = buf.kinds.length - 1;
  }

  private peek(k = 0): Tok {
    return Math.min(this.pos + k, this.last);
  }

  private kind(t: Tok): TokenKind { return this.buf.kinds[t]!; }
  private start(t: Tok): number { return this.buf.starts[t]!; }
  private end(t: Tok): number { return this.buf.ends[t]!; }
  private value(t: Tok): string { return this.buf.values[t] ?? ''; }
  private peekKind(k = 0): TokenKind { return this.buf.kinds[Math.min(this.pos + k, this.last)]!; }

  private next(): Tok {
    const t = this.peek();
    if (this.pos < this.last) this.pos++;
    this.lastEnd = this.end(t);
    return t;
  }

  private where(offset: number): string {
    const { line, column } = lineColumnAt(this.lineStarts, offset);
    return `${line}:${column}`;
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new Failure(this.start(this.peek()), `expression is nested too deeply (more than ${this.maxDepth} levels)`);
    }
  }

  private open(label: string): Tok {
    const tok = this.next();
    this.opens.push({ label, tok });
    return tok;
  }

  private close(kind: TokenKind): void {
    const t = this.peek();
    const top = this.opens[this.opens.length - 1]!;
    if (this.kind(t) !== kind) {
      this.fail(t, this.kind(t) === 'EOF' ? undefined : `expected '${kind}' to close the '${top.label}' at ${this.where(this.start(top.tok))}`);
    }
    this.next();
    this.opens.pop();
  }

  private expect(kind: TokenKind, expectation: string): Tok {
    if (this.peekKind() !== kind) this.fail(this.peek(), expectation);
    return this.next();
  }

  private describe(t: Tok): string {
    switch (this.kind(t)) {
      case 'EOF': return 'end of input';
      case 'PATH_END': return 'end of path';
      case 'CHAR': return `character '${this.value(t)}'`;
      case 'DOLLAR_CURLY': return "'${'";
      case 'IND_OPEN': case 'IND_CLOSE': return "''";
      case 'STR': case 'IND_STR': return 'string text';
      case 'SPATH': return `'<${this.value(t)}>'`;
      default: {
        const text = this.buf.values[t] ?? this.kind(t);
        return `'${text.length > 24 ? text.slice(0, 24) + '…' : text}'`;
      }
    }
  }

  private fail(t: Tok, expectation?: string): never {
    if (this.kind(t) === 'ERROR') throw new Failure(this.start(t), this.value(t));
    if (this.kind(t) !== 'EOF') {
      throw new Failure(this.start(t), expectation ? `${expectation}, found ${this.describe(t)}` : `unexpected ${this.describe(t)}`);
    }
    const top = this.opens[this.opens.length - 1];
    if (top && (top.label === '"' || top.label === "''")) {
      throw new Failure(this.start(t), `unterminated string: the ${top.label === '"' ? `'"'` : `"''"`} at ${this.where(this.start(top.tok))} is never closed`);
    }
    const notes: string[] = [];
    if (expectation) notes.push(expectation);
    if (top) notes.push(`a '${top.label}' opened at ${this.where(this.start(top.tok))} is not closed`);
    throw new Failure(this.start(t), notes.length > 0 ? `unexpected end of input: ${notes.join('; ')}` : 'unexpected end of input');
  }

  parseEnd(): void {
    if (this.peekKind() !== 'EOF') this.fail(this.peek());
  }

  /** expr_function: lambdas, let, with, assert, if, or an operator expression. */
  parseExpr(): Expr {
    this.enter();
    const t = this.peek();
    const start = this.start(t);
    let e: Expr;
    switch (this.kind(t)) {
      case 'ID': {
        const after = this.peekKind(1);
        if (after === ':') {
          this.next(); this.next();
          const param: Name = { name: this.value(t), start: this.start(t), end: this.end(t) };
          const body = this.parseExpr();
          e = { type: 'Lambda', param, body, start, end: this.lastEnd };
        } else if (after === '@') {
          this.next(); this.next();
          if (this.peekKind() !== '{') this.fail(this.peek(), "expected '{' after '@'");
          e = this.parseFormalsLambda(start, { name: this.value(t), start: this.start(t), end: this.end(t) });
        } else e = this.parseOp(0);
        break;
      }
      case '{':
        e = this.looksLikeFormals() ? this.parseFormalsLambda(start) : this.parseOp(0);
        break;
      case 'assert': case 'with': {
        this.next();
        const first = this.parseExpr();
        this.expect(';', `expected ';' after the '${this.kind(t)}' expression`);
        const body = this.parseExpr();
        e = this.kind(t) === 'assert'
          ? { type: 'Assert', cond: first, body, start, end: this.lastEnd }
          : { type: 'With', env: first, body, start, end: this.lastEnd };
        break;
      }
      case 'let': {
        if (this.peekKind(1) === '{') { e = this.parseOp(0); break; }
        this.next();
        const bindings = this.parseBinds('in');
        for (const b of bindings) {
          if (b.type === 'AttrBinding' && b.path[0]!.name === null) {
            throw new Failure(b.path[0]!.start, 'dynamic attributes not allowed in let');
          }
        }
        this.next();
        const body = this.parseExpr();
        e = { type: 'Let', bindings, body, start, end: this.lastEnd };
        break;
      }
      case 'if': {
        this.next();
        const cond = this.parseExpr();
        this.expect('then', "expected 'then' after the 'if' condition");
        const then = this.parseExpr();
        this.expect('else', "expected 'else' (every 'if' needs one)");
        const otherwise = this.parseExpr();
        e = { type: 'If', cond, then, else: otherwise, start, end: this.lastEnd };
        break;
      }
      default:
        e = this.parseOp(0);
    }
    this.depth--;
    return e;
  }

  /** Nix resolves `{` by looking ahead (GLR); these are the prefixes only a formals list can have. */
  private looksLikeFormals(): boolean {
    const a = this.peekKind(1), b = this.peekKind(2);
    if (a === '...') return true;
    if (a === '}') return b === ':' || b === '@';
    if (a !== 'ID') return false;
    if (b === ',' || b === '?') return true;
    return b === '}' && (this.peekKind(3) === ':' || this.peekKind(3) === '@');
  }

  private parseFormalsLambda(start: number, before?: Name): Expr {
    const open = this.open('{');
    const entries: Formal[] = [];
    let ellipsis = false;
    for (;;) {
      const t = this.peek();
      if (this.kind(t) === '}') break;
      if (this.kind(t) === '...') {
        this.next();
        ellipsis = true;
        if (this.peekKind() !== '}') this.fail(this.peek(), "expected '}' after '...' (it must come last)");
        break;
      }
      if (this.kind(t) !== 'ID') this.fail(t, 'expected a function argument name');
      this.next();
      const formal: Formal = { name: this.value(t), start: this.start(t), end: this.end(t) };
      if (this.peekKind() === '?') {
        this.next();
        formal.default = this.parseExpr();
        formal.end = this.lastEnd;
      }
      if (entries.some((f) => f.name === formal.name)) {
        throw new Failure(this.start(t), `duplicate formal function argument '${formal.name}'`);
      }
      entries.push(formal);
      if (this.peekKind() === ',') { this.next(); continue; }
      if (this.peekKind() !== '}') this.fail(this.peek(), "expected ',' or '}' after the function argument");
    }
    this.close('}');
    const formals = { entries, ellipsis, start: this.start(open), end: this.lastEnd };
    let param = before;
    if (!before && this.peekKind() === '@') {
      this.next();
      const id = this.expect('ID', "expected a name after '@'");
      param = { name: this.value(id), start: this.start(id), end: this.end(id) };
    }
    if (param && entries.some((f) => f.name === param.name)) {
      throw new Failure(param.start, `duplicate formal function argument '${param.name}'`);
    }
    this.expect(':', "expected ':' after the function arguments");
    const body = this.parseExpr();
    return {
      type: 'Lambda', formals, body, start, end: this.lastEnd,
      ...(param ? { param, paramPosition: before ? 'before' as const : 'after' as const } : {}),
    };
  }

  /** Binary operators by precedence climbing; prefix `!`/`-` are handled in parseUnary. */
  private parseOp(minPrec: number): Expr {
    const start = this.start(this.peek());
    let left = this.parseUnary();
    const depth = this.depth;
    for (;;) {
      const t = this.peek();
      const info = BINARY[this.kind(t)];
      if (!info || info.prec < minPrec) break;
      // Each wrap deepens the tree, so it counts toward the nesting limit too.
      this.enter();
      this.next();
      if (this.kind(t) === '?') {
        const attrpath = this.parseAttrPath();
        left = { type: 'HasAttr', expr: left, attrpath, start, end: this.lastEnd };
        continue;
      }
      const right = this.parseOp(info.assoc === 'right' ? info.prec : info.prec + 1);
      left = { type: 'Binary', op: this.kind(t) as BinaryOp, left, right, start, end: this.lastEnd };
      if (info.assoc === 'none' && BINARY[this.peekKind()]?.prec === info.prec) {
        this.fail(this.peek(), `'${this.kind(t)}' cannot be chained with '${this.peekKind()}' (add parentheses)`);
      }
    }
    this.depth = depth;
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    const op = this.kind(t);
    if (op !== '!' && op !== '-') return this.parseApp();
    this.next();
    this.enter();
    const operand = this.parseOp((op === '!' ? NOT_PREC : NEGATE_PREC) + 1);
    this.depth--;
    return { type: 'Unary', op, operand, start: this.start(t), end: this.lastEnd };
  }

  private parseApp(): Expr {
    const start = this.start(this.peek());
    let fn = this.parseSelect();
    const depth = this.depth;
    while (SIMPLE_START.has(this.peekKind())) {
      this.enter();
      const arg = this.parseSelect();
      fn = { type: 'Apply', fn, arg, start, end: this.lastEnd };
    }
    this.depth = depth;
    return fn;
  }

  private parseSelect(): Expr {
    const expr = this.parseSimple();
    const t = this.peek();
    if (this.kind(t) === 'or') {
      // Nix quirk kept for a nixpkgs function named `or`: `x or` applies x to the variable `or`.
      this.next();
      const arg: Expr = { type: 'Ident', name: 'or', start: this.start(t), end: this.end(t) };
      return { type: 'Apply', fn: expr, arg, start: expr.start, end: this.end(t) };
    }
    if (this.kind(t) !== '.') return expr;
    this.next();
    const attrpath = this.parseAttrPath();
    if (this.peekKind() !== 'or') return { type: 'Select', expr, attrpath, start: expr.start, end: this.lastEnd };
    this.next();
    this.enter();
    const fallback = this.parseSelect();
    this.depth--;
    return { type: 'Select', expr, attrpath, default: fallback, start: expr.start, end: this.lastEnd };
  }

  private parseSimple(): Expr {
    const t = this.peek();
    const start = this.start(t);
    switch (this.kind(t)) {
      case 'ID': this.next(); return { type: 'Ident', name: this.value(t), start, end: this.end(t) };
      case 'INT': this.next(); return { type: 'Int', value: Number(this.value(t)), raw: this.value(t), start, end: this.end(t) };
      case 'FLOAT': this.next(); return { type: 'Float', value: Number(this.value(t)), raw: this.value(t), start, end: this.end(t) };
      case 'SPATH': this.next(); return { type: 'SearchPath', path: this.value(t), start, end: this.end(t) };
      case 'URI': this.next(); return { type: 'Uri', value: this.value(t), start, end: this.end(t) };
      case '"': return this.parseString();
      case 'IND_OPEN': return this.parseIndentedString();
      case 'PATH': case 'HPATH': return this.parsePath();
      case '(': {
        this.enter();
        this.open('(');
        const expr = this.parseExpr();
        this.close(')');
        this.depth--;
        return { type: 'Paren', expr, start, end: this.lastEnd };
      }
      case '[': {
        this.enter();
        this.open('[');
        const elements: Expr[] = [];
        while (SIMPLE_START.has(this.peekKind())) elements.push(this.parseSelect());
        const u = this.peek();
        if (this.kind(u) !== ']' && this.kind(u) !== 'EOF' && (BINARY[this.kind(u)] || this.kind(u) === '!' || this.kind(u) === ':')) {
          this.fail(u, `unexpected ${this.describe(u)} in a list: list elements are separated by spaces, so wrap operators and function calls in parentheses`);
        }
        this.close(']');
        this.depth--;
        return { type: 'List', elements, start, end: this.lastEnd };
      }
      case 'rec': case '{': {
        if (this.kind(t) === 'rec') {
          this.next();
          if (this.peekKind() !== '{') this.fail(this.peek(), "expected '{' after 'rec'");
        }
        return this.parseAttrSet(start, this.kind(t) === 'rec');
      }
      case 'let': {
        if (this.peekKind(1) !== '{') {
          this.fail(t, "a 'let … in …' expression must be wrapped in parentheses here");
        }
        this.next();
        const set = this.parseAttrSet(start, true);
        return { type: 'LegacyLet', bindings: set.bindings, start, end: this.lastEnd };
      }
      default:
        return this.fail(t, this.kind(t) === 'EOF' ? 'expected an expression' : undefined);
    }
  }

  private parseAttrSet(start: number, rec: boolean): AttrsExpr {
    this.enter();
    this.open('{');
    const table: AttrTable = new Map();
    const bindings = this.parseBinds('}', table);
    this.close('}');
    this.depth--;
    const node: AttrsExpr = { type: 'Attrs', rec, bindings, start, end: this.lastEnd };
    this.attrTables.set(node, table);
    return node;
  }

  /** Bindings up to (not including) `terminator`. */
  parseBinds(terminator: '}' | 'in' | 'EOF', table: AttrTable = new Map()): Binding[] {
    const bindings: Binding[] = [];
    for (;;) {
      const t = this.peek();
      if (this.kind(t) === terminator) return bindings;
      if (this.kind(t) === 'inherit') { bindings.push(this.parseInherit(table)); continue; }
      if (!ATTR_START.has(this.kind(t))) {
        this.fail(t, this.kind(t) === 'EOF' && terminator === 'in' ? "expected 'in' after the let bindings" : undefined);
      }
      const path = this.parseAttrPath();
      this.expect('=', path.length > 1 ? "expected '=' after the attribute path" : "expected '=' after the attribute name");
      const value = this.parseExpr();
      this.expect(';', "expected ';' after the binding value");
      this.addAttr(table, path, value);
      bindings.push({ type: 'AttrBinding', path, value, start: this.start(t), end: this.lastEnd });
    }
  }

  private parseInherit(table: AttrTable): Binding {
    const start = this.start(this.next());
    let from: Expr | undefined;
    if (this.peekKind() === '(') {
      this.open('(');
      from = this.parseExpr();
      this.close(')');
    }
    const names: AttrName[] = [];
    while (this.peekKind() !== ';') {
      if (!ATTR_START.has(this.peekKind())) this.fail(this.peek(), "expected ';' after the inherited names");
      const name = this.parseAttr();
      if (name.name === null) throw new Failure(name.start, 'dynamic attributes not allowed in inherit');
      if (table.has(name.name)) this.duplicate(name.name, name.start, table.get(name.name)!.at);
      table.set(name.name, { kind: 'inherit', at: name.start });
      names.push(name);
    }
    this.next();
    return { type: 'Inherit', names, start, end: this.lastEnd, ...(from ? { from } : {}) };
  }

  private duplicate(shown: string, at: number, previous: number): never {
    throw new Failure(at, `attribute '${shown}' already defined at ${this.where(previous)}`);
  }

  /** Mirrors Nix's addAttr: nested paths merge with attribute-set literals, anything else is a duplicate. */
  private addAttr(table: AttrTable, path: AttrName[], value: Expr): void {
    const at = path[0]!.start;
    const dup = (previous: number): never => this.duplicate(path.map((p) => p.name ?? '${…}').join('.'), at, previous);
    let cur = table;
    for (let k = 0; k < path.length - 1; k++) {
      const name = path[k]!.name;
      if (name === null) { cur = new Map(); continue; }
      const def = cur.get(name);
      if (!def) {
        const nested: AttrTable = new Map();
        cur.set(name, { kind: 'attrs', at, table: nested });
        cur = nested;
      } else if (def.kind === 'attrs') cur = def.table;
      else dup(def.at);
    }
    const last = path[path.length - 1]!.name;
    if (last === null) return;
    let inner = value;
    while (inner.type === 'Paren') inner = inner.expr;
    const valueTable = inner.type === 'Attrs' ? this.attrTables.get(inner) : undefined;
    const def = cur.get(last);
    if (!def) {
      cur.set(last, valueTable ? { kind: 'attrs', at, table: valueTable } : { kind: 'value', at });
    } else if (def.kind === 'attrs' && valueTable) {
      for (const [key, d] of valueTable) {
        const existing = def.table.get(key);
        if (existing) this.duplicate(key, d.at, existing.at);
        def.table.set(key, d);
      }
    } else dup(def.at);
  }

  private parseAttrPath(): AttrName[] {
    const path = [this.parseAttr()];
    while (this.peekKind() === '.') {
      this.next();
      path.push(this.parseAttr());
    }
    return path;
  }

  private parseAttr(): AttrName {
    const t = this.peek();
    if (this.kind(t) === 'ID' || this.kind(t) === 'or') {
      this.next();
      return { type: 'AttrIdent', name: this.value(t), start: this.start(t), end: this.end(t) };
    }
    if (this.kind(t) === '"') {
      const string = this.parseString();
      return { type: 'AttrString', string, name: this.staticString(string), start: this.start(t), end: this.lastEnd };
    }
    if (this.kind(t) !== 'DOLLAR_CURLY') return this.fail(t, 'expected an attribute name');
    const part = this.parseInterpolation();
    let inner = part.expr;
    while (inner.type === 'Paren') inner = inner.expr;
    const name = inner.type === 'String' ? this.staticString(inner) : null;
    return { type: 'AttrInterp', expr: part.expr, name, start: this.start(t), end: this.lastEnd };
  }

  private staticString(s: StringExpr): string | null {
    if (this.concatStrings.has(s)) return null;
    let out = '';
    for (const p of s.parts) {
      if (p.type !== 'Text') return null;
      out += p.value;
    }
    return out;
  }

  private parseInterpolation(): InterpolationPart {
    this.enter();
    const open = this.open('${');
    const expr = this.parseExpr();
    this.close('}');
    this.depth--;
    return { type: 'Interpolation', expr, start: this.start(open), end: this.lastEnd };
  }

  private parseString(): StringExpr {
    const open = this.open('"');
    const parts: StringPart[] = [];
    for (;;) {
      const t = this.peek();
      if (this.kind(t) === 'STR') { this.next(); pushText(parts, this.value(t), this.start(t), this.end(t)); }
      else if (this.kind(t) === 'DOLLAR_CURLY') parts.push(this.parseInterpolation());
      else if (this.kind(t) === '"') break;
      else this.fail(t);
    }
    this.close('"');
    return { type: 'String', indented: false, parts, start: this.start(open), end: this.lastEnd };
  }

  private parseIndentedString(): StringExpr {
    const open = this.open("''");
    const pieces: IndPiece[] = [];
    for (;;) {
      const t = this.peek();
      if (this.kind(t) === 'IND_STR') {
        this.next();
        pieces.push({ type: 'Text', value: this.value(t), indent: !this.buf.escapes.has(t), start: this.start(t), end: this.end(t) });
      } else if (this.kind(t) === 'DOLLAR_CURLY') pieces.push(this.parseInterpolation());
      else if (this.kind(t) === 'IND_CLOSE') break;
      else this.fail(t);
    }
    this.close('IND_CLOSE');
    const parts: StringPart[] = [];
    for (const p of stripIndentation(pieces)) {
      if (p.type === 'Interpolation') parts.push(p);
      else if (p.value !== '') pushText(parts, p.value, p.start, p.end);
    }
    const node: StringExpr = { type: 'String', indented: true, parts, start: this.start(open), end: this.lastEnd };
    if (pieces.length > 1 || pieces.some((p) => p.type === 'Interpolation')) this.concatStrings.add(node);
    return node;
  }

  private parsePath(): Expr {
    const first = this.next();
    const parts: StringPart[] = [{ type: 'Text', value: this.value(first), start: this.start(first), end: this.end(first) }];
    // Grammar: path_start (PATH_END | STR? ${…} (STR | ${…})* PATH_END).
    if (this.peekKind() === 'STR') {
      const t = this.next();
      pushText(parts, this.value(t), this.start(t), this.end(t));
      if (this.peekKind() !== 'DOLLAR_CURLY') throw new Failure(this.start(t), "a path cannot contain '//'");
    }
    for (;;) {
      const t = this.peek();
      if (this.kind(t) === 'STR') { this.next(); pushText(parts, this.value(t), this.start(t), this.end(t)); }
      else if (this.kind(t) === 'DOLLAR_CURLY') parts.push(this.parseInterpolation());
      else if (this.kind(t) === 'PATH_END') { this.next(); break; }
      else this.fail(t);
    }
    return { type: 'Path', parts, start: this.start(first), end: this.lastEnd };
  }
}

function pushText(parts: StringPart[], value: string, start: number, end: number): void {
  const prev = parts[parts.length - 1];
  if (prev && prev.type === 'Text') {
    prev.value += value;
    prev.end = end;
  } else parts.push({ type: 'Text', value, start, end });
}

function run<T>(text: string, opts: ParseOptions | undefined, body: (p: Parser) => T): { ok: true; value: T; tokens: () => Token[] } | { ok: false; error: ParseError } {
  const lineStarts = typeof text === 'string' ? computeLineStarts(text) : [0];
  const toError = (offset: number, message: string): { ok: false; error: ParseError } => {
    const { line, column } = lineColumnAt(lineStarts, offset);
    return { ok: false, error: { line, column, offset, message } };
  };
  if (typeof text !== 'string') return toError(0, 'the input is not a string');
  const maxLength = opts?.maxLength ?? 10_000_000;
  if (text.length > maxLength) return toError(0, `the input is too long (${text.length} characters; the limit is ${maxLength})`);
  try {
    const parser = new Parser(lexToBuffer(text, false), lineStarts, opts?.maxDepth ?? 1000);
    const value = body(parser);
    parser.parseEnd();
    let tokens: Token[] | undefined;
    return { ok: true, value, tokens: () => (tokens ??= tokenize(text, lineStarts)) };
  } catch (e) {
    if (e instanceof Failure) return toError(e.offset, e.message);
    if (e instanceof RangeError) return toError(0, 'expression is nested too deeply');
    return toError(0, `internal parser error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Parses a complete Nix expression. Never throws: syntax errors (and the
 * parse-time errors Nix reports, such as duplicate attributes) come back as
 * `{ ok: false, error }` with a 1-based line/column and a readable message.
 * On success the full token list (comments included) is returned as well.
 */
export function parseNix(text: string, opts?: ParseOptions): ParseResult {
  const r = run(text, opts, (p) => p.parseExpr());
  if (!r.ok) return r;
  // Token objects (comments included) are only built if a caller reads them.
  return { ok: true, ast: r.value, get tokens() { return r.tokens(); } };
}

/**
 * Parses the inside of an attribute set — `a = 1; b.c = 2; inherit x;` —
 * as used for hand-written module fragments. Empty or comment-only input
 * yields an empty list. Accepts exactly what Nix accepts between `{` and `}`.
 */
export function parseBindings(text: string, opts?: ParseOptions): BindingsResult {
  const r = run(text, opts, (p) => p.parseBinds('EOF'));
  if (!r.ok) return r;
  return { ok: true, bindings: r.value, get tokens() { return r.tokens(); } };
}
