import { describe, expect, it } from 'vitest';
import { configurationFileStore, readConfigurationFile } from './configuration-file';

describe('the configuration.nix kept for the patch view', () => {
  it('reads back what was saved, and ignores what does not read as one', () => {
    const file = { name: 'configuration.nix', text: '{ }:\r\n{ }', moduleFile: './specialisations.nix', parentOnly: ['a.b'] };
    expect(readConfigurationFile(JSON.stringify(file))).toEqual(file);
    expect(readConfigurationFile(JSON.stringify({ ...file, parentOnly: ['x', 3] }))).toEqual({ ...file, parentOnly: ['x'] });
    expect(readConfigurationFile(null)).toBeNull();
    expect(readConfigurationFile('{ "name": 1 }')).toBeNull();
    expect(readConfigurationFile('not json')).toBeNull();
  });

  it('a new file keeps the module name the user chose, not the choices made for another file', () => {
    const store = configurationFileStore.getState();
    store.open('configuration.nix', 'first');
    configurationFileStore.getState().update({ moduleFile: './boot/entries.nix', parentOnly: ['services.x.enable'] });
    configurationFileStore.getState().open('flake.nix', 'second');
    expect(configurationFileStore.getState().file).toEqual({ name: 'flake.nix', text: 'second', moduleFile: './boot/entries.nix', parentOnly: [] });
  });
});
