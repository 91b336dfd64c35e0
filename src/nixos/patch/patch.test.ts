import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProject } from '../../model/defaults';
import type { Project } from '../../model/types';
import { importNix } from '../import/import-nix';
import { changedOutsideEdits, FIXTURE_DIR, imported, LEAK_FILE, leakProject, PATCH_FIXTURES } from './cases';
import { patchConfiguration, modulePath, type PatchSuccess } from './patch';

const read = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

function patched(text: string, project: Project = imported(text), options = {}): PatchSuccess {
  const r = patchConfiguration(text, project, options);
  if (!r.ok) throw new Error(`${r.problem.line}:${r.problem.column}: ${r.problem.message}`);
  return r;
}

const expectOnlyEditsChanged = (original: string, result: PatchSuccess) => expect(changedOutsideEdits(original, result)).toBeNull();

describe('patching configuration files (golden files)', () => {
  for (const file of PATCH_FIXTURES)
    it(`${file}: only the intended lines change`, () => {
      const text = read(file);
      const r = patched(text);
      expect(r.text).toBe(read(file.replace(/\.nix$/, '.patched.nix')));
      expectOnlyEditsChanged(text, r);
      // Line ends, tabs and the last line stay as the file has them.
      if (text.includes('\r\n')) expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(r.text.endsWith('\n')).toBe(text.endsWith('\n'));
      if (!/^ /m.test(text)) expect(r.text).not.toMatch(/^ /m);
      // Patching again changes nothing: the module is imported, the specialisations are gone.
      const again = patched(r.text, imported(text));
      expect(again.text).toBe(r.text);
      expect(again.edits).toEqual([]);
    });

  it('says what it did', () => {
    const r = patched(read('generated-config.nix'));
    expect(r.notes).toEqual([
      'Removed the definitions of chani, paul: the module defines the specialisations now.',
      'Added ./specialisations.nix to imports.',
    ]);
  });

  it('names specialisations the file has and the project no longer has', () => {
    const text = read('generated-config.nix');
    const project = imported(text);
    project.specialisations = project.specialisations.filter((s) => s.name !== 'paul');
    expect(patched(text, project).notes).toContain('paul is in the file but not in the project: the patched file no longer has it.');
  });

  it('writes the module file name the user chose, as a Nix path', () => {
    expect(modulePath('specialisations.nix')).toBe('./specialisations.nix');
    expect(modulePath('./nixos/boot-entries.nix')).toBe('./nixos/boot-entries.nix');
    expect(modulePath('../shared/specs.nix')).toBe('../shared/specs.nix');
    expect(modulePath('my specs.nix')).toBeNull();
    expect(modulePath('a";x.nix')).toBeNull();
    const r = patched(read('one-line.nix'), undefined, { moduleFile: 'entries.nix' });
    expect(r.text).toBe('{ ... }: { imports = [ ./entries.nix ]; networking.hostName = "tiny"; }\n');
    const bad = patchConfiguration(read('one-line.nix'), imported(read('one-line.nix')), { moduleFile: 'my specs.nix' });
    expect(bad.ok).toBe(false);
  });

  // What the import reads as a Nix entry (a computed name, a value it cannot see into) is in the
  // module, so it leaves the file; what it reports as lost stays, with a note.
  it('a specialisation the import keeps as Nix leaves the file; one it could not read stays, and is named', () => {
    const dyn = `{ config, lib, ... }:\nlet n = "dyn"; in\n{\n  specialisation.\${n}.configuration = { };\n  specialisation.ok.configuration.services.foo.enable = true;\n}\n`;
    const inSet = `{ lib, ... }:\n{\n  imports = [ ./a.nix ];\n  specialisation = {\n    # x\n    x = import ./x.nix;\n    y.configuration.services.foo.enable = true;\n  };\n}\n`;
    for (const [text, stays] of [
      [dyn, `{ config, lib, ... }:\nlet n = "dyn"; in\n{\n  imports = [ ./specialisations.nix ];\n\n  specialisation.\${n}.configuration = { };\n}\n`],
      [inSet, `{ lib, ... }:\n{\n  imports = [ ./a.nix ./specialisations.nix ];\n  specialisation = {\n    # x\n    x = import ./x.nix;\n  };\n}\n`],
    ]) {
      const report = importNix(text);
      const lost = report.ok && report.report.lost.length > 0;
      const r = patched(text);
      expect(r.text).toBe(lost ? stays : text.startsWith('{ config') ? `{ config, lib, ... }:\nlet n = "dyn"; in\n{\n  imports = [ ./specialisations.nix ];\n}\n` : `{ lib, ... }:\n{\n  imports = [ ./a.nix ./specialisations.nix ];\n}\n`);
      if (lost) expect(r.notes.join(' ')).toMatch(/Line \d+ stays/);
    }
  });
});

describe('what the patch refuses, with the line and column', () => {
  const refuse = (text: string, project: Project = defaultProject()) => {
    const r = patchConfiguration(text, project);
    expect(r.ok).toBe(false);
    return r.ok ? null : r.problem;
  };
  it('imports that are computed', () => {
    expect(refuse('{ lib, ... }:\nlet hw = [ ./hw.nix ];\nin {\n  imports = hw;\n}\n')).toEqual({
      line: 4,
      column: 13,
      message: 'imports is not a list written here (it is computed), so ./specialisations.nix cannot be added to it safely: add it by hand',
    });
    expect(refuse('{ lib, ... }:\n{\n  imports = lib.optional true ./a.nix;\n}\n')?.line).toBe(3);
  });
  it('a specialisation set that is an expression', () => {
    const text = '{ lib, ... }:\nlet specs = { a.configuration = { }; };\nin {\n  specialisation = specs;\n}\n';
    expect(refuse(text, imported(text))).toMatchObject({ line: 4, column: 20 });
  });
  it('text that is not Nix, a snippet, a value that is not a module', () => {
    expect(refuse('{ config, ... }: {\n  a = ;\n}\n')).toMatchObject({ line: 2, column: 7 });
    expect(refuse('specialisation.a.configuration = { };')?.message).toMatch(/snippet/);
    expect(refuse('[ 1 2 ]')?.message).toMatch(/not a NixOS module/);
    expect(refuse('')?.message).toMatch(/empty/);
  });
  it('a flake with several hosts and no specialisation to tell which', () => {
    const text = `{\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ./a.nix ]; };\n    nixosConfigurations.b = nixpkgs.lib.nixosSystem { modules = [ ./b.nix ]; };\n  };\n}\n`;
    expect(refuse(text)).toMatchObject({ line: 4, column: 53 });
  });
});

describe('parent settings that leak into every specialisation', () => {
  it('lists them, and offers to set them for the parent only when every specialisation replaces them', () => {
    const r = patched(LEAK_FILE, leakProject());
    expect(r.leaks.map((l) => [l.option, l.specialisations, l.gate.ok])).toEqual([
      ['services.xserver.desktopManager.gnome.enable', ['chani', 'paul'], true],
      ['services.xserver.displayManager.gdm.enable', ['chani', 'paul'], true],
      ['services.displayManager.autoLogin.user', ['chani', 'paul'], true],
    ]);
    const one = leakProject();
    one.specialisations[1].desktop = { environment: 'none', displayManager: 'auto', autoLogin: null };
    const leaks = patched(LEAK_FILE, one).leaks;
    expect(leaks[0].gate).toEqual({ ok: false, why: "paul keeps the parent's setting: set for the parent only, it would lose it too" });
  });

  it('gates the chosen ones with lib.mkIf (config.specialisation != { }), adding config and lib to the arguments', () => {
    const r = patched(LEAK_FILE, leakProject(), {
      parentOnly: new Set(['services.xserver.desktopManager.gnome.enable', 'services.xserver.displayManager.gdm.enable']),
    });
    expect(r.text).toBe(`{ config, lib, pkgs, ... }:
{
  imports = [ ./specialisations.nix ];

  services.xserver.enable = true;
  services.xserver.desktopManager.gnome.enable = lib.mkIf (config.specialisation != { }) true;
  services.xserver.displayManager = {
    gdm.enable = lib.mkIf (config.specialisation != { }) true;
    autoLogin.enable = true;
  };
  services.displayManager.autoLogin.user = "alice";
}
`);
    expectOnlyEditsChanged(LEAK_FILE, r);
  });

  it('refuses a setting the file does not set, or sets in two places', () => {
    const project = leakProject();
    const text = LEAK_FILE.replace('  services.displayManager.autoLogin.user = "alice";\n', '');
    const leak = patched(text, project).leaks.find((l) => l.option.endsWith('autoLogin.user'))!;
    expect(leak.gate).toEqual({ ok: false, why: 'the file does not set services.displayManager.autoLogin.user as a plain definition (it may be set in another file)' });
    const r = patchConfiguration(text, project, { parentOnly: new Set([leak.option]) });
    expect(r.ok).toBe(false);
  });

  it("finds the parent's definition under the name another release gives the option", () => {
    const text = `{ config, lib, pkgs, ... }:\n{\n  services.xserver.desktopManager.gnome.enable = true;\n  services.xserver.displayManager.gdm.enable = true;\n}\n`;
    const project = { ...leakProject(), nixosRelease: '26.05' as const };
    const r = patched(text, project, { parentOnly: new Set(['services.desktopManager.gnome.enable', 'services.displayManager.gdm.enable']) });
    expect(r.leaks.map((l) => [l.option, l.gate.ok])).toEqual([
      ['services.desktopManager.gnome.enable', true],
      ['services.displayManager.gdm.enable', true],
      ['services.displayManager.autoLogin.user', false],
    ]);
    expect(r.text).toContain('  services.xserver.desktopManager.gnome.enable = lib.mkIf (config.specialisation != { }) true;\n');
    expect(r.text).toContain('  services.xserver.displayManager.gdm.enable = lib.mkIf (config.specialisation != { }) true;\n');
  });

  it('arguments written one a line get one a line', () => {
    const text = LEAK_FILE.replace('{ pkgs, ... }:', '{\n  pkgs,\n  ...\n}:');
    const r = patched(text, leakProject(), { parentOnly: new Set(['services.displayManager.autoLogin.user']) });
    expect(r.text.startsWith('{\n  config,\n  lib,\n  pkgs,\n  ...\n}:\n')).toBe(true);
    expect(r.text).toContain('services.displayManager.autoLogin.user = lib.mkIf (config.specialisation != { }) "alice";');
  });
});
