import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../model/defaults';
import type { Project } from '../model/types';
import { TAG } from '../model/validate';
import { hostileText, specialisationName, tag } from '../test/arbitraries';
import { hasNix, NIX_TIMEOUT, nixEvalJson, nixOfJson } from '../test/nix';
import { applyGuide } from './apply-guide';
import { bootMenu, byteOrder, grubIndex, nixosLabel } from './boot-menu';
import { generate } from './generate';

const project = (bootloader: 'grub' | 'systemd-boot', names: [string, string[]][], defaultEntry: string | null = null): Project => ({
  ...defaultProject('26.05'),
  base: { ...defaultBase(), bootloader },
  defaultEntry,
  specialisations: names.map(([name, tags]) => ({ ...defaultSpecialisation(name), tags })),
});
const hasPerl = spawnSync('perl', ['-e', '1']).status === 0;

describe('boot entry titles', () => {
  it('systemd-boot: "NixOS (<name>)" with the generation and label, the parent default', () => {
    const menu = bootMenu(project('systemd-boot', [['chani', ['chani']], ['paul', ['paul', 'gnome']]]), 7, '2026-11-25');
    const newest = menu.entries.filter((e) => !e.secondary);
    expect(newest.map((e) => e.title).sort()).toEqual(['NixOS', 'NixOS (chani)', 'NixOS (paul)']);
    expect(newest.find((e) => e.specialisation === 'paul')!.detail).toBe('Generation 7 NixOS Yarara gnome-paul-26.05.20261125.a1b2c3d (Linux 6.18.30), built on 2026-11-25');
    expect(newest.filter((e) => e.isDefault).map((e) => e.title)).toEqual(['NixOS']);
    expect(menu.defaultSetting).toBeNull();
  });

  it('GRUB: "NixOS", then "NixOS - (<name> - <date> - <label>)" in sorted order; the default by index', () => {
    const p = project('grub', [['work', []], ['Egpu', ['egpu']], ['chani', ['chani']]], 'work');
    const menu = bootMenu(p, 7, '2026-11-25');
    expect(menu.entries.map((e) => e.title)).toEqual([
      'NixOS',
      'NixOS - (Egpu - 2026-11-25 - egpu-26.05.20261125.a1b2c3d)',
      'NixOS - (chani - 2026-11-25 - chani-26.05.20261125.a1b2c3d)',
      'NixOS - (work - 2026-11-25 - 26.05.20261125.a1b2c3d)',
      'NixOS - All configurations',
    ]);
    expect(menu.entries.find((e) => e.isDefault)!.specialisation).toBe('work');
    expect(menu.defaultSetting).toEqual({ option: 'boot.loader.grub.default', value: 3 });
    expect(generate(p).text).toContain('boot.loader.grub.default = 3;');
    expect(generate({ ...p, base: { ...p.base!, bootloader: 'systemd-boot' } }).text).not.toContain('grub.default');
  });

  it.skipIf(!hasNix)('labels are what NixOS\'s label.nix computes from the same tags (real Nix)', () => {
    const cases = fc.sample(fc.array(fc.oneof(tag, hostileText(6).filter((t) => TAG.test(t))), { maxLength: 4 }), { numRuns: 300, seed: 3 });
    const version = '26.05.20261125.a1b2c3d';
    const nix = nixEvalJson(
      `map (tags: builtins.concatStringsSep "-" ((builtins.sort (x: y: x < y) tags) ++ [ "${version}" ])) ${nixOfJson(cases)}`,
    );
    expect(cases.map((tags) => nixosLabel(tags, version))).toEqual(nix);
  }, NIX_TIMEOUT);

  it.skipIf(!hasNix)('the tags validation accepts what system.nixos.label accepts, and a backslash no more (real Nix)', () => {
    const samples = [...fc.sample(fc.oneof(tag, hostileText(5)), { numRuns: 400, seed: 5 }), 'a\\b'].filter((t) => t !== '');
    // label.nix's regex is "[a-zA-Z0-9:_\\.-]*": inside brackets the backslash is literal, so Nix lets a
    // backslash through; we refuse it (it would end up in GRUB's menu titles and entry file names).
    const nix = nixEvalJson(`map (t: builtins.match "[a-zA-Z0-9:_\\\\.-]*" t != null) ${nixOfJson(samples)}`) as boolean[];
    expect(samples.map((t) => TAG.test(t))).toEqual(nix.map((ok, i) => ok && !samples[i].includes('\\')));
    expect(nix[samples.length - 1]).toBe(true);
  }, NIX_TIMEOUT);

  it.skipIf(!hasPerl)('GRUB orders specialisations as install-grub.pl\'s Perl sort does', () => {
    const names = fc.sample(fc.uniqueArray(specialisationName, { minLength: 1, maxLength: 8 }), { numRuns: 50, seed: 9 });
    // One Perl for all the lists: it reads them as JSON and sorts each with the same `sort` install-grub.pl uses.
    const script = 'use JSON::PP; my $l = JSON::PP->new->utf8->decode(join("", <STDIN>)); print JSON::PP->new->utf8->encode([map { [sort @$_] } @$l]);';
    const sorted = JSON.parse(spawnSync('perl', ['-e', script], { input: JSON.stringify(names), encoding: 'utf8' }).stdout) as string[][];
    names.forEach((list, i) => {
      const perl = sorted[i];
      expect([...list].sort(byteOrder)).toEqual(perl);
      const p = project('grub', list.map((n) => [n, []]));
      for (const n of list) expect(grubIndex(p, n)).toBe(perl.indexOf(n) + 1);
    });
  }, NIX_TIMEOUT);
});

describe('apply guide', () => {
  it('says a kernel change needs a reboot and gives the commands of the release', () => {
    const p = project('systemd-boot', [['test', []]]);
    p.specialisations[0].kernel.packages = 'linuxPackages_latest';
    p.specialisations[0].rememberAcrossRebuilds = true;
    const g = applyGuide(p, p.specialisations[0]);
    expect(g.needsReboot).toEqual(['the kernel (linuxPackages_latest)']);
    const commands = g.commands.map((c) => c.command);
    expect(commands).toContain('sudo nixos-rebuild boot');
    expect(commands).toContain('sudo nixos-rebuild switch --specialisation test');
    expect(commands).toContain('sudo /nix/var/nix/profiles/system/specialisation/test/bin/switch-to-configuration switch');
    expect(commands.some((c) => c.includes('/etc/specialisation'))).toBe(true);
    expect(commands.every((c) => !/nixos-rebuild boot --specialisation/.test(c))).toBe(true);
    expect(g.back[0].command).toBe('sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch');
  });

  it('has no --specialisation before 23.05, and a desktop change applies on switch', () => {
    const p = { ...project('grub', [['plasma', []]]), nixosRelease: '22.11' as const };
    p.specialisations[0].desktop.environment = 'plasma5';
    p.specialisations[0].rememberAcrossRebuilds = true;
    const g = applyGuide(p, p.specialisations[0]);
    expect(g.commands.some((c) => c.command.includes('--specialisation'))).toBe(false);
    expect(g.needsReboot).toEqual([]);
    expect(g.appliesOnSwitch[0]).toMatch(/desktop/);
  });

  it('writes /etc/specialisation for rememberAcrossRebuilds', () => {
    const p = project('systemd-boot', [['work', []]]);
    p.specialisations[0].rememberAcrossRebuilds = true;
    expect(generate(p).text).toContain('environment.etc.specialisation.text = "work";');
  });
});
