import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../model/read';
import { RELEASES, type Project } from '../model/types';
import { projectArb } from '../test/arbitraries';
import { evalModules, flatten } from '../test/eval-module';
import { expectedOptions } from '../test/expected-options';
import { hasNix, NIX_TIMEOUT, NO_NIX, nixParseErrors } from '../test/nix';
import { generate } from './generate';
import { validate } from './validate';

const EXAMPLES = join(__dirname, '../../examples');
const FIXTURES = join(__dirname, '__fixtures__');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), project: loadExample(f) }));

function loadExample(file: string): Project {
  const { project, diagnostics } = readProject(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
  expect(diagnostics).toEqual([]);
  return project;
}

/** Asserts that real Nix reads each module as exactly the options its project means. */
function expectMeaning(cases: { text: string; project: Project }[]) {
  const results = evalModules(cases);
  cases.forEach(({ project }, i) => {
    const evaluated = results[i];
    expect(Object.keys(evaluated).sort()).toEqual(project.specialisations.map((s) => s.name).sort());
    for (const s of project.specialisations) {
      const entry = evaluated[s.name];
      expect(entry.inheritParentConfig, `${s.name}.inheritParentConfig`).toBe(s.inheritParentConfig ? undefined : false);
      expect(flatten(entry.configuration), s.name).toEqual(expectedOptions(s, project.nixosRelease));
    }
  });
}

describe('golden files', () => {
  it.each(examples)('$name matches its golden file', ({ name, project }) => {
    const text = generate(project).text;
    expect(text).toBe(readFileSync(join(FIXTURES, `${name}.nix`), 'utf8'));
  });

  it('writes the layout nixfmt gives: 2-space indent, no trailing blanks, final newline, no tabs', () => {
    for (const { project } of examples) {
      const text = generate(project).text;
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      for (const line of text.split('\n')) {
        expect(line).not.toMatch(/[ \t]$/);
        expect(line).not.toMatch(/\t/);
        expect(/^ */.exec(line)![0].length % 2).toBe(0);
      }
    }
  });

  it('uses the option paths of the chosen release', () => {
    const seed = examples.find((e) => e.name === 'seed-chani-paul-22.05')!.project;
    const old = generate(seed).text;
    expect(old).toContain('services.xserver.desktopManager.plasma5.enable = true;');
    expect(old).toContain('services.xserver.displayManager.autoLogin = {');
    const now = generate(examples.find((e) => e.name === 'seed-chani-paul')!.project).text;
    expect(now).toContain('services.desktopManager.plasma6.enable = true;');
    expect(now).toContain('services.desktopManager.gnome.enable = true;');
    expect(now).toContain('services.displayManager.gdm.enable = true;');
    expect(now).toContain('services.displayManager.autoLogin = {');
    const egpu = examples.find((e) => e.name === 'egpu-offload')!.project;
    expect(generate(egpu, '24.05').text).toContain('hardware.opengl.enable = true;');
    const closed = { ...egpu, specialisations: [{ ...egpu.specialisations[0], gpu: { ...egpu.specialisations[0].gpu, openKernelModule: false } }] };
    expect(generate(closed, '24.05').text).not.toContain('open = ');
    expect(generate(closed, '24.11').text).toContain('hardware.graphics.enable = true;');
    // From 24.11 NixOS asserts that hardware.nvidia.open is set explicitly.
    expect(generate(closed, '24.11').text).toContain('open = false;');
  });

  it('takes a non-default NVIDIA driver from the specialisation\'s own kernel', () => {
    const egpu = generate(examples.find((e) => e.name === 'egpu-offload')!.project).text;
    expect(egpu).toMatch(/configuration =\n\s+\{ config, \.\.\. \}:\n/);
  });

  it('gives a source map from fields to their lines', () => {
    const seed = examples.find((e) => e.name === 'seed-chani-paul')!.project;
    const { text, sourceMap } = generate(seed);
    const lines = text.split('\n');
    const uid = sourceMap.get('specialisations[1].users[0].uid');
    expect(uid).toHaveLength(1);
    expect(lines[uid[0].start - 1]).toContain('uid = 1002;');
    const packages = sourceMap.get('specialisations[1].packages')[0];
    expect(lines[packages.start - 1]).toContain('dune-release');
    const autoLogin = sourceMap.get('specialisations[0].desktop.autoLogin');
    expect(autoLogin.some((r) => lines.slice(r.start - 1, r.end).join('\n').includes('user = "chani";'))).toBe(true);
    const user = sourceMap.under('specialisations[1].users[0]');
    expect(Math.min(...user.map((r) => r.start))).toBeLessThan(uid[0].start);
    expect(sourceMap.under('specialisations[1].users[0]').some((r) => r.start === uid[0].start)).toBe(true);
    expect(sourceMap.under('specialisations[1].user')).toEqual([]);
  });

  it('finds under a prefix exactly the ranges a scan of every path finds (pieces skipped by their heads)', () => {
    fc.assert(
      fc.property(projectArb(), (p) => {
        const { sourceMap } = generate(p);
        const paths = sourceMap.allPaths();
        const prefixes = new Set(paths.flatMap((path) => [...path.matchAll(/[.[]/g)].map((m) => path.slice(0, m.index)).concat(path)));
        prefixes.add('specialisations[99]');
        const key = (r: { start: number; end: number }) => `${r.start}-${r.end}`;
        for (const prefix of prefixes) {
          const scanned = paths
            .filter((x) => x === prefix || (x.startsWith(prefix) && (x[prefix.length] === '.' || x[prefix.length] === '[')))
            .flatMap((x) => sourceMap.get(x));
          expect(sourceMap.under(prefix).map(key).sort(), prefix).toEqual(scanned.map(key).sort());
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe.skipIf(!hasNix)('real Nix reads the output as the project means it', () => {
  it.skipIf(!hasNix)('every golden file parses and evaluates to the project\'s values', () => {
    const errors = nixParseErrors(examples.map(({ name }) => readFileSync(join(FIXTURES, `${name}.nix`), 'utf8')));
    examples.forEach(({ name }, i) => expect(errors[i], name).toBeNull());
    expectMeaning(examples.map(({ project }) => ({ project, text: generate(project).text })));
  }, NIX_TIMEOUT);

  it('the seed example gives the blog\'s users, uids, groups, desktops, autologin and package', () => {
    const seed = examples.find((e) => e.name === 'seed-chani-paul-22.05')!.project;
    const [result] = evalModules([{ project: seed, text: generate(seed).text }]);
    const chani = flatten(result.chani.configuration);
    const paul = flatten(result.paul.configuration);
    expect(chani['users.users.chani.uid']).toBe(1001);
    expect(chani['users.users.chani.extraGroups']).toEqual(['networkmanager', 'video']);
    expect(chani['services.xserver.desktopManager.plasma5.enable']).toBe(true);
    expect(chani['services.xserver.displayManager.autoLogin.user']).toBe('chani');
    expect(paul['users.users.paul.uid']).toBe(1002);
    expect(paul['services.xserver.desktopManager.gnome.enable']).toBe(true);
    expect(paul['services.xserver.displayManager.autoLogin.user']).toBe('paul');
    expect(paul['environment.systemPackages']).toEqual(['pkg:dune-release']);
  }, NIX_TIMEOUT);

  it('projects drawn at random, on every release, parse and evaluate to exactly their values', () => {
    const projects = fc.sample(projectArb(), { numRuns: 150, seed: 20261125 });
    for (const p of projects) expect(validate(p).filter((d) => d.severity === 'error'), JSON.stringify(p)).toEqual([]);
    const cases = projects.map((project) => ({ project, text: generate(project).text }));
    const errors = nixParseErrors(cases.map((c) => c.text));
    cases.forEach((c, i) => expect(errors[i], c.text).toBeNull());
    expectMeaning(cases);
  }, 60_000);

  it('generating for each release gives output Nix parses', () => {
    const seed = examples.find((e) => e.name === 'work-personal')!.project;
    const texts = RELEASES.map(
      (release) => generate({ ...seed, specialisations: seed.specialisations.map((s) => ({ ...s, desktop: { ...s.desktop, environment: 'xfce' } })) }, release).text,
    );
    const errors = nixParseErrors(texts);
    RELEASES.forEach((release, i) => expect(errors[i], release).toBeNull());
  }, NIX_TIMEOUT);
});

describe('determinism', () => {
  it('the same project always gives the same text', () => {
    fc.assert(fc.property(projectArb(), (p) => generate(p).text === generate(structuredClone(p)).text), { numRuns: 100 });
  });
});

if (!hasNix) console.warn(`skipped real-Nix tests: ${NO_NIX}`);
