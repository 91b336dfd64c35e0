import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation, defaultUser } from './defaults';
import { projectJsonSchema } from './json-schema';
import { parseProjectText, readProject } from './read';

describe('readProject', () => {
  it('fills every default', () => {
    const { project, diagnostics } = readProject({ specialisations: [{ name: 'a', users: [{ name: 'u' }] }] });
    expect(diagnostics).toEqual([]);
    expect(project).toEqual({
      ...defaultProject(),
      specialisations: [{ ...defaultSpecialisation('a'), users: [defaultUser('u')] }],
    });
    expect(project.nixosRelease).toBe('26.05');
  });

  it('names unknown fields, wrong types and missing names by path', () => {
    const { diagnostics } = readProject({
      version: 1,
      colour: 'red',
      specialisations: [{ users: [{ name: 'x', uid: '1000', shel: 'zsh' }], gpu: { mode: 'intel' } }],
    });
    const byPath = Object.fromEntries(diagnostics.map((d) => [d.path, d.message]));
    expect(byPath.colour).toMatch(/unknown field "colour"/);
    expect(byPath['specialisations[0].name']).toBe('is required');
    expect(byPath['specialisations[0].users[0].uid']).toMatch(/whole number/);
    expect(byPath['specialisations[0].users[0].shel']).toMatch(/unknown field "shel".*shell/);
    expect(byPath['specialisations[0].gpu.mode']).toMatch(/one of none, nvidia/);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('refuses a newer format version and says so', () => {
    const { diagnostics } = readProject({ version: 2 });
    expect(diagnostics).toEqual([
      { path: 'version', severity: 'error', message: expect.stringMatching(/format version 2.*reads version 1/) },
    ]);
  });

  it('never throws on foreign values', () => {
    for (const value of [null, 3, 'x', [], [1], { specialisations: 'x' }, { specialisations: [null] }])
      expect(readProject(value).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('parseProjectText', () => {
  it('says where the JSON breaks', () => {
    const result = parseProjectText('{\n  "version": 1,\n  "nixosRelease": "26.05",\n}');
    expect(result).toEqual({ jsonError: expect.stringMatching(/^not valid JSON at line 4, column 1: /) });
  });
});

describe('JSON Schema', () => {
  it('public/project.schema.json is the schema derived from the format (run scripts/write-schema.ts)', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, '../../public/project.schema.json'), 'utf8'));
    expect(shipped).toEqual(projectJsonSchema());
  });

  it('forbids unknown fields everywhere', () => {
    const walk = (s: Record<string, unknown>): void => {
      if (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) {
        expect(s.additionalProperties).toBe(false);
        Object.values(s.properties as Record<string, Record<string, unknown>>).forEach(walk);
      }
      if (s.type === 'array') walk(s.items as Record<string, unknown>);
    };
    walk(projectJsonSchema());
  });
});
