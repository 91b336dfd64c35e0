import { tokenize } from './lexer';

/**
 * The same Nix with no carriage return (CR) in it, so that an editor which makes every line end
 * alike (Monaco does) cannot change what it means.
 *
 * What a CR means depends on where it is (Nix 2.8, checked against real Nix in the tests):
 * - between tokens and in comments it is blank space or a line end: CRLF and a lone CR become LF;
 * - in a `"…"` string Nix turns CRLF and a lone CR into LF, so they become LF; `\` before a CR is
 *   the CR itself, written `\r`;
 * - in a `''…''` string a CR is kept as a character (and counts as text, not indentation): it is
 *   written as the escape `''\r`, or `${"\r"}` right after a `'` (where `'''\r` would read as the
 *   `'''` escape).
 * Text that does not lex is returned unchanged.
 */
export function withoutCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  const tokens = tokenize(text);
  if (tokens.some((t) => t.kind === 'ERROR')) return text;
  let out = '';
  let at = 0;
  const blank = (s: string) => s.replace(/\r\n?/g, '\n');
  for (const t of tokens) {
    if (t.start > at) out += blank(text.slice(at, t.start));
    const raw = text.slice(t.start, t.end);
    if (!raw.includes('\r')) out += raw;
    else if (t.kind === 'STR') out += doubleQuoted(raw);
    else if (t.kind === 'IND_STR' && t.escape) out += raw.replace('\r', 'r'); // ''\<CR> is the CR itself
    else if (t.kind === 'IND_STR') out += indented(raw);
    else out += blank(raw);
    at = Math.max(at, t.end);
  }
  return out + blank(text.slice(at));
}

/** A piece of a `"…"` string. */
function doubleQuoted(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const e = raw[++i];
      out += e === '\r' ? '\\r' : `\\${e}`;
    } else if (c === '\r') {
      out += '\n';
      if (raw[i + 1] === '\n') i++;
    } else out += c;
  }
  return out;
}

/** A literal piece of a `''…''` string (no escapes in it). */
function indented(raw: string): string {
  let out = '';
  for (const c of raw) {
    if (c !== '\r') out += c;
    else out += out.endsWith("'") ? '${"\\r"}' : "''\\r";
  }
  return out;
}
