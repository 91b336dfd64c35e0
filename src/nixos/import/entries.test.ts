import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../../model/defaults';
import type { Project, Specialisation } from '../../model/types';
import { runImport } from '../../cli/import-command';
import { entriesEntry } from '../../test/eval-entries';
import { evalWithImports } from '../../test/eval-imports';
import { hasNix, NIX_TIMEOUT, NO_NIX, nixParseErrors } from '../../test/nix';
import { bootMenu } from '../boot-menu';
import { generate } from '../generate';
import { validate } from '../validate';
import { formatError, importNix, type ImportResult, type ImportSuccess } from './import-nix';
import { formatReport } from './report';

/** Issue 11, items 3 and 5: a specialisation's condition and entries with computed names survive import. */

const corpus = (name: string) => readFileSync(join(__dirname, '../__fixtures__/import/corpus', name), 'utf8');
const ok = (r: ImportResult): ImportSuccess => {
  if (!r.ok) throw new Error(`expected an import, got ${formatError(r.error)}`);
  return r;
};
const entries = (text: string) => ok(importNix(text)).project.specialisations.map((s) => [s.name, s.condition, s.nixEntry]);
const errors = (p: Project) => validate(p).filter((d) => d.severity === 'error');
const project = (...specialisations: Specialisation[]): Project => ({ ...defaultProject('25.11'), specialisations });

describe('3. conditions', () => {
  it('keeps lib.mkIf around one entry as its condition', () => {
    expect(entries('{ config, lib, ... }: { specialisation.x = lib.mkIf config.services.xserver.enable { configuration = { }; }; }')).toEqual([
      ['x', 'config.services.xserver.enable', null],
    ]);
  });

  it('keeps `config = mkIf …` (with lib; and a bare mkIf) on every entry inside, with the let bindings it needs', () => {
    const text = '{ config, lib, ... }:\nwith lib;\nlet\n  cfg = config.my.thing;\nin\n{\n  config = mkIf cfg.enable {\n    specialisation.a.configuration.boot.kernelParams = [ "a" ];\n    specialisation.b = mkIf (!cfg.quiet) { configuration = { }; };\n  };\n}\n';
    const r = ok(importNix(text));
    expect(r.project.specialisations.map((s) => [s.name, s.condition])).toEqual([
      ['a', 'let\n  cfg = config.my.thing;\nin cfg.enable'],
      ['b', 'let\n  cfg = config.my.thing;\nin cfg.enable && !cfg.quiet'],
    ]);
    expect(r.project.specialisations[0].kernel.params).toEqual(['a']);
    expect(r.report.specialisations[0].notes).toContain('It exists only when `let cfg = config.my.thing; in cfg.enable` (lib.mkIf, line 7): kept as its condition.');
    expect(r.report.lost).toEqual([]);
  });

  it('keeps lib.mkIf around the whole specialisation set, and in a lib.mkMerge', () => {
    expect(entries('{ config, lib, ... }: { specialisation = lib.mkIf config.x { a.configuration = { }; }; }')).toEqual([['a', 'config.x', null]]);
    expect(entries('{ config, lib, ... }: { config = lib.mkMerge [ { specialisation.a.configuration = { }; } (lib.mkIf (config.y || config.z) { specialisation.b.configuration = { }; }) ]; }')).toEqual([
      ['a', null, null],
      ['b', 'config.y || config.z', null],
    ]);
  });

  it('parenthesises conditions that would not be one operand of &&', () => {
    expect(entries('{ config, lib, ... }: { config = lib.mkIf (config.a || config.b) { specialisation.x = lib.mkIf (if config.c then true else false) { configuration = { }; }; }; }')).toEqual([
      ['x', '(config.a || config.b) && (if config.c then true else false)', null],
    ]);
  });

  it('says when the file declares the options its condition reads, which the generated module does not', () => {
    const r = ok(importNix(corpus('conditional.nix')));
    expect(r.report.leftOut).toContain('options.studio.bootEntries');
    expect(r.report.specialisations[0].notes.join('\n')).toMatch(/declares options \(options\.studio\.bootEntries\).*keep their declaration/);
  });

  it('is written as `lib.mkIf (c) { … }` and reads back the same (Edit Nix)', () => {
    const p = project(
      { ...defaultSpecialisation('a'), condition: 'config.services.xserver.enable', tags: ['a'] },
      { ...defaultSpecialisation('b'), condition: 'let cfg = config.my; in cfg.on', inheritParentConfig: false, fromParent: { hardwareConfiguration: false, bootloader: false } },
    );
    const text = generate(p).text;
    expect(text).toContain('    a = lib.mkIf config.services.xserver.enable {\n      configuration = {\n        system.nixos.tags = [ "a" ];\n      };\n    };');
    expect(text).toContain('    b = lib.mkIf (let cfg = config.my; in cfg.on) {\n      inheritParentConfig = false;\n');
    expect(text.split('\n')[0]).toBe('{ config, lib, ... }:');
    expect(ok(importNix(text, { previous: p, preferredRelease: p.nixosRelease })).project).toEqual(p);
  });

  it('is checked at the field: one Nix expression, not empty', () => {
    const p = project(
      { ...defaultSpecialisation('a'), condition: 'config.x &&' },
      { ...defaultSpecialisation('b'), condition: '  ' },
      { ...defaultSpecialisation('c'), nixEntry: '{ a = ; }' },
    );
    expect(errors(p).map((d) => [d.path, d.message])).toEqual([
      ['specialisations[0].condition', expect.stringMatching(/^the condition is not a Nix expression: line 1, column \d+: /)],
      ['specialisations[1].condition', 'the condition is empty: write a Nix expression, such as config.services.xserver.enable'],
      ['specialisations[2].nixEntry', expect.stringMatching(/^the Nix entry is not a Nix expression: line 1, column 7: /)],
    ]);
  });
});

describe('5. computed names', () => {
  it('keeps lib.genAttrs, mapAttrs, listToAttrs whole as Nix entries', () => {
    for (const [call, pattern] of [
      ['lib.genAttrs [ "sway" "sway-unstable" ] (d: { configuration.system.nixos.tags = [ d ]; })', 'a call of genAttrs'],
      ['lib.mapAttrs (n: k: { configuration.boot.kernelPackages = k; }) { lts = pkgs.linuxPackages; }', 'a call of mapAttrs'],
      ['builtins.listToAttrs (map (n: { name = n; value = { configuration = { }; }; }) [ "a" ])', 'a call of listToAttrs'],
    ]) {
      const r = ok(importNix(`{ lib, pkgs, ... }: { specialisation = ${call}; }`));
      expect(r.project.specialisations.map((s) => [s.name, s.nixEntry])).toEqual([['nix-entry-1', call]]);
      expect(r.report.specialisations[0]).toMatchObject({ name: 'nix-entry-1', line: 1, kept: [{ label: 'specialisation', line: 1, why: expect.stringContaining(pattern) }] });
      expect(r.report.lost).toEqual([]);
      expect(errors(r.project)).toEqual([]);
    }
  });

  it('reads the literal part of `//` into entries when the names cannot overlap, else keeps it all', () => {
    expect(entries('{ lib, ... }: { specialisation = { a.configuration = { }; } // lib.genAttrs [ "b" ] (n: { configuration = { }; }); }')).toEqual([
      ['a', null, null],
      ['nix-entry-1', null, 'lib.genAttrs [ "b" ] (n: { configuration = { }; })'],
    ]);
    // The right one wins with `//`: `a` from genAttrs replaces the literal `a`; a merge would join them.
    const whole = '{ a.configuration.x = 1; } // lib.genAttrs [ "a" ] (n: { configuration = { }; })';
    expect(entries(`{ lib, ... }: { specialisation = ${whole}; }`)).toEqual([['nix-entry-1', null, whole]]);
    // Names that cannot be known: all of it stays.
    expect(entries('{ lib, names, ... }: { specialisation = { a.configuration = { }; } // lib.genAttrs names (n: { }); }')).toEqual([
      ['nix-entry-1', null, '{ a.configuration = { }; } // lib.genAttrs names (n: { })'],
    ]);
  });

  it('keeps the `let` bindings an entry needs, and its condition', () => {
    expect(entries('{ config, lib, ... }: let ds = [ "a" ]; in { config = lib.mkIf config.x { specialisation = lib.genAttrs ds (d: { }); }; }')).toEqual([
      ['nix-entry-1', 'config.x', 'let\n  ds = [ "a" ];\nin lib.genAttrs ds (d: { })'],
    ]);
  });

  it('writes Nix entries beside the form\'s entries in lib.mkMerge, and reads them back the same (Edit Nix)', () => {
    const p = project(
      { ...defaultSpecialisation('a'), tags: ['a'] },
      { ...defaultSpecialisation('nix-entry-1'), nixEntry: 'lib.genAttrs [ "x" ] (n: {\n  configuration = { };\n})' },
      { ...defaultSpecialisation('nix-entry-2'), nixEntry: 'import ./more.nix # from a file', condition: 'config.y' },
    );
    const text = generate(p).text;
    expect(text).toBe(
      [
        '{ config, lib, ... }:',
        '{',
        '  specialisation = lib.mkMerge [',
        '    {',
        '      a.configuration = {',
        '        system.nixos.tags = [ "a" ];',
        '      };',
        '    }',
        '    (lib.genAttrs [ "x" ] (n: {',
        '      configuration = { };',
        '    }))',
        '    (lib.mkIf config.y (import ./more.nix # from a file',
        '    ))',
        '  ];',
        '}',
        '',
      ].join('\n'),
    );
    const again = ok(importNix(text, { previous: p, preferredRelease: p.nixosRelease }));
    expect(again.project.specialisations.map((s) => [s.name, s.condition, s.nixEntry])).toEqual(p.specialisations.map((s) => [s.name, s.condition, s.nixEntry]));
    // A label the user gave a Nix entry stays while its text does (Edit Nix).
    const renamed = { ...p, specialisations: p.specialisations.map((s) => (s.name === 'nix-entry-1' ? { ...s, name: 'compositors' } : s)) };
    expect(ok(importNix(text, { previous: renamed })).project.specialisations.map((s) => s.name)).toEqual(['a', 'compositors', 'nix-entry-2']);
  });

  it('the command line names the pattern and the line of each Nix entry and condition, in text and JSON', () => {
    const text = corpus('computed-names.nix');
    const r = runImport(['computed-names.nix'], () => text);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ {2}kept as Nix: specialisation \(line 22: a call of genAttrs joined with `\/\/`: kept whole as a Nix entry/m);
    expect(r.stderr).toMatch(/^ {2}kept as Nix: specialisation \(line 23: a call of mapAttrs joined with `\/\/`/m);
    const json = runImport(['computed-names.nix', '--report', 'json'], () => text);
    const report = JSON.parse(json.stderr) as { specialisations: { name: string; settings: { path: string; line: number; to: string; why?: string }[] }[] };
    expect(report.specialisations.map((s) => [s.name, s.settings.filter((x) => x.to === 'nix').map((x) => [x.path, x.line, x.why?.slice(0, 25)])])).toEqual([
      ['rescue', []],
      ['nix-entry-1', [['specialisation', 22, 'a call of genAttrs joined']]],
      ['nix-entry-2', [['specialisation', 23, 'a call of mapAttrs joined']]],
    ]);
    const conditional = formatReport(ok(importNix(corpus('conditional.nix'))).report).join('\n');
    expect(conditional).toMatch(/note: It exists only when `with lib; let cfg = config\.studio\.bootEntries; hasNvidia = .*` \(lib\.mkIf, line 17\)/);
  });
});

describe('import → generate means the same to real Nix, conditions true and false', () => {
  const INPUTS: { text: string; configs: string[] }[] = [
    { text: corpus('conditional.nix'), configs: CONFIGS('studio.bootEntries', ['enable', 'gaming']) },
    { text: corpus('computed-names.nix'), configs: ['{ }'] },
    {
      text: '{ config, lib, ... }:\nwith lib;\nlet cfg = config.studio.x; in\n{\n  config = mkIf cfg.enable {\n    specialisation = genAttrs [ "a" "b" ] (n: { configuration.system.nixos.tags = [ n ]; });\n  };\n}\n',
      configs: CONFIGS('studio.x', ['enable']),
    },
    {
      text: '{ config, lib, ... }: let n = "named"; in { specialisation = lib.mkIf config.studio.x.enable { ${n}.configuration.boot.kernelParams = [ "q" ]; plain = lib.mkIf (!config.studio.x.other) { inheritParentConfig = false; configuration.boot.kernelParams = [ "p" ]; }; }; }',
      configs: CONFIGS('studio.x', ['enable', 'other']),
    },
    {
      text: '{ lib, pkgs, ... }: { specialisation = { a.configuration.boot.kernelParams = [ "a" ]; } // lib.mapAttrs (n: k: { configuration.boot.kernelPackages = k; }) { lts = pkgs.linuxPackages; } // { b.configuration = { }; }; }',
      configs: ['{ }'],
    },
  ];

  it.skipIf(!hasNix)(
    'every entry, with each combination of the options its conditions read',
    () => {
      const outputs = INPUTS.map((i) => generate(ok(importNix(i.text)).project).text);
      expect(nixParseErrors(outputs)).toEqual(outputs.map(() => null));
      const cases = INPUTS.flatMap((input, i) => input.configs.map((config) => ({ input: input.text, output: outputs[i], config })));
      const evaluated = evalWithImports(cases.flatMap((c) => [{ text: c.input, entry: entriesEntry(c.config) }, { text: c.output, entry: entriesEntry(c.config) }]));
      const present = new Set<string>();
      cases.forEach((c, k) => {
        const [before, after] = [evaluated[2 * k], evaluated[2 * k + 1]];
        expect(after, `${c.config}\n${c.output}`).toEqual(before);
        Object.keys(before).forEach((n) => present.add(`${k}:${n}`));
      });
      // The conditions were tried both ways: some entries exist in one case and not in another.
      expect(cases.some((_, k) => Object.keys(evaluated[2 * k]).length === 0)).toBe(true);
      expect(evaluated[0]).toEqual({});
      expect(Object.keys(evaluated[2 * 3]).sort()).toEqual(['battery', 'gaming']);
    },
    NIX_TIMEOUT,
  );
  if (!hasNix) it.skip(NO_NIX, () => {});
});

/** Each combination of true and false for the options at `prefix` (and no NVIDIA driver): `{ studio.x = { enable = true; }; }` … */
function CONFIGS(prefix: string, names: string[]): string[] {
  const out: string[] = [];
  for (let bits = 0; bits < 1 << names.length; bits++) {
    const values = names.map((n, i) => `${n} = ${bits & (1 << i) ? 'true' : 'false'};`).join(' ');
    out.push(`{ ${prefix} = { ${values} }; services.xserver.videoDrivers = [ ]; }`);
  }
  return out;
}

describe('the boot menu and the default entry with Nix entries and conditions', () => {
  const grub = { bootloader: 'grub' as const, grubDevice: 'nodev' };
  const withBase = (p: Project): Project => ({ ...p, base: { ...defaultBase(), ...grub } });

  it('lists the form\'s entries only, and writes no GRUB default whose position it cannot know', () => {
    const p = withBase(project({ ...defaultSpecialisation('a') }, { ...defaultSpecialisation('nix-entry-1'), nixEntry: 'lib.genAttrs [ "b" ] (n: { })' }));
    expect(bootMenu(p).entries.map((e) => e.specialisation)).toEqual([null, 'a', null]);
    const chosen = { ...p, defaultEntry: 'a' };
    expect(generate(chosen).text).not.toContain('boot.loader.grub.default');
    expect(validate(chosen).filter((d) => d.path === 'defaultEntry').map((d) => d.severity)).toEqual(['warning']);
    expect(errors({ ...p, defaultEntry: 'nix-entry-1' }).map((d) => d.path)).toEqual(['defaultEntry']);
    // Edit Nix keeps the choice, which the text cannot say then.
    const conditional = withBase(project({ ...defaultSpecialisation('a'), condition: 'config.x' }, { ...defaultSpecialisation('b') }));
    const edited = ok(importNix(generate({ ...conditional, defaultEntry: 'b' }).text, { previous: conditional, base: conditional.base, defaultEntry: 'b' }));
    expect(edited.project.defaultEntry).toBe('b');
    // Without them, the default is written as before.
    const plain = withBase(project({ ...defaultSpecialisation('a') }, { ...defaultSpecialisation('b') }));
    expect(generate({ ...plain, defaultEntry: 'b' }).text).toContain('boot.loader.grub.default = 2;');
  });
});
