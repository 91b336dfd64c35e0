/**
 * Where a text stops being JSON: the offset of the first character that breaks the grammar, or
 * the text's length when it ends too early; null when it is valid. JavaScript engines word and
 * place their JSON.parse errors differently (some give no position at all), so the message the
 * user sees comes from this scan instead.
 */
export function jsonErrorAt(text: string): { offset: number; expected: string } | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (expected: string): never => {
    throw { offset: i, expected };
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('a closing "');
      const c = text.charCodeAt(i);
      if (c === 34) return void i++;
      if (c < 32) fail('no control characters inside a string (write \\n, \\t …)');
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++)
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('four hexadecimal digits after \\u');
            }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('an escape such as \\" \\\\ \\n');
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('a value');
    i += m![0].length;
  };
  let depth = 0;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      if (++depth > 1000) fail('less deeply nested data');
      i++;
      ws();
      if (text[i] === '}') return void (i++, depth--);
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void (i++, depth--);
        fail('"," or "}"');
      }
    }
    if (c === '[') {
      if (++depth > 1000) fail('less deeply nested data');
      i++;
      ws();
      if (text[i] === ']') return void (i++, depth--);
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void (i++, depth--);
        fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as { offset: number; expected: string };
    if (e instanceof RangeError) return { offset: i, expected: 'less deeply nested data' };
    throw e;
  }
}

/**
 * A JSON number kept with its text, because the double JSON.parse makes of it may not be the number
 * as written: `999.99999999999999` becomes 1000 and `1e400` Infinity. The reader judges integers by
 * `source`, and names them by it.
 */
export class WrittenNumber {
  readonly value: number;
  readonly source: string;
  constructor(value: number, source: string) {
    this.value = value;
    this.source = source;
  }
  /** Written back out (a set-aside copy), it is the number JSON.parse would have given. */
  toJSON(): number {
    return this.value;
  }
}

/** Whether a JSON number's text is a whole number as written (`1000`, `1000.0`, `1e3`; not `999.99999999999999`). */
export function isIntegerAsWritten(source: string): boolean {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(source);
  if (!m) return false;
  const digits = (m[1] + (m[2] ?? '')).replace(/0+$/, '');
  // The decimal point sits after this many of the digits; every digit left after it must be zero.
  const point = m[1].length + Number(m[3] ?? 0);
  return /^0*$/.test(digits) || digits.length <= point;
}

/** A number whose double is exact for any text of its shape: no fraction, no exponent, at most 15 digits. */
const PLAIN_INTEGER = /^-?\d{1,15}$/;
/** Where a number that is not plain can start to show: a digit then `.`, `e` or `E`, or 16 digits in a row. */
const NOT_PLAIN = /\d[.eE]|\d{16}/g;
const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 69 || c === 101;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Whether valid JSON may hold a number that is not plain. Every match of NOT_PLAIN is widened to
 * the run of number characters around it: a number token sits between `:`, `,`, `[` (or the start)
 * and `,`, `}`, `]` (or the end). Text inside a string can look the same (a false alarm, which only
 * costs the slow path); a real number always does, so a "no" is certain.
 */
function mayHoldNotPlainNumber(text: string): boolean {
  const re = new RegExp(NOT_PLAIN);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isNumberChar(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
    let before = start - 1;
    while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
    let after = end;
    while (after < text.length && isSpace(text.charCodeAt(after))) after++;
    if ((before < 0 || ':,['.includes(text[before])) && (after >= text.length || ',}]'.includes(text[after]))) return true;
    re.lastIndex = end;
  }
  return false;
}

/** Builds the value of text that JSON.parse accepted, numbers that are not plain as WrittenNumbers. */
function parseKeepingNumbers(text: string): unknown {
  let i = 0;
  const ws = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  const string = (): string => {
    const start = i++;
    let escaped = false;
    for (let c = text.charCodeAt(i); c !== 34; c = text.charCodeAt(i)) {
      if (c === 92) {
        escaped = true;
        i++;
      }
      i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      const object: Record<string, unknown> = {};
      i++;
      ws();
      if (text[i] === '}') return i++, object;
      for (;;) {
        ws();
        const key = string();
        ws();
        i++; // :
        // As JSON.parse: an own property even for "__proto__", the last of duplicate keys wins.
        Object.defineProperty(object, key, { value: value(), writable: true, enumerable: true, configurable: true });
        ws();
        if (text[i++] === '}') return object;
      }
    }
    if (c === '[') {
      const list: unknown[] = [];
      i++;
      ws();
      if (text[i] === ']') return i++, list;
      for (;;) {
        list.push(value());
        ws();
        if (text[i++] === ']') return list;
      }
    }
    if (c === '"') return string();
    if (c === 't') return (i += 4), true;
    if (c === 'f') return (i += 5), false;
    if (c === 'n') return (i += 4), null;
    number.lastIndex = i;
    const source = number.exec(text)![0];
    i += source.length;
    return PLAIN_INTEGER.test(source) ? Number(source) : new WrittenNumber(Number(source), source);
  };
  return value();
}

/**
 * JSON.parse (and its SyntaxError), except that a number whose text is not a plain integer — a
 * fraction, an exponent, 16 digits or more — comes back as a WrittenNumber, so that the reader can
 * refuse `999.99999999999999` where a whole number belongs, and say `1e400` rather than `null`.
 * JSON.parse loses the text, and the reviver that would give it (`context.source`) is missing from
 * Node 20 and older browsers. Files this app writes hold plain integers only: for them this is
 * JSON.parse plus one regular-expression pass, and the slower scan runs only when one may not be.
 */
export function parseJson(text: string): unknown {
  const data: unknown = JSON.parse(text);
  if (!mayHoldNotPlainNumber(text)) return data;
  try {
    return parseKeepingNumbers(text);
  } catch (e) {
    if (e instanceof RangeError) return data; // nested too deep to walk: not a project anyway
    throw e;
  }
}
