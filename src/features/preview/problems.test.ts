import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/types';
import { ancestorPaths, describePath, parentNotes, problemsHeading, sortProblems, specialisationIndex } from './problems';
import { defaultBase, defaultProject, defaultSpecialisation } from '../../model/defaults';

const d = (path: string, severity: Diagnostic['severity'], message = path): Diagnostic => ({ path, severity, message });

describe('sortProblems', () => {
  it('puts errors before warnings and keeps the order within each', () => {
    const list = [d('a', 'warning'), d('b', 'error'), d('c', 'warning'), d('e', 'error')];
    expect(sortProblems(list).map((x) => x.path)).toEqual(['b', 'e', 'a', 'c']);
  });
});

describe('specialisationIndex', () => {
  it('reads the specialisation index of a path', () => {
    expect(specialisationIndex('specialisations[12].users[1].uid')).toBe(12);
    expect(specialisationIndex('specialisations[0]')).toBe(0);
  });
  it('is null for paths outside the specialisations', () => {
    expect(specialisationIndex('nixosRelease')).toBeNull();
    expect(specialisationIndex('xspecialisations[1]')).toBeNull();
  });
});

describe('ancestorPaths', () => {
  it('lists the path and its ancestors, nearest first', () => {
    expect(ancestorPaths('specialisations[0].users[1].extraGroups[2]')).toEqual([
      'specialisations[0].users[1].extraGroups[2]',
      'specialisations[0].users[1].extraGroups',
      'specialisations[0].users[1]',
      'specialisations[0].users',
      'specialisations[0]',
      'specialisations',
    ]);
    expect(ancestorPaths('nixosRelease')).toEqual(['nixosRelease']);
  });
});

describe('problemsHeading', () => {
  it('counts errors and warnings', () => {
    expect(problemsHeading(1, 2)).toBe('Problems: 1 error, 2 warnings');
    expect(problemsHeading(3, 1)).toBe('Problems: 3 errors, 1 warning');
    expect(problemsHeading(0, 0)).toBe('Problems: none');
  });
});

describe('describePath', () => {
  it('names the specialisation and the field', () => {
    expect(describePath('specialisations[0].users[1].uid', ['chani'])).toBe('chani › user 2 › uid');
    expect(describePath('specialisations[0].users[0].extraGroups[0]', ['chani'])).toBe('chani › user 1 › group 1');
    expect(describePath('specialisations[1].desktop.displayManager', ['a', ''])).toBe(
      'specialisation 2 › desktop › display manager',
    );
    expect(describePath('specialisations[0]', ['paul'])).toBe('paul');
    expect(describePath('nixosRelease', [])).toBe('NixOS release');
  });
  it('names a setting row and its fields', () => {
    expect(describePath('specialisations[0].settings[1].value', ['chani'])).toBe('chani › setting 2 › value');
    expect(describePath('specialisations[0].settings[0].path', ['chani'])).toBe('chani › setting 1 › option path');
    expect(describePath('specialisations[0].settings[2].items[0]', ['chani'])).toBe('chani › setting 3 › item 1');
    expect(describePath('specialisations[0].settings[0].overridePriority', ['chani'])).toBe('chani › setting 1 › lib.mkOverride priority');
  });
});

describe('parentNotes', () => {
  const withDesktop = (name: string, environment: 'plasma6' | 'none', inherit = true) => ({
    ...defaultSpecialisation(name),
    inheritParentConfig: inherit,
    desktop: { ...defaultSpecialisation(name).desktop, environment },
  });

  it("notes a specialisation's desktop that may clash with a main system that is not described", () => {
    const project = { ...defaultProject(), specialisations: [withDesktop('plasma', 'plasma6'), withDesktop('plain', 'none'), withDesktop('alone', 'plasma6', false)] };
    expect(parentNotes(project)).toEqual([{ path: 'specialisations[0].desktop.environment', message: expect.stringMatching(/^plasma brings its own desktop, which may clash with the main system's/) }]);
    expect(parentNotes({ ...project, base: defaultBase() })).toEqual([]);
  });

  it('counts notes in the heading', () => {
    expect(problemsHeading(0, 0, 1)).toBe('Problems: none · 1 note');
    expect(problemsHeading(1, 0, 2)).toBe('Problems: 1 error, 0 warnings · 2 notes');
  });
});
