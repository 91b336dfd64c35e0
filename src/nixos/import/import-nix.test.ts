import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../../model/defaults';
import type { Project } from '../../model/types';
import { hasNix, NIX_TIMEOUT, nixEvalJson, nixParseErrors, tempFile } from '../../test/nix';
import { generate } from '../generate';
import { formatError, importNix, type ImportResult, type ImportSuccess } from './import-nix';
import { formatReport } from './report';

const ok = (r: ImportResult): ImportSuccess => {
  if (!r.ok) throw new Error(`expected an import, got ${formatError(r.error)}`);
  return r;
};
const imp = (text: string, options = {}) => ok(importNix(text, options));
const only = (text: string) => {
  const r = imp(text);
  expect(r.project.specialisations).toHaveLength(1);
  return r.project.specialisations[0];
};
const fixture = (name: string) => readFileSync(join(__dirname, '../__fixtures__/import', name), 'utf8');

describe('every spelling of a specialisation', () => {
  const tags = (text: string) => imp(text).project.specialisations.map((s) => [s.name, s.tags, s.inheritParentConfig]);

  it('reads dotted paths, nested sets, both mixed, and the inheritParentConfig form', () => {
    expect(tags('specialisation.a.configuration = { system.nixos.tags = [ "a" ]; };')).toEqual([['a', ['a'], true]]);
    expect(tags('specialisation = { a.configuration = { system.nixos.tags = [ "a" ]; }; };')).toEqual([['a', ['a'], true]]);
    expect(tags('specialisation = { a = { configuration.system.nixos.tags = [ "a" ]; }; };')).toEqual([['a', ['a'], true]]);
    expect(tags('specialisation.a.configuration.system.nixos.tags = [ "a" ];')).toEqual([['a', ['a'], true]]);
    expect(tags('specialisation.a = { inheritParentConfig = false; configuration = { system.nixos.tags = [ "a" ]; }; };')).toEqual([['a', ['a'], false]]);
    expect(tags('specialisation.a.inheritParentConfig = false;\nspecialisation.a.configuration.system.nixos = { tags = [ "a" ]; };')).toEqual([
      ['a', ['a'], false],
    ]);
  });

  it('reads quoted names, modules with config, configuration functions and let', () => {
    expect(tags('{ specialisation."my-spec".configuration = { system.nixos.tags = [ "x" ]; }; }')).toEqual([['my-spec', ['x'], true]]);
    expect(tags('{ config, ... }: { config.specialisation.a.configuration = { }; }')).toEqual([['a', [], true]]);
    expect(tags('{ config = { specialisation.a.configuration = { }; }; options = { }; }')).toEqual([['a', [], true]]);
    expect(tags('{ pkgs, ... }: { specialisation.a.configuration = { config, pkgs, ... }: { system.nixos.tags = [ "f" ]; }; }')).toEqual([['a', ['f'], true]]);
    expect(tags('{ specialisation.a.configuration = let t = "l"; in { system.nixos.tags = [ "x" ]; }; }')).toEqual([['a', ['x'], true]]);
    expect(tags('let s = { system.nixos.tags = [ "w" ]; }; in { specialisation.a.configuration = s; }')).toEqual([['a', [], true]]);
  });

  it('reads a module wrapped in lib.mkIf / mkMerge, and says so', () => {
    const r = imp('{ lib, ... }: { config = lib.mkMerge [ { specialisation.a.configuration = { }; } (lib.mkIf true { specialisation.b.configuration = { }; }) ]; }');
    expect(r.project.specialisations.map((s) => s.name)).toEqual(['a', 'b']);
    expect(r.report.notes.join('\n')).toMatch(/wrapped in mkMerge/);
  });

  it('reads packages however they are written', () => {
    const pkgs = (list: string) => only(`{ pkgs, ... }: { specialisation.a.configuration.environment.systemPackages = ${list}; }`).packages;
    expect(pkgs('with pkgs; [ git vim ]')).toEqual(['git', 'vim']);
    expect(pkgs('[ pkgs.git pkgs.python3Packages.numpy ]')).toEqual(['git', 'python3Packages.numpy']);
    expect(pkgs('with pkgs; [ git pkgs.vim (python3Packages.numpy) ]')).toEqual(['git', 'vim', 'python3Packages.numpy']);
    expect(only('{ pkgs, ... }: with pkgs; { specialisation.a.configuration.environment.systemPackages = [ git ]; }').packages).toEqual(['git']);
    // Not packages: a lexical name wins over `with`, a call, a concatenation.
    expect(pkgs('with pkgs; [ lib ]')).toEqual(['lib']);
    expect(only('{ pkgs, lib, ... }: { specialisation.a.configuration.environment.systemPackages = with pkgs; [ lib ]; }').packages).toEqual([]);
    expect(pkgs('with pkgs; [ (callPackage ./x.nix { }) ]')).toEqual([]);
    expect(pkgs('[ pkgs.git ] ++ [ pkgs.vim ]')).toEqual([]);
  });

  it('maps bashInteractive to bash, and reads pkgs.bash as a setting row (the form would write bashInteractive)', () => {
    expect(only('specialisation.a.configuration.users.users.u = { isNormalUser = true; shell = pkgs.bashInteractive; };').users[0].shell).toBe('bash');
    const s = only('specialisation.a.configuration.users.users.u = { isNormalUser = true; shell = pkgs.bash; };');
    expect(s.users[0].shell).toBeNull();
    expect(s.extraConfig).toBe('');
    expect(s.settings).toEqual([{ path: ['users', 'users', 'u', 'shell'], type: 'nix', value: 'pkgs.bash', items: [], priority: 'normal', overridePriority: null, condition: null }]);
  });

  it('keeps users the form cannot create (no isNormalUser: a change to a parent user) as setting rows', () => {
    const s = only('specialisation.a.configuration.users.users.me.extraGroups = [ "video" ];');
    expect(s.users).toEqual([]);
    expect(s.extraConfig).toBe('');
    expect(s.settings.map((r) => [r.path.join('.'), r.type, r.items])).toEqual([['users.users.me.extraGroups', 'strings', ['video']]]);
    const system = only('specialisation.a.configuration.users.users.svc = { isSystemUser = true; group = "svc"; uid = 500; };');
    expect(system.users[0]).toMatchObject({ name: 'svc', isNormalUser: false, uid: 500 });
  });
});

describe('the target release', () => {
  it('picks one in which every option path exists as written, and says why', () => {
    const r = imp(fixture('seed-blog-closed.nix'));
    expect(r.project.nixosRelease).toBe('23.11');
    expect(r.report.releaseReason).toMatch(/services\.xserver\.displayManager\.autoLogin \(22\.05–23\.11\)/);
    expect(r.report.releaseReason).toMatch(/services\.xserver\.desktopManager\.plasma5 \(22\.05–25\.05\)/);
    expect(imp('specialisation.a.configuration.services.desktopManager.plasma6.enable = true;').project.nixosRelease).toBe('26.05');
    expect(imp('specialisation.a.configuration.hardware.opengl.enable = true;').project.nixosRelease).toBe('24.05');
    expect(imp('specialisation.a.configuration.programs.hyprland.enable = true;', { preferredRelease: '22.05' }).project.nixosRelease).toBe('26.05');
  });

  it('keeps the preferred release when the input allows it, and a fixed one always', () => {
    const text = 'specialisation.a.configuration.services.xserver.desktopManager.xfce.enable = true;';
    expect(imp(text).project.nixosRelease).toBe('26.05');
    expect(imp(text, { preferredRelease: '22.11' }).project.nixosRelease).toBe('22.11');
    const fixed = imp(fixture('seed-blog-closed.nix'), { release: '26.05' });
    expect(fixed.project.nixosRelease).toBe('26.05');
    expect(fixed.report.releaseReason).toMatch(/^It was asked for; these option paths of the input are written for other releases: services\.xserver\.desktopManager\.plasma5 \(22\.05–25\.05\)/);
  });

  it('prefers the release whose output adds nothing (zsh needs programs.zsh.enable only from 23.05)', () => {
    const p: Project = {
      ...defaultProject('22.05'),
      specialisations: [{ ...defaultSpecialisation('a'), users: [{ ...defaultSpecialisation('').users[0], name: 'u', uid: 1000, isNormalUser: true, description: null, extraGroups: [], shell: 'zsh', hashedPassword: null, authorizedKeys: [] }] }],
    };
    const r = imp(generate(p).text);
    expect(r.project.nixosRelease).toBe('22.11');
    expect(generate(r.project).text).toBe(generate(p).text);
  });

  it('keeps a removed kernel and a new driver in releases that have them', () => {
    expect(imp('{ pkgs, ... }: { specialisation.a.configuration.boot.kernelPackages = pkgs.linuxPackages_4_19; }').project.nixosRelease).toBe('24.05');
    const legacy = imp('{ specialisation.a.configuration = { config, ... }: { services.xserver.videoDrivers = [ "nvidia" ]; hardware.nvidia.package = config.boot.kernelPackages.nvidiaPackages.legacy_580; }; }');
    expect(legacy.project.nixosRelease).toBe('26.05');
  });
});

describe('what stays Nix', () => {
  it('keeps settings without a literal value verbatim, with their comments, in source order', () => {
    const s = only(`{ pkgs, ... }: let on = true; in { specialisation.a.configuration = {
  # Steam needs this
  programs.steam.enable = on;
  system.nixos.tags = [ "a" ];
  environment.etc."x.conf".text = ''
    line one
      two
  ''; # trailing
  imports = [ ./gaming.nix ];
  environment.systemPackages = with pkgs; [ (hello.override { }) ];
}; }`);
    expect(s.tags).toEqual(['a']);
    // The string with a comment on its line stays Nix with it: a row has no place for a comment.
    expect(s.extraConfig).toBe(`# Steam needs this
programs.steam.enable = let
  on = true;
in on;
environment.etc."x.conf".text = ''
    line one
      two
  ''; # trailing
environment.systemPackages = with pkgs; [ (hello.override { }) ];`);
    expect(s.settings).toEqual([]);
    expect(s.imports).toEqual(['./gaming.nix']);
  });

  it('splits a nested set: known settings go to the form, the rest keeps its path', () => {
    const s = only(`specialisation.a.configuration.services.xserver = {
  enable = true;
  desktopManager.xfce.enable = true;
  libinput.enable = true;
};`);
    expect(s.desktop.environment).toBe('xfce');
    expect(s.extraConfig).toBe('');
    expect(s.settings.map((r) => `${r.path.join('.')} = ${r.value}`)).toEqual(['services.xserver.libinput.enable = true']);
  });

  it('reads lib.mkForce / lib.mkDefault definitions as rows with their priority when the field cannot have it', () => {
    const r = imp('{ lib, ... }: { specialisation.a.configuration = { services.xserver.enable = lib.mkForce true; services.xserver.desktopManager.xfce.enable = true; services.printing.enable = lib.mkDefault true; }; }');
    const [s] = r.project.specialisations;
    expect(s.desktop.environment).toBe('none');
    expect(s.extraConfig).toBe('');
    expect(s.settings.map((r) => [r.path.join('.'), r.value, r.priority])).toEqual([
      ['services.xserver.enable', 'true', 'force'],
      ['services.xserver.desktopManager.xfce.enable', 'true', 'normal'],
      ['services.printing.enable', 'true', 'default'],
    ]);
    expect(r.report.specialisations[0].notes.join('\n')).toMatch(/The desktop stays Nix: services\.xserver\.enable is written with mkForce/);
  });

  it('carries the let bindings and withs kept Nix depends on', () => {
    const s = only(`{ lib, pkgs, ... }:
with lib;
let
  port = 8080;
  url = "http://localhost:\${toString port}";
  unused = 1;
in
{
  specialisation.a.configuration.services.foo = { enable = mkForce true; url = url; };
}`);
    expect(s.extraConfig).toBe(`services.foo.url = let
  port = 8080;
  url = "http://localhost:\${toString port}";
in url;`);
    expect(s.settings.map((r) => [r.path.join('.'), r.value, r.priority])).toEqual([['services.foo.enable', 'true', 'force']]);
  });

  it('names a module argument used under `with` outside it, so it stays an argument', () => {
    const s = only('{ inputs, pkgs, ... }: { specialisation.a.configuration.environment.systemPackages = with pkgs; [ inputs.foo ]; }');
    expect(s.extraConfig).toBe('environment.systemPackages = let\n  inherit inputs;\nin with pkgs; [ inputs.foo ];');
    expect(generate({ ...defaultProject(), specialisations: [s] }).text.startsWith('{ pkgs, inputs, ... }:\n')).toBe(true);
  });

  it('never lists a package used under `with pkgs;` as a module argument', () => {
    const s = only('{ pkgs, ... }: { specialisation.a.configuration.environment.systemPackages = with pkgs; [ steam ] ++ [ git ]; }');
    const text = generate({ ...defaultProject(), specialisations: [s] }).text;
    expect(text.startsWith('{ pkgs, ... }:\n')).toBe(true);
  });

  it('keeps `config` meaning the specialisation\'s own config in a function-form configuration', () => {
    const s = only('{ specialisation.a.configuration = { config, ... }: { networking.hostName = "${config.networking.domain}-a"; }; }');
    expect(s.settings.map((r) => [r.type, r.value])).toEqual([['nix', '"${config.networking.domain}-a"']]);
    expect(generate({ ...defaultProject(), specialisations: [s] }).text).toContain('    { config, ... }:\n');
  });

  it('notes that `config` of the parent becomes the specialisation\'s own', () => {
    const r = imp('{ config, ... }: { specialisation.a.configuration.networking.hostName = "${config.networking.hostName}-a"; }');
    expect(r.report.specialisations[0].notes.join('\n')).toMatch(/read `config` of the parent system/);
  });

  it('keeps a configuration function it cannot reproduce whole, as an import', () => {
    const s = only('{ specialisation.a.configuration = args@{ config, ... }: { networking.hostName = args.config.x; system.nixos.tags = [ "t" ]; }; }');
    expect(s.tags).toEqual([]);
    expect(s.extraConfig).toBe('imports = [\n  (args@{ config, ... }: { networking.hostName = args.config.x; system.nixos.tags = [ "t" ]; })\n];');
    expect(only('{ specialisation.a.configuration = import ./a.nix; }').extraConfig).toBe('imports = [\n  (import ./a.nix)\n];');
  });

  it.skipIf(!hasNix)('generates Nix that real Nix parses for every fixture', () => {
    const files = ['seed-blog-closed.nix', 'egpu-dotted.nix', 'function-form.nix', 'work-separate.nix', 'mixed-nesting.nix', 'flake.nix'];
    const errors = nixParseErrors(files.map((f) => generate(imp(fixture(f)).project).text));
    files.forEach((f, i) => expect(errors[i], f).toBeNull());
  }, NIX_TIMEOUT);
});

describe('the parent system and the default entry (Edit Nix passes them in)', () => {
  it('reads back the mkForce overrides the generator writes against the parent, and GRUB\'s default entry', () => {
    const base = { ...defaultBase(), bootloader: 'grub' as const, desktop: { environment: 'gnome' as const, displayManager: 'auto' as const, autoLogin: null } };
    const p: Project = {
      ...defaultProject('26.05'),
      base,
      defaultEntry: 'b',
      specialisations: [
        { ...defaultSpecialisation('a'), desktop: { environment: 'plasma6', displayManager: 'auto', autoLogin: null }, rememberAcrossRebuilds: true },
        { ...defaultSpecialisation('b'), tags: ['b'] },
      ],
    };
    const text = generate(p).text;
    expect(text).toContain('lib.mkForce false');
    const r = imp(text, { release: '26.05', base, defaultEntry: null });
    expect(r.project).toEqual(p);
    expect(r.report.leftOut).toEqual([]);
  });
});

describe('reports', () => {
  it('says what was read, kept, added and left out', () => {
    const text = formatReport(imp(fixture('egpu-dotted.nix')).report).join('\n');
    expect(text).toMatch(/^Release: NixOS 26\.05\. /);
    expect(text).toMatch(/read into the form: tags egpu; GPU NVIDIA PRIME offload, external; Thunderbolt; blacklisted modules nouveau/);
    expect(text).toMatch(/kept as Nix: hardware\.nvidia\.powerManagement\.enable \(line 33: it has a comment, which a setting row has no place for/);
    expect(text).toMatch(/Left out: the top-level configuration outside `specialisation` \(imports, boot\.loader\.systemd-boot\.enable/);
  });

  it('says when there are no specialisations', () => {
    const r = imp('{ config, ... }: { networking.hostName = "x"; }');
    expect(r.project.specialisations).toEqual([]);
    expect(formatReport(r.report).join('\n')).toMatch(/No specialisations found: the project has an empty list\./);
  });
});

describe('text that is not (complete) Nix', () => {
  it('gives the blog snippet as published a line:column message and imports what can be recovered', () => {
    const r = importNix(fixture('seed-blog-as-published.nix'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatError(r.error)).toBe("24:1: unexpected end of input: a '[' opened at 23:45 is not closed");
    expect(r.recovery?.inserted).toEqual([
      '}; before line 9',
      '}; before line 13',
      '}; before line 13',
      '}; before line 20',
      '}; before line 23',
      ']; at the end',
      '}; at the end',
      '}; at the end',
    ]);
    const recovered = r.recovery!.result.project;
    expect(recovered.specialisations.map((s) => [s.name, s.desktop.environment, s.desktop.autoLogin, s.users[0].uid])).toEqual([
      ['chani', 'plasma5', 'chani', 1001],
      ['paul', 'gnome', 'paul', 1002],
    ]);
    expect(r.recovery!.result.report.recovered).toMatch(/closed what it left open/);
  });

  const broken: [string, string, RegExp][] = [
    ['truncated', '{ pkgs, ... }: { specialisation.a.configuration = { users.users.x = { uid = 10', /^1:\d+: unexpected end of input/],
    ['unbalanced', 'specialisation.a.configuration = { };\n}', /^2:1: unexpected '}'/],
    ['a stray closer inside', '{ specialisation.a.configuration = { x = 1; ]; }; }', /^1:\d+: /],
    ['binary', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /^3:\d+: this is not text/],
    ['JSON', '{ "version": 1, "specialisations": [] }', /^1:1: this is a Specialisation Studio project file \(JSON\), not Nix/],
    ['other JSON', '{ "a": [1, 2] }', /^1:1: this is JSON, not Nix/],
    ['an unterminated string', 'specialisation.a.configuration.networking.hostName = "x;', /^1:\d+: unterminated string/],
    ['a lone let', 'let x = 1;', /^1:\d+: /],
  ];
  for (const [what, text, message] of broken)
    it(`gives ${what} input a message, never an exception`, () => {
      const r = importNix(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatError(r.error)).toMatch(message);
    });

  it('imports empty text as an empty project with a note', () => {
    for (const text of ['', '   \n', '# only a comment\n']) {
      const r = imp(text);
      expect(r.project.specialisations).toEqual([]);
    }
    expect(imp('').report.notes).toContain('The text is empty: there was nothing to import.');
  });

  it('gives huge and deeply nested input a limit message instead of working on it', () => {
    const huge = importNix('x'.repeat(3_000_000));
    expect(!huge.ok && huge.error.message).toMatch(/too long to import \(3,000,000 characters; the limit is 2,000,000\)/);
    const deep = importNix(`specialisation.a.configuration.x = ${'['.repeat(5000)}${']'.repeat(5000)};`);
    expect(!deep.ok && deep.error.message).toMatch(/nested too deeply/);
    expect(!deep.ok && deep.recovery).toBeNull();
  });

  it('never throws on arbitrary text', () => {
    const samples = ['{', '}', '{{{', ']]', '"', "''", '${', 'a.b.c', '= ;', ':', '@', 'x: x', 'with', 'rec {', 'inherit', '/*', '\r\n\r\n'];
    for (const a of samples) for (const b of samples) expect(() => importNix(a + b)).not.toThrow();
  });
});

describe('Edit Nix keeps text it did not change byte for byte', () => {
  const text = "{ pkgs, ... }:\r\n{\r\n  specialisation.office.configuration = {\r\n    users.users.sam = { isNormalUser = true; uid = 1001; };\r\n    environment.etc.banner.text = with pkgs; ''\r\n      hello\r\n      ${hello.name}\r\n    '';\r\n  };\r\n}\r\n";

  it('an edit elsewhere leaves a CRLF indented string as it was, and the editor never sees a CR', () => {
    const first = importNix(text, { release: '25.11' });
    if (!first.ok) throw new Error(first.error.message);
    const kept = first.project.specialisations[0].extraConfig;
    expect(kept).toContain("''\r\n      hello\r\n");
    const shown = generate(first.project).text;
    // What Monaco holds: it makes every line end alike, so a CR in the module would be lost there.
    expect(shown).not.toContain('\r');
    const edited = shown.replace('uid = 1001;', 'uid = 1002;');
    const again = importNix(edited, { release: '25.11', previous: first.project });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.project.specialisations[0].users[0].uid).toBe(1002);
    expect(again.project.specialisations[0].extraConfig).toBe(kept);
  });

  it.skipIf(!hasNix)('and what the module means stays what the CRLF file meant', () => {
    const first = importNix(text, { release: '25.11' });
    if (!first.ok) throw new Error(first.error.message);
    const evaluated = (t: string) =>
      nixEvalJson(`(import ${tempFile(`crlf-${t.length}.nix`, t)} { pkgs.hello.name = "world"; }).specialisation.office.configuration.environment.etc.banner.text`);
    // A CR is text to Nix, so no indentation is taken off: every CR and space is in the value.
    expect(evaluated(text)).toBe('\r\n      hello\r\n      world\r\n');
    expect(evaluated(generate(first.project).text)).toBe(evaluated(text));
  }, NIX_TIMEOUT);
});

describe('comments are never lost to a setting row', () => {
  it('a definition with a comment above it or on its line stays Nix with the comment; one without becomes a row', () => {
    const text = `{ ... }:
{
  specialisation.battery.configuration = {
    # Saves about an hour on this laptop.
    services.tlp.enable = true;
    powerManagement.cpuFreqGovernor = "powersave"; # quiet fans
    services.thermald.enable = true;
  };
}
`;
    const r = importNix(text, { release: '25.11' });
    if (!r.ok) throw new Error(r.error.message);
    const [s] = r.project.specialisations;
    expect(s.settings.map((row) => row.path.join('.'))).toEqual(['services.thermald.enable']);
    expect(s.extraConfig).toContain('# Saves about an hour on this laptop.\nservices.tlp.enable = true;');
    expect(s.extraConfig).toContain('powerManagement.cpuFreqGovernor = "powersave"; # quiet fans');
  });
});
