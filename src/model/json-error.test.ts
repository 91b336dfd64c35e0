import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIntegerAsWritten, jsonErrorAt, parseJson, WrittenNumber } from './json-error';
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

/** parseJson's value with every WrittenNumber replaced by its double: what JSON.parse gives. */
const doubles = (value: unknown): unknown =>
  value instanceof WrittenNumber
    ? value.value
    : Array.isArray(value)
      ? value.map(doubles)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, doubles(v)]))
        : value;

/** The texts of the WrittenNumbers in a value, in order. */
const written = (value: unknown): string[] =>
  value instanceof WrittenNumber
    ? [value.source]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(written)
      : [];

/** JSON numbers as people write them: plain, with fractions and exponents, too long for a double. */
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat(40), fc.integer({ min: -400, max: 400 }), fc.boolean()).map(
    ([int, frac, exp, e]) => `${int}${frac ? `.${String(frac).padStart(3, '0')}` : ''}${e ? `e${exp}` : ''}`,
  ),
);
/** Strings that look like numbers, or like the punctuation around them. */
const numberLikeString = fc.oneof(numberText, fc.constantFrom(', 1.5,', '[2e3]', ': 9.99}', '26.05')).map((s) => JSON.stringify(s));

/** Number tokens of valid JSON text that are not plain integers, found without parseJson: strings emptied, numbers matched. */
const notPlainTokens = (text: string): string[] =>
  (text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []).filter((t) => !/^-?\d{1,15}$/.test(t));

describe('parseJson', () => {
  it('gives what JSON.parse gives, every number that is not a plain integer (and only those) kept with its text', () => {
    const item = fc.oneof(numberText, numberLikeString, fc.json());
    fc.assert(
      fc.property(fc.array(fc.tuple(item, fc.constantFrom('', ' ', '\n  '))), fc.boolean(), (items, asObject) => {
        const parts = items.map(([t, ws], i) => (asObject ? `${ws}"k${i}":${ws}${t}${ws}` : `${ws}${t}${ws}`));
        const text = asObject ? `{${parts.join(',')}}` : `[${parts.join(',')}]`;
        const value = parseJson(text);
        expect(doubles(value)).toEqual(JSON.parse(text));
        expect(written(value).sort()).toEqual(notPlainTokens(text).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the text of fractions, exponents and long numbers; strings stay strings', () => {
    expect(parseJson('[1000, -7, 1000.0, 1e3, 999.99999999999999, 1e400, 12345678901234567, "1.5", {"a": 2E-1}]')).toEqual([
      1000,
      -7,
      new WrittenNumber(1000, '1000.0'),
      new WrittenNumber(1000, '1e3'),
      new WrittenNumber(1000, '999.99999999999999'),
      new WrittenNumber(Infinity, '1e400'),
      new WrittenNumber(12345678901234568, '12345678901234567'),
      '1.5',
      { a: new WrittenNumber(0.2, '2E-1') },
    ]);
    expect(() => parseJson('[1.5,')).toThrow(SyntaxError);
    const proto = parseJson('{"__proto__": 1.5, "a": 1, "a": 2.5}') as Record<string, unknown>;
    expect(Object.keys(proto)).toEqual(['__proto__', 'a']);
    expect(proto.a).toEqual(new WrittenNumber(2.5, '2.5'));
  });
});

describe('isIntegerAsWritten', () => {
  it('judges the decimal number as written, not its double', () => {
    for (const t of ['0', '-0', '1000', '1000.0', '1e3', '1E+3', '10e-1', '1.5e1', '0.0e-5', '1e400', '12345678901234567890'])
      expect(isIntegerAsWritten(t)).toBe(true);
    for (const t of ['999.99999999999999', '1000.5', '1e-1', '1.55e1', '4294967294.0000000001', '1e-400', '-0.5'])
      expect(isIntegerAsWritten(t)).toBe(false);
  });
});
