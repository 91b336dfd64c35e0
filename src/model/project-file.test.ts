import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from './defaults';
import { projectFileName, projectFileText } from './project-file';
import { parseProjectText } from './read';
import { addTemplate } from './templates';

describe('project files', () => {
  it('reads back exactly what it saved', () => {
    const { project } = addTemplate(defaultProject('25.05'), 'work-personal');
    const text = projectFileText(project);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,\n');
    expect(parseProjectText(text)).toEqual({ project, diagnostics: [] });
  });

  it('names the file after the specialisations', () => {
    expect(projectFileName(defaultProject())).toBe('specialisations.json');
    expect(projectFileName(addTemplate(defaultProject(), 'chani-paul').project)).toBe('chani-paul.json');
    const p = { ...defaultProject(), specialisations: ['a', 'b c', '', 'd', 'e'].map((n) => defaultSpecialisation(n)) };
    expect(projectFileName(p)).toBe('a-bc-d.json');
  });
});
