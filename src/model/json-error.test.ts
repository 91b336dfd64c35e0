import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from './json-error';
import { parseProjectText } from './read';

describe('jsonErrorAt', () => {
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorAt(text) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the character that breaks the JSON', () => {
    expect(parseProjectText('{\n  "version": 1,\n}')).toEqual({ jsonError: 'not valid JSON at line 3, column 1: expected a property name in double quotes, found "}"' });
    expect(parseProjectText('this is not json')).toEqual({ jsonError: 'not valid JSON at line 1, column 1: expected a value, found "t"' });
    expect(parseProjectText('{"a": [1, 2')).toEqual({ jsonError: 'not valid JSON at line 1, column 12: expected "," or "]", found the end of the file' });
    expect(parseProjectText('[' .repeat(20_000))).toEqual({ jsonError: expect.stringMatching(/less deeply nested/) });
  });
});
