/**
 * Syntax tree for the Nix expression language.
 *
 * Every node carries `start`/`end` UTF-16 offsets into the parsed text
 * (`end` exclusive), so callers can slice the original source, map nodes
 * back to editor positions, or recover comments from the token list that
 * sits between two nodes.
 */

/** Offsets of a node in the source text; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A bare name with its own source range (lambda parameter, formal). */
export interface Name extends Span {
  name: string;
}

export interface IntExpr extends Span {
  type: 'Int';
  /** Numeric value; exact up to 2^53, use `BigInt(raw)` beyond that. */
  value: number;
  raw: string;
}

export interface FloatExpr extends Span {
  type: 'Float';
  value: number;
  raw: string;
}

/** Literal text of a string or path, already decoded (escapes resolved, indentation stripped). */
export interface TextPart extends Span {
  type: 'Text';
  value: string;
}

/** `${expr}` inside a string or path. */
export interface InterpolationPart extends Span {
  type: 'Interpolation';
  expr: Expr;
}

export type StringPart = TextPart | InterpolationPart;

export interface StringExpr extends Span {
  type: 'String';
  /** True for `''…''` strings. */
  indented: boolean;
  /** Adjacent literal pieces are merged; empty literals are dropped. */
  parts: StringPart[];
}

/** `./a/b`, `/abs`, `~/x`, `a/b`, possibly with `${}` pieces. Text parts are raw source. */
export interface PathExpr extends Span {
  type: 'Path';
  parts: StringPart[];
}

/** `<nixpkgs/lib>`; `path` is the text between the angle brackets. */
export interface SearchPathExpr extends Span {
  type: 'SearchPath';
  path: string;
}

/** Unquoted URL literal such as `https://example.org/x`. */
export interface UriExpr extends Span {
  type: 'Uri';
  value: string;
}

export interface IdentExpr extends Span {
  type: 'Ident';
  name: string;
}

/** `e.a.b` or `e.a.b or default`. */
export interface SelectExpr extends Span {
  type: 'Select';
  expr: Expr;
  attrpath: AttrName[];
  default?: Expr;
}

/** `e ? a.b` */
export interface HasAttrExpr extends Span {
  type: 'HasAttr';
  expr: Expr;
  attrpath: AttrName[];
}

/** Function application; `f a b` is `Apply(Apply(f, a), b)`. */
export interface ApplyExpr extends Span {
  type: 'Apply';
  fn: Expr;
  arg: Expr;
}

export interface Formal extends Span {
  name: string;
  default?: Expr;
}

/** The `{ a, b ? 1, ... }` part of a lambda; the span covers the braces. */
export interface Formals extends Span {
  entries: Formal[];
  ellipsis: boolean;
}

/**
 * `x: body`, `{ a, ... }: body`, `args@{ a }: body` or `{ a }@args: body`.
 * At least one of `param` and `formals` is present.
 */
export interface LambdaExpr extends Span {
  type: 'Lambda';
  param?: Name;
  formals?: Formals;
  /** Where `@name` was written when both `param` and `formals` are present. */
  paramPosition?: 'before' | 'after';
  body: Expr;
}

export interface LetExpr extends Span {
  type: 'Let';
  bindings: Binding[];
  body: Expr;
}

/** Deprecated `let { …; body = …; }`, which Nix still accepts (it evaluates `body`). */
export interface LegacyLetExpr extends Span {
  type: 'LegacyLet';
  bindings: Binding[];
}

export interface WithExpr extends Span {
  type: 'With';
  env: Expr;
  body: Expr;
}

export interface AssertExpr extends Span {
  type: 'Assert';
  cond: Expr;
  body: Expr;
}

export interface IfExpr extends Span {
  type: 'If';
  cond: Expr;
  then: Expr;
  else: Expr;
}

export interface AttrsExpr extends Span {
  type: 'Attrs';
  rec: boolean;
  bindings: Binding[];
}

export interface ListExpr extends Span {
  type: 'List';
  elements: Expr[];
}

export interface UnaryExpr extends Span {
  type: 'Unary';
  op: '!' | '-';
  operand: Expr;
}

export type BinaryOp =
  | '++' | '*' | '/' | '+' | '-' | '//'
  | '<' | '<=' | '>' | '>='
  | '==' | '!=' | '&&' | '||' | '->';

export interface BinaryExpr extends Span {
  type: 'Binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

/** Kept so printers and editors can preserve the author's parentheses. */
export interface ParenExpr extends Span {
  type: 'Paren';
  expr: Expr;
}

export type Expr =
  | IntExpr | FloatExpr | StringExpr | PathExpr | SearchPathExpr | UriExpr
  | IdentExpr | SelectExpr | HasAttrExpr | ApplyExpr | LambdaExpr
  | LetExpr | LegacyLetExpr | WithExpr | AssertExpr | IfExpr
  | AttrsExpr | ListExpr | UnaryExpr | BinaryExpr | ParenExpr;

/**
 * One component of an attribute path. `name` is the statically known name
 * using Nix's own rule (an identifier, a string without interpolation, or
 * `${ "literal" }`), or null when the name is only known at evaluation time.
 */
export type AttrName =
  | (Span & { type: 'AttrIdent'; name: string })
  | (Span & { type: 'AttrString'; string: StringExpr; name: string | null })
  | (Span & { type: 'AttrInterp'; expr: Expr; name: string | null });

/** `a.b.c = value;` — the span includes the `;`. */
export interface AttrBinding extends Span {
  type: 'AttrBinding';
  path: AttrName[];
  value: Expr;
}

/** `inherit a "b";` or `inherit (from) a b;` — the span includes the `;`. */
export interface InheritBinding extends Span {
  type: 'Inherit';
  from?: Expr;
  names: AttrName[];
}

export type Binding = AttrBinding | InheritBinding;

export type Node = Expr | Binding;

/**
 * Returns the statically known attribute path (e.g. `['services', 'nginx', 'enable']`),
 * or null if any component is computed at evaluation time.
 */
export function staticAttrPath(path: readonly AttrName[]): string[] | null {
  const out: string[] = [];
  for (const part of path) {
    if (part.name === null) return null;
    out.push(part.name);
  }
  return out;
}

/**
 * Returns the literal value of a string without interpolation, or null.
 * Useful for reading option values such as `description = "…";`.
 */
export function stringLiteralValue(expr: Expr): string | null {
  if (expr.type !== 'String') return null;
  let out = '';
  for (const part of expr.parts) {
    if (part.type !== 'Text') return null;
    out += part.value;
  }
  return out;
}
