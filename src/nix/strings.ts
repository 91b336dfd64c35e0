const KEYWORDS = new Set(['if', 'then', 'else', 'assert', 'with', 'let', 'in', 'rec', 'inherit', 'or']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_'-]*$/;
const NEEDS_ESCAPE = /["\\\n\r\t]|\$\{/;

/**
 * Writes a Nix double-quoted string that Nix reads back as exactly `value`.
 * `${` is escaped (a lone `$` is literal); CR must be escaped because the lexer turns a raw CR
 * into a newline; other control characters and any Unicode are literal in Nix strings.
 */
export function nixString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    switch (c) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '$':
        out += value[i + 1] === '{' ? '\\$' : '$';
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

/**
 * The content lines of `value` written as an indented string (`''` … `''`), escaped, or null when
 * it reads better, or can only be exact, as a `"…"` string. Nix takes the smallest indentation of
 * the lines off and keeps every other character, so only text it reads back exactly qualifies:
 * several lines ending in a line break, no CR, tab or other control character, no blank line with
 * spaces in it, no trailing blanks, and a line that starts at its left edge. `''` is written `'''`
 * and `${` `''${`.
 */
export function indentedStringLines(value: string): string[] | null {
  if (!value.endsWith('\n') || value.startsWith('\n')) return null;
  const lines = value.slice(0, -1).split('\n');
  if (lines.length < 2 && value.length < 60) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/.test(value)) return null;
  let flush = false;
  for (const line of lines) {
    if (/[ ]$/.test(line)) return null;
    if (line !== '' && !line.startsWith(' ')) flush = true;
  }
  if (!flush) return null;
  // An odd run of quotes before `${` would join the `''${` escape (`'''` is an escape too).
  if (/(^|[^'])('')*'\$\{/m.test(value)) return null;
  return lines.map((line) => line.replace(/''/g, "'''").replace(/\$\{/g, "''${"));
}

/** Characters that end a `#` comment in Nix (CR, LF) or that show as a line break or not at all in an editor. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const COMMENT_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/g;

/**
 * Text for a `# …` comment: one line whatever it quotes. Nix ends a comment at CR or LF, so a
 * line break in quoted user text (a name, a kernel package) would turn the rest into code; such
 * characters are written as escapes (`\n`, `\u{2028}`), which Nix ignores inside the comment.
 * Lone UTF-16 halves become escapes too (they have no UTF-8 form).
 */
export function commentText(text: string): string {
  return text.replace(COMMENT_UNSAFE, (c, offset: number, whole: string) => {
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && offset + 1 < whole.length) {
      const next = whole.charCodeAt(offset + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return c; // the first half of a pair: kept with its second half
    }
    if (code >= 0xdc00 && code <= 0xdfff && offset > 0) {
      const prev = whole.charCodeAt(offset - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) return c;
    }
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u{${code.toString(16)}}`;
  });
}

/** True when `name` can be written bare as an attribute name or variable. */
export function isPlainIdentifier(name: string): boolean {
  return IDENT.test(name) && !KEYWORDS.has(name);
}

/** An attribute name as Nix needs it: bare when it can be, quoted otherwise (`"my.spec"`, `"if"`). */
export function attrName(name: string): string {
  return isPlainIdentifier(name) ? name : nixString(name);
}

/** `a.b."c d"` for a path of attribute names. */
export function attrPath(path: readonly string[]): string {
  return path.map(attrName).join('.');
}
