import { describe, expect, it } from 'vitest';
import { syntaxMarker } from './syntax-marker';

describe('syntaxMarker', () => {
  it('spans the word at the error', () => {
    expect(syntaxMarker('a = 1;\nb = foo bar;', { line: 2, column: 5, message: 'm' })).toEqual({
      startLineNumber: 2,
      startColumn: 5,
      endLineNumber: 2,
      endColumn: 8,
      message: 'm',
    });
  });

  it('spans one character on punctuation or at the end of a line', () => {
    expect(syntaxMarker('a = ;', { line: 1, column: 5, message: 'm' }).endColumn).toBe(6);
    expect(syntaxMarker('a = 1', { line: 1, column: 6, message: 'm' }).endColumn).toBe(7);
  });

  it('clamps positions outside the text', () => {
    expect(syntaxMarker('a = 1;\n', { line: 9, column: 9, message: 'm' })).toMatchObject({ startLineNumber: 2, startColumn: 1 });
    expect(syntaxMarker('x', { line: 0, column: 0, message: 'm' })).toMatchObject({ startLineNumber: 1, startColumn: 1 });
  });
});
