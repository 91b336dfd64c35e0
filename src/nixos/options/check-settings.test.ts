import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSetting, defaultSpecialisation } from '../../model/defaults';
import type { Project, Release, Setting } from '../../model/types';
import { buildReleaseCatalog } from './build';
import { catalogDiagnostics, settingMigrations } from './check-settings';
import { OPTION_FACTS, RENAME_FACTS } from './data';
import { indexCatalog } from './lookup';

const index = (release: Release) => indexCatalog(buildReleaseCatalog(release, OPTION_FACTS, RENAME_FACTS));
const project = (release: Release, ...settings: Setting[]): Project => ({
  ...defaultProject(release),
  specialisations: [{ ...defaultSpecialisation('kde'), settings }],
});
const sddm = defaultSetting(['services', 'xserver', 'displayManager', 'sddm', 'enable']);

describe('setting rows against the option catalog', () => {
  it('warns, at the row, about an option the release renamed, and about a value of another kind', () => {
    const p = project('24.11', sddm, { ...defaultSetting(['services', 'tlp', 'enable']), type: 'string', value: 'yes' });
    const found = catalogDiagnostics(p, index('24.11'));
    expect(found).toEqual([
      {
        path: 'specialisations[0].settings[0].path',
        severity: 'warning',
        message: expect.stringMatching(/renamed services\.xserver\.displayManager\.sddm\.enable to services\.displayManager\.sddm\.enable/),
      },
      { path: 'specialisations[0].settings[1].type', severity: 'warning', message: expect.stringMatching(/takes a boolean in NixOS 24\.11, not a string/) },
    ]);
    // The old name was the name before the rename.
    expect(catalogDiagnostics(project('23.11', sddm), index('23.11'))).toEqual([]);
  });

  it('a release change offers to move a renamed row, and the fix moves only that row', () => {
    const p = project('24.11', defaultSetting(['services', 'tlp', 'enable']), sddm);
    const [m, ...rest] = settingMigrations(p, index('24.11'));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ path: 'specialisations[0].settings[1].path', kind: 'renamed' });
    expect(m.fix!.label).toBe('Use services.displayManager.sddm.enable in kde');
    const fixed = m.fix!.apply(p);
    expect(fixed.specialisations[0].settings.map((r) => r.path.join('.'))).toEqual(['services.tlp.enable', 'services.displayManager.sddm.enable']);
    // Applied after the row changed, it does nothing.
    const moved = { ...p, specialisations: [{ ...p.specialisations[0], settings: [sddm] }] };
    expect(m.fix!.apply(moved)).toBe(moved);
    expect(settingMigrations(fixed, index('24.11'))).toEqual([]);
  });

  it('takes an empty list for a list of anything, and says types in words', () => {
    const empty = { ...defaultSetting(['boot', 'extraModulePackages']), type: 'strings' as const, items: [] };
    expect(catalogDiagnostics(project('26.05', empty), index('26.05'))).toEqual([]);
    const full = { ...empty, items: ['x'] };
    expect(catalogDiagnostics(project('26.05', full), index('26.05')).map((d) => d.message)).toEqual([
      'boot.extraModulePackages takes a list of packages in NixOS 26.05, not a list of strings',
    ]);
  });
});
