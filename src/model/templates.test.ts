import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from './defaults';
import { addSpecialisations, addTemplate, TEMPLATES } from './templates';
import { validateModel } from './validate';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s passes the model checks', (_, template) => {
    const { project, added } = addTemplate(defaultProject(), template.id);
    expect(added.length).toBe(template.specialisations().length);
    expect(validateModel(project)).toEqual([]);
  });

  it('the blog example has two specialisations, chani on Plasma and paul on GNOME with dune-release', () => {
    const { project } = addTemplate(defaultProject(), 'chani-paul');
    const [chani, paul] = project.specialisations;
    expect([chani.name, paul.name]).toEqual(['chani', 'paul']);
    expect(chani.desktop).toMatchObject({ environment: 'plasma6', autoLogin: 'chani' });
    expect(paul.desktop).toMatchObject({ environment: 'gnome', autoLogin: 'paul' });
    expect(paul.packages).toContain('dune-release');
  });

  it('renames what would clash with existing specialisations, and between the added ones', () => {
    const p = { ...defaultProject(), specialisations: [defaultSpecialisation('chani')] };
    const { project, added } = addTemplate(p, 'chani-paul');
    expect(project.specialisations.map((s) => s.name)).toEqual(['chani', 'chani-2', 'paul']);
    expect(added).toEqual([1, 2]);
    const twice = addSpecialisations(defaultProject(), [defaultSpecialisation('x'), defaultSpecialisation('x')]);
    expect(twice.project.specialisations.map((s) => s.name)).toEqual(['x', 'x-2']);
  });

  it('gives fresh objects each time, so editing one project leaves the template alone', () => {
    const a = addTemplate(defaultProject(), 'work-personal').project;
    a.specialisations[0].packages.push('vim');
    expect(addTemplate(defaultProject(), 'work-personal').project.specialisations[0].packages).not.toContain('vim');
  });
});
