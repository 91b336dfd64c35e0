import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSetting, defaultSpecialisation, defaultUser } from './defaults';
import {
  addSetting,
  moveSetting,
  parseOptionPath,
  removeSetting,
  updateSetting,
  addSpecialisation,
  addUser,
  appendUnique,
  duplicateSpecialisation,
  freeName,
  insertSpecialisation,
  moveSpecialisation,
  nextFreeUid,
  removeAt,
  removeSpecialisation,
  removeUser,
  renameSpecialisation,
  setRelease,
  setSection,
  setSpecialisationField,
  setUserField,
  splitKernelParams,
} from './operations';
import type { Project } from './types';

const project = (...names: string[]): Project => ({
  ...defaultProject(),
  specialisations: names.map((n) => defaultSpecialisation(n)),
});

describe('specialisation operations', () => {
  it('names new and duplicated specialisations so they stay unique', () => {
    expect(freeName(['a', 'a-2'], 'a')).toBe('a-3');
    const p = addSpecialisation(addSpecialisation(project()));
    expect(p.specialisations.map((s) => s.name)).toEqual(['entry-1', 'entry-2']);
    // The first free number: a gap left by a rename is filled.
    const gap = addSpecialisation({ ...p, specialisations: [{ ...p.specialisations[0], name: 'gaming' }, p.specialisations[1]] });
    expect(gap.specialisations.map((s) => s.name)).toEqual(['gaming', 'entry-2', 'entry-1']);
    const d = duplicateSpecialisation(project('gaming', 'work'), 0);
    expect(d.specialisations.map((s) => s.name)).toEqual(['gaming', 'gaming-copy', 'work']);
  });

  it('duplicates deeply: editing the copy leaves the original alone', () => {
    const p = addUser(project('a'), 0, 'chani');
    const d = duplicateSpecialisation(p, 0);
    d.specialisations[1].users[0].extraGroups.push('wheel');
    expect(p.specialisations[0].users[0].extraGroups).toEqual([]);
  });

  it('removes, moves, and puts a removed specialisation back where it was', () => {
    const p = project('a', 'b', 'c');
    const removed = removeSpecialisation(p, 1);
    expect(removed.specialisations.map((s) => s.name)).toEqual(['a', 'c']);
    expect(insertSpecialisation(removed, 1, p.specialisations[1]).specialisations.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(moveSpecialisation(p, 2, 0).specialisations.map((s) => s.name)).toEqual(['c', 'a', 'b']);
    expect(moveSpecialisation(p, 0, -1)).toBe(p);
    expect(moveSpecialisation(p, 2, 3)).toBe(p);
  });

  it('renames a restored specialisation whose name was taken in the meantime', () => {
    const p = project('a', 'b');
    expect(insertSpecialisation(p, 0, defaultSpecialisation('b')).specialisations.map((s) => s.name)).toEqual(['b-2', 'a', 'b']);
  });

  it('returns the same project when an edit changes nothing', () => {
    const p = project('a');
    expect(renameSpecialisation(p, 0, 'a').specialisations[0]).toBe(p.specialisations[0]);
    expect(setSpecialisationField(p, 0, 'inheritParentConfig', true).specialisations[0]).toBe(p.specialisations[0]);
    expect(setSection(p, 0, 'gpu', 'mode', 'none').specialisations[0]).toBe(p.specialisations[0]);
    expect(setRelease(p, p.nixosRelease)).toBe(p);
  });

  it('sets section fields without touching the input', () => {
    const p = project('a');
    const next = setSection(p, 0, 'desktop', 'environment', 'gnome');
    expect(next.specialisations[0].desktop.environment).toBe('gnome');
    expect(p.specialisations[0].desktop.environment).toBe('none');
    expect(setSection(p, 0, 'kernel', 'packages', 'linuxPackages_latest').specialisations[0].kernel.packages).toBe('linuxPackages_latest');
  });
});

describe('user operations', () => {
  it('suggests the next free uid above the main system\'s own account (1000), above every uid in the project', () => {
    expect(nextFreeUid(project('a'))).toBe(1001);
    let p = addUser(project('a', 'b'), 0, 'chani');
    expect(p.specialisations[0].users[0].uid).toBe(1001);
    p = addUser(p, 1, 'paul');
    expect(p.specialisations[1].users[0].uid).toBe(1002);
    p = setUserField(p, 1, 0, 'uid', 40000);
    expect(nextFreeUid(p)).toBe(1002);
    // A uid below the main account's does not pull the suggestion down.
    expect(nextFreeUid(setUserField(addUser(project('a'), 0, 'svc'), 0, 0, 'uid', 500))).toBe(1001);
  });

  it('renaming a user carries the autologin along; removing one clears it', () => {
    let p = addUser(project('a'), 0, 'chani');
    p = setSection(p, 0, 'desktop', 'autoLogin', 'chani');
    p = setUserField(p, 0, 0, 'name', 'chani2');
    expect(p.specialisations[0].desktop.autoLogin).toBe('chani2');
    expect(removeUser(p, 0, 0).specialisations[0].desktop.autoLogin).toBeNull();
  });

  it('does not touch the autologin when another user is renamed', () => {
    let p = addUser(addUser(project('a'), 0, 'chani'), 0, 'paul');
    p = setSection(p, 0, 'desktop', 'autoLogin', 'chani');
    p = setUserField(p, 0, 1, 'name', 'leto');
    expect(p.specialisations[0].desktop.autoLogin).toBe('chani');
    expect(p.specialisations[0].users.map((u) => u.name)).toEqual(['chani', 'leto']);
  });

  it('ignores a user index that does not exist', () => {
    const p = { ...project('a'), specialisations: [{ ...defaultSpecialisation('a'), users: [defaultUser('x')] }] };
    expect(setUserField(p, 0, 5, 'name', 'y').specialisations[0]).toBe(p.specialisations[0]);
  });
});

describe('list helpers', () => {
  it('appends entries split on blanks and commas, skipping blanks and duplicates', () => {
    expect(appendUnique(['git'], 'firefox, git  vim,,')).toEqual(['git', 'firefox', 'vim']);
    expect(appendUnique(['a'], 'a a')).toEqual(['a']);
    const list = ['a'];
    expect(appendUnique(list, '  ')).toBe(list);
  });

  it('keeps an entry whole when asked (SSH keys, kernel parameters with quotes)', () => {
    expect(appendUnique([], ' ssh-ed25519 AAAA me@host ', false)).toEqual(['ssh-ed25519 AAAA me@host']);
  });

  it('splits a kernel command line on blanks outside double quotes', () => {
    expect(splitKernelParams('quiet  splash acpi_osi="Windows 2020" x')).toEqual(['quiet', 'splash', 'acpi_osi="Windows 2020"', 'x']);
    expect(appendUnique(['quiet'], 'quiet mitigations=off', splitKernelParams)).toEqual(['quiet', 'mitigations=off']);
  });

  it('removes by index', () => {
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('setting rows', () => {
  it('adds, changes, moves and removes rows without touching the others', () => {
    let p = addSpecialisation(defaultProject(), defaultSpecialisation('a'));
    p = addSetting(p, 0, defaultSetting(['services', 'tlp', 'enable']));
    p = addSetting(p, 0, defaultSetting(['hardware', 'bluetooth', 'enable']));
    const first = p.specialisations[0].settings[0];
    p = updateSetting(p, 0, 1, (r) => ({ ...r, priority: 'force' }));
    expect(p.specialisations[0].settings[0]).toBe(first);
    expect(p.specialisations[0].settings[1].priority).toBe('force');
    expect(updateSetting(p, 0, 1, (r) => r).specialisations[0]).toBe(p.specialisations[0]);
    p = moveSetting(p, 0, 1, 0);
    expect(p.specialisations[0].settings.map((r) => r.path.join('.'))).toEqual(['hardware.bluetooth.enable', 'services.tlp.enable']);
    p = removeSetting(p, 0, 0);
    expect(p.specialisations[0].settings.map((r) => r.path.join('.'))).toEqual(['services.tlp.enable']);
  });

  it('reads option paths as written, quoted names included', () => {
    expect(parseOptionPath('services.tlp.enable')).toEqual(['services', 'tlp', 'enable']);
    expect(parseOptionPath('fileSystems."/".device')).toEqual(['fileSystems', '/', 'device']);
    expect(parseOptionPath('systemd.services."getty@tty1".enable')).toEqual(['systemd', 'services', 'getty@tty1', 'enable']);
    expect(parseOptionPath('boot.kernel.sysctl."vm.swappiness"')).toEqual(['boot', 'kernel', 'sysctl', 'vm.swappiness']);
    expect(parseOptionPath('a."b\\"c"')).toEqual(['a', 'b"c']);
    for (const bad of ['a..b', 'a.', '.a', 'a."b', 'a b', '1a']) expect(parseOptionPath(bad), bad).toBeNull();
  });
});
