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

describe('integers as written in the file', () => {
  const uidOf = (uid: string) => `{"version": 1, "specialisations": [{"name": "a", "users": [{"name": "u", "uid": ${uid}}]}]}`;
  const read = (text: string) => {
    const result = parseProjectText(text);
    if ('jsonError' in result) throw new Error(result.jsonError);
    return result;
  };
  const uidMessage = (uid: string) => read(uidOf(uid)).diagnostics.map((d) => `${d.path}: ${d.message}`);

  it('names numbers JSON.parse would turn into Infinity or round to a whole number, as written', () => {
    const path = 'specialisations[0].users[0].uid';
    expect(uidMessage('1e400')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found 1e400`]);
    expect(uidMessage('-1e400')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found -1e400`]);
    expect(uidMessage('999.99999999999999')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found 999.99999999999999`]);
    expect(uidMessage('4294967294.0000001')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found 4294967294.0000001`]);
    expect(uidMessage('123456789012345678901')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found 123456789012345678901`]);
    expect(uidMessage('1000.5')).toEqual([`${path}: must be a whole number from 0 to 4294967294 or null, found 1000.5`]);
  });

  it('accepts whole numbers however they are written', () => {
    for (const uid of ['1000', '1000.0', '1e3', '1.0E+3', '10000e-1']) {
      const { project, diagnostics } = read(uidOf(uid));
      expect(diagnostics).toEqual([]);
      expect(project.specialisations[0].users[0].uid).toBe(1000);
    }
    expect(read('{"version": 1.0}').diagnostics).toEqual([]);
  });

  it('checks the format version as written too', () => {
    expect(read('{"version": 1.0000000000000001}').diagnostics).toEqual([
      { path: 'version', severity: 'error', message: 'must be 1, found 1.0000000000000001' },
    ]);
    expect(read('{"version": 1e400}').diagnostics[0].message).toBe('must be 1, found 1e400');
    expect(read('{"version": 2.0}').diagnostics[0].message).toMatch(/^this file is format version 2\.0; this build reads version 1 only/);
  });

  it('says a number is not the string it looks like', () => {
    expect(read('{"nixosRelease": 24.05}').diagnostics[0].message).toMatch(/^must be a string, one of .*; found the number 24\.05 \(write "24\.05"\)$/);
    expect(read('{"specialisations": [{"name": 1.5}]}').diagnostics[0]).toMatchObject({ path: 'specialisations[0].name', message: 'must be a string, found 1.5' });
  });

  it('reads a stored value (no texts) as before, and says Infinity rather than null', () => {
    const { diagnostics } = readProject({ specialisations: [{ name: 'a', users: [{ name: 'u', uid: Infinity }] }] });
    expect(diagnostics[0].message).toBe('must be a whole number from 0 to 4294967294 or null, found Infinity');
  });
});

describe('a byte order mark', () => {
  it('is skipped, as the page does, and JSON errors after it are placed as if it were not there', () => {
    expect(parseProjectText('\uFEFF{"version": 1}')).toMatchObject({ diagnostics: [] });
    expect(parseProjectText('\uFEFF{\n  "version": 1,\n}')).toEqual({
      jsonError: 'not valid JSON at line 3, column 1: expected a property name in double quotes, found "}"',
    });
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
