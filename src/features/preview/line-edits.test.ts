import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff';
import { defaultProject, defaultSpecialisation } from '../../model/defaults';
import { PrintedLines } from '../../nix/printer';
import { generate } from '../../nixos/generate';
import { changedPartEdits, lineEdits, type LineEdit } from './line-edits';

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

describe('changedPartEdits: the edits between two printed modules, from the parts that differ', () => {
  // A part is one line or a kept piece of several; a module's parts end with '' (its last line break).
  const piece = fc.array(lineText, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
  const parts = fc.array(piece, { maxLength: 10 }).map((list) => [...list, '']);

  it('turns any printed module into any other', () => {
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const before = new PrintedLines(a);
        const after = new PrintedLines(b);
        expect(apply(before.text, changedPartEdits(before, after))).toBe(after.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a module into one with some parts changed, added or taken out, the others kept as they were', () => {
    const edited = parts.chain((a) =>
      fc
        .array(fc.record({ at: fc.nat(), kind: fc.constantFrom('change', 'add', 'remove'), with: piece }), { maxLength: 3 })
        .map((changes) => {
          const b = [...a];
          for (const c of changes) {
            const i = c.at % Math.max(1, b.length - 1);
            if (c.kind === 'change' && i < b.length - 1) b[i] = c.with;
            else if (c.kind === 'add') b.splice(i, 0, c.with);
            else if (c.kind === 'remove' && b.length > 1 && i < b.length - 1) b.splice(i, 1);
          }
          return [a, b] as const;
        }),
    );
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const before = new PrintedLines(a);
        const after = new PrintedLines(b);
        expect(apply(before.text, changedPartEdits(before, after))).toBe(after.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('edits only the lines of the specialisation typed in, in a generated module of many', () => {
    const project = { ...defaultProject('26.05'), specialisations: Array.from({ length: 40 }, (_, i) => ({ ...defaultSpecialisation(`s${i}`), tags: [`t${i}`] })) };
    const before = generate(project).lines;
    const typed = { ...project, specialisations: project.specialisations.map((s, i) => (i === 17 ? { ...s, tags: ['t17x'] } : s)) };
    const after = generate(typed).lines;
    const edits = changedPartEdits(before, after);
    expect(apply(before.text, edits)).toBe(after.text);
    const line = before.text.split('\n').findIndex((l) => l.includes('"t17"')) + 1;
    expect(edits).toEqual([{ range: { startLineNumber: line, startColumn: expect.any(Number), endLineNumber: line, endColumn: expect.any(Number) }, text: expect.any(String) }]);
  });
});
