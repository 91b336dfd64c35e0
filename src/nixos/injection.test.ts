import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultGpu, defaultProject, defaultSpecialisation, defaultUser } from '../model/defaults';
import type { Base, Project, Specialisation } from '../model/types';
import { hasNix, NIX_TIMEOUT, NO_NIX, nixEvalJson, nixParseErrors, tempFile } from '../test/nix';
import { applyGuide } from './apply-guide';
import { shellWord } from './shell-word';
import { generate } from './generate';
import { importBase } from './import/import-base';
import { importNix } from './import/import-nix';
import { commentText } from '../nix/strings';
import { validate } from './validate';

/**
 * Issue 9, "wrong Nix": text from the user is never code — not in values, not in comments, not
 * in names. Each case here was an attack that worked.
 */

const PAYLOAD = 'linuxPackages\n  };\n  users.users.root.password = "pwned";\n  x = {\n';

/** The names each module defines at its top level, evaluated by real Nix (one nix-instantiate) with stand-in arguments. */
function topLevelNamesOf(texts: readonly string[]): string[][] {
  const files = texts.map((text) => tempFile(`top-${Math.random().toString(36).slice(2)}.nix`, text));
  return nixEvalJson(
    `map (f: builtins.attrNames (import f { config = { }; options = { }; lib = { mkForce = x: x; }; pkgs = { }; modulesPath = "/m"; })) [ ${files.join(' ')} ]`,
  ) as string[][];
}
const topLevelNames = (text: string): string[] => topLevelNamesOf([text])[0];

const project = (base: Base | null, s: Specialisation, extra: Partial<Project> = {}): Project => ({
  ...defaultProject('25.11'),
  base,
  specialisations: [s],
  ...extra,
});

function hostileBases(): { field: string; project: Project }[] {
  const withKernel = { ...defaultSpecialisation('test'), kernel: { packages: 'linuxPackages_zen', params: [], modules: [], blacklistedModules: [] } };
  const kernelBase = { ...defaultBase(), kernel: { ...defaultBase().kernel, packages: PAYLOAD } };
  const user = { ...defaultUser('chani'), uid: 1001 };
  const loginSpec: Specialisation = {
    ...defaultSpecialisation('test'),
    users: [user],
    desktop: { environment: 'gnome', displayManager: 'auto', autoLogin: 'chani' },
  };
  const loginBase: Base = { ...defaultBase(), desktop: { environment: 'gnome', displayManager: 'auto', autoLogin: PAYLOAD } };
  const prime = { ...defaultGpu(), mode: 'nvidia-sync' as const, nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' };
  const busSpec = { ...defaultSpecialisation('test'), gpu: prime };
  const busBase: Base = { ...defaultBase(), gpu: { ...prime, nvidiaBusId: `PCI:1:0:0\n  };\n  users.users.root.password = "pwned";\n  x = {\n` } };
  const grub: Base = { ...defaultBase(), bootloader: 'grub', grubDevice: 'nodev' };
  const named = { ...defaultSpecialisation('a\n  };\n  users.users.root.password = "pwned";\n  x = {\n') };
  return [
    { field: 'base.kernel.packages', project: project(kernelBase, withKernel) },
    { field: 'base.desktop.autoLogin', project: project(loginBase, loginSpec) },
    { field: 'base.gpu.nvidiaBusId', project: project(busBase, busSpec) },
    { field: 'specialisations[0].name', project: project(grub, named, { defaultEntry: named.name }) },
  ];
}

describe('comments cannot carry a line break', () => {
  it('writes line breaks and invisible separators in quoted text as escapes', () => {
    expect(commentText('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(commentText('a\u2028b\u2029c\u0085d\u0000e')).toBe('a\\u{2028}b\\u{2029}c\\u{85}d\\u{0}e');
    expect(commentText('é 🎉 ok')).toBe('é 🎉 ok');
    expect(commentText('\ud800x\udc00')).toBe('\\u{d800}x\\u{dc00}');
  });

  it.each(hostileBases())('a hostile $field is refused at the field and stays inside its comment', ({ field, project }) => {
    const errors = validate(project).filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.path)).toContain(field);
    const { text } = generate(project);
    // The payload never starts a line of its own: it stays inside a comment or a string.
    expect(text).not.toMatch(/^\s*users\.users\.root\.password/m);
    expect(text).toContain('\\n  users.users.root.password');
  });

  it.skipIf(!hasNix)('real Nix sees no code from the hostile text: the module defines only what it should', () => {
    const projects = hostileBases().map(({ project }) => project);
    const texts = projects.map((project) => generate(project).text);
    expect(nixParseErrors(texts)).toEqual(texts.map(() => null));
    const expected = projects.map((project) => (project.defaultEntry !== null ? ['boot', 'specialisation'] : ['specialisation']));
    expect(topLevelNamesOf(texts)).toEqual(expected);
  }, NIX_TIMEOUT);
});

describe('hostile text read from a file the user opens', () => {
  const bus = 'PCI:1:0:0\\n  };\\n  users.users.root.password = \\"pwned\\";\\n  x = {\\n';
  const configuration = `{ config, lib, pkgs, ... }:
{
  services.xserver.videoDrivers = [ "nvidia" ];
  hardware.nvidia.prime = { sync.enable = true; nvidiaBusId = "${bus}"; intelBusId = "PCI:0:2:0"; };
}
`;

  it.skipIf(!hasNix)('"Fill from configuration.nix": a hostile bus id is refused at the field and written only inside a comment', () => {
    const read = importBase(configuration, '25.11');
    if ('error' in read) throw new Error(read.error);
    expect(read.base.gpu.nvidiaBusId).toContain('\n  users.users.root');
    const p = project(read.base, { ...defaultSpecialisation('test'), gpu: { ...defaultGpu(), mode: 'nvidia-sync', nvidiaBusId: 'PCI:2:0:0', intelBusId: 'PCI:0:2:0' } });
    expect(validate(p).filter((d) => d.severity === 'error').map((d) => d.path)).toContain('base.gpu.nvidiaBusId');
    expect(topLevelNames(generate(p).text)).toEqual(['specialisation']);
  }, NIX_TIMEOUT);

  it.skipIf(!hasNix)('import with a GRUB parent: a name with a line break stays in its comment', () => {
    const text = `{ lib, ... }:
{
  boot.loader.grub.enable = true;
  boot.loader.grub.device = "nodev";
  specialisation."a\\n  };\\n  users.users.root.password = \\"pwned\\";\\n  x = {\\n".configuration = { };
}
`;
    const result = importNix(text, { release: '25.11' });
    if (!('project' in result)) throw new Error('import failed');
    const p: Project = { ...result.project, base: { ...defaultBase(), bootloader: 'grub' }, defaultEntry: result.project.specialisations[0].name };
    expect(validate(p).filter((d) => d.severity === 'error').map((d) => d.path)).toContain('specialisations[0].name');
    expect(topLevelNames(generate(p).text)).toEqual(['boot', 'specialisation']);
  }, NIX_TIMEOUT);
});

describe('look-ups by user text see no Object.prototype', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a shell called %s is written as that package', (shell) => {
    const s = { ...defaultSpecialisation('test'), users: [{ ...defaultUser('chani'), uid: 1001, shell }] };
    const p = project(null, s);
    const { text } = generate(p);
    expect(text).toContain(`shell = pkgs.${shell};`);
    expect(text).not.toContain('[native code]');
    expect(text).not.toContain('[object Object]');
    for (const d of validate(p)) expect(d.message).not.toMatch(/native code|object Object/);
  });

  it.each(['constructor', '__proto__', 'valueOf'])('a kernel called %s gets an honest message', (kernel) => {
    const s = { ...defaultSpecialisation('test'), kernel: { packages: kernel, params: [], modules: [], blacklistedModules: [] } };
    const messages = validate(project(null, s)).map((d) => d.message);
    for (const m of messages) expect(m).not.toMatch(/native code|object Object|removed in NixOS/);
    expect(messages.join('\n')).toContain(`${kernel} is not among the kernels we know`);
  });

  it.each(['constructor', '__proto__'])('a group called %s is not taken for a service group', (group) => {
    const s = { ...defaultSpecialisation('test'), users: [{ ...defaultUser('chani'), uid: 1001, extraGroups: [group] }] };
    const messages = validate(project(null, s)).map((d) => d.message);
    expect(messages.join('\n')).toContain(`no NixOS module creates group "${group}"`);
    for (const m of messages) expect(m).not.toMatch(/native code|object Object/);
  });
});

describe('packages are never read as something else under `with pkgs;`', () => {
  const spec = (packages: string[], extraConfig = ''): Project =>
    project(null, { ...defaultSpecialisation('test'), packages, extraConfig });

  it('writes pkgs.<name> for the names Nix binds itself', () => {
    const { text } = generate(spec(['derivationStrict', 'fetchTree', 'break', 'firefox', '__foo']));
    expect(text).toContain('pkgs.derivationStrict');
    expect(text).toContain('pkgs.fetchTree');
    expect(text).toContain('pkgs.break');
    expect(text).toContain('pkgs.__foo');
    expect(text).toMatch(/\bfirefox\b/);
    expect(text).not.toContain('pkgs.firefox');
  });

  it('writes pkgs.<name> for a name that extra Nix (of any specialisation) makes a module argument', () => {
    const p: Project = {
      ...defaultProject('25.11'),
      specialisations: [
        { ...defaultSpecialisation('a'), packages: ['agenix', 'git'] },
        { ...defaultSpecialisation('b'), extraConfig: 'imports = [ agenix.nixosModules.default ];' },
      ],
    };
    const { text } = generate(p);
    expect(text.split('\n')[0]).toBe('{ pkgs, agenix, ... }:');
    expect(text).toContain('pkgs.agenix');
    expect(text).not.toContain('pkgs.git');
    // Without the other specialisation's extra Nix, agenix is a package again.
    const alone = generate({ ...p, specialisations: [p.specialisations[0], { ...p.specialisations[1], extraConfig: '' }] }).text;
    expect(alone).not.toContain('pkgs.agenix');
  });

  it.skipIf(!hasNix)('real Nix reads each of them as the package', () => {
    const p: Project = {
      ...defaultProject('25.11'),
      specialisations: [
        { ...defaultSpecialisation('a'), packages: ['derivationStrict', 'fetchTree', 'agenix', 'firefox'] },
        { ...defaultSpecialisation('b'), extraConfig: 'imports = [ agenix.nixosModules.default ];' },
      ],
    };
    const file = tempFile('with-pkgs.nix', generate(p).text);
    const pkgs = '{ derivationStrict = "pkg:derivationStrict"; fetchTree = "pkg:fetchTree"; agenix = "pkg:agenix"; firefox = "pkg:firefox"; }';
    const result = nixEvalJson(
      `(import ${file} { config = { }; lib = { }; pkgs = ${pkgs}; agenix = { nixosModules.default = "module"; }; }).specialisation.a.configuration.environment.systemPackages`,
    );
    expect(result).toEqual(['pkg:derivationStrict', 'pkg:fetchTree', 'pkg:agenix', 'pkg:firefox']);
  }, NIX_TIMEOUT);
});

if (!hasNix) console.warn(`skipped injection tests against real Nix: ${NO_NIX}`);

describe('shell commands in the apply guide quote the name', () => {
  it.each(['a; touch /tmp/pwned', "it's $(id)", 'x\ny', 'plain-name_1', '#x', '-rf', '`id`', 'a"b', '$HOME'])('%j comes back from the shell as the name', (name) => {
    const guide = applyGuide(defaultProject('25.11'), { ...defaultSpecialisation(name), kernel: { packages: 'linuxPackages_zen', params: [], modules: [], blacklistedModules: [] } });
    for (const c of guide.commands.filter((c) => c.command.includes('specialisation'))) {
      // A one-shot boot names the entry's file, the name inside one word: the shell must give that word back whole.
      const entry = /(?:--boot-loader-entry=|set-oneshot )([\s\S]*)$/.exec(c.command);
      if (entry) {
        const out = spawnSync('sh', ['-c', `printf %s ${entry[1]}`], { encoding: 'utf8' });
        expect(out.stdout.replace(/^nixos-generation-\d*-/, '')).toBe(`specialisation-${name}.conf`);
        continue;
      }
      // Replace the program by printf: the shell must hand it the name as one argument, unchanged.
      const probe = c.command.replace(/^sudo /, '').replace(/nixos-rebuild (switch|test) --specialisation/, 'printf %s').replace(/ (switch|test)$/, '');
      const script = probe.startsWith('printf') ? probe : `printf %s ${probe}`;
      const out = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
      expect(out.stdout).toBe(probe.startsWith('printf') ? name : `/nix/var/nix/profiles/system/specialisation/${name}/bin/switch-to-configuration`);
    }
  });
  it('leaves a plain name bare', () => {
    expect(shellWord('chani')).toBe('chani');
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });
});

describe('imports: an item never breaks out of its place in the list', () => {
  it('refuses an expression item that is not one expression (it would close the list), at the item', () => {
    for (const item of ['a ]; users.users.root.password = "pwned"; x = [ b', 'a) (b', '{ x = 1; }; y = 2']) {
      const p = project(null, { ...defaultSpecialisation('gaming'), imports: [item] });
      expect(validate(p).filter((d) => d.severity === 'error').map((d) => d.path), item).toEqual(['specialisations[0].imports[0]']);
    }
  });

  it.skipIf(!hasNix)('keeps a trailing # comment of an item or a row from swallowing the ] or ; after it, and a path payload a file name', () => {
    const s: Specialisation = {
      ...defaultSpecialisation('gaming'),
      imports: ['./x.nix ]; users.users.root.password = "pwned"; y = [', '{ } # ]; users.users.root.password = "pwned";'],
      settings: [{ path: ['services', 'tlp', 'enable'], type: 'nix', value: 'true # ; users.users.root.password = "pwned";', items: [], priority: 'normal', overridePriority: null, condition: null }],
    };
    const p = project(null, s);
    expect(validate(p).filter((d) => d.severity === 'error')).toEqual([]);
    const text = generate(p).text;
    expect(topLevelNames(text)).toEqual(['specialisation']);
    const file = tempFile('imports-injection.nix', text);
    const got = nixEvalJson(
      `let c = (import ${file} { lib = { }; }).specialisation.gaming.configuration; in { imports = map (i: if builtins.isPath i then baseNameOf (toString i) else i) c.imports; inherit (c) services; names = builtins.attrNames c; }`,
    );
    expect(got).toEqual({ imports: ['x.nix ]; users.users.root.password = "pwned"; y = [', {}], services: { tlp: { enable: true } }, names: ['imports', 'services'] });
  }, NIX_TIMEOUT);
});
