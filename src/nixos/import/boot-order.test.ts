import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../../model/defaults';
import type { Project } from '../../model/types';
import { generate } from '../generate';
import { importNix, type ImportResult } from './import-nix';

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(r.error.message);
  return r;
};

function project(over: Partial<Project> = {}): Project {
  const p = { ...defaultProject('25.05'), base: { ...defaultBase(), bootloader: 'systemd-boot' as const }, ...over };
  if (!over.specialisations) p.specialisations = [defaultSpecialisation('chani'), defaultSpecialisation('paul')];
  return p;
}

describe('the boot menu designer read back from Nix', () => {
  it('reads the sort keys the module writes into the menu order, and leaves no Nix behind', () => {
    const p = project({ bootOrder: ['paul', '', 'chani'] });
    const text = generate(p).text;
    const r = ok(importNix(text, { release: '25.05', base: p.base }));
    expect(r.project.bootOrder).toEqual(['paul', '', 'chani']);
    expect(r.project.specialisations.map((s) => [s.extraConfig, s.settings.length])).toEqual([['', 0], ['', 0]]);
    expect(r.report.leftOut).toEqual([]);
    expect(r.report.specialisations[1].read).toContain('its place in the menu (1 of 3)');
    expect(r.report.specialisations[0].settings).toContainEqual(expect.objectContaining({ path: 'boot.loader.systemd-boot.sortKey', to: 'field', field: 'bootOrder' }));
    expect(generate(r.project).text).toBe(text);
  });

  it('keeps sort keys of the user\'s own as they were written', () => {
    const text = `{ lib, ... }:
{
  specialisation.chani.configuration.boot.loader.systemd-boot.sortKey = lib.mkForce "b-chani";
  specialisation.paul.configuration.boot.loader.systemd-boot.sortKey = lib.mkForce "a-paul";
  boot.loader.systemd-boot.sortKey = "c";
}
`;
    const r = ok(importNix(text, { release: '25.05' }));
    expect(r.project.bootOrder).toEqual([]);
    // Each stays a setting row with its lib.mkForce.
    expect(r.project.specialisations.map((s) => s.settings.map((x) => [x.path.join('.'), x.value, x.priority]))).toEqual([
      [['boot.loader.systemd-boot.sortKey', 'b-chani', 'force']],
      [['boot.loader.systemd-boot.sortKey', 'a-paul', 'force']],
    ]);
    // The main system's own key is outside the specialisations: the report names it as left out.
    expect(r.report.leftOut).toEqual(['boot.loader.systemd-boot.sortKey']);
  });

  it('reads no order when an entry has no key, a key has a condition, or the release has no sortKey', () => {
    const p = project({ bootOrder: ['paul', '', 'chani'] });
    const text = generate(p).text;
    const without = text.replace(/\n\s*# Its place in the menu[^\n]*\n\s*boot\.loader\.systemd-boot\.sortKey = lib\.mkForce "nixos-00-paul";/, '');
    expect(without).not.toBe(text);
    const a = ok(importNix(without, { release: '25.05', base: p.base }));
    expect(a.project.bootOrder).toEqual([]);
    expect(a.project.specialisations[0].extraConfig).toContain('nixos-02-chani');

    const conditional = text.replace('lib.mkForce "nixos-00-paul"', 'lib.mkIf true (lib.mkForce "nixos-00-paul")');
    expect(ok(importNix(conditional, { release: '25.05', base: p.base })).project.bootOrder).toEqual([]);

    // 23.11 has no boot.loader.systemd-boot.sortKey: asked for that release, the keys stay as written.
    const old = ok(importNix(text, { release: '23.11', base: p.base }));
    expect(old.project.bootOrder).toEqual([]);
    expect(old.project.specialisations[1].extraConfig).toContain('nixos-00-paul');
  });

  it('reads GRUB titles the module writes, and keeps a plain one of the user\'s own as a setting row', () => {
    const grub = { ...defaultBase(), bootloader: 'grub' as const };
    const p = project({ base: grub });
    p.specialisations[1] = { ...p.specialisations[1], configurationName: "Paul's desk" };
    const text = generate(p).text;
    expect(text).toContain('boot.loader.grub.configurationName = lib.mkForce "Paul\'s desk";');
    const r = ok(importNix(text, { release: '25.05', base: grub }));
    expect(r.project.specialisations.map((s) => s.configurationName)).toEqual([null, "Paul's desk"]);
    expect(r.report.specialisations[1].read).toContain("GRUB title Paul's desk");

    const plain = ok(importNix('{ specialisation.work.configuration.boot.loader.grub.configurationName = "Work"; }', { release: '25.05', base: grub }));
    const work = plain.project.specialisations[0];
    expect(work.configurationName).toBeNull();
    expect(work.settings.map((s) => [s.path.join('.'), s.value])).toEqual([['boot.loader.grub.configurationName', 'Work']]);
    expect(generate(plain.project).text).toContain('boot.loader.grub.configurationName = "Work";');
  });
});
