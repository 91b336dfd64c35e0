/**
 * Lexer for the Nix expression language, modelled on Nix 2.8's flex scanner
 * (src/libexpr/lexer.l): the same longest-match rules and the same start
 * condition stack, so that quirks such as `1/2` being a path, `x:x` being a
 * URI or `a-b` being one identifier come out exactly as Nix sees them.
 */
import type { InterpolationPart } from './ast';

export type Keyword = 'if' | 'then' | 'else' | 'assert' | 'with' | 'let' | 'in' | 'rec' | 'inherit' | 'or';

export type Punct =
  | '...' | '==' | '!=' | '<=' | '>=' | '&&' | '||' | '->' | '//' | '++'
  | '{' | '}' | '[' | ']' | '(' | ')' | ';' | ':' | ',' | '=' | '@' | '?' | '.'
  | '!' | '+' | '-' | '*' | '/' | '<' | '>' | '"';

export type TokenKind =
  | Keyword | Punct
  | 'ID' | 'INT' | 'FLOAT'
  /** First piece of a path; `value` is the raw text. */
  | 'PATH' | 'HPATH'
  /** `<…>`; `value` is the text between the brackets. */
  | 'SPATH'
  | 'URI'
  /** Literal piece of a `"…"` string (decoded) or of an interpolated path (raw). */
  | 'STR'
  /** Literal piece of a `''…''` string; `escape` marks `''$`, `'''`, `''\x`, lone `$` and `'`. */
  | 'IND_STR'
  | 'IND_OPEN' | 'IND_CLOSE'
  | 'DOLLAR_CURLY'
  /** Zero-width marker after the last piece of a path. */
  | 'PATH_END'
  | 'COMMENT'
  /** A character that starts no token (`|`, `$`, `~`, non-ASCII, …). */
  | 'CHAR'
  /** A lexical error; `value` holds the message. Lexing stops here. */
  | 'ERROR'
  | 'EOF';

/** A token; offsets are UTF-16 code units into the source, `end` exclusive. */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** 1-based line; CR, LF and CRLF each end a line. */
  line: number;
  /** 1-based column counted in UTF-16 code units. */
  column: number;
  /** Source text of identifiers, keywords, numbers, paths and URIs; decoded text of string pieces; the message of an `ERROR`. */
  value: string | undefined;
  /** Set on `IND_STR` escapes, which Nix never counts as indentation. */
  escape: boolean | undefined;
}

// Flex start conditions; plain numbers because the project bans enums (erasableSyntaxOnly).
const State = { Initial: 0, Default: 1, String: 2, IndString: 3, InPath: 4, InPathSlash: 5 } as const;
type State = (typeof State)[keyof typeof State];

const KEYWORDS: ReadonlySet<string> = new Set(['if', 'then', 'else', 'assert', 'with', 'let', 'in', 'rec', 'inherit', 'or']);

/** The two-character operators of the grammar, by their two char codes. */
function twoCharOp(c: number, d: number): TokenKind | null {
  switch (c) {
    case 61: return d === 61 ? '==' : null;
    case 33: return d === 61 ? '!=' : null;
    case 60: return d === 61 ? '<=' : null;
    case 62: return d === 61 ? '>=' : null;
    case 38: return d === 38 ? '&&' : null;
    case 124: return d === 124 ? '||' : null;
    case 45: return d === 62 ? '->' : null;
    case 47: return d === 47 ? '//' : null;
    case 43: return d === 43 ? '++' : null;
    default: return null;
  }
}
const SINGLE_PUNCT = '{}[]();:,=@?.!+-*/<>"';

// Character class bits for ASCII; everything else belongs to no class.
const ID_START = 1, ID_CHAR = 2, PATH_CHAR = 4, DIGIT = 8, SCHEME = 16, URI_CHAR = 32, ALPHA = 64;
const CLASS = new Uint8Array(128);
(() => {
  const add = (chars: string, bit: number) => {
    for (const ch of chars) { const c = ch.charCodeAt(0); CLASS[c] = (CLASS[c] ?? 0) | bit; }
  };
  const lower = 'abcdefghijklmnopqrstuvwxyz', upper = lower.toUpperCase(), digits = '0123456789';
  const alnum = lower + upper + digits;
  add(lower + upper + '_', ID_START);
  add(alnum + "_'-", ID_CHAR);
  add(alnum + '._-+', PATH_CHAR);
  add(digits, DIGIT);
  add(alnum + '+-.', SCHEME);
  add(alnum + "%/?:@&=+$,-_.!~*'", URI_CHAR);
  add(lower + upper, ALPHA);
})();

/** Offsets at which each line starts; index 0 is line 1. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of `offset`, given `computeLineStarts(text)`. */
export function lineColumnAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/** Decodes the body of a `"…"` piece (or one `''\x` escape): `\x` → x except n/r/t, raw CR/CRLF → LF. */
export function unescapeString(raw: string): string {
  if (raw.indexOf('\\') < 0 && raw.indexOf('\r') < 0) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const e = raw[++i]!;
      out += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
    } else if (ch === '\r') {
      out += '\n';
      if (raw[i + 1] === '\n') i++;
    } else out += ch;
  }
  return out;
}

/** One piece of a `''…''` string: literal text (`indent` is false for escapes) or an interpolation. */
export type IndPiece = { type: 'Text'; value: string; indent: boolean; start: number; end: number } | InterpolationPart;

/**
 * Nix 2.8's stripIndentation: the smallest indentation of non-blank lines is
 * removed; escapes and interpolations end a line's leading whitespace but are
 * never counted as indentation; a final line of only spaces is dropped.
 */
export function stripIndentation(pieces: readonly IndPiece[]): Array<{ type: 'Text'; value: string; start: number; end: number } | InterpolationPart> {
  let atStart = true, minIndent = 1000000, cur = 0;
  for (const p of pieces) {
    if (p.type === 'Interpolation' || !p.indent) {
      if (atStart) { atStart = false; minIndent = Math.min(minIndent, cur); }
      continue;
    }
    const v = p.value;
    for (let j = 0; j < v.length; j++) {
      const ch = v.charCodeAt(j);
      if (atStart) {
        if (ch === 32) cur++;
        else if (ch === 10) cur = 0;
        else { atStart = false; minIndent = Math.min(minIndent, cur); }
      } else if (ch === 10) { atStart = true; cur = 0; }
    }
  }
  atStart = true;
  let dropped = 0;
  return pieces.map((p, index) => {
    if (p.type === 'Interpolation') { atStart = false; dropped = 0; return p; }
    const v = p.value;
    let s = '', kept = 0;
    for (let j = 0; j < v.length; j++) {
      const ch = v.charCodeAt(j);
      if (atStart) {
        if (ch === 32) {
          if (dropped++ < minIndent) { s += v.slice(kept, j); kept = j + 1; }
        } else if (ch === 10) dropped = 0;
        else { atStart = false; dropped = 0; }
      } else if (ch === 10) atStart = true;
    }
    s += v.slice(kept);
    if (index === pieces.length - 1) {
      const nl = s.lastIndexOf('\n');
      if (nl >= 0 && /^ *$/.test(s.slice(nl + 1))) s = s.slice(0, nl + 1);
    }
    return { type: 'Text', value: s, start: p.start, end: p.end };
  });
}

const DBL_MIN = 2.2250738585072014e-308;

/**
 * Tokens in parallel arrays: far fewer allocations than one object per
 * token, which keeps garbage collection out of large parses.
 */
export interface TokenBuffer {
  kinds: TokenKind[];
  starts: number[];
  ends: number[];
  values: Array<string | undefined>;
  /** Indices of `IND_STR` tokens that are escapes. */
  escapes: Set<number>;
}

/**
 * Splits Nix source into tokens, comments included. Never throws: lexical
 * errors become a final `ERROR` token, and the list always ends with `EOF`.
 * A NUL character ends the input with an error (Nix would silently stop there).
 */
export function tokenize(text: string, lineStarts: readonly number[] = computeLineStarts(text)): Token[] {
  const buf = lexToBuffer(text, true);
  const tokens: Token[] = [];
  let line = 0;
  for (let i = 0; i < buf.kinds.length; i++) {
    const start = buf.starts[i]!;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= start) line++;
    tokens.push({
      kind: buf.kinds[i]!, start, end: buf.ends[i]!, line: line + 1, column: start - lineStarts[line]! + 1,
      value: buf.values[i], escape: buf.escapes.has(i) ? true : undefined,
    });
  }
  return tokens;
}

/** The lexer proper; comments are only recorded when `withComments` is set. */
export function lexToBuffer(text: string, withComments: boolean): TokenBuffer {
  const buf: TokenBuffer = { kinds: [], starts: [], ends: [], values: [], escapes: new Set() };
  const nul = text.indexOf('\0');
  const n = nul >= 0 ? nul : text.length;
  const stack: State[] = [State.Initial];
  const at = (i: number) => (i < n ? text.charCodeAt(i) : -1);
  const cls = (i: number) => { const c = at(i); return c >= 0 && c < 128 ? CLASS[c]! : 0; };

  const push = (kind: TokenKind, start: number, end: number, value?: string, escape?: true): void => {
    if (kind === 'COMMENT' && !withComments) return;
    if (escape) buf.escapes.add(buf.kinds.length);
    buf.kinds.push(kind);
    buf.starts.push(start);
    buf.ends.push(end);
    buf.values.push(value);
  };

  const skip = (i: number, bit: number) => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || !(CLASS[c]! & bit)) break;
      i++;
    }
    return i;
  };
  // PATH: {PATH_CHAR}*(\/{PATH_CHAR}+)+\/?
  const matchPath = (i: number): number => {
    let j = skip(i, PATH_CHAR), segments = 0;
    while (at(j) === 47 && cls(j + 1) & PATH_CHAR) { j = skip(j + 1, PATH_CHAR); segments++; }
    if (segments === 0) return 0;
    if (at(j) === 47) j++;
    return j - i;
  };
  // PATH_SEG: {PATH_CHAR}*\/
  const matchPathSeg = (i: number): number => { const j = skip(i, PATH_CHAR); return at(j) === 47 ? j + 1 - i : 0; };
  const isInterp = (i: number) => at(i) === 36 && at(i + 1) === 123;
  // HPATH: \~(\/{PATH_CHAR}+)+\/?
  const matchHomePath = (i: number): number => {
    if (at(i) !== 126) return 0;
    let j = i + 1, segments = 0;
    while (at(j) === 47 && cls(j + 1) & PATH_CHAR) { j = skip(j + 1, PATH_CHAR); segments++; }
    if (segments === 0) return 0;
    if (at(j) === 47) j++;
    return j - i;
  };
  // SPATH: \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>
  const matchSearchPath = (i: number): number => {
    if (!(cls(i + 1) & PATH_CHAR)) return 0;
    let j = skip(i + 1, PATH_CHAR);
    while (at(j) === 47 && cls(j + 1) & PATH_CHAR) j = skip(j + 1, PATH_CHAR);
    return at(j) === 62 ? j + 1 - i : 0;
  };
  // URI: [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[URI_CHAR]+
  const matchUri = (i: number): number => {
    const j = skip(i + 1, SCHEME);
    if (at(j) !== 58 || !(cls(j + 1) & URI_CHAR)) return 0;
    return skip(j + 1, URI_CHAR) - i;
  };
  // FLOAT: (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
  const matchFloat = (i: number): number => {
    let j = -1;
    const c = at(i);
    if (c >= 49 && c <= 57) {
      const k = skip(i, DIGIT);
      if (at(k) === 46) j = skip(k + 1, DIGIT);
    }
    const k = c === 48 ? i + 1 : i;
    if (at(k) === 46 && cls(k + 1) & DIGIT) j = Math.max(j, skip(k + 1, DIGIT));
    if (j < 0) return 0;
    if (at(j) === 69 || at(j) === 101) {
      const s = at(j + 1) === 43 || at(j + 1) === 45 ? j + 2 : j + 1;
      if (cls(s) & DIGIT) j = skip(s, DIGIT);
    }
    return j - i;
  };

  let error: { at: number; message: string } | null = null;
  let i = 0;
  while (error === null) {
    const state = stack[stack.length - 1]!;
    if (state === State.String) {
      const c = at(i);
      if (c === 34) { push('"', i, i + 1); stack.pop(); i++; continue; }
      if (isInterp(i)) { push('DOLLAR_CURLY', i, i + 2); stack.push(State.Default); i += 2; continue; }
      // ([^$"\\]|\$[^{"\\]|\\ANY|\$\\ANY)+ plus a trailing `$` right before the closing quote.
      let j = i;
      for (;;) {
        if (j >= n) break;
        const d = text.charCodeAt(j);
        if (d === 34) break;
        if (d === 92) { if (j + 1 >= n) break; j += 2; continue; }
        if (d === 36) {
          const e = at(j + 1);
          if (e === 123 || e < 0) break;
          if (e === 34) { j++; break; }
          if (e === 92) { if (j + 2 >= n) break; j += 3; continue; }
          j += 2; continue;
        }
        j++;
      }
      if (j === i) break; // end of input (possibly after a dangling `$` or `\`)
      push('STR', i, j, unescapeString(text.slice(i, j)));
      i = j;
      continue;
    }
    if (state === State.IndString) {
      const c = at(i);
      if (c < 0) break;
      if (c === 39 && at(i + 1) === 39) {
        const e = at(i + 2);
        if (e === 36) { push('IND_STR', i, i + 3, '$', true); i += 3; continue; }
        if (e === 39) { push('IND_STR', i, i + 3, "''", true); i += 3; continue; }
        if (e === 92 && i + 3 < n) { push('IND_STR', i, i + 4, unescapeString(text.slice(i + 2, i + 4)), true); i += 4; continue; }
        push('IND_CLOSE', i, i + 2); stack.pop(); i += 2; continue;
      }
      if (isInterp(i)) { push('DOLLAR_CURLY', i, i + 2); stack.push(State.Default); i += 2; continue; }
      // ([^$']|\$[^{']|'[^'$])+ — each `$` or `'` must pair with the next character.
      let j = i;
      for (;;) {
        if (j >= n) break;
        const d = text.charCodeAt(j);
        if (d === 36 || d === 39) {
          const e = at(j + 1);
          if (e < 0 || e === 39 || (d === 36 ? e === 123 : e === 36)) break;
          j += 2; continue;
        }
        j++;
      }
      if (j > i) { push('IND_STR', i, j, text.slice(i, j)); i = j; continue; }
      push('IND_STR', i, i + 1, text[i]!, true); // a lone `$` or `'`
      i++;
      continue;
    }
    if (state === State.InPath || state === State.InPathSlash) {
      if (isInterp(i)) {
        push('DOLLAR_CURLY', i, i + 2);
        stack[stack.length - 1] = State.InPath;
        stack.push(State.Default);
        i += 2; continue;
      }
      const len = Math.max(matchPath(i), matchPathSeg(i), skip(i, PATH_CHAR) - i);
      if (len > 0) {
        push('STR', i, i + len, text.slice(i, i + len));
        stack[stack.length - 1] = at(i + len - 1) === 47 ? State.InPathSlash : State.InPath;
        i += len; continue;
      }
      if (state === State.InPathSlash) { error = { at: i, message: 'path has a trailing slash' }; break; }
      push('PATH_END', i, i);
      stack.pop();
      continue;
    }

    // INITIAL / DEFAULT: longest match wins, earlier rule on ties (as in flex).
    const c = at(i);
    if (c < 0) break;
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
        i++;
      }
      continue;
    }
    if (c === 35) {
      let j = i + 1;
      while (j < n) { const d = text.charCodeAt(j); if (d === 10 || d === 13) break; j++; }
      push('COMMENT', i, j); i = j; continue;
    }
    if (c === 47 && at(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > n) { error = { at: i, message: "unterminated comment: '/*' is never closed by '*/'" }; break; }
      push('COMMENT', i, close + 2); i = close + 2; continue;
    }
    const k = cls(i);
    let len = 0;
    let kind: TokenKind | 'PATH_INTERP' = 'CHAR';
    if (c === 46 && at(i + 1) === 46 && at(i + 2) === 46) { len = 3; kind = '...'; }
    const op = twoCharOp(c, at(i + 1));
    if (op !== null) { len = 2; kind = op; }
    // Paths need a `/` and URIs a `:` right after a run that may extend an
    // identifier only through `.` or `+`, so most identifiers skip those scans.
    let maybePath = (k & PATH_CHAR) !== 0 || c === 47;
    let maybeUri = false;
    if (k & ID_START) {
      const idEnd = skip(i, ID_CHAR);
      len = idEnd - i;
      kind = 'ID';
      const d = at(idEnd);
      maybePath = d === 47 || d === 46 || d === 43;
      maybeUri = (k & ALPHA) !== 0 && (d === 58 || d === 46 || d === 43);
    }
    if (k & DIGIT) { const l = skip(i, DIGIT) - i; if (l > len) { len = l; kind = 'INT'; } }
    if (k & DIGIT || c === 46) { const l = matchFloat(i); if (l > len) { len = l; kind = 'FLOAT'; } }
    if (c === 36 && at(i + 1) === 123 && len < 2) { len = 2; kind = 'DOLLAR_CURLY'; }
    if (c === 39 && at(i + 1) === 39) {
      let j = i + 2;
      while (at(j) === 32) j++;
      len = at(j) === 10 ? j + 1 - i : 2;
      kind = 'IND_OPEN';
    }
    // Paths only win when a `/` follows the run of path characters, which is rare.
    if (maybePath) {
      const seg = matchPathSeg(i);
      if (seg > 0) {
        if (isInterp(i + seg) && seg + 2 > len) { len = seg + 2; kind = 'PATH_INTERP'; }
        const l = matchPath(i);
        if (l > len) { len = l; kind = 'PATH'; }
      }
    }
    if (c === 126) {
      if (at(i + 1) === 47 && isInterp(i + 2) && len < 4) { len = 4; kind = 'PATH_INTERP'; }
      const l = matchHomePath(i);
      if (l > len) { len = l; kind = 'HPATH'; }
    }
    if (c === 60) { const l = matchSearchPath(i); if (l > len) { len = l; kind = 'SPATH'; } }
    if (maybeUri) { const l = matchUri(i); if (l > len) { len = l; kind = 'URI'; } }

    const chosen = kind as TokenKind | 'PATH_INTERP';
    if (len === 0) {
      const ch = text[i]!;
      // Surrogate pairs are one character for the error message.
      const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      push(SINGLE_PUNCT.includes(ch) ? (ch as TokenKind) : 'CHAR', i, i + w, text.slice(i, i + w));
      if (ch === '{') stack.push(State.Default);
      else if (ch === '}') { if (stack.length > 1) stack.pop(); }
      else if (ch === '"') stack.push(State.String);
      i += w;
      continue;
    }
    const end = i + len;
    const raw = chosen.length === 1 || chosen === 'DOLLAR_CURLY' || chosen === 'IND_OPEN' ? '' : text.slice(i, end);
    switch (chosen) {
      case 'ID':
        push(KEYWORDS.has(raw) ? (raw as Keyword) : 'ID', i, end, raw); break;
      case 'INT': {
        const digits = raw.replace(/^0+/, '');
        if (digits.length > 19 || (digits.length === 19 && digits > '9223372036854775807')) {
          error = { at: i, message: `invalid integer '${raw}'` };
        } else push('INT', i, end, raw);
        break;
      }
      case 'FLOAT': {
        const v = Number(raw);
        const mantissaNonZero = /[1-9]/.test(raw.split(/[eE]/)[0]!);
        if (!Number.isFinite(v) || (mantissaNonZero && Math.abs(v) < DBL_MIN)) {
          error = { at: i, message: `invalid float '${raw}'` };
        } else push('FLOAT', i, end, raw);
        break;
      }
      case 'DOLLAR_CURLY': push('DOLLAR_CURLY', i, end); stack.push(State.Default); break;
      case 'IND_OPEN': push('IND_OPEN', i, end); stack.push(State.IndString); break;
      case 'PATH_INTERP': {
        // Only the `dir/` part is the path token; `${` is lexed next inside the path.
        const segEnd = end - 2;
        push(c === 126 ? 'HPATH' : 'PATH', i, segEnd, text.slice(i, segEnd));
        stack.push(State.InPathSlash);
        i = segEnd;
        continue;
      }
      case 'PATH': case 'HPATH':
        push(chosen, i, end, raw);
        stack.push(raw.endsWith('/') ? State.InPathSlash : State.InPath);
        break;
      case 'SPATH': push('SPATH', i, end, raw.slice(1, -1)); break;
      case 'URI': push('URI', i, end, raw); break;
      default: push(chosen, i, end);
    }
    i = end;
  }
  if (error === null && nul >= 0) error = { at: nul, message: 'unexpected NUL character' };
  if (error !== null) push('ERROR', error.at, error.at, error.message);
  const eof = error !== null ? error.at : n;
  push('EOF', eof, eof);
  return buf;
}
