import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultDesktop, defaultGpu, defaultKernel, defaultProject, defaultSpecialisation, defaultUser } from '../../model/defaults';
import { readProject } from '../../model/read';
import { DESKTOPS, type Base, type Project, type Release } from '../../model/types';
import { projectArb } from '../../test/arbitraries';
import { evalModules, flatten } from '../../test/eval-module';
import { hasNix, NIX_TIMEOUT, NO_NIX } from '../../test/nix';
import { generate } from '../generate';
import { DESKTOP_RULES, at } from '../releases';
import { validate } from '../validate';
import { compareEntries, moveBetween, PARENT, type Comparison, type Row } from './compare';
import { mergeEntry, parentDefinitions, parentSpecialisation, specialisationDefinitions, type Merged } from './definitions';

const seed = (): Project => readProject(JSON.parse(readFileSync('examples/seed-chani-paul.json', 'utf8'))).project;

const row = (c: Comparison, id: string): Row => {
  const r = c.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}: ${c.rows.map((x) => x.id).join(', ')}`);
  return r;
};
const shown = (r: Row) => r.cells.map((c) => (c.items ? c.items.join(', ') : c.text));
const hows = (r: Row) => r.cells.map((c) => c.how);
const differing = (c: Comparison, a = 0, b = 1) => c.rows.filter((r) => r.cells[a].key !== r.cells[b].key).map((r) => r.id);

describe("the blog's project: Chani with Plasma, Paul with GNOME", () => {
  const project = seed();
  const c = compareEntries(project, [PARENT, 0, 1]);

  it('chani and paul differ in desktop, display manager, autologin, users, label and packages; nothing else', () => {
    expect(differing(c, 1, 2).sort()).toEqual(['autologin', 'desktop', 'display-manager', 'packages', 'tags', 'user:chani', 'user:paul'].sort());
    expect(shown(row(c, 'desktop'))).toEqual(['not described', 'KDE Plasma 6', 'GNOME']);
    expect(shown(row(c, 'display-manager'))).toEqual(['not described', 'SDDM', 'GDM']);
    // SDDM's autologin needs the session; GDM's does not.
    expect(shown(row(c, 'autologin'))).toEqual(['not described', 'chani, session plasma', 'paul']);
    expect(shown(row(c, 'user:chani'))).toEqual(['—', 'normal user, uid 1001, groups: networkmanager, video', '—']);
    expect(shown(row(c, 'user:paul'))).toEqual(['—', '—', 'normal user, uid 1002, groups: networkmanager, video']);
    expect(shown(row(c, 'packages'))).toEqual(['—', '—', 'dune-release']);
    expect(shown(row(c, 'tags'))).toEqual(['—', 'chani', 'paul']);
  });

  it('says how each got it: its own desktop over an undescribed parent, packages added to the parent’s', () => {
    expect(hows(row(c, 'desktop'))).toEqual(['unknown', 'set', 'set']);
    expect(hows(row(c, 'kernel'))).toEqual(['unknown', 'inherited', 'inherited']);
    expect(shown(row(c, 'kernel'))).toEqual(['not described', 'as the parent', 'as the parent']);
    expect(hows(row(c, 'packages'))).toEqual(['none', 'none', 'added']);
    expect(row(c, 'kernel').differs).toBe(false);
  });

  it('moving between them takes a re-login (desktop, display manager, users), not a reboot', () => {
    const m = moveBetween(c, 1, 2);
    expect(m.transition).toBe('relogin');
    expect(m.because.reboot).toEqual([]);
    expect(m.because.relogin).toEqual(expect.arrayContaining(['Desktop', 'Display manager', 'Autologin', 'User chani', 'User paul']));
    expect(m.because.switch).toEqual(expect.arrayContaining(['Packages added', 'Label tags']));
    expect(moveBetween(c, 0, 1).transition).toBe('relogin');
  });

  it('on 22.05, as the blog wrote it: Plasma 5 and the X server display managers', () => {
    const old: Project = { ...project, nixosRelease: '22.05', specialisations: project.specialisations.map((s) => ({ ...s, desktop: { ...s.desktop, environment: s.name === 'chani' ? 'plasma5' : 'gnome' } })) };
    const o = compareEntries(old, [0, 1]);
    expect(shown(row(o, 'desktop'))).toEqual(['KDE Plasma 5', 'GNOME']);
    expect(shown(row(o, 'autologin'))).toEqual(['chani, session plasma', 'paul']);
  });
});

describe('a described parent', () => {
  const nvidia = { ...defaultGpu(), mode: 'nvidia-offload' as const, nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0', driver: 'beta' as const };
  const base: Base = {
    ...defaultBase(),
    bootloader: 'grub',
    grubDevice: '/dev/sda',
    desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'alice' },
    kernel: { ...defaultKernel(), packages: 'linuxPackages_6_12', params: ['quiet'] },
    gpu: nvidia,
    networkmanager: true,
  };
  const project: Project = {
    ...defaultProject('26.05'),
    base,
    specialisations: [
      {
        ...defaultSpecialisation('egpu'),
        desktop: { ...defaultDesktop(), environment: 'plasma6', autoLogin: 'bob' },
        kernel: { ...defaultKernel(), params: ['pcie_ports=native'] },
        gpu: { ...nvidia, mode: 'nvidia-sync', driver: 'stable' },
      },
      { ...defaultSpecialisation('rescue'), inheritParentConfig: false, fromParent: { hardwareConfiguration: true, bootloader: false }, packages: ['vim'] },
      { ...defaultSpecialisation('newkernel'), kernel: { ...defaultKernel(), packages: 'linuxPackages_latest' } },
      {
        ...defaultSpecialisation('gentle'),
        kernel: { ...defaultKernel(), packages: 'linuxPackages_latest' },
        priorities: { ...defaultSpecialisation().priorities, 'kernel.packages': 'default' },
      },
      { ...defaultSpecialisation('quiet') },
    ],
  };
  const c = compareEntries(project, [PARENT, 0, 1, 2, 3, 4]);

  it("what the parent's overrides make of it: forced desktop, display manager, autologin and GPU", () => {
    expect(shown(row(c, 'desktop')).slice(0, 2)).toEqual(['GNOME', 'KDE Plasma 6']);
    expect(hows(row(c, 'desktop')).slice(0, 2)).toEqual(['parent', 'forced']);
    expect(shown(row(c, 'display-manager')).slice(0, 2)).toEqual(['GDM', 'SDDM']);
    expect(hows(row(c, 'autologin')).slice(0, 2)).toEqual(['parent', 'forced']);
    expect(shown(row(c, 'gpu')).slice(0, 2)).toEqual(['NVIDIA, PRIME offload', 'NVIDIA, PRIME sync']);
    expect(shown(row(c, 'gpu-driver')).slice(0, 2)).toEqual(['beta', 'stable']);
    expect(hows(row(c, 'gpu-driver'))[1]).toBe('forced');
  });

  it('kernel parameters are a list: the parent’s and the entry’s together', () => {
    expect(shown(row(c, 'kernel-params')).slice(0, 2)).toEqual(['quiet', 'quiet, pcie_ports=native']);
    expect(hows(row(c, 'kernel-params'))[1]).toBe('added');
    // An entry that sets nothing keeps the parent's.
    expect(shown(row(c, 'kernel-params'))[5]).toBe('quiet');
    expect(hows(row(c, 'kernel-params'))[5]).toBe('inherited');
  });

  it('a kernel of its own is forced over the parent’s; with lib.mkDefault it gives way to it', () => {
    expect(shown(row(c, 'kernel'))).toEqual(['linuxPackages_6_12', 'linuxPackages_6_12', 'linuxPackages (the default)', 'linuxPackages_latest', 'linuxPackages_6_12', 'linuxPackages_6_12']);
    expect(hows(row(c, 'kernel'))).toEqual(['parent', 'inherited', 'not-taken', 'forced', 'inherited', 'inherited']);
    expect(row(c, 'kernel').cells[4].note).toMatch(/mkDefault/);
  });

  it('a separate system shows what it does not take from the parent', () => {
    const rescue = (id: string) => row(c, id).cells[2];
    expect(rescue('separate').text).toMatch(/separate system/);
    expect(rescue('desktop')).toMatchObject({ text: 'none', how: 'not-taken' });
    expect(rescue('desktop').note).toMatch(/GNOME/);
    expect(rescue('bootloader').how).toBe('not-taken');
    expect(rescue('imports')).toMatchObject({ items: ['./hardware-configuration.nix'], how: 'set' });
    expect(rescue('kernel-params').how).toBe('not-taken');
    expect(rescue('packages')).toMatchObject({ items: ['vim'], how: 'set' });
    expect(row(c, 'option:networking.networkmanager.enable').cells[2].how).toBe('not-taken');
  });

  it('what moving between them takes', () => {
    expect(moveBetween(c, 0, 1).transition).toBe('reboot');
    expect(moveBetween(c, 0, 1).because.reboot).toEqual(expect.arrayContaining(['Kernel parameters', 'GPU mode', 'NVIDIA driver']));
    expect(moveBetween(c, 0, 2).because.reboot).toContain('Builds on the parent');
    expect(moveBetween(c, 0, 3)).toEqual({ transition: 'reboot', because: { switch: [], relogin: [], reboot: ['Kernel'] } });
    expect(moveBetween(c, 0, 4).transition).toBe('switch');
    expect(moveBetween(c, 0, 5)).toEqual({ transition: 'switch', because: { switch: [], relogin: [], reboot: [] } });
  });

  it('definitions are kept per specialisation object: an edit elsewhere reuses them', () => {
    const a = specialisationDefinitions(project, 0);
    const edited = { ...project, specialisations: project.specialisations.map((s, i) => (i === 4 ? { ...s, tags: ['x'] } : s)) };
    expect(specialisationDefinitions(edited, 0)).toBe(a);
    expect(specialisationDefinitions(edited, 4)).not.toBe(specialisationDefinitions(project, 4));
  });
});

// --- Agreement with real Nix -------------------------------------------------------------------

interface Override {
  _type: 'override';
  priority: number;
  content: unknown;
}
const isWrapper = (v: unknown): v is Override => typeof v === 'object' && v !== null && '_type' in v;

/** NixOS's merge of definitions, written apart from the code under test: lowest priority wins, lists join, the rest must agree. */
function nixosMerge(parent: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of new Set([...Object.keys(parent), ...Object.keys(own)])) {
    const defs = [parent[path], own[path]]
      .filter((d) => d !== undefined)
      .map((d) => (isWrapper(d) && d._type === 'override' ? { p: d.priority, v: d.content } : { p: 100, v: d }));
    const best = Math.min(...defs.map((d) => d.p));
    const winners = defs.filter((d) => d.p === best).map((d) => d.v);
    out[path] = winners.every(Array.isArray) ? (winners as unknown[][]).flat() : winners[0];
  }
  return out;
}

/** A value real Nix gave, as the comparison writes it. */
function shownByNix(v: unknown): { text: string; items?: string[] } {
  const item = (x: unknown) => (typeof x === 'string' ? x.replace(/^pkg:/, '') : JSON.stringify(x));
  if (Array.isArray(v)) return { text: '', items: v.map(item) };
  if (typeof v === 'object' && v !== null && 'kernel' in v) return { text: String(v.kernel) };
  if (typeof v === 'object' && v !== null && Object.keys(v).length === 0) return { text: '{ }' };
  if (typeof v === 'string') return { text: v.replace(/^pkg:/, '').replace(/^(nvidia-\w+)@.*$/, '$1') };
  return { text: String(v) };
}

/** The comparison's value, with what the stand-ins write differently (a driver from the entry's kernel, a file by name). */
function shownByUs(m: Merged): { text: string; items?: string[] } {
  const v = m.value!;
  if (v.items) return { text: '', items: v.items.map((i) => i.replace(/^\.\//, '')) };
  return { text: v.text.replace(/^config\.boot\.kernelPackages\.nvidiaPackages\.(\w+)$/, 'nvidia-$1') };
}

const baseArb = (release: Release): fc.Arbitrary<Base | null> =>
  fc.option(
    fc
      .record({
        environment: fc.constantFrom(...DESKTOPS.filter((d) => d === 'none' || at(DESKTOP_RULES[d], release))),
        autoLogin: fc.constantFrom(null, 'alice'),
        kernel: fc.constantFrom(null, 'linuxPackages_6_12', 'linuxPackages_zen'),
        params: fc.constantFrom([], ['quiet'], ['quiet', 'splash']),
        mode: fc.constantFrom('none', 'nvidia', 'nvidia-offload', 'amd'),
        driver: fc.constantFrom('stable', 'beta'),
        bootloader: fc.constantFrom('systemd-boot', 'grub'),
        networkmanager: fc.boolean(),
      })
      .map(
        (r): Base => ({
          ...defaultBase(),
          bootloader: r.bootloader as Base['bootloader'],
          desktop: { environment: r.environment, displayManager: 'auto', autoLogin: r.environment === 'none' ? null : r.autoLogin },
          kernel: { ...defaultKernel(), packages: r.kernel, params: [...r.params] },
          gpu: { ...defaultGpu(), mode: r.mode as Base['gpu']['mode'], driver: r.driver as Base['gpu']['driver'], ...(r.mode === 'nvidia-offload' ? { nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' } : {}) },
          networkmanager: r.networkmanager,
        }),
      ),
    { nil: null },
  );

const RELEASES_SAMPLE: Release[] = ['22.05', '23.11', '24.11', '25.11', '26.05', 'unstable'];

describe.skipIf(!hasNix)('effective values agree with real Nix', () => {
  it('random projects and parents: each entry’s merged options are what Nix’s definitions merge to', () => {
    const cases: { project: Project; text: string; parent: { text: string; project: Project } | null }[] = [];
    for (const release of RELEASES_SAMPLE) {
      const projects = fc.sample(
        fc
          .tuple(projectArb(fc.constant(release)), baseArb(release))
          // Fields the arbitraries may not fill yet take their defaults.
          .map(([p, base]) => ({ ...p, base, specialisations: p.specialisations.map((s) => ({ ...defaultSpecialisation(s.name), ...s })) })),
        { numRuns: 25, seed: 1407 + RELEASES_SAMPLE.indexOf(release) },
      );
      for (const project of projects) {
        if (!project.specialisations.length || validate(project).some((d) => d.severity === 'error')) continue;
        const parentProject = project.base ? { ...project, defaultEntry: null, specialisations: [parentSpecialisation(project.base)] } : null;
        const parentText = parentProject ? generate(parentProject, undefined, { sourceMap: false }).text : null;
        cases.push({ project, text: generate(project, undefined, { sourceMap: false }).text, parent: parentText && parentProject ? { text: parentText, project: parentProject } : null });
      }
    }
    expect(cases.length).toBeGreaterThan(80);
    const modules = cases.flatMap((c) => [{ text: c.text, project: c.project }, ...(c.parent ? [c.parent] : [])]);
    const results = evalModules(modules);
    let at = 0;
    let checked = 0;
    for (const { project, parent } of cases) {
      const specs = results[at++];
      const parentNix = parent ? flatten(results[at++].parent.configuration) : {};
      // The main system's NetworkManager switch is the one thing the generator does not write for it.
      if (project.base?.networkmanager) parentNix['networking.networkmanager.enable'] = true;
      const parentDefs = parentDefinitions(project);
      project.specialisations.forEach((s, i) => {
        const ownNix = flatten(specs[s.name].configuration);
        const nix = nixosMerge(s.inheritParentConfig ? parentNix : {}, ownNix);
        const ours = mergeEntry(parentDefs, specialisationDefinitions(project, i), s.inheritParentConfig);
        const where = `${project.nixosRelease} ${JSON.stringify(project.base)} ${JSON.stringify(s)}`;
        const byPath = new Map([...ours.values()].map((m) => [m.path.join('.'), m]));
        // A Nix expression that is a set (a setting row of type nix) is one value to us, options inside it to Nix.
        const expressions = [...byPath].filter(([, m]) => m.value?.expression).map(([k]) => k);
        const ourKey = (k: string) => expressions.find((e) => k.startsWith(`${e}.`)) ?? k;
        expect([...byPath.keys()].sort(), where).toEqual([...new Set(Object.keys(nix).map(ourKey))].sort());
        for (const [path, value] of Object.entries(nix)) {
          const m = byPath.get(ourKey(path))!;
          // Conditions and Nix expressions are shown as written, not evaluated.
          // Imports are files the stand-in names by their base name.
          if (m.condition !== null || m.value?.expression || isWrapper(value) || path === 'imports') continue;
          expect(shownByUs(m), `${path} in ${where}`).toEqual(shownByNix(value));
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  }, NIX_TIMEOUT * 3);
});

if (!hasNix) console.warn(`skipped comparison tests against real Nix: ${NO_NIX}`);

describe('users', () => {
  it('a user with a shell, a password and keys; a system user', () => {
    const project: Project = {
      ...defaultProject(),
      specialisations: [
        {
          ...defaultSpecialisation('a'),
          users: [
            { ...defaultUser('ann'), uid: 1000, shell: 'zsh', hashedPassword: '$6$x', authorizedKeys: ['ssh-ed25519 A', 'ssh-ed25519 B'], description: 'Ann' },
            { ...defaultUser('svc'), isNormalUser: false },
          ],
        },
        defaultSpecialisation('b'),
      ],
    };
    const c = compareEntries(project, [0, 1]);
    expect(shown(row(c, 'user:ann'))[0]).toBe('normal user, uid 1000, “Ann”, shell: zsh, password set, 2 SSH keys');
    expect(shown(row(c, 'user:svc'))[0]).toBe('system user');
    expect(row(c, 'user:svc').cells[1]).toMatchObject({ text: '—', how: 'none' });
    expect(moveBetween(c, 0, 1).transition).toBe('relogin');
  });
});

describe('entries the comparison does not read', () => {
  it('an entry written as Nix says so instead of a value, and only its text differs; a condition is named', () => {
    const project: Project = {
      ...defaultProject(),
      specialisations: [
        { ...defaultSpecialisation('plasma'), desktop: { ...defaultDesktop(), environment: 'plasma6' }, condition: 'config.gaming.enable' },
        { ...defaultSpecialisation('many'), nixEntry: 'lib.genAttrs [ "a" "b" ] (n: { configuration.system.nixos.tags = [ n ]; })' },
      ],
    };
    const c = compareEntries(project, [PARENT, 0, 1]);
    expect(row(c, 'desktop').cells[2]).toMatchObject({ text: 'written as Nix, not compared', how: 'not-compared' });
    expect(differing(c, 0, 2)).toEqual(['extra-nix']);
    expect(row(c, 'extra-nix').cells[2].how).toBe('not-compared');
    expect(c.entries[1].condition).toBe('config.gaming.enable');
    expect(c.entries[0].condition).toBeNull();
  });
});

describe('imports', () => {
  it("an entry's imports are added to the parent's hardware configuration", () => {
    const project: Project = { ...defaultProject(), base: defaultBase(), specialisations: [{ ...defaultSpecialisation('vfio'), imports: ['/etc/nixos/vfio.nix'] }] };
    const c = compareEntries(project, [PARENT, 0]);
    expect(shown(row(c, 'imports'))).toEqual(['./hardware-configuration.nix', './hardware-configuration.nix, /etc/nixos/vfio.nix']);
    expect(hows(row(c, 'imports'))).toEqual(['parent', 'added']);
    expect(moveBetween(c, 0, 1).because.switch).toEqual(['Imports']);
  });
});

describe('set, not replaced', () => {
  it('a desktop where the described parent runs none is the entry’s own, not a replacement', () => {
    const project: Project = {
      ...defaultProject(),
      base: defaultBase(),
      specialisations: [{ ...defaultSpecialisation('kde'), desktop: { ...defaultDesktop(), environment: 'plasma6' } }],
    };
    const c = compareEntries(project, [PARENT, 0]);
    expect(shown(row(c, 'desktop'))).toEqual(['none', 'KDE Plasma 6']);
    expect(hows(row(c, 'desktop'))).toEqual(['none', 'set']);
    expect(shown(row(c, 'kernel'))).toEqual(['linuxPackages (the default)', 'linuxPackages (the default)']);
    expect(row(c, 'kernel').differs).toBe(false);
  });
});
