import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNix, NO_NIX, nixEvalJson, tempFile } from '../../test/nix';
import { withoutCarriageReturns } from './carriage-returns';
import { tokenize } from './lexer';

/** Pieces of a `''…''` string, each valid wherever it stands (a lone `'` only before a letter). */
const indentedPiece = fc.constantFrom(' ', '  ', '\n', '\r', '\r\n', '\t', 'a', "'b", '$a', '{', "'''", "''$", "''\\r", "''\\\r", "''\\n", '${"x"}', "'\r", '$\r');
/** Pieces of a `"…"` string. */
const quotedPiece = fc.constantFrom(' ', '\n', '\r', '\r\n', 'a', '\\"', '\\\\', '\\r', '\\\r', '\\\r\n', '$a', '${"x"}', "''");
/** What may stand between two list items. */
const between = fc.constantFrom(' ', '\n', '\r\n', '\r', ' # note\r', ' # note\r\n', ' /* a\r\nb */ ', '\t');

const item = fc.oneof(
  fc.array(indentedPiece, { maxLength: 12 }).map((p) => `''${p.join('')}''`),
  fc.array(quotedPiece, { maxLength: 8 }).map((p) => `"${p.join('')}"`),
);
const listText = fc.array(fc.tuple(between, item), { minLength: 1, maxLength: 6 }).map((items) => `[${items.map(([b, i]) => b + i).join('')}\n]`);

describe('withoutCarriageReturns', () => {
  it('leaves text without CR alone and removes every CR from text with one', () => {
    expect(withoutCarriageReturns('x = "a";\n')).toBe('x = "a";\n');
    expect(withoutCarriageReturns("x = ''\r\n  hello\r\n'';\r\n")).toBe("x = ''''\\r\n  hello''\\r\n'';\n");
    expect(withoutCarriageReturns("''a'\r''")).toBe(`''a'\${"\\r"}''`);
    expect(withoutCarriageReturns('"a\r\nb\\\rc"')).toBe('"a\nb\\rc"');
    fc.assert(fc.property(listText, (t) => !withoutCarriageReturns(t).includes('\r')));
  });

  it('means the same to our own lexer: every string piece decodes to the same text', () => {
    const strings = (t: string) => {
      const out: string[] = [];
      for (const tok of tokenize(t)) if (tok.kind === 'STR' || tok.kind === 'IND_STR') out.push(tok.value ?? '');
      return out.join('');
    };
    fc.assert(fc.property(listText, (t) => strings(withoutCarriageReturns(t)) === strings(t)));
  });

  it.skipIf(!hasNix)('means the same to real Nix, for 1,500 random lists of strings with CRs everywhere', () => {
    const samples = fc.sample(listText, { numRuns: 1500, seed: 20261129 });
    const before = tempFile('cr-before.nix', `[\n${samples.join('\n')}\n]\n`);
    const after = tempFile('cr-after.nix', `[\n${samples.map(withoutCarriageReturns).join('\n')}\n]\n`);
    expect(nixEvalJson(`import ${after}`)).toEqual(nixEvalJson(`import ${before}`));
  }, 60_000);
});

if (!hasNix) console.warn(`skipped the CR tests against real Nix: ${NO_NIX}`);
