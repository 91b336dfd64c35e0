import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../nix/printer';
import { anyVisible, linesForField, mergeRanges } from './field-lines';

const entries = {
  'specialisations[0]': [{ start: 4, end: 22 }],
  'specialisations[0].tags': [{ start: 5, end: 5 }],
  'specialisations[0].users[0]': [{ start: 14, end: 21 }],
  'specialisations[0].users[0].uid': [{ start: 16, end: 16 }],
  'specialisations[0].users[0].extraGroups': [{ start: 17, end: 20 }],
  'specialisations[0].users[1].uid': [{ start: 30, end: 30 }],
  'specialisations[0].users[1].shell': [{ start: 31, end: 31 }, { start: 40, end: 40 }],
  'specialisations[1]': [{ start: 23, end: 40 }],
  'specialisations[10].tags': [{ start: 90, end: 90 }],
};
const sourceMap = new SourceMap();
for (const [path, ranges] of Object.entries(entries)) for (const r of ranges) sourceMap.add(path, r.start, r.end);

describe('linesForField', () => {
  it('gives the lines of one field', () => {
    expect(linesForField(sourceMap, 'specialisations[0].users[0].uid')).toEqual([{ start: 16, end: 16 }]);
  });
  it('gives the lines of everything under a prefix, merged', () => {
    expect(linesForField(sourceMap, 'specialisations[0].users[1]')).toEqual([
      { start: 30, end: 31 },
      { start: 40, end: 40 },
    ]);
  });
  it('does not take a longer name or index for a prefix', () => {
    expect(linesForField(sourceMap, 'specialisations[0].users[0].extra')).toEqual([]);
    expect(linesForField(sourceMap, 'specialisations[1]')).toEqual([{ start: 23, end: 40 }]);
  });
  it('falls back from a list item to its list', () => {
    expect(linesForField(sourceMap, 'specialisations[0].users[0].extraGroups[2]')).toEqual([{ start: 17, end: 20 }]);
  });
  it('gives nothing for no focus or a field that produced nothing', () => {
    expect(linesForField(sourceMap, null)).toEqual([]);
    expect(linesForField(sourceMap, 'specialisations[0].gpu.driver')).toEqual([]);
  });
});

describe('mergeRanges', () => {
  it('joins overlapping and touching ranges', () => {
    expect(mergeRanges([{ start: 9, end: 12 }, { start: 1, end: 3 }, { start: 4, end: 4 }, { start: 10, end: 11 }])).toEqual([
      { start: 1, end: 4 },
      { start: 9, end: 12 },
    ]);
  });
});

describe('anyVisible', () => {
  it('is true when a highlighted line is on screen', () => {
    expect(anyVisible([{ start: 4, end: 22 }], [{ start: 20, end: 50 }])).toBe(true);
    expect(anyVisible([{ start: 60, end: 60 }, { start: 10, end: 10 }], [{ start: 1, end: 10 }])).toBe(true);
  });
  it('is false when all of them are off screen or there is nothing to show', () => {
    expect(anyVisible([{ start: 4, end: 19 }], [{ start: 20, end: 50 }])).toBe(false);
    expect(anyVisible([], [{ start: 1, end: 50 }])).toBe(false);
  });
});
