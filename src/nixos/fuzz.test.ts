import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultGpu, defaultProject, defaultSpecialisation, defaultUser } from '../model/defaults';
import type { Base, Project, Specialisation } from '../model/types';
import { KERNEL_PARAM, unrepresentable } from '../model/validate';
import { hostileText } from '../test/arbitraries';
import { evalModules, flatten, standInPkgs } from '../test/eval-module';
import { expectedOptions } from '../test/expected-options';
import { hasNix, NO_NIX, nixEvalJson, nixOfJson, nixParseErrors, tempFile } from '../test/nix';
import { generate } from './generate';
import { validate } from './validate';

/**
 * Attacks on the generator: hostile text in every free-text field must come back from real Nix
 * exactly as typed, and text in every name field must either give valid Nix meaning exactly
 * that name, or be refused with a diagnostic naming the field. Seeded, so a failure reproduces.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

const long = fc.constantFrom('x'.repeat(100_000), `${'${'.repeat(20_000)}\r\n`, `${"''".repeat(30_000)}\\`);
const anyText = fc.oneof({ weight: 20, arbitrary: hostileText(40) }, { weight: 1, arbitrary: long });

/** A specialisation with hostile text in each free-text field. */
const textSpec = fc
  .record({
    description: anyText,
    password: anyText,
    key: anyText.map((t) => `ssh-ed25519 AAAA${t.replace(/[\r\n]/g, '')}`),
    param: hostileText(20)
      .map((t) => t.replace(/\s/g, ''))
      .filter((t) => KERNEL_PARAM.test(t)),
    tagged: fc.boolean(),
  })
  .map(
    (r): Specialisation => ({
      ...defaultSpecialisation('fuzz'),
      users: [{ ...defaultUser('fuzz'), uid: 1000, description: r.description, hashedPassword: r.password, authorizedKeys: [r.key] }],
      kernel: { packages: null, params: [r.param], modules: [], blacklistedModules: [] },
    }),
  );

/** Name fields, each set to arbitrary (often invalid) text. */
const NAME_FIELDS: { path: string; set: (s: Specialisation, v: string) => void }[] = [
  { path: 'specialisations[0].name', set: (s, v) => (s.name = v) },
  { path: 'specialisations[0].tags[0]', set: (s, v) => (s.tags = [v]) },
  { path: 'specialisations[0].users[0].name', set: (s, v) => (s.users[0].name = v) },
  { path: 'specialisations[0].users[0].extraGroups[0]', set: (s, v) => (s.users[0].extraGroups = [v]) },
  { path: 'specialisations[0].users[0].shell', set: (s, v) => (s.users[0].shell = v) },
  { path: 'specialisations[0].packages[0]', set: (s, v) => (s.packages = [v]) },
  { path: 'specialisations[0].kernel.packages', set: (s, v) => (s.kernel.packages = v) },
  { path: 'specialisations[0].kernel.modules[0]', set: (s, v) => (s.kernel.modules = [v]) },
  { path: 'specialisations[0].kernel.blacklistedModules[0]', set: (s, v) => (s.kernel.blacklistedModules = [v]) },
  { path: 'specialisations[0].kernel.params[0]', set: (s, v) => (s.kernel.params = [v]) },
  { path: 'specialisations[0].gpu.nvidiaBusId', set: (s, v) => (s.gpu = { ...defaultGpu(), mode: 'nvidia-sync', nvidiaBusId: v, intelBusId: 'PCI:0:2:0' }) },
  { path: 'specialisations[0].desktop.autoLogin', set: (s, v) => (s.desktop = { environment: 'xfce', displayManager: 'auto', autoLogin: v }) },
];

const nameText = fc.oneof(
  hostileText(12),
  fc.string({ unit: fc.constantFrom(...'abcxyzAZ09_-.:@+/\'" $\\{}'), maxLength: 10 }),
  fc.constantFrom('chani', 'python3Packages.numpy', 'linuxPackages_zen', 'PCI:1:0:0', 'if', 'lib', 'fetchurl', 'nouveau', 'zsh', 'a.b.c'),
);

const project = (s: Specialisation): Project => ({ ...defaultProject('26.05'), specialisations: [s] });

describe.skipIf(!hasNix)('fuzz: hostile text comes back from real Nix unchanged', () => {
  it(`free-text fields (${RUNS} cases)`, () => {
    const specs = fc.sample(textSpec, { numRuns: RUNS, seed: SEED });
    const cases = specs.map((s) => project(s)).map((p) => ({ project: p, text: generate(p).text }));
    for (const c of cases) expect(validate(c.project).filter((d) => d.severity === 'error')).toEqual([]);
    const results = evalModules(cases);
    cases.forEach(({ project: p }, i) => {
      const s = p.specialisations[0];
      expect(flatten(results[i].fuzz.configuration)).toEqual(expectedOptions(s, '26.05'));
    });
  }, 180_000);

  it(`name fields: valid names give Nix meaning exactly that name, others are refused at the field (${RUNS} cases)`, () => {
    const samples = fc.sample(fc.tuple(fc.nat(NAME_FIELDS.length - 1), nameText), { numRuns: RUNS, seed: SEED + 1 });
    const accepted: { project: Project; text: string }[] = [];
    let refused = 0;
    for (const [f, value] of samples) {
      const s: Specialisation = { ...defaultSpecialisation('fuzz'), users: [{ ...defaultUser('xfuzz'), uid: 1000 }] };
      if (NAME_FIELDS[f].path.endsWith('autoLogin')) s.users[0].name = 'xfuzz';
      NAME_FIELDS[f].set(s, value);
      const p = project(s);
      const errors = validate(p).filter((d) => d.severity === 'error');
      if (errors.length) {
        refused++;
        // The refusal names the field that holds the text.
        expect(errors.map((e) => e.path), `${NAME_FIELDS[f].path} = ${JSON.stringify(value)}`).toContain(NAME_FIELDS[f].path);
        continue;
      }
      const text = generate(p).text;
      accepted.push({ project: p, text });
    }
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(accepted.length).toBeGreaterThan(RUNS / 10);
    expect(nixParseErrors(accepted.slice(0, 50).map((c) => c.text))).toEqual(accepted.slice(0, 50).map(() => null));
    const results = evalModules(accepted);
    accepted.forEach(({ project: p }, i) => {
      const s = p.specialisations[0];
      expect(Object.keys(results[i])).toEqual([s.name]);
      expect(flatten(results[i][s.name].configuration)).toEqual(expectedOptions(s, '26.05'));
    });
  }, 180_000);
});

/**
 * Fields of the main system, and names that reach a comment. The generator quotes the parent's
 * values in the comments that explain a `lib.mkForce`, and a default entry's name in GRUB's; each
 * case pairs a specialisation that makes the generator quote the field with a setter for it.
 */
interface BaseCase {
  path: string;
  spec: () => Specialisation;
  base: () => Base;
  set: (p: Project, v: string) => void;
  /** What the text is compared with to decide whether the same override is written. */
  same?: string;
}
const prime = { ...defaultGpu(), mode: 'nvidia-sync' as const, nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' };
const kernelSpec = () => ({ ...defaultSpecialisation('fuzz'), kernel: { packages: 'linuxPackages_zen', params: [], modules: [], blacklistedModules: [] } });
const BASE_FIELDS: BaseCase[] = [
  { path: 'base.kernel.packages', spec: kernelSpec, base: defaultBase, set: (p, v) => (p.base!.kernel.packages = v) },
  { path: 'base.kernel.params[0]', spec: kernelSpec, base: defaultBase, set: (p, v) => (p.base!.kernel.params = [v]) },
  { path: 'base.kernel.modules[0]', spec: kernelSpec, base: defaultBase, set: (p, v) => (p.base!.kernel.modules = [v]) },
  { path: 'base.kernel.blacklistedModules[0]', spec: kernelSpec, base: defaultBase, set: (p, v) => (p.base!.kernel.blacklistedModules = [v]) },
  {
    path: 'base.desktop.autoLogin',
    spec: () => ({
      ...defaultSpecialisation('fuzz'),
      users: [{ ...defaultUser('xfuzz'), uid: 1001 }],
      desktop: { environment: 'gnome', displayManager: 'auto', autoLogin: 'xfuzz' },
    }),
    base: () => ({ ...defaultBase(), desktop: { environment: 'gnome', displayManager: 'auto', autoLogin: 'someone' } }),
    set: (p, v) => (p.base!.desktop.autoLogin = v),
    same: 'xfuzz',
  },
  ...(['nvidiaBusId', 'intelBusId'] as const).map(
    (field): BaseCase => ({
      path: `base.gpu.${field}`,
      spec: () => ({ ...defaultSpecialisation('fuzz'), gpu: { ...prime } }),
      base: () => ({ ...defaultBase(), gpu: { ...prime, nvidiaBusId: 'PCI:2:0:0', intelBusId: 'PCI:0:3:0' } }),
      set: (p, v) => (p.base!.gpu[field] = v),
      same: prime[field],
    }),
  ),
  {
    path: 'base.gpu.amdgpuBusId',
    spec: () => ({ ...defaultSpecialisation('fuzz'), gpu: { ...prime, intelBusId: null, amdgpuBusId: 'PCI:5:0:0' } }),
    base: () => ({ ...defaultBase(), gpu: { ...prime, intelBusId: null, amdgpuBusId: 'PCI:6:0:0' } }),
    set: (p, v) => (p.base!.gpu.amdgpuBusId = v),
    same: 'PCI:5:0:0',
  },
  {
    path: 'base.grubDevice',
    spec: () => ({ ...defaultSpecialisation('fuzz'), inheritParentConfig: false, fromParent: { hardwareConfiguration: false, bootloader: true } }),
    base: () => ({ ...defaultBase(), bootloader: 'grub' }),
    set: (p, v) => (p.base!.grubDevice = v),
  },
  {
    path: 'specialisations[0].name',
    spec: () => defaultSpecialisation('fuzz'),
    base: () => ({ ...defaultBase(), bootloader: 'grub' }),
    set: (p, v) => {
      p.specialisations[0].name = v;
      p.defaultEntry = v;
    },
  },
];

/** Real Nix's value of whole modules (not only `specialisation`), with stand-in arguments. */
function evalWhole(name: string, cases: { text: string; project: Project }[]): unknown[] {
  const items = cases.map(
    (c, i) =>
      `(import ${tempFile(`${name}-${i}.nix`, c.text)} { config = { boot.kernelPackages = { kernel = "linuxPackages"; nvidiaPackages = { }; }; }; options = { }; modulesPath = "/m"; lib = { mkForce = x: { forced = x; }; }; pkgs = ${nixOfJson(standInPkgs([c.project]))}; })`,
  );
  return nixEvalJson(`[ ${items.join('\n')} ]`) as unknown[];
}

describe.skipIf(!hasNix)('fuzz: the main system\'s fields and names in comments never become code', () => {
  it(`every field of the main system, and a default entry's name (${RUNS} cases)`, () => {
    const samples = fc.sample(fc.tuple(fc.nat(BASE_FIELDS.length - 1), fc.oneof(nameText, anyText)), { numRuns: RUNS, seed: SEED + 2 });
    const hostile: { text: string; project: Project }[] = [];
    const twins: { text: string; project: Project }[] = [];
    /** Per hostile case: its value as JSON, or the index of its harmless twin. */
    const expected: unknown[] = [];
    let refused = 0;
    let accepted = 0;
    for (const [f, value] of samples) {
      const c = BASE_FIELDS[f];
      const make = (v: string) => {
        const p: Project = { ...defaultProject('26.05'), base: structuredClone(c.base()), specialisations: [c.spec()] };
        c.set(p, v);
        return p;
      };
      const p = make(value);
      const errors = validate(p).filter((d) => d.severity === 'error');
      if (errors.length) {
        refused++;
        expect(errors.map((e) => e.path), `${c.path} = ${JSON.stringify(value)}`).toContain(c.path);
      } else accepted++;
      // Refused or not, the module written for it must not carry the text as code: it means
      // exactly what the same project with a harmless text means (the same overrides written).
      hostile.push({ project: p, text: generate(p).text });
      if (c.path === 'specialisations[0].name') {
        // The name is the entry's attribute name: the module holds that entry and GRUB's default, nothing else.
        if (unrepresentable(value)) hostile.pop();
        else expected.push({ boot: { loader: { grub: { default: 1 } } }, specialisation: { [value]: { configuration: {} } } });
        continue;
      }
      const harmless = value === c.same ? value : c.path.includes('BusId') ? 'PCI:9:9:9' : 'harmless';
      const twin = make(harmless);
      if (c.path === 'base.grubDevice') twin.base!.grubDevice = value; // written as a string: the meaning carries it
      expected.push(twins.length);
      twins.push({ project: twin, text: generate(twin).text });
    }
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(accepted).toBeGreaterThan(RUNS / 100);
    expect(nixParseErrors(hostile.slice(0, 30).map((c) => c.text))).toEqual(hostile.slice(0, 30).map(() => null));
    const meant = evalWhole('twin', twins);
    const got = evalWhole('hostile', hostile);
    got.forEach((g, i) => expect(g, hostile[i].text).toEqual(typeof expected[i] === 'number' ? meant[expected[i]] : expected[i]));
  }, 180_000);
});

/** Nix's canonical form of an absolute path: `.` and empty names dropped, `..` taken back (as Nix's canonPath). */
function canonPath(path: string): string {
  const out: string[] = [];
  for (const name of path.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') out.pop();
    else out.push(name);
  }
  return `/${out.join('/')}`;
}

describe.skipIf(!hasNix)('fuzz: an import path is a file name, never code', () => {
  it(`hostile text after ./, ../ and / comes back as the path it names, or is refused at the item (${RUNS} cases)`, () => {
    const prefixes = ['./', '../', '/'];
    const items = fc.sample(fc.tuple(fc.nat(2), hostileText(30)), { numRuns: RUNS, seed: SEED + 7 }).map(([k, t]) => `${prefixes[k]}${t}`);
    const accepted: string[] = [];
    let refused = 0;
    for (const item of items) {
      const p = project({ ...defaultSpecialisation('fuzz'), imports: [item] });
      const errors = validate(p).filter((d) => d.severity === 'error');
      if (errors.length) {
        refused++;
        expect(errors.map((e) => e.path), JSON.stringify(item)).toEqual(['specialisations[0].imports[0]']);
      } else accepted.push(item);
    }
    expect(accepted.length).toBeGreaterThan(RUNS / 2);
    expect(refused).toBeGreaterThan(0);
    // All accepted items in one module, written in a folder of its own: each must evaluate to its own path.
    const text = generate(project({ ...defaultSpecialisation('fuzz'), imports: accepted })).text;
    const written = tempFile('imports-fuzz-module.nix', text);
    expect(nixParseErrors([text])).toEqual([null]);
    const got = nixEvalJson(`map toString (import ${written} { }).specialisation.fuzz.configuration.imports`) as string[];
    const here = written.slice(0, written.lastIndexOf('/'));
    expect(got).toEqual(accepted.map((item) => canonPath(item.startsWith('/') ? item.trim() : `${here}/${item.trim()}`)));
  }, 180_000);
});

if (!hasNix) console.warn(`skipped fuzz tests against real Nix: ${NO_NIX}`);
