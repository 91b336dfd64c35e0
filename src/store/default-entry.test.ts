import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from '../model/defaults';
import { removeSpecialisation, renameSpecialisation, moveSpecialisation } from '../model/operations';
import type { Project } from '../model/types';
import { followDefaultEntry } from './default-entry';

const project = (defaultEntry: string | null): Project => ({
  ...defaultProject(),
  defaultEntry,
  specialisations: [defaultSpecialisation('plasma'), defaultSpecialisation('kernel-test')],
});

describe('followDefaultEntry', () => {
  it('follows a rename of the default entry', () => {
    const before = project('kernel-test');
    expect(followDefaultEntry(before, renameSpecialisation(before, 1, 'kernel-new')).defaultEntry).toBe('kernel-new');
  });

  it('goes back to the parent when the default entry is deleted', () => {
    const before = project('kernel-test');
    expect(followDefaultEntry(before, removeSpecialisation(before, 1)).defaultEntry).toBeNull();
  });

  it('leaves other edits alone', () => {
    const before = project('kernel-test');
    const renamedOther = renameSpecialisation(before, 0, 'gnome');
    expect(followDefaultEntry(before, renamedOther)).toBe(renamedOther);
    const moved = moveSpecialisation(before, 1, 0);
    expect(followDefaultEntry(before, moved)).toBe(moved);
    const parent = project(null);
    const edited = renameSpecialisation(parent, 1, 'x');
    expect(followDefaultEntry(parent, edited)).toBe(edited);
    // An explicit change of the default entry is the user's choice.
    const chosen = { ...before, defaultEntry: 'plasma' };
    expect(followDefaultEntry(before, chosen)).toBe(chosen);
  });
});
