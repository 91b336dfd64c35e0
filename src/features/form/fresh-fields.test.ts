import { afterEach, describe, expect, it } from 'vitest';
import { clearFresh, isFresh, markFresh } from './fresh-fields';

describe('fresh fields', () => {
  afterEach(() => clearFresh('specialisations'));

  it('marks the fields under an added thing, not its neighbours, until cleared', () => {
    markFresh('specialisations[0].users[1]');
    expect(isFresh('specialisations[0].users[1].name')).toBe(true);
    expect(isFresh('specialisations[0].users[1].extraGroups')).toBe(true);
    expect(isFresh('specialisations[0].users[10].name')).toBe(false);
    expect(isFresh('specialisations[0].users[0].name')).toBe(false);
    expect(isFresh('specialisations[1].users[1].name')).toBe(false);
    clearFresh('specialisations[0].users');
    expect(isFresh('specialisations[0].users[1].name')).toBe(false);
  });
});
