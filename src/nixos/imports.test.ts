import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from '../model/defaults';
import type { Project, Specialisation } from '../model/types';
import { hasNix, NIX_TIMEOUT, nixEvalJson, nixParseErrors } from '../test/nix';
import { generate } from './generate';
import { importPathText, isImportPath } from './imports';
import { validate } from './validate';

const project = (...specs: Specialisation[]): Project => ({ ...defaultProject('26.05'), specialisations: specs });
const withImports = (name: string, imports: string[], more: Partial<Specialisation> = {}): Specialisation => ({
  ...defaultSpecialisation(name),
  imports,
  ...more,
});
const problems = (p: Project) => validate(p).filter((d) => d.path.includes('.imports'));

const EVERY_SPELLING = [
  './gaming.nix',
  '../b.nix',
  '/etc/nixos/c.nix',
  'inputs.hw.nixosModules.x',
  'import ./d.nix',
  './my file.nix',
  '<nixpkgs/nixos/modules/profiles/minimal.nix>',
  '({ pkgs, ... }: {\n  environment.systemPackages = [ pkgs.hello ];\n})',
];

describe('imports: what the generator writes', () => {
  it('writes each item as a list element in the nixfmt layout (golden)', () => {
    expect(generate(project(withImports('gaming', EVERY_SPELLING))).text).toBe(`{ inputs, ... }:
{
  specialisation.gaming.configuration = {
    imports = [
      ./gaming.nix
      ../b.nix
      /etc/nixos/c.nix
      inputs.hw.nixosModules.x
      (import ./d.nix)
      (./. + "/my file.nix")
      <nixpkgs/nixos/modules/profiles/minimal.nix>
      ({ pkgs, ... }: {
        environment.systemPackages = [ pkgs.hello ];
      })
    ];
  };
}
`);
  });

  it('puts one short item on the imports line, and the hardware configuration of a separate system first', () => {
    expect(generate(project(withImports('gaming', ['./gaming.nix']))).text).toContain('    imports = [ ./gaming.nix ];\n');
    const separate = withImports('work', ['./work.nix'], { inheritParentConfig: false });
    expect(generate(project(separate)).text).toContain(`      imports = [
        ./hardware-configuration.nix
        ./work.nix
      ];
`);
    expect(generate(project(withImports('none', []))).text).not.toContain('imports');
  });

  it('spells a path Nix cannot read as a literal as the folder plus a string', () => {
    expect(importPathText('./a/b-c_d+e.1.nix')).toBe('./a/b-c_d+e.1.nix');
    expect(importPathText('./my file.nix')).toBe('(./. + "/my file.nix")');
    expect(importPathText('../dir/x y.nix')).toBe('(../. + "/dir/x y.nix")');
    expect(importPathText('/etc/nixos/ä.nix')).toBe('(/. + "/etc/nixos/ä.nix")');
    expect(importPathText('~/x y.nix')).toBe('(~/. + "/x y.nix")');
    expect(importPathText('./a"; x = ${abort "no"}; "')).toBe('(./. + "/a\\"; x = \\${abort \\"no\\"}; \\"")');
    expect(isImportPath('./x')).toBe(true);
    expect(isImportPath('inputs.x')).toBe(false);
    expect(isImportPath('import ./x.nix')).toBe(false);
  });
});

describe('imports: checks at the item', () => {
  it('refuses an empty item, an expression that is not Nix, and a path with a line break', () => {
    const p = project(withImports('a', ['', 'inputs.hw.', './a\nb.nix', './ok.nix']));
    expect(problems(p)).toEqual([
      { path: 'specialisations[0].imports[0]', severity: 'error', message: expect.stringContaining('empty') },
      { path: 'specialisations[0].imports[1]', severity: 'error', message: expect.stringMatching(/^not a Nix expression: line 1, column \d+/) },
      { path: 'specialisations[0].imports[2]', severity: 'error', message: expect.stringContaining('line break') },
    ]);
  });

  it('warns about a name NixOS does not give a module, an item twice, and a path under ~', () => {
    const p = project(withImports('a', ['inputs.hw.nixosModules.x', './a.nix', ' ./a.nix', '~/x.nix', '({ lib, pkgs, ... }: { })']));
    expect(problems(p).map((d) => [d.path, d.severity, d.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['specialisations[0].imports[0]', 'warning', 'inputs becomes an'],
      ['specialisations[0].imports[3]', 'warning', 'a path under'],
      ['specialisations[0].imports[2]', 'warning', '"./a.nix" is imported'],
    ]);
  });

  it('refuses a setting row or extra Nix that sets imports too (Nix refuses an attribute defined twice)', () => {
    const s = withImports('a', ['./a.nix'], {
      settings: [{ path: ['imports'], type: 'nix', value: '[ ./b.nix ]', items: [], priority: 'normal', overridePriority: null, condition: null }],
    });
    expect(validate(project(s)).find((d) => d.path === 'specialisations[0].settings[0].path')?.message).toMatch(/^imports is also set by the form/);
    const extra = withImports('a', ['./a.nix'], { extraConfig: 'imports = [ ./b.nix ];' });
    expect(validate(project(extra)).find((d) => d.path === 'specialisations[0].extraConfig')?.message).toMatch(/imports is also set by the form/);
  });
});

describe.skipIf(!hasNix)('imports: real Nix', () => {
  it('parses every spelling, and evaluates each item to the file or module meant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-imports-'));
    const here = join(dir, 'etc');
    mkdirSync(here);
    writeFileSync(join(here, 'd.nix'), '"module d"');
    const items = [
      './gaming.nix',
      '../b.nix',
      '/etc/nixos/c.nix',
      'inputs.hw.nixosModules.x',
      'import ./d.nix',
      './my file.nix',
      './a"; x = ${abort "injected"}; "',
      "./it's ${x} \\ '' here.nix",
      '../x y/z.nix',
    ];
    const text = generate(project(withImports('gaming', items))).text;
    expect(nixParseErrors([text])).toEqual([null]);
    const module = join(here, 'specialisations.nix');
    writeFileSync(module, text);
    const result = nixEvalJson(`
      let
        m = import ${module} { inputs = { hw.nixosModules.x = "module hw"; }; lib = { }; config = { }; pkgs = { }; };
      in map (i: if builtins.isPath i then "path:" + toString i else i) m.specialisation.gaming.configuration.imports`);
    expect(result).toEqual([
      `path:${here}/gaming.nix`,
      `path:${dir}/b.nix`,
      'path:/etc/nixos/c.nix',
      'module hw',
      'module d',
      `path:${here}/my file.nix`,
      `path:${here}/a"; x = \${abort "injected"}; "`,
      `path:${here}/it's \${x} \\ '' here.nix`,
      `path:${dirname(here)}/x y/z.nix`,
    ]);
  }, NIX_TIMEOUT);
});
