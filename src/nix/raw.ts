import type { Binding, Expr } from './syntax/ast';
import { staticAttrPath } from './syntax/ast';
import { freeIdentifierUses } from './syntax/free-vars';
import { withoutCarriageReturns } from './syntax/carriage-returns';
import { computeLineStarts, lineColumnAt } from './syntax/lexer';
import { parseBindings, parseNix, type BindingsResult } from './syntax/parse';

/** The last parse, since layout, free variables and checks all ask about the same text in a row. */
let last: { text: string; result: BindingsResult } | null = null;
function parse(text: string): BindingsResult {
  if (last?.text !== text) last = { text, result: parseBindings(text) };
  return last.result;
}

/** Calls `visit` on every syntax node under `node` (a generic walk: the tree is plain data). */
function walk(node: unknown, visit: (n: { type: string; start: number; end: number }) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if ('type' in node && 'start' in node) visit(node as { type: string; start: number; end: number });
  for (const value of Object.values(node)) if (typeof value === 'object') walk(value, visit);
}

/**
 * Splits verbatim Nix into lines and names the lines that begin inside a string literal, which
 * the printer must not re-indent: that would change the string. Unparseable text is kept as it is.
 */
export function rawLayout(written: string): { lines: string[]; linesInsideStrings: Set<number> } {
  // No CR reaches the module: an editor that evens out line ends would change strings that hold one.
  const text = withoutCarriageReturns(written);
  const lines = text.split('\n');
  const bindings = parse(text);
  // A setting's value is an expression, not bindings: its strings are found the same way.
  const expression = bindings.ok ? null : parseExpression(text);
  const tree = bindings.ok ? bindings.bindings : expression?.ok ? expression.ast : null;
  const insideStrings = new Set<number>();
  if (tree === null) {
    // Without a tree we cannot tell where strings are: keep every line as written.
    lines.forEach((_, i) => i > 0 && insideStrings.add(i));
    return { lines, linesInsideStrings: insideStrings };
  }
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  walk(tree, (n) => {
    if (n.type !== 'String') return;
    for (let i = 1; i < lines.length; i++) if (starts[i] > n.start && starts[i] < n.end) insideStrings.add(i);
  });
  return {
    lines: lines.map((l, i) => (insideStrings.has(i) || insideStrings.has(i + 1) ? l : l.replace(/\r$/, ''))),
    linesInsideStrings: insideStrings,
  };
}

/** Arguments NixOS passes to every module: a name used under `with` that is one of these is still the argument. */
const MODULE_ARGUMENTS = new Set(['config', 'options', 'lib', 'pkgs', 'modulesPath']);

/**
 * Names the bindings use from outside (`config`, `pkgs`, `lib` …), i.e. the module arguments they
 * need. A name used only under `with` (`with pkgs; [ steam ]`) comes from the `with` unless it is
 * a module argument: listing `steam` as an argument would shadow `pkgs.steam` with a missing argument.
 */
export function rawFreeVariables(text: string): Set<string> {
  const result = parse(text);
  if (!result.ok) return new Set();
  const { outside, underWith } = freeIdentifierUses(result.bindings);
  for (const name of underWith) if (MODULE_ARGUMENTS.has(name)) outside.add(name);
  return outside;
}

/** The last expression parsed, as for bindings. */
let lastExpr: { text: string; result: ReturnType<typeof parseNix> } | null = null;
function parseExpression(text: string): ReturnType<typeof parseNix> {
  if (lastExpr?.text !== text) lastExpr = { text, result: parseNix(text) };
  return lastExpr.result;
}

/** The module arguments a verbatim Nix *expression* (a setting's value or condition) uses, as rawFreeVariables. */
export function rawExprFreeVariables(text: string): Set<string> {
  const result = parseExpression(text);
  if (!result.ok) return new Set();
  const { outside, underWith } = freeIdentifierUses(result.ast);
  for (const name of underWith) if (MODULE_ARGUMENTS.has(name)) outside.add(name);
  return outside;
}

/**
 * Verbatim expression text with a line break after it when it ends in a `#` comment (`true # why`):
 * written on one line, the comment would swallow what follows it (`;`, `]`, `)`).
 */
export function closedExpression(text: string): string {
  if (!text.includes('#') || parseExpression(text).ok === false) return text;
  return parseNix(`(${text})`).ok ? text : `${text}\n`;
}

/** Where a verbatim Nix expression fails to parse, or null; and its syntax tree's root type when it parses. */
export function rawExprCheck(text: string): { error: { line: number; column: number; message: string } | null; rootType: string | null } {
  const result = parseExpression(text);
  if (!result.ok) return { error: { line: result.error.line, column: result.error.column, message: result.error.message }, rootType: null };
  return { error: null, rootType: result.ast.type };
}

export interface RawOption {
  /** Dotted option path, `services.xserver.enable`. */
  path: string;
  line: number;
}

export interface RawCheck {
  error: { line: number; column: number; message: string } | null;
  /** Option paths the bindings set, down to the values that are not attribute-set literals. */
  optionPaths: string[];
  options: RawOption[];
}

/** Checks that text is valid Nix bindings and lists the option paths it sets. */
export function rawCheck(text: string): RawCheck {
  const result = parse(text);
  if (!result.ok) {
    const { line, column, message } = result.error;
    return { error: { line, column, message }, optionPaths: [], options: [] };
  }
  const lineStarts = computeLineStarts(text);
  const options: RawOption[] = [];
  const collect = (bindings: Binding[], prefix: string[]) => {
    for (const b of bindings) {
      const line = lineColumnAt(lineStarts, b.start).line;
      if (b.type === 'Inherit') {
        for (const n of b.names) if (n.name !== null) options.push({ path: [...prefix, n.name].join('.'), line });
        continue;
      }
      const path = staticAttrPath(b.path);
      if (path === null) continue;
      const value: Expr = b.value;
      if (value.type === 'Attrs' && !value.rec && value.bindings.length) collect(value.bindings, [...prefix, ...path]);
      else options.push({ path: [...prefix, ...path].join('.'), line });
    }
  };
  collect(result.bindings, []);
  return { error: null, optionPaths: options.map((o) => o.path), options };
}
