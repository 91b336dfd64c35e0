import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeUtf8', () => {
  it('decodes UTF-8, keeping a byte order mark for the reader to judge', () => {
    expect(decodeUtf8(bytes('héllo 🎉\r\n'))).toEqual({ text: 'héllo 🎉\r\n' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], '{}'))).toEqual({ text: '\uFEFF{}' });
  });

  it('names the line and column of the first byte that is not UTF-8, never replacing it', () => {
    const r = decodeUtf8(bytes('{\n  x = "é', [0xff], '";\n}\n'));
    expect(r).toEqual({ problem: expect.objectContaining({ line: 2, column: 9 }) });
    if ('problem' in r) expect(r.problem.message).toMatch(/not UTF-8 here \(byte 0xFF\)/);
    // Overlong, surrogate, cut-off and out-of-range sequences too.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]])
      expect(decodeUtf8(bytes('ab\ncd', bad))).toEqual({ problem: expect.objectContaining({ line: 2, column: 3 }) });
  });

  it('agrees with the platform decoder on which byte strings are UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
        let ok = true;
        try {
          strict.decode(b);
        } catch {
          ok = false;
        }
        return ok === 'text' in decodeUtf8(b);
      }),
      { numRuns: 5000 },
    );
  });
});
