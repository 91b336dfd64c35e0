import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff';
import { lineEdits, type LineEdit } from './line-edits';

/** Applies edits the way Monaco's `applyEdits` does: every range refers to the original text. */
function apply(text: string, edits: LineEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number) => starts[line - 1] + column - 1;
  const spans = edits
    .map((e) => ({
      from: offset(e.range.startLineNumber, e.range.startColumn),
      to: offset(e.range.endLineNumber, e.range.endColumn),
      text: e.text,
    }))
    .sort((x, y) => y.from - x.from);
  let out = text;
  let limit = Infinity;
  for (const s of spans) {
    expect(s.from).toBeLessThanOrEqual(s.to);
    expect(s.to).toBeLessThanOrEqual(limit); // edits never overlap
    out = out.slice(0, s.from) + s.text + out.slice(s.to);
    limit = s.from;
  }
  return out;
}

const lineText = fc.constantFrom('', '{', '}', '  a = 1;', '  b = 2;', 'c', '  users.users.chani = {');
const doc = fc.array(lineText, { maxLength: 12 }).map((lines) => lines.join('\n'));

describe('lineEdits', () => {
  it('turns any text into any other text', () => {
    fc.assert(fc.property(doc, doc, (a, b) => {
      expect(apply(a, lineEdits(a, b))).toBe(b);
    }), { numRuns: 2000 });
  });

  it('turns a text into an edited copy of itself', () => {
    const edited = doc.chain((a) =>
      fc
        .tuple(fc.nat(), fc.nat(3), fc.array(lineText, { maxLength: 3 }))
        .map(([at, remove, insert]) => {
          const lines = a.split('\n');
          lines.splice(at % (lines.length + 1), remove, ...insert);
          return [a, lines.join('\n')] as const;
        }),
    );
    fc.assert(fc.property(edited, ([a, b]) => {
      expect(apply(a, lineEdits(a, b))).toBe(b);
    }), { numRuns: 2000 });
  });

  it('gives no edits for equal texts', () => {
    expect(lineEdits('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('touches only the changed line', () => {
    expect(lineEdits('{\n  uid = 1000;\n}\n', '{\n  uid = 1001;\n}\n')).toEqual([
      { range: { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 14 }, text: '  uid = 1001;' },
    ]);
  });

  it('keeps separate changes separate', () => {
    const a = ['{ pkgs, ... }:', '{', '  x = 1;', '  y = 2;', '  z = 3;', '}'].join('\n');
    const b = ['{ config, pkgs, ... }:', '{', '  x = 1;', '  y = 2;', '  z = 4;', '}'].join('\n');
    expect(lineEdits(a, b).map((e) => e.range.startLineNumber)).toEqual([1, 5]);
  });

  it('inserts lines without replacing their neighbours', () => {
    expect(lineEdits('a\nc\n', 'a\nb\nc\n')).toEqual([
      { range: { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1 }, text: 'b\n' },
    ]);
  });
});

describe('diffLines', () => {
  it('falls back to one hunk past its edit budget', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    expect(diffLines(a, b, 10)).toEqual([{ oldStart: 0, oldEnd: 50, lines: b }]);
  });

  it('finds a minimal script', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { oldStart: 1, oldEnd: 2, lines: ['x'] },
      { oldStart: 4, oldEnd: 4, lines: ['e'] },
    ]);
  });
});

describe('lineEdits on big texts with a small change', () => {
  it('matches applying the change, wherever it is (start, middle, end, across lines)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `  line ${i} = ${'x'.repeat(i % 50)};`).join('\n');
    fc.assert(
      fc.property(fc.nat(big.length), fc.nat(40), fc.constantFrom('', 'y', '\n', 'a\nb', '\n\n'), (at, remove, insert) => {
        const changed = big.slice(0, at) + insert + big.slice(Math.min(big.length, at + remove));
        expect(apply(big, lineEdits(big, changed))).toBe(changed);
        expect(apply(changed, lineEdits(changed, big))).toBe(big);
      }),
      { numRuns: 500 },
    );
  });
});
