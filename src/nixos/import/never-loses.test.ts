import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../model/types';
import { runImport } from '../../cli/import-command';
import { evalWithImports } from '../../test/eval-imports';
import { hasNix, nixParseError, NO_NIX, tempFile } from '../../test/nix';
import { generate } from '../generate';
import { validate } from '../validate';
import { formatError, importNix, type ImportResult, type ImportSuccess } from './import-nix';
import { formatReport } from './report';

/** Issue 11: an import never loses or changes a specialisation. */

const dir = join(__dirname, '../__fixtures__/import');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const ok = (r: ImportResult): ImportSuccess => {
  if (!r.ok) throw new Error(`expected an import, got ${formatError(r.error)}`);
  return r;
};
const errors = (p: Project) => validate(p).filter((d) => d.severity === 'error');
const NIX_TIMEOUT = 60_000;

/** Files the fixtures import (`import ./gaming-module.nix args`), next to them when Nix evaluates them. */
const HELPERS = ['gaming-module.nix'];

interface Fixture {
  file: string;
  check: (project: Project, result: ImportSuccess) => void;
}

const FIXTURES: Fixture[] = [
  {
    file: 'args-passed-on.nix',
    check: (p) => {
      const [gaming, quiet] = p.specialisations;
      expect(gaming.extraConfig).toBe('imports = [\n  (let\n    inherit pkgs;\n  in (import ./gaming-module.nix args))\n];');
      expect(quiet.tags).toEqual(['quiet']);
      expect(quiet.extraConfig).toContain('services.pipewire.enable = args.lib.mkForce false;');
      const text = generate(p).text;
      // The header binds the argument set; `pkgs` is named, so the set holds it as the input's did.
      expect(text.split('\n')[0]).toBe('{ pkgs, ... }@args:');
    },
  },
  {
    file: 'let-helpers.nix',
    check: (p, r) => {
      expect(p.specialisations.map((s) => [s.name, s.inheritParentConfig, s.tags])).toEqual([
        ['work', false, []],
        ['games', false, ['games']],
        ['rescue', true, []],
        ['media', false, ['media']],
      ]);
      const [work, games, rescue] = p.specialisations;
      expect(work.extraConfig).toBe('imports = let\n  core = [ ./hardware-configuration.nix ./core.nix ];\nin let module = ./work.nix; in core ++ [ module ];');
      expect(games.extraConfig).toContain('let module = ./games.nix; in core ++ [ module ]');
      expect(rescue.kernel.params).toEqual(['systemd.unit=rescue.target']);
      expect(rescue.extraConfig).toBe('');
      expect(rescue.settings).toMatchObject([{ path: ['services', 'openssh', 'enable'], type: 'bool', value: 'true', priority: 'force' }]);
      expect(r.report.lost).toEqual([]);
      expect(r.report.notes.join('\n')).toMatch(/relative paths/);
    },
  },
  {
    file: 'prime-parent-bus-ids.nix',
    check: (p, r) => {
      const [battery, offload] = p.specialisations;
      expect(battery.gpu.mode).toBe('none');
      expect(offload.gpu.mode).toBe('none');
      expect(offload.kernel.params).toEqual(['nvidia.NVreg_DynamicPowerManagement=0x02']);
      expect(offload.extraConfig).toBe('');
      expect(offload.settings.map((row) => row.path.join('.'))).toEqual(['services.xserver.videoDrivers', 'hardware.nvidia.prime.offload.enable']);
      expect(r.report.specialisations[1].notes.join('\n')).toMatch(/GPU setup stays Nix: .*PRIME needs the NVIDIA GPU's bus id/);
    },
  },
  {
    file: 'tabs-indented.nix',
    check: (p) => {
      const [studio] = p.specialisations;
      expect(studio.tags).toEqual(['studio']);
      const lines = studio.extraConfig.split('\n');
      // A tab is one level; spaces after tabs keep aligning; no tab is left outside the string.
      expect(lines.slice(0, 9)).toEqual([
        'services.pipewire = let',
        '  rate = 48000;',
        '  lowLatency = true;',
        'in {',
        '  enable = lowLatency;',
        '  jack.enable = lowLatency;',
        '  extraConfig.pipewire."92-low-latency" = {',
        '    "context.properties" = {',
        '      "default.clock.rate" = rate;',
      ]);
      expect(studio.extraConfig).toContain('musnix.kernel.packages = lib.mkDefault\n  (pkgs.linuxPackages_rt\n    or pkgs.linuxPackages_latest);');
      expect(studio.extraConfig).toContain('in lib.mkForce blocked;');
      expect(studio.extraConfig).toContain("in ''\n\t\t\t\tkept as written:\n\t\t\t\t\tthe tabs in here are text at ${toString rate} Hz\n\t\t\t'';");
      const generated = generate(p).text;
      expect(generated.split('\n').filter((l) => l.includes('\t'))).toEqual([
        '\t\t\t\tkept as written:',
        '\t\t\t\t\tthe tabs in here are text at ${toString rate} Hz',
        "\t\t\t'';",
      ]);
    },
  },
];

function importFixture(file: string): ImportSuccess {
  return ok(importNix(read(file)));
}

describe('inputs that lost or changed a specialisation before (issue 11)', () => {
  for (const f of FIXTURES)
    it(`${f.file}: comes in as the forms expect, without errors, and reads back the same`, () => {
      const r = importFixture(f.file);
      f.check(r.project, r);
      expect(errors(r.project)).toEqual([]);
      const again = importNix(generate(r.project).text, { preferredRelease: r.project.nixosRelease, previous: r.project });
      expect(again.ok && again.project).toEqual(r.project);
    });

  it.skipIf(!hasNix)(
    'mean the same to real Nix after import and generate: every option value of every specialisation',
    () => {
      for (const h of HELPERS) tempFile(h, read(h));
      const results = FIXTURES.map((f) => importFixture(f.file));
      const outputs = results.map((r) => generate(r.project).text);
      for (const text of outputs) expect(nixParseError(text)).toBeNull();
      // The helpers go in too, for the stand-in pkgs to have what they use.
      const evaluated = evalWithImports([
        ...FIXTURES.map((f) => ({ text: read(f.file) })),
        ...outputs.map((text) => ({ text })),
        ...HELPERS.map((h) => ({ text: read(h) })),
      ]);
      FIXTURES.forEach((f, i) => {
        const input = evaluated[i];
        const output = evaluated[FIXTURES.length + i];
        expect(Object.keys(output).sort(), f.file).toEqual(Object.keys(input).sort());
        for (const [name, spec] of Object.entries(input)) {
          expect(output[name].inheritParentConfig, `${f.file}: ${name}`).toBe(spec.inheritParentConfig);
          expect(output[name].options, `${f.file}: ${name}`).toEqual(spec.options);
        }
      });
    },
    NIX_TIMEOUT,
  );
  if (!hasNix) it.skip(NO_NIX, () => {});
});

describe('1. an `@` name passed on', () => {
  it('binds the argument set in the generated header, so the configuration gets the parent\'s arguments', () => {
    const r = ok(importNix('{ lib, ... }@args: { specialisation.x.configuration = import ./x.nix args; }'));
    expect(r.project.specialisations[0].extraConfig).toBe('imports = [\n  (import ./x.nix args)\n];');
    expect(r.report.specialisations[0].notes).toEqual([]);
    const text = generate(r.project).text;
    expect(text.split('\n')[0]).toBe('{ ... }@args:');
    expect(text).not.toMatch(/\{ args, /);
  });

  it('names another `@` name after the set, and the header arguments it holds', () => {
    const s = ok(importNix('inputs@{ config, pkgs, ... }: { specialisation.x.configuration.environment.systemPackages = [ inputs.pkgs.hello ]; }'))
      .project.specialisations[0];
    expect(s.extraConfig).toBe('environment.systemPackages = let\n  inputs = args;\n  inherit pkgs;\nin [ inputs.pkgs.hello ];');
    expect(generate({ ...ok(importNix('')).project, specialisations: [s] }).text.split('\n')[0]).toBe('{ pkgs, ... }@args:');
  });

  it.skipIf(!hasNix)(
    'evaluates with real Nix to what the input does',
    () => {
      tempFile('x.nix', '{ lib, ... }: { services.x.enable = lib.mkForce true; networking.hostName = "x"; }\n');
      const inputs = [
        '{ lib, ... }@args: { specialisation.x.configuration = import ./x.nix args; }',
        'inputs@{ config, pkgs, ... }: { specialisation.y.configuration.environment.systemPackages = [ inputs.pkgs.hello ]; }',
        '{ config, lib, pkgs, ... }@args: { specialisation.z.configuration = { boot.kernelParams = [ "quiet" ]; services.y.enable = args.lib.mkDefault args.config.virtualisation.docker.enable; }; }',
      ];
      const outputs = inputs.map((t) => generate(ok(importNix(t)).project).text);
      // The last one only gives the stand-in pkgs a `hello`.
      const evaluated = evalWithImports([...inputs, ...outputs, '{ pkgs, ... }: { x = pkgs.hello; }'].map((text) => ({ text })));
      inputs.forEach((_, i) => expect(evaluated[inputs.length + i], outputs[i]).toEqual(evaluated[i]));
      expect(evaluated[0].x.options['services.x.enable']).toEqual({ _type: 'override', priority: 50, content: true });
    },
    NIX_TIMEOUT,
  );
});

describe('2. entries from a `let` helper, and entries that cannot be read', () => {
  const names = (text: string) => ok(importNix(text)).project.specialisations.map((s) => [s.name, s.inheritParentConfig, s.extraConfig]);

  it('follows `inherit (specs) a b;` to a helper applied to literal arguments', () => {
    const text =
      '{ lib, ... }: let core = [ ./core.nix ]; mk = module: { inheritParentConfig = false; configuration.imports = core ++ [ module ]; }; specs = { a = mk ./a.nix; b = mk ./b.nix; }; in { specialisation = { inherit (specs) a b; }; }';
    const kept = (file: string) => `imports = let\n  core = [ ./core.nix ];\nin let module = ./${file}; in core ++ [ module ];`;
    expect(names(text)).toEqual([
      ['a', false, kept('a.nix')],
      ['b', false, kept('b.nix')],
    ]);
  });

  it('follows `inherit a b;`, a name, and a helper applied in place', () => {
    expect(names('let a = { configuration.boot.kernelParams = [ "x" ]; }; b = { inheritParentConfig = false; }; in { specialisation = { inherit a b; }; }')).toEqual([
      ['a', true, ''],
      ['b', false, ''],
    ]);
    expect(names('let all = { a.configuration = { }; }; in { specialisation = all; }')).toEqual([['a', true, '']]);
    expect(ok(importNix('let mk = t: { configuration.system.nixos.tags = [ t ]; }; in { specialisation.a = mk "x"; }')).project.specialisations[0].tags).toEqual(['x']);
  });

  it('never takes an argument whose names mean something else where the helper is defined', () => {
    // `t` in the argument is the inner let's; in the helper's scope it would be another.
    // It stays Nix (a Nix entry), with both `let`s around it, so `t` is still the inner one.
    const r = ok(importNix('let t = "outer"; mk = x: { configuration.system.nixos.tags = [ x ]; }; in { specialisation = let t = "inner"; in { a = mk t; }; }'));
    expect(r.project.specialisations.map((s) => s.nixEntry)).toEqual([
      'let\n  mk = x: { configuration.system.nixos.tags = [ x ]; };\nin let\n  t = "inner";\nin {\n  a = mk t;\n}',
    ]);
    expect(r.report.lost).toEqual([]);
  });

  it.skipIf(!hasNix)(
    'keeps a computed option name that needs a `let` meaning the same (its own `let`, not a module argument)',
    () => {
      const input = '{ lib, ... }: let who = "bob"; in { specialisation.a.configuration.users.users.${who}.extraGroups = [ "audio" ]; }';
      const r = ok(importNix(input));
      expect(r.project.specialisations[0].extraConfig).toBe('users.users.${let\n  who = "bob";\nin who}.extraGroups = [ "audio" ];');
      const output = generate(r.project).text;
      expect(output.split('\n')[0]).toBe('{ ... }:');
      const [before, after] = evalWithImports([{ text: input }, { text: output }]);
      expect(after).toEqual(before);
    },
    NIX_TIMEOUT,
  );

  it('stops at a helper that calls itself (kept as a Nix entry), and follows one helper for several entries', () => {
    for (const [text, entries] of [
      ['let f = x: f x; in { specialisation.a = f 1; }', 1],
      ['let f = x: g x; g = y: f y; in { specialisation.a = f 1; specialisation.b = f 2; }', 2],
      ['let a = b; b = a; in { specialisation = a; }', 1],
    ] as const) {
      const r = ok(importNix(text));
      expect(r.project.specialisations.filter((s) => s.nixEntry !== null).length, text).toBe(entries);
      expect(r.report.lost, text).toEqual([]);
    }
    const r = ok(importNix('let mk = x: { configuration.boot.kernelParams = [ x ]; }; in { specialisation.a = mk "q"; specialisation.b = mk "r"; }'));
    expect(r.project.specialisations.map((s) => [s.name, s.kernel.params, s.extraConfig])).toEqual([
      ['a', ['q'], ''],
      ['b', ['r'], ''],
    ]);
  });

  // Issue 11 item 5: these were lost before; they are Nix entries now (see entries.test.ts).
  const computed = [
    ['a computed set', '{ lib, ... }: { specialisation = lib.genAttrs [ "a" "b" ] (n: { configuration = { }; }); }', /a call of genAttrs/],
    ['a computed name', '{ lib, ... }: let n = "a"; in { specialisation.${n}.configuration = { }; }', /a computed name/],
    ['an inherit from a function\'s result', '{ lib, ... }: { specialisation = { inherit (import ./specs.nix) a; }; }', /an inherit from a call of import/],
  ] as const;
  for (const [what, text, pattern] of computed)
    it(`keeps ${what} as a Nix entry, naming the pattern and its line`, () => {
      const r = ok(importNix(text));
      expect(r.report.lost).toEqual([]);
      expect(r.project.specialisations).toHaveLength(1);
      expect(r.project.specialisations[0].nixEntry).not.toBeNull();
      expect(r.report.specialisations[0].kept).toEqual([expect.objectContaining({ line: 1, why: expect.stringMatching(pattern) })]);
      expect(formatReport(r.report).join('\n')).toMatch(new RegExp(`kept as Nix: specialisation\\S* \\(line 1: ${pattern.source}`));
      // Edit Nix reads it back as it was.
      const again = importNix(generate(r.project).text, { previous: r.project });
      expect(again.ok && again.project).toEqual(r.project);
    });

  it('says loudly that an entry defined under different conditions was not imported whole, with its line', () => {
    const text = '{ lib, config, ... }:\n{\n  config = lib.mkMerge [\n    { specialisation.a.configuration.boot.kernelParams = [ "x" ]; }\n    (lib.mkIf config.services.xserver.enable { specialisation.a.configuration.system.nixos.tags = [ "x" ]; })\n  ];\n}\n';
    const r = ok(importNix(text));
    expect(r.report.lost).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/different conditions/) })]);
    const edit = importNix(text, { previous: r.project });
    expect(edit.ok).toBe(false);
  });

  it('keeps an entry whose name the project calls unsafe, and the form says so (the only error an import can give)', () => {
    const r = ok(importNix('{ specialisation."my entry".configuration.boot.kernelParams = [ "quiet" ]; }'));
    expect(r.project.specialisations[0]).toMatchObject({ name: 'my entry', kernel: { params: ['quiet'] } });
    expect(errors(r.project).map((d) => d.path)).toEqual(['specialisations[0].name']);
  });

  it('makes the command line fail (status 1, nothing written) unless --partial', () => {
    const text = '{ lib, config, ... }:\n{\n  config = lib.mkMerge [\n    { specialisation.a.configuration = { }; }\n    (lib.mkIf config.x { specialisation.a.configuration.y = 1; })\n    { specialisation = lib.genAttrs [ "b" ] (n: { configuration = { }; }); }\n  ];\n}\n';
    const refused = runImport(['x.nix'], () => text);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^x\.nix:4:7: specialisation\.a is defined under different conditions/m);
    expect(refused.stderr).toMatch(/nothing was written \(run again with --partial to import the rest\)\n$/);
    const partial = runImport(['x.nix', '--partial'], () => text);
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout).specialisations.map((s: { name: string }) => s.name)).toEqual(['a', 'nix-entry-1']);
  });

  it('reads entries under mkIf with their condition, and says so', () => {
    const r = ok(importNix('{ lib, ... }: { specialisation.a = lib.mkIf true { configuration = { }; }; }'));
    expect(r.project.specialisations.map((s) => [s.name, s.condition])).toEqual([['a', 'true']]);
    expect(r.report.specialisations[0].notes.join('\n')).toMatch(/^It exists only when `true` \(lib\.mkIf, line 1\): kept as its condition\.$/m);
    expect(r.report.lost).toEqual([]);
  });
});

describe('4. a name nothing binds is refused, as Nix refuses it', () => {
  const CASES = [
    '{ config, pkgs, ... }:\n{\n  specialisation.x.configuration = {\n    services.xserver.enable = lib.mkForce true;\n  };\n}\n',
    '{ config, ... }:\n{\n  specialisation.x.configuration = { inherit lib; };\n}\n',
    '{ config, ... }: let inherit lib; in { specialisation.x.configuration = { }; }\n',
    '{ config, ... }: with pkgs; { specialisation.x.configuration = { }; }\n',
    '{ config, ... }: rec { a = b; specialisation.x.configuration.c = a; }\n',
    '{ inputs = { }; outputs = { self }: { nixosModules.x = { config, ... }: { specialisation.x.configuration.a = lib.mkForce 1; }; }; }\n',
  ];

  it('at the line and column of the use', () => {
    const r = importNix(CASES[0]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual({ line: 4, column: 31, message: "undefined variable 'lib'" });
    expect(!r.ok && r.recovery).toBeNull();
    expect(runImport(['configuration.nix'], () => CASES[0])).toEqual({ code: 1, stdout: '', stderr: "configuration.nix:4:31: undefined variable 'lib'\n" });
  });

  it('but not under a `with` (Nix cannot tell then), nor in a snippet without a function header', () => {
    for (const text of [
      '{ config, pkgs, ... }: with pkgs; { specialisation.x.configuration.a = lib.mkForce true; }',
      'specialisation.x.configuration.services.xserver.enable = lib.mkForce true;',
      '{ specialisation.x.configuration.services.xserver.enable = lib.mkForce true; }',
    ])
      expect(importNix(text).ok, text).toBe(true);
  });

  it.skipIf(!hasNix)(
    'the same name, line and column as nix-instantiate --parse',
    () => {
      for (const text of CASES) {
        const nix = nixParseError(text);
        const r = importNix(text);
        const ours = r.ok ? null : r.error;
        expect(ours === null, text).toBe(nix === null);
        if (!ours || !nix) continue;
        expect(nix, text).toContain(`error: ${ours.message}`);
        // Nix 2.8 places an `inherit`'s name where the bindings begin (after `{` or `let`); we, at the name.
        expect(nix, text).toMatch(text.includes('inherit lib') ? new RegExp(`:${ours.line}:\\d+:`) : new RegExp(`:${ours.line}:${ours.column}:`));
      }
    },
    NIX_TIMEOUT,
  );
});

describe('6. never a project the form reports errors in', () => {
  const INPUTS = [
    'specialisation.a.configuration.users.users.bob = { isNormalUser = true; uid = 999; };',
    'specialisation.a.configuration.users.users.Bob = { isNormalUser = true; };',
    'specialisation.a.configuration.system.nixos.tags = [ "with space" ];',
    'specialisation.a.configuration = { services.xserver.videoDrivers = [ "nvidia" ]; hardware.nvidia.prime = { sync.enable = true; nvidiaBusId = "01:00.0"; intelBusId = "PCI:0:2:0"; }; };',
    'specialisation.a.configuration = { services.xserver.videoDrivers = [ "nvidia" ]; hardware.nvidia.prime.offload.enable = true; };',
    'specialisation.a.configuration = { services.xserver.videoDrivers = [ "nvidia" ]; hardware.nvidia.prime = { sync.enable = true; nvidiaBusId = "PCI:1:0:0"; intelBusId = "PCI:0:2:0"; amdgpuBusId = "PCI:5:0:0"; }; };',
    'specialisation.a.configuration.boot.kernelParams = [ "a b" ];',
    'specialisation.a.configuration.boot.kernelModules = [ "a.b" ];',
    'specialisation.a.configuration.users.users.u = { isNormalUser = true; extraGroups = [ "Bad Group" ]; };',
    'specialisation.a.configuration = { users.users.u = { isNormalUser = true; uid = 1000; }; users.users.v = { isNormalUser = true; uid = 1000; }; };',
  ];
  for (const text of INPUTS)
    it(`keeps what the form would refuse as Nix or setting rows: ${text.slice(31, 100)}`, () => {
      const r = ok(importNix(text));
      expect(errors(r.project)).toEqual([]);
      const [s] = r.project.specialisations;
      expect(s.extraConfig !== '' || s.settings.length > 0).toBe(true);
    });
});

describe('7. recovering a snippet cut in the middle of a name', () => {
  const text = 'specialisation = {\n  gaming.configuration = {\n    services.xserver.videoDrivers = [ "nvidia" ];\n    hardware.nvidia.prime.enableOffl';

  it('imports up to the last complete binding, and says what it left out', () => {
    const r = importNix(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^unexpected end of input/);
    const recovery = !r.ok ? r.recovery : null;
    expect(recovery?.inserted[0]).toBe('left out the incomplete `hardware.nvidia.prime.enableOffl` from line 4');
    expect(recovery?.result.project.specialisations[0]).toMatchObject({ name: 'gaming', gpu: { mode: 'nvidia' }, extraConfig: '' });
    const cli = runImport(['snippet.nix', '--recover'], () => text);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^Recovered: the text was not complete; left out what it ends in the middle of/);
  });
});

describe('8. tabs', () => {
  it('extra Nix typed with tabs is written with spaces, keeping its relative indentation and its strings', () => {
    const s = { ...ok(importNix('specialisation.a.configuration = { };')).project };
    // Names the module does not define: these stay extra Nix (a literal would be read as a row).
    const extraConfig = 'services.foo = {\n\tenable = on;\n\tsettings = {\n\t\ta = one;\n\t};\n\ttext = \'\'\n\t\t${verbatim}\n\t\'\';\n};';
    s.specialisations = [{ ...s.specialisations[0], extraConfig }];
    const text = generate(s).text;
    expect(text).toContain(
      '    services.foo = {\n      enable = on;\n      settings = {\n        a = one;\n      };\n      text = \'\'\n\t\t${verbatim}\n\t\'\';\n    };',
    );
    // Edit Nix reading the module back keeps the tabs the user typed.
    const back = ok(importNix(text, { previous: s }));
    expect(back.project.specialisations[0].extraConfig).toBe(extraConfig);
  });

  it('spaces and tabs mixed: a tab goes to the next multiple of 8', () => {
    const r = ok(importNix('{\n    specialisation.a.configuration = {\n    services.foo = {\n\t\tenable = on;\n    };\n    };\n}\n'));
    expect(r.project.specialisations[0].extraConfig).toBe('services.foo = {\n            enable = on;\n};');
  });
});
