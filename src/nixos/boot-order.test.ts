import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../model/defaults';
import { RELEASES, type Bootloader, type Project, type Release } from '../model/types';
import { renameSpecialisation } from '../model/operations';
import { hostileText, specialisationName, tag } from '../test/arbitraries';
import { hasNix, NIX_TIMEOUT, nixEvalJson, tempFile } from '../test/nix';
import { bootMenu, entryFileName, VISIBLE_TITLE } from './boot-menu';
import { bootOnce } from './boot-once';
import { hasSortKey, moveEntry, PARENT, sortKeys, versionCompare, wantedOrder } from './boot-order';
import { generate } from './generate';

// The oracle of these tests is systemd itself: `systemd-analyze compare-versions` runs systemd's
// strverscmp_improved, the comparison systemd-boot sorts its menu with (src/boot/boot.c
// boot_entry_compare: sort key, machine id, version newest first, then the id newest first).
const analyze = spawnSync('systemd-analyze', ['compare-versions', '1', '2'], { encoding: 'utf8' });
const hasSystemd = analyze.status !== null && /</.test(analyze.stdout);
const cache = new Map<string, number>();
function systemdCompare(a: string, b: string): number {
  const key = `${a}\u0000${b}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const run = spawnSync('systemd-analyze', ['compare-versions', '--', a, b], { encoding: 'utf8' });
  // Its exit status says it: 12 for "<", 0 for "==", 11 for ">" (it prints the same, quoting where needed).
  const r = run.status === 12 ? -1 : run.status === 11 ? 1 : run.status === 0 ? 0 : NaN;
  if (Number.isNaN(r)) throw new Error(`systemd-analyze said: ${run.stdout}${run.stderr}`);
  cache.set(key, r);
  return r;
}

const hasSh = spawnSync('sh', ['-c', 'true']).status === 0;

const project = (release: Release, bootloader: Bootloader, specs: { name: string; tags?: string[]; kernel?: string | null }[], bootOrder: string[] = []): Project => ({
  ...defaultProject(release),
  base: { ...defaultBase(), bootloader },
  bootOrder,
  specialisations: specs.map(({ name, tags = [], kernel = null }) => ({
    ...defaultSpecialisation(name),
    tags,
    kernel: { ...defaultSpecialisation(name).kernel, packages: kernel },
  })),
});

describe('systemd-boot order', () => {
  it.skipIf(!hasSystemd)('versionCompare agrees with systemd-analyze compare-versions (systemd\'s strverscmp_improved)', () => {
    const unit = fc.constantFrom(...'0123456789aAbz.-~^_ ,('.split(''));
    const word = fc.string({ unit, maxLength: 7 });
    const pairs = fc.sample(fc.tuple(word, word), { numRuns: 150, seed: 11 });
    const lines = [
      'Generation 42 NixOS Yarara 26.05.20261125.a1b2c3d (Linux 6.18.30), built on 2026-11-25',
      'Generation 42 NixOS Yarara chani-26.05.20261125.a1b2c3d (Linux 6.18.30), built on 2026-11-25',
      'Generation 42 NixOS Yarara 26.05.20261125.a1b2c3d (Linux 6.19.10), built on 2026-11-25',
      'Generation 41 NixOS Yarara 26.05.20261125.a1b2c3d (Linux 6.18.30), built on 2026-11-25',
      'Generation 42-paul, 2026-11-25',
      'Generation 42, 2026-11-25',
      'nixos-generation-42.conf',
      'nixos-generation-42-specialisation-Work.conf',
      'nixos-generation-42-specialisation-work.conf',
      'nixos-generation-9-specialisation-a_b.conf',
    ];
    for (const a of lines) for (const b of lines) pairs.push([a, b]);
    for (const [a, b] of pairs) expect([a, b, versionCompare(a, b)]).toEqual([a, b, systemdCompare(a, b)]);
  }, NIX_TIMEOUT * 2);

  it.skipIf(!hasSystemd || !hasNix)('the preview lists entries as systemd-boot sorts what NixOS writes, with the sort keys the module sets (real Nix, real systemd)', () => {
    const spec = fc.record({
      name: specialisationName,
      tags: fc.array(tag, { maxLength: 2 }),
      kernel: fc.constantFrom(null, null, 'linuxPackages_latest', 'linuxPackages_6_1'),
    });
    const cases = fc.sample(
      fc.record({
        release: fc.constantFrom(...RELEASES),
        bootloader: fc.constantFrom<Bootloader>('systemd-boot', 'systemd-boot', 'lanzaboote'),
        specs: fc.uniqueArray(spec, { selector: (s) => s.name, minLength: 1, maxLength: 3 }),
        shuffle: fc.array(fc.nat(), { maxLength: 4 }),
      }),
      { numRuns: 16, seed: 5 },
    ).map(({ release, bootloader, specs, shuffle }) => {
      const names = [PARENT, ...specs.map((s) => s.name)];
      // A wanted order: the names shuffled by the sampled swaps (or none: the bootloader's own order).
      for (const k of shuffle) {
        const i = k % names.length;
        [names[0], names[i]] = [names[i], names[0]];
      }
      return project(release, bootloader, specs, shuffle.length ? names : []);
    });
    cases.push(project('26.05', 'systemd-boot', [{ name: 'paul' }, { name: 'chani', tags: ['chani'] }], ['chani', PARENT, 'paul']));
    cases.push(project('23.11', 'systemd-boot', [{ name: 'paul' }, { name: 'chani' }], ['chani', PARENT, 'paul']));

    // The sort keys as NixOS would read them: the module evaluated by real Nix, each specialisation
    // inheriting the parent's key unless it sets its own (lib.mkForce resolved to its content).
    const files = cases.map((p, i) => tempFile(`boot-order-${i}.nix`, generate(p).text));
    const keys = nixEvalJson(`
      let
        lib = { mkForce = x: { _force = x; }; };
        value = d: if builtins.isAttrs d && d ? _force then d._force else d;
        key = c: value (((c.boot or { }).loader or { }).systemd-boot or { }).sortKey or null;
        one = f:
          let m = import f { config = { }; inherit lib; pkgs = { linuxPackages_latest = { }; linuxPackages_6_1 = { }; }; options = { }; modulesPath = "/m"; };
          in { parent = key m; specs = builtins.mapAttrs (n: s: key s.configuration) (m.specialisation or { }); };
      in map one [ ${files.join(' ')} ]`) as { parent: string | null; specs: Record<string, string | null> }[];

    cases.forEach((p, i) => {
      const menu = bootMenu(p);
      const lanzaboote = p.base!.bootloader === 'lanzaboote';
      const sortKeyOf = (name: string | null): string | null => {
        // lanzaboote: every entry carries boot.lanzaboote.sortKey ("lanza"), a specialisation's own ignored (#349).
        if (lanzaboote) return 'lanza';
        if (!hasSortKey(p.nixosRelease)) return null;
        const own = name === null ? null : keys[i].specs[name];
        return own ?? keys[i].parent ?? 'nixos';
      };
      const entries = menu.entries.map((e) => ({ e, sortKey: sortKeyOf(e.specialisation), version: e.detail, id: e.id! }));
      const expected = [...entries].sort((a, b) => {
        if ((a.sortKey === null) !== (b.sortKey === null)) return a.sortKey === null ? 1 : -1;
        if (a.sortKey !== null && b.sortKey !== null) {
          if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
          // One machine: the machine ids are equal.
          const v = -systemdCompare(a.version, b.version);
          if (v !== 0) return v;
        }
        return -systemdCompare(a.id, b.id);
      });
      const label = (x: (typeof entries)[number]) => `${x.e.specialisation ?? 'NixOS'}@${x.version}`;
      expect(entries.map(label), `${p.nixosRelease} ${p.base!.bootloader} ${JSON.stringify(p.bootOrder)}`).toEqual(expected.map(label));
      expect(entries.map((x) => x.sortKey)).toEqual(menu.entries.map((e) => e.sortKey ?? null));
      // A wanted order is the order of the newest generation's entries, on systemd-boot from 24.05.
      if (p.bootOrder.length && !lanzaboote && hasSortKey(p.nixosRelease))
        expect(menu.entries.filter((e) => !e.secondary).map((e) => e.specialisation ?? PARENT)).toEqual(wantedOrder(p));
    });
  }, NIX_TIMEOUT * 3);
});

describe('sort keys in the module', () => {
  it.skipIf(!hasNix)('are written from 24.05 on systemd-boot only, and lanzaboote\'s settings with lanzaboote (real Nix)', () => {
    const specs = [{ name: 'paul' }, { name: 'chani' }];
    const order = ['chani', PARENT, 'paul'];
    const cases = [
      ...RELEASES.map((r) => project(r, 'systemd-boot', specs, order)),
      project('26.05', 'grub', specs, order),
      project('26.05', 'lanzaboote', specs, order),
      project('26.05', 'systemd-boot', specs, []),
    ];
    const files = cases.map((p, i) => tempFile(`sortkeys-${i}.nix`, generate(p).text));
    const out = nixEvalJson(`
      let
        lib = { mkForce = x: { force = x; }; };
        one = f:
          let m = import f { config = { }; inherit lib; pkgs = { }; options = { }; modulesPath = "/m"; };
          in { boot = m.boot or null; specs = builtins.mapAttrs (n: s: s.configuration.boot or null) m.specialisation; };
      in map one [ ${files.join(' ')} ]`) as { boot: Record<string, unknown> | null; specs: Record<string, unknown> }[];
    RELEASES.forEach((r, i) => {
      if (hasSortKey(r)) {
        expect(out[i].boot).toEqual({ loader: { 'systemd-boot': { sortKey: 'nixos-01' } } });
        expect(out[i].specs).toEqual({
          chani: { loader: { 'systemd-boot': { sortKey: { force: 'nixos-00-chani' } } } },
          paul: { loader: { 'systemd-boot': { sortKey: { force: 'nixos-02-paul' } } } },
        });
      } else {
        expect(out[i].boot, r).toBeNull();
        expect(out[i].specs, r).toEqual({ chani: null, paul: null });
      }
    });
    const [grub, lanzaboote, unordered] = out.slice(RELEASES.length);
    expect(grub).toEqual({ boot: null, specs: { chani: null, paul: null } });
    expect(lanzaboote).toEqual({
      boot: { loader: { 'systemd-boot': { enable: { force: false } } }, lanzaboote: { enable: true, pkiBundle: '/var/lib/sbctl' } },
      specs: { chani: null, paul: null },
    });
    expect(unordered).toEqual({ boot: null, specs: { chani: null, paul: null } });
    expect(generate(cases[RELEASES.length + 1]).text).toMatch(/# .*nixosModules\.lanzaboote/);
  }, NIX_TIMEOUT);

  it.skipIf(!hasNix)('GRUB titles land in configurationName, as typed, over a title of the main system (real Nix)', () => {
    const p = project('26.05', 'grub', [{ name: 'work' }]);
    p.specialisations[0].configurationName = 'Work — Tuesday\'s ${x} & more';
    const text = generate(p).text;
    const file = tempFile('grub-title.nix', text);
    // lib.mkForce as nixpkgs' lib writes it: an override of priority 50, which wins over the main system's plain title.
    expect(
      nixEvalJson(
        `(import ${file} { config = { }; lib = { mkForce = content: { _type = "override"; priority = 50; inherit content; }; }; pkgs = { }; options = { }; modulesPath = "/m"; }).specialisation.work.configuration.boot.loader.grub.configurationName`,
      ),
    ).toEqual({ _type: 'override', priority: 50, content: p.specialisations[0].configurationName });
    expect(bootMenu(p).entries[1].title).toBe('NixOS - Work — Tuesday\'s ${x} & more');
  }, NIX_TIMEOUT);

  it('sort keys follow the wanted order; moving an entry swaps it with its neighbour', () => {
    const p = project('25.11', 'systemd-boot', [{ name: 'a' }, { name: 'b' }, { name: 'c' }], ['b', 'gone', PARENT]);
    expect(wantedOrder(p)).toEqual(['b', PARENT, 'a', 'c']);
    expect([...sortKeys(p)!.entries()]).toEqual([
      ['b', 'nixos-00-b'],
      [PARENT, 'nixos-01'],
      ['a', 'nixos-02-a'],
      ['c', 'nixos-03-c'],
    ]);
    expect(moveEntry(p, 'a', -1)).toEqual(['b', 'a', PARENT, 'c']);
    expect(moveEntry(p, 'b', -1)).toEqual(['b', PARENT, 'a', 'c']);
    const many = project('25.11', 'systemd-boot', Array.from({ length: 11 }, (_, i) => ({ name: `s${i}` })), ['s10']);
    const k = [...sortKeys(many)!.values()];
    expect([...k].sort()).toEqual(k);
    expect(sortKeys({ ...p, nixosRelease: '23.11' })).toBeNull();
    expect(sortKeys({ ...p, base: { ...p.base!, bootloader: 'lanzaboote' } })).toBeNull();
  });
});

describe('names', () => {
  it('lanzaboote puts the name at the end of a long title: the preview cuts it where an 80-column screen does', () => {
    const p = project('26.05', 'lanzaboote', [{ name: 'kernel-test', tags: ['testing'] }]);
    const entry = bootMenu(p).entries.find((e) => e.specialisation === 'kernel-test' && !e.secondary)!;
    expect(entry.shownTitle).toBe('NixOS Yarara testing-26.05.20261125.a1b2c3d (Linux 6.18.30) (Generation 42-kernel-test, 2026-11-25)');
    expect(entry.cutAt).toBe(VISIBLE_TITLE);
    expect(entry.shownTitle!.slice(0, VISIBLE_TITLE)).not.toContain('kernel-test');
  });

  it('systemd-boot adds the version to repeated titles, and names the entry at the start', () => {
    const p = project('26.05', 'systemd-boot', [{ name: 'work' }]);
    const titles = bootMenu(p).entries.map((e) => e.shownTitle!);
    expect(titles.every((t) => t.startsWith('NixOS (work) (Generation') || t.startsWith('NixOS (Generation'))).toBe(true);
  });
});

describe('boot once', () => {
  it.skipIf(!hasSh)('systemd-boot: the command names the newest generation\'s entry file as NixOS writes it', () => {
    for (const release of ['23.11', '26.05'] as const) {
      const p = project(release, 'systemd-boot', [{ name: 'work' }]);
      for (const name of [null, 'work']) {
        const [once] = bootOnce(p, name);
        // Run it with `sudo` and `readlink` standing in: the command prints what it would run.
        const sh = spawnSync('sh', ['-c', `sudo() { echo "$@"; }; readlink() { echo system-42-link; }; ${once.command}`], { encoding: 'utf8' });
        expect(sh.stdout.trim()).toBe(`systemctl reboot --boot-loader-entry=${entryFileName(release, 42, name)}`);
      }
    }
  });

  it('GRUB: grub-reboot with the entry\'s place in the menu; lanzaboote and 26.11: find the id with bootctl list', () => {
    const p = project('26.05', 'grub', [{ name: 'zz' }, { name: 'aa' }]);
    expect(bootOnce(p, 'zz')[0].command).toBe('sudo grub-reboot 2 && sudo reboot');
    expect(bootOnce(p, null)[0].command).toBe('sudo grub-reboot 0 && sudo reboot');
    expect(bootOnce(project('26.05', 'lanzaboote', [{ name: 'zz' }]), 'zz')[0].command).toBe('bootctl list');
    expect(bootOnce(project('unstable', 'systemd-boot', [{ name: 'zz' }]), 'zz')[0].command).toBe('bootctl list');
  });
});

describe('what is typed stays data', () => {
  it.skipIf(!hasNix)('hostile GRUB titles and keys folders are written as the strings typed (real Nix)', () => {
    const texts = fc.sample(hostileText(30), { numRuns: 60, seed: 21 });
    const projects = texts.map((t) => {
      const grub = project('26.05', 'grub', [{ name: 'work' }]);
      grub.specialisations[0].configurationName = t;
      const lanzaboote = project('26.05', 'lanzaboote', [{ name: 'work' }]);
      lanzaboote.base!.pkiBundle = t;
      return [grub, lanzaboote];
    });
    const files = projects.flat().map((p, i) => tempFile(`hostile-boot-${i}.nix`, generate(p).text));
    const out = nixEvalJson(`
      let
        lib = { mkForce = x: x; };
        one = f: import f { config = { }; inherit lib; pkgs = { }; options = { }; modulesPath = "/m"; };
      in map one [ ${files.join(' ')} ]`) as { boot?: { lanzaboote?: { pkiBundle: string } }; specialisation: { work: { configuration: { boot?: { loader: { grub: { configurationName: string } } } } } } }[];
    texts.forEach((t, i) => {
      expect(out[2 * i].specialisation.work.configuration.boot!.loader.grub.configurationName).toBe(t);
      expect(out[2 * i + 1].boot!.lanzaboote!.pkiBundle).toBe(t);
    });
  }, NIX_TIMEOUT);

  it('a renamed specialisation keeps its place in the boot order', () => {
    const p = project('26.05', 'systemd-boot', [{ name: 'a' }, { name: 'b' }], ['b', PARENT, 'a']);
    expect(renameSpecialisation(p, 1, 'bee').bootOrder).toEqual(['bee', PARENT, 'a']);
    expect(renameSpecialisation(p, 1, '').bootOrder).toEqual(['b', PARENT, 'a']);
  });
});
