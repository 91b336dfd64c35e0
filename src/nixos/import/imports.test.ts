import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../model/read';
import { hasNix, NIX_TIMEOUT, nixEvalJson } from '../../test/nix';
import { generate } from '../generate';
import { importNix, type ImportSuccess } from './import-nix';
import { formatReport } from './report';

const imported = (text: string): ImportSuccess => {
  const r = importNix(text);
  if (!r.ok) throw new Error(r.error.message);
  return r;
};
const spec = (r: ImportSuccess, name: string) => r.project.specialisations.find((s) => s.name === name)!;
const reportOf = (r: ImportSuccess, name: string) => r.report.specialisations.find((s) => s.name === name)!;

const MODULE = `{ config, lib, pkgs, inputs, ... }:
let
  core = [ ./core.nix ];
in
{
  specialisation = {
    many.configuration = {
      imports = [ ./a.nix ../b.nix /etc/nixos/c.nix inputs.hw.nixosModules.x (import ./d.nix) ];
      services.tlp.enable = false;
    };
    only.configuration.imports = [ ./only.nix ];
    joined.configuration.imports = core ++ [ ./a.nix ];
    commented.configuration.imports = [
      ./a.nix # why
    ];
    forced.configuration.imports = lib.mkForce [ ./a.nix ];
    separate = {
      inheritParentConfig = false;
      configuration = {
        imports = [ ./hardware-configuration.nix ./work.nix ];
        boot.loader.systemd-boot.enable = true;
        boot.loader.efi.canTouchEfiVariables = true;
      };
    };
  };
}
`;

describe('import: imports as the list', () => {
  const r = imported(MODULE);

  it('reads every spelling of an item into the list, as written', () => {
    expect(spec(r, 'many').imports).toEqual(['./a.nix', '../b.nix', '/etc/nixos/c.nix', 'inputs.hw.nixosModules.x', '(import ./d.nix)']);
    expect(spec(r, 'many').extraConfig).toBe('');
    expect(spec(r, 'only')).toMatchObject({ imports: ['./only.nix'], settings: [], extraConfig: '' });
  });

  it("gives a separate system's first ./hardware-configuration.nix to fromParent, the rest to the list", () => {
    expect(spec(r, 'separate')).toMatchObject({ inheritParentConfig: false, fromParent: { hardwareConfiguration: true }, imports: ['./work.nix'], extraConfig: '' });
  });

  it('keeps what the list cannot hold as Nix, with its let binding, and says why at the line', () => {
    expect(spec(r, 'joined').imports).toEqual([]);
    expect(spec(r, 'joined').extraConfig).toMatch(/core = \[ \.\/core\.nix \];[\s\S]*core \+\+ \[ \.\/a\.nix \]/);
    expect(reportOf(r, 'joined').settings).toEqual([{ path: 'imports', line: 12, to: 'nix', why: expect.stringMatching(/^it is not a plain list/) }]);
    expect(spec(r, 'commented').extraConfig).toContain('# why');
    expect(reportOf(r, 'commented').settings[0]).toMatchObject({ to: 'nix', why: expect.stringMatching(/comment in the list/) });
    // A priority the list has no place for: a setting row of type nix, as before.
    expect(spec(r, 'forced').settings).toEqual([expect.objectContaining({ path: ['imports'], type: 'nix', priority: 'force', value: '[ ./a.nix ]' })]);
  });

  it('says "imports" in the report: the text, and each setting in JSON', () => {
    const text = formatReport(r.report).join('\n');
    expect(text).toContain('read into the form: imports ./a.nix, ../b.nix, /etc/nixos/c.nix, inputs.hw.nixosModules.x, (import ./d.nix)');
    expect(reportOf(r, 'many').settings).toContainEqual({ path: 'imports', line: 8, to: 'field', field: 'imports' });
    expect(r.report.notes.join('\n')).toMatch(/imports contain relative paths \(\.\/…\): they are resolved from the folder of the generated file/);
  });

  it('reads back the same project from what it generates', () => {
    const again = importNix(generate(r.project).text, { preferredRelease: r.project.nixosRelease, previous: r.project });
    expect(again.ok && again.project).toEqual(r.project);
  });
});

describe('project files', () => {
  it('read an old file without imports unchanged (an imports row stays a row)', () => {
    const row = { path: ['imports'], type: 'nix', value: '[ ./gaming.nix ]', items: [], priority: 'normal', overridePriority: null, condition: null };
    const { project, diagnostics } = readProject({ version: 1, specialisations: [{ name: 'gaming', settings: [row] }] });
    expect(diagnostics).toEqual([]);
    expect(project.specialisations[0].imports).toEqual([]);
    expect(project.specialisations[0].settings).toEqual([row]);
  });

  it('name a bad item by its path', () => {
    const { diagnostics } = readProject({ version: 1, specialisations: [{ name: 'gaming', imports: ['./a.nix', 7] }] });
    expect(diagnostics).toEqual([{ path: 'specialisations[0].imports[1]', severity: 'error', message: 'must be a string, found 7' }]);
  });
});

describe.skipIf(!hasNix)('import → generate under real Nix', () => {
  it('imports the same files and modules, and a configuration function keeps its arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'studio-import-imports-'));
    writeFileSync(join(dir, 'd.nix'), '"module d"');
    const input = `{ config, lib, pkgs, inputs, ... }:
{
  specialisation.many.configuration = {
    imports = [ ./a.nix ../b.nix /etc/nixos/c.nix inputs.hw.nixosModules.x (import ./d.nix) (./. + "/my file.nix") ];
  };
  specialisation.fn.configuration = { config, pkgs, ... }: {
    imports = [ ./fn.nix ];
    environment.etc.kernel.text = config.boot.kernelPackages.name;
    environment.systemPackages = [ pkgs.git ];
  };
}
`;
    const r = imported(input);
    expect(spec(r, 'fn').imports).toEqual(['./fn.nix']);
    const output = generate(r.project).text;
    writeFileSync(join(dir, 'input.nix'), input);
    writeFileSync(join(dir, 'output.nix'), output);
    // Each module called as NixOS would, a configuration function with its own config (a kernel of its own).
    const evaluate = (file: string) => `
      let
        m = import ${join(dir, file)};
        given = { inputs = { hw.nixosModules.x = "module hw"; }; lib = { mkForce = x: x; }; pkgs = { git = "git"; }; config = { boot.kernelPackages.name = "parent"; }; options = { }; };
        args = builtins.intersectAttrs (builtins.functionArgs m) given // (if (builtins.functionArgs m) ? inputs then { } else { });
        own = c: if builtins.isFunction c then c (given // { config = { boot.kernelPackages.name = "own"; }; }) else c;
        show = i: if builtins.isPath i then "path:" + toString i else i;
      in builtins.mapAttrs (n: s: let c = own s.configuration; in c // { imports = map show c.imports; }) (m (given // args)).specialisation`;
    const [before, after] = nixEvalJson(`[ (${evaluate('input.nix')}) (${evaluate('output.nix')}) ]`) as unknown[];
    expect(after).toEqual(before);
    expect((before as { many: { imports: string[] } }).many.imports).toEqual([
      `path:${dir}/a.nix`,
      `path:${join(dir, '..')}/b.nix`.replace(/\/[^/]+\/\.\.\//, '/'),
      'path:/etc/nixos/c.nix',
      'module hw',
      'module d',
      `path:${dir}/my file.nix`,
    ]);
    expect((after as { fn: { environment: unknown } }).fn.environment).toEqual({ etc: { kernel: { text: 'own' } }, systemPackages: ['git'] });
  }, NIX_TIMEOUT);
});
