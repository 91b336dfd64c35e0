/** Where a file stops being UTF-8: 1-based line and column (UTF-16 code units, as everywhere here). */
export interface Utf8Problem {
  line: number;
  column: number;
  message: string;
}

const strict = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of a file, or where it is not UTF-8. Decoding would otherwise turn each bad byte into
 * U+FFFD without a word — where Nix keeps the bytes as they are, so the value would change. A byte
 * order mark is kept (as U+FEFF) for the reader to judge: JSON allows one, Nix does not.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: Utf8Problem } {
  try {
    return { text: strict!.decode(bytes) };
  } catch {
    const at = firstInvalid(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < at; i++)
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    const column = lenient!.decode(bytes.subarray(lineStart, at)).length + 1;
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        line,
        column,
        message: `the file is not UTF-8 here (byte 0x${hex}); Nix would keep such bytes as they are, which a text editor cannot, so nothing was read: save the file as UTF-8`,
      },
    };
  }
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return i;
}

/** Thrown by readers that can only return text (the command line's input reader). */
export class Utf8Error extends Error {
  readonly problem: Utf8Problem;
  constructor(problem: Utf8Problem) {
    super(problem.message);
    this.problem = problem;
  }
}
