import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSetting } from '../../model/defaults';
import type { Release } from '../../model/types';
import { indexCatalog } from '../../nixos/options/lookup';
import type { ReleaseOptionCatalog } from '../../nixos/options/types';
import { isFreshRow, optionCompletions, pathText, placeholderRange, rowForOption, settingTypeFor } from './option-paths';

const catalog = (release: Release) =>
  JSON.parse(readFileSync(join(__dirname, `../../../public/options/${release}.json`), 'utf8')) as ReleaseOptionCatalog;
const index = indexCatalog(catalog('24.11'));
const paths = (prefix: string, limit = 12) => optionCompletions(index, prefix, limit).map((c) => pathText(c.path));

describe('option paths for completion', () => {
  it('completes a partial path from the release catalog, in the catalog order', () => {
    expect(paths('services.tl')).toEqual(['services.tlp.enable', 'services.tlp.extraConfig', 'services.tlp.settings']);
    expect(paths('services.tlp.enable')).toEqual(['services.tlp.enable']);
    expect(paths('services.nothing-here')).toEqual([]);
    expect(paths('', 5)).toHaveLength(5);
  });

  it('keeps <name> unquoted for the user to replace, carries typed names over, quotes what needs quotes', () => {
    expect(paths('systemd.services.')[0]).toMatch(/^systemd\.services\.<name>\.\w+$/);
    expect(paths('users.users.chani.sh')).toEqual(['users.users.chani.shell']);
    expect(paths('fileSystems."/".fs')).toEqual(['fileSystems."/".fsType']);
    expect(pathText(['a', '<name>', 'my.name', 'if'])).toBe('a.<name>."my.name"."if"');
    expect(placeholderRange('systemd.services.<name>.enable')).toEqual({ start: 17, end: 23 });
    expect(placeholderRange('services.tlp.enable')).toBeNull();
  });

  it('leaves out the items of a list of submodules, which no attribute path can reach', () => {
    expect(index.completions('swapDevices.', 50).some((c) => c.path.includes('*'))).toBe(true);
    expect(paths('swapDevices.', 50).filter((p) => p.includes('*'))).toEqual([]);
  });
});

describe('the row type for an option', () => {
  it('maps the catalog type to the row type that holds it', () => {
    expect(settingTypeFor({ type: 'bool' })).toBe('bool');
    expect(settingTypeFor({ type: 'nullOr int' })).toBe('int');
    expect(settingTypeFor({ type: 'str' })).toBe('string');
    expect(settingTypeFor({ type: 'enum', enum: ['a', 'b'] })).toBe('string');
    expect(settingTypeFor({ type: 'nullOr enum', enum: [1, 2] })).toBe('int');
    expect(settingTypeFor({ type: 'path' })).toBe('path');
    expect(settingTypeFor({ type: 'listOf str' })).toBe('strings');
    expect(settingTypeFor({ type: 'listOf package' })).toBe('packages');
    expect(settingTypeFor({ type: 'listOf int' })).toBe('nix');
    expect(settingTypeFor({ type: 'attrsOf submodule' })).toBe('nix');
    expect(settingTypeFor({ type: 'either int str' })).toBe('nix');
    expect(settingTypeFor({ type: 'not a type' })).toBe('nix');
  });

  it('gives a fresh row the type, starting from a literal default of that kind', () => {
    const row = defaultSetting(['x']);
    expect(isFreshRow(row)).toBe(true);
    expect(isFreshRow({ ...row, value: 'false' })).toBe(false);
    expect(rowForOption(row, { type: 'bool', default: false })).toBe(row);
    expect(rowForOption(row, { type: 'int', default: 5 })).toMatchObject({ type: 'int', value: '5' });
    expect(rowForOption(row, { type: 'str', default: { expr: true } })).toMatchObject({ type: 'string', value: '' });
    expect(rowForOption(row, { type: 'listOf str', default: ['a'] })).toMatchObject({ type: 'strings', value: '', items: ['a'] });
    expect(rowForOption(row, { type: 'listOf package', default: [] })).toMatchObject({ type: 'packages', items: [] });
    expect(rowForOption(row, { type: 'attrsOf other' })).toMatchObject({ type: 'nix', value: '' });
  });
});
