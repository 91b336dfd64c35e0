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
