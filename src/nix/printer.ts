import type { Binding, Expr } from './ast';
import { attrName, attrPath, commentText, indentedStringLines, nixString } from './strings';

export interface LineRange {
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

/**
 * Which output lines each model path (`specialisations[0].users[1].uid`) produced. Recording is
 * three array pushes, since a big project records hundreds of thousands of ranges; the lookup
 * index is built on first use.
 */
export class SourceMap {
  private readonly paths: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private index: Map<string, LineRange[]> | null = null;
  /** Maps of pieces printed earlier, each with the line offset it sits at (kept, not copied). */
  private readonly children: { map: SourceMap; offset: number }[] = [];
  /** The {@link head}s of every path here and below, to skip whole pieces in {@link under}. */
  private heads: Set<string> | null = null;

  /** Takes in the ranges of `map`, moved down by `offset` lines, without copying them. */
  include(map: SourceMap, offset: number): void {
    this.children.push({ map, offset });
    this.index = null;
    this.heads = null;
  }

  /** Calls `fn` for every range, children included. */
  private each(fn: (path: string, start: number, end: number) => void, offset = 0): void {
    for (let i = 0; i < this.paths.length; i++) fn(this.paths[i], this.starts[i] + offset, this.ends[i] + offset);
    for (const c of this.children) c.map.each(fn, offset + c.offset);
  }

  add(path: string, start: number, end: number): void {
    this.paths.push(path);
    this.starts.push(start);
    this.ends.push(end);
    this.index = null;
    this.heads = null;
  }

  private headsHere(): Set<string> {
    if (!this.heads) {
      const heads = new Set<string>();
      this.each((p) => heads.add(head(p)));
      this.heads = heads;
    }
    return this.heads;
  }

  /** Ranges produced by exactly this path. */
  get(path: string): LineRange[] {
    if (!this.index) {
      const index = new Map<string, LineRange[]>();
      this.each((p, start, end) => {
        const list = index.get(p);
        if (list) list.push({ start, end });
        else index.set(p, [{ start, end }]);
      });
      this.index = index;
    }
    return this.index.get(path) ?? [];
  }

  /** Ranges produced by this path and every path under it (`specialisations[0].users[1]` covers its fields). */
  under(prefix: string): LineRange[] {
    const out: LineRange[] = [];
    // A prefix within one item (`specialisations[3]…`) is only in the pieces that hold paths of that item: the
    // others (the other specialisations, printed earlier and kept) are skipped by their heads, computed once each.
    const h = head(prefix);
    this.collectUnder(prefix, h.endsWith(']') ? h : null, 0, out);
    return out;
  }

  private collectUnder(prefix: string, h: string | null, offset: number, out: LineRange[]): void {
    for (let i = 0; i < this.paths.length; i++) {
      const p = this.paths[i];
      if (p === prefix || (p.startsWith(prefix) && (p[prefix.length] === '.' || p[prefix.length] === '[')))
        out.push({ start: this.starts[i] + offset, end: this.ends[i] + offset });
    }
    for (const c of this.children) if (h === null || c.map.headsHere().has(h)) c.map.collectUnder(prefix, h, offset + c.offset, out);
  }

  /** Every path that produced output. */
  allPaths(): string[] {
    const out = new Set<string>();
    this.each((p) => out.add(p));
    return [...out];
  }
}

/** A path's first name with its first index, if any: `specialisations[3]` of `specialisations[3].users[0].uid`. */
function head(path: string): string {
  const m = /^[^.[]*(\[\d+\])?/.exec(path);
  return m ? m[0] : path;
}

export interface Printed {
  text: string;
  sourceMap: SourceMap;
}

const WIDTH = 100;
const INDENT = '  ';

/**
 * Re-indents verbatim Nix for its place in the output. Lines that begin inside a string literal
 * are left exactly as they are, so the string's value cannot change; `stringLines` names them
 * (0-based line numbers of `text`).
 */
export type RawLayout = (text: string) => { lines: string[]; linesInsideStrings: Set<number> };

const defaultRawLayout: RawLayout = (text) => ({ lines: text.split('\n'), linesInsideStrings: new Set() });

function trimEnd(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  return last === 32 || last === 9 ? line.replace(/[ \t]+$/, '') : line;
}

/**
 * How wide a tab is in the indentation of `lines` (text re-indented into the module, which is
 * indented with spaces): one level, two columns as the module is written, where tabs indent
 * (spaces after them align); but where some lines are indented with spaces alone and others with
 * tabs, a tab goes on to the next multiple of 8, as a terminal shows it.
 */
export function tabWidth(lines: readonly string[]): number {
  let tabs = false;
  let spacesAlone = false;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const blanks = /^[ \t]*/.exec(l)![0];
    if (blanks.includes('\t')) tabs = true;
    else if (blanks !== '') spacesAlone = true;
  }
  return tabs && spacesAlone ? 8 : 2;
}

/** Columns of a line's leading blanks, a tab going on to the next multiple of `tab`. */
export function indentColumns(line: string, tab: number): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 9) n += tab - (n % tab);
    else break;
  }
  return n;
}

const pathCache = new Map<string, string>();
const nameCache = new Map<string, string>();
/** `a.b."c d"` — cached, since the same option paths repeat for every user and specialisation. */
function pathText(path: readonly string[]): string {
  // Most bindings have a one-name path (`uid = 1001;`): looked up by the name itself, with no key to build.
  const one = path.length === 1;
  const cache = one ? nameCache : pathCache;
  const key = one ? path[0] : path.join('\u0000');
  let text = cache.get(key);
  if (text === undefined) {
    text = one ? attrName(key) : path.map(attrName).join('.');
    if (cache.size > 10_000) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** Sets whose printed lines are kept, per indentation (see {@link reusable}). */
const reusableSets = new WeakMap<Extract<Expr, { type: 'attrs' }>, Map<string, Printed & { lineCount: number; rawLayout: RawLayout }>>();

/**
 * Marks a set that the caller gives again, as the same object, for as long as it means the same (the
 * generator's per-user sets: typing in one of 20,000 users must not print the other 19,999 again):
 * the printer keeps its lines and prints them once per indentation. The set and its bindings are
 * frozen, since the kept lines must go on meaning them.
 */
export function reusable(e: Extract<Expr, { type: 'attrs' }>): Extract<Expr, { type: 'attrs' }> {
  for (const b of e.bindings) Object.freeze(b);
  Object.freeze(e.bindings);
  reusableSets.set(Object.freeze(e), new Map());
  return e;
}

/**
 * Prints a Nix expression in the layout nixfmt (RFC 166) gives, with a source map; `withMap` false
 * records none (the map is empty), for text alone.
 */
export function print(root: Expr, rawLayout: RawLayout = defaultRawLayout, withMap = true): Printed {
  const { lines, sourceMap } = printLines(root, rawLayout, withMap);
  return { text: lines.text, sourceMap };
}

/**
 * Printed text as the printer made it: parts that, joined with line breaks, are the text. A part starts a line; it
 * is one line, or a piece of several lines printed earlier and kept (the same string as last time, when its
 * specialisation did not change). The text is joined only when it is read: copying a module of tens of thousands of
 * lines takes milliseconds, and a preview that compares parts (`partsChanged`) needs none of it.
 */
export class PrintedLines {
  private joined: string | null = null;
  readonly parts: readonly string[];
  constructor(parts: readonly string[]) {
    this.parts = parts;
  }

  get text(): string {
    return (this.joined ??= this.parts.join('\n'));
  }
}

/** Like {@link print}, with the text as {@link PrintedLines}. */
export function printLines(root: Expr, rawLayout: RawLayout = defaultRawLayout, withMap = true): { lines: PrintedLines; sourceMap: SourceMap } {
  const p = createPrinter(rawLayout, withMap);
  p.expr(root, '');
  const { lines, sourceMap } = p.finish();
  // The final newline from the join itself: `join(…) + '\n'` would copy a big module a second time when it is read.
  lines.push('');
  return { lines: new PrintedLines(lines), sourceMap };
}

/** Line breaks inside a part (pieces of several lines have some); remembered for long parts, which repeat. */
export function breaksIn(part: string): number {
  if (part.length > 256) {
    const known = breakCounts.get(part);
    if (known !== undefined) return known;
  }
  let n = 0;
  for (let i = part.indexOf('\n'); i !== -1; i = part.indexOf('\n', i + 1)) n++;
  if (part.length > 256) {
    if (breakCounts.size > 20_000) breakCounts.clear();
    breakCounts.set(part, n);
  }
  return n;
}
// A string key's hash is kept in the string: looking up the same kept piece again costs no scan of it.
const breakCounts = new Map<string, number>();

/**
 * Where two printed texts differ, by parts: the first part that differs, and how many parts at the end are the same
 * (never overlapping the start). Kept pieces are the same strings, so they compare at once. `line` is the 1-based
 * line of the first differing part in both texts. Null when the texts are the same.
 */
export function partsChanged(a: readonly string[], b: readonly string[]): { start: number; sameEnd: number; line: number } | null {
  const n = Math.min(a.length, b.length);
  let start = 0;
  while (start < n && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return null;
  let sameEnd = 0;
  while (sameEnd < n - start && a[a.length - 1 - sameEnd] === b[b.length - 1 - sameEnd]) sameEnd++;
  let line = 1;
  for (let i = 0; i < start; i++) line += breaksIn(a[i]) + 1;
  return { start, sameEnd, line };
}

/**
 * Prints bindings as they appear inside a set at `indent`: the lines, and a source map whose line
 * numbers count from the first of them. The generator caches these per specialisation.
 */
export function printBindings(
  list: Binding[],
  indent: string,
  rawLayout: RawLayout = defaultRawLayout,
  withMap = true,
): { text: string; lineCount: number; sourceMap: SourceMap } {
  const p = createPrinter(rawLayout, withMap);
  p.bindings(list, indent);
  const { lines, lineCount, sourceMap } = p.finish();
  // bindings() starts each binding on a new line: the first line is the empty one before it.
  const shifted = new SourceMap();
  if (withMap) shifted.include(sourceMap, -1);
  return { text: lines.slice(1).join('\n'), lineCount: lineCount - 1, sourceMap: shifted };
}

function createPrinter(rawLayout: RawLayout, withMap: boolean) {
  /** Output pieces: one line each, except printed chunks, which hold several. */
  const lines: string[] = [];
  /** Lines written so far (pieces may hold several). */
  let lineCount = 0;
  const sourceMap = new SourceMap();
  let current = '';

  /** Ends the current line; `verbatim` keeps trailing blanks (a line inside a string literal). */
  /** The text written last ends in a `#` comment: what follows on its line would be part of the comment. */
  let inComment = false;
  const newline = (indent: string, verbatim = false) => {
    inComment = false;
    lines.push(verbatim ? current : trimEnd(current));
    lineCount++;
    current = indent;
  };

  /** The expression on one line, or null when nixfmt would break it. */
  const flat = (e: Expr): string | null => {
    switch (e.type) {
      case 'string':
        return indentedStringLines(e.value) === null ? nixString(e.value) : null;
      case 'int':
        return String(e.value);
      case 'bool':
        return String(e.value);
      case 'null':
        return 'null';
      case 'var':
        return e.name;
      case 'select': {
        const from = flat(e.from);
        return from === null ? null : `${from}.${attrPath(e.path)}`;
      }
      case 'apply': {
        const fn = flat(e.fn);
        const arg = flat(e.arg);
        if (fn === null || arg === null) return null;
        return `${fn} ${needsParens(e.arg) ? `(${arg})` : arg}`;
      }
      case 'list': {
        if (e.items.length === 0) return '[ ]';
        if (e.items.length > 1) return null;
        const item = flat(e.items[0]);
        return item === null ? null : `[ ${item} ]`;
      }
      case 'attrs':
        return e.bindings.length === 0 ? '{ }' : null;
      case 'with': {
        const scope = flat(e.scope);
        const body = flat(e.body);
        return scope === null || body === null ? null : `with ${scope}; ${body}`;
      }
      case 'lambda':
        return null;
      case 'raw':
        return e.text.includes('\n') ? null : e.text;
    }
  };

  /** `f a { … }` (or `lib.mkMerge [ … ]`) whose head fits on the line: nixfmt writes the last argument from there. */
  const absorbsLast = (e: Expr, column: number): boolean => {
    if (e.type !== 'apply') return false;
    const head = flat(e.fn);
    if (head === null || column + head.length + 3 > WIDTH) return false;
    return (e.arg.type === 'attrs' && e.arg.bindings.length > 0) || (e.arg.type === 'list' && e.arg.items.length > 1 && head === 'lib.mkMerge');
  };

  const needsParens = (e: Expr) => e.type === 'apply' || e.type === 'lambda' || e.type === 'with';

  const formals = (e: Extract<Expr, { type: 'lambda' }>, indent: string) => {
    const names = [...e.formals, ...(e.ellipsis ? ['...'] : [])];
    const at = e.param === undefined ? '' : `@${e.param}`;
    if (e.formals.length <= 2) {
      current += names.length === 0 ? `{ }${at}:` : `{ ${names.join(', ')} }${at}:`;
      return;
    }
    current += '{';
    for (const name of names) {
      newline(indent + INDENT);
      current += name === '...' ? name : `${name},`;
    }
    newline(indent);
    current += `}${at}:`;
  };

  /** Writes `e` starting at the current column; `indent` is the indentation of the line it starts on. */
  const expr = (e: Expr, indent: string, known?: string | null): void => {
    const oneLine = known === undefined ? flat(e) : known;
    if (oneLine !== null && !oneLine.includes('\n') && current.length + oneLine.length <= WIDTH) {
      current += oneLine;
      return;
    }
    switch (e.type) {
      case 'list':
        current += '[';
        for (const item of e.items) {
          newline(indent + INDENT);
          expr(item, indent + INDENT);
        }
        newline(indent);
        current += ']';
        return;
      case 'attrs': {
        current += '{';
        const kept = reusableSets.get(e);
        let printed = kept?.get(indent);
        // Lines are kept with their map: a print without one uses kept lines but keeps none.
        if (kept && printed?.rawLayout !== rawLayout && withMap) {
          printed = { ...printBindings(e.bindings, indent + INDENT, rawLayout), rawLayout };
          kept.set(indent, printed);
        }
        if (printed?.rawLayout === rawLayout) piece(printed.text, printed.lineCount, printed.sourceMap);
        else bindings(e.bindings, indent + INDENT);
        newline(indent);
        current += '}';
        return;
      }
      case 'with':
        current += `with ${flat(e.scope) ?? ''}; `;
        expr(e.body, indent);
        return;
      case 'lambda':
        formals(e, indent);
        newline(indent);
        expr(e.body, indent);
        return;
      case 'apply':
        expr(e.fn, indent);
        if (inComment) newline(indent + INDENT);
        else current += ' ';
        if (needsParens(e.arg)) {
          current += '(';
          expr(e.arg, indent);
          if (inComment) newline(indent);
          current += ')';
        } else expr(e.arg, indent);
        return;
      case 'raw':
        rawText(e.text, indent);
        return;
      case 'string': {
        // Text of several lines, as people write it: an indented string.
        const content = indentedStringLines(e.value);
        if (content === null) {
          current += nixString(e.value);
          return;
        }
        current += "''";
        for (const line of content) {
          newline(line === '' ? '' : indent + INDENT);
          current += line;
        }
        newline(indent);
        current += "''";
        return;
      }
      default:
        current += oneLine ?? '';
    }
  };

  /** Verbatim text, re-indented to `indent` except lines that begin inside a string literal. */
  const rawText = (text: string, indent: string) => {
    const { lines: rawLines, linesInsideStrings } = rawLayout(text);
    const tab = tabWidth(rawLines.filter((_, i) => i > 0 && !linesInsideStrings.has(i)));
    const leading = (l: string) => indentColumns(l, tab);
    const common = Math.min(
      ...rawLines.filter((l, i) => i > 0 && !linesInsideStrings.has(i) && l.trim() !== '').map(leading),
      Infinity,
    );
    // Text ending in a line break after a `#` comment (closedExpression): the break comes before what follows.
    const closing = rawLines.length > 1 && rawLines[rawLines.length - 1] === '' && !linesInsideStrings.has(rawLines.length - 1);
    if (closing) rawLines.pop();
    rawLines.forEach((line, i) => {
      if (i === 0) {
        current += line.trimStart();
        return;
      }
      const verbatim = linesInsideStrings.has(i);
      // The line break itself is inside a string when line i begins inside one: keep line i-1's end as is.
      newline(indent, verbatim);
      if (verbatim) current = line;
      else if (line.trim() === '') current = '';
      else current += ' '.repeat(leading(line) - Math.min(common, leading(line))) + line.replace(/^[ \t]+/, '');
    });
    if (closing) inComment = true;
  };

  const record = (sources: string[] | undefined, start: number) => {
    if (!sources || !withMap) return;
    const end = lineCount + 1;
    for (const s of sources) sourceMap.add(s, start, end);
  };

  /** Bindings printed before (by printBindings), on lines of their own from here. */
  const piece = (text: string, count: number, map: SourceMap) => {
    newline('');
    if (withMap) sourceMap.include(map, lineCount);
    // The piece goes in as one; `current` continues on its last line.
    const last = text.lastIndexOf('\n');
    if (last >= 0) {
      lines.push(text.slice(0, last));
      lineCount += count - 1;
    }
    current = text.slice(last + 1);
  };

  const bindings = (list: Binding[], indent: string) => {
    for (const b of list) {
      if (b.type === 'printed') {
        piece(b.text, b.lineCount, b.sourceMap);
        continue;
      }
      if (b.type === 'raw') {
        const trimmed = b.text.replace(/^\s*\n/, '').replace(/\s+$/, '');
        if (trimmed === '') continue;
        newline(indent);
        const start = lineCount + 1;
        rawText(trimmed, indent);
        record(b.sources, start);
        continue;
      }
      if (b.comment) {
        newline(indent);
        current += `# ${commentText(b.comment)}`;
      }
      newline(indent);
      const start = lineCount + 1;
      current += `${pathText(b.path)} =`;
      const value = b.value;
      const oneLine = flat(value);
      if (oneLine !== null && current.length + 1 + oneLine.length + 1 <= WIDTH) current += ` ${oneLine}`;
      else if (absorbsLast(value, current.length)) {
        // nixfmt keeps `x = lib.mkIf c {` on the `=` line: the set (or mkMerge's list) opens there.
        current += ' ';
        expr(value, indent);
      } else if (value.type === 'lambda' || value.type === 'apply' || value.type === 'select' || (value.type === 'raw' && !opensOnLine(value.text))) {
        // nixfmt moves a function (or a long application) to its own, indented line.
        newline(indent + INDENT);
        expr(value, indent + INDENT);
      } else {
        current += ' ';
        expr(value, indent, oneLine);
      }
      if (inComment) newline(indent);
      current += ';';
      record(b.sources, start);
    }
  };

  const finish = () => {
    lines.push(trimEnd(current));
    lineCount++;
    current = '';
    return { lines, lineCount, sourceMap };
  };
  return { expr, bindings, finish };
}

/** Verbatim text that nixfmt starts on the `=` line: a set, a list or an indented string (`x = {`). */
const opensOnLine = (text: string): boolean => /^(\{|\[|'')/.test(text.trimStart());
