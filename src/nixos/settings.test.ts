import { describe, expect, it } from 'vitest';
import { defaultBase, defaultPriorities, defaultProject, defaultSetting, defaultSpecialisation } from '../model/defaults';
import type { Project, Setting } from '../model/types';
import { hasNix, NO_NIX, nixEvalJson, nixParseError, tempFile } from '../test/nix';
import { generate } from './generate';
import { validate } from './validate';

const row = (path: string[], more: Partial<Setting> = {}): Setting => ({ ...defaultSetting(path), ...more });
const project = (settings: Setting[], extra: Partial<Project['specialisations'][0]> = {}): Project => ({
  ...defaultProject('25.11'),
  specialisations: [{ ...defaultSpecialisation('battery'), settings, ...extra }],
});
const errors = (p: Project) => validate(p).filter((d) => d.severity === 'error');

describe('settings: any NixOS option as a typed row', () => {
  it('writes each type, priority and condition as Nix, quoting names that need it', () => {
    const { text } = generate(
      project([
        row(['services', 'tlp', 'enable'], { value: 'false', priority: 'force' }),
        row(['fileSystems', '/', 'device'], { type: 'string', value: '/dev/disk/by-label/nixos' }),
        row(['systemd', 'services', 'getty@tty1', 'enable'], { value: 'false', priority: 'default' }),
        row(['boot', 'kernel', 'sysctl', 'vm.swappiness'], { type: 'int', value: '-10', priority: 'override', overridePriority: 60 }),
        row(['imports'], { type: 'nix', value: '[ ./gaming.nix ]' }),
        row(['services', 'xserver', 'xkb', 'options'], { type: 'string', value: 'caps:escape', condition: 'config.services.xserver.enable' }),
      ]),
    );
    expect(text).toContain('services.tlp.enable = lib.mkForce false;');
    expect(text).toContain('fileSystems."/".device = "/dev/disk/by-label/nixos";');
    expect(text).toContain('systemd.services."getty@tty1".enable = lib.mkDefault false;');
    expect(text).toContain('boot.kernel.sysctl."vm.swappiness" = lib.mkOverride 60 (-10);');
    expect(text).toContain('imports = [ ./gaming.nix ];');
    expect(text).toMatch(/services\.xserver\.xkb\.options =\s+lib\.mkIf config\.services\.xserver\.enable "caps:escape";/);
    // The condition reads this entry's own config: the configuration becomes a function of it.
    expect(text).toContain('{ config, ... }:');
  });

  it('refuses, at the row, values that are not of their type and paths set twice', () => {
    const p = project([
      row(['a', 'b'], { value: 'yes' }),
      row(['c'], { type: 'int', value: '1.5' }),
      row(['d'], { type: 'int', value: '9223372036854775808' }),
      row(['e'], { type: 'path', value: 'gaming.nix' }),
      row(['f'], { type: 'nix', value: '{ x = ; }' }),
      row(['g'], { priority: 'override', overridePriority: null }),
      row(['h'], { condition: 'if' }),
      row(['a', 'b', 'c']),
      row([]),
      row(['i', ''], {}),
      row(['j'], { type: 'packages', items: ['fire fox'] }),
    ]);
    const byPath = Object.fromEntries(errors(p).map((d) => [d.path, d.message]));
    const at = (j: number, field: string) => byPath[`specialisations[0].settings[${j}].${field}`];
    expect(at(0, 'value')).toMatch(/true or false/);
    expect(at(1, 'value')).toMatch(/not a whole number/);
    expect(at(2, 'value')).toMatch(/64 bits/);
    expect(at(3, 'value')).toMatch(/not a path/);
    expect(at(4, 'value')).toMatch(/not a Nix expression: line 1, column/);
    expect(at(5, 'overridePriority')).toMatch(/needs a priority/);
    expect(at(6, 'condition')).toMatch(/not a Nix expression/);
    expect(at(7, 'path')).toMatch(/also set by setting 1/);
    expect(at(8, 'path')).toMatch(/needs an option path/);
    expect(at(9, 'path')).toMatch(/empty name/);
    expect(byPath['specialisations[0].settings[10].items[0]']).toMatch(/not an attribute path/);
  });

  it('refuses a row that sets what a form field or the extra Nix sets', () => {
    const form = project([row(['services', 'xserver', 'enable'])], { desktop: { environment: 'xfce', displayManager: 'auto', autoLogin: null } });
    expect(errors(form).map((d) => d.path)).toContain('specialisations[0].settings[0].path');
    const extra = project([row(['services', 'tlp', 'enable'])], { extraConfig: 'services.tlp.enable = false;' });
    expect(errors(extra).map((d) => d.message).join('\n')).toMatch(/services\.tlp\.enable is also set by the form/);
  });

  it.skipIf(!hasNix)('real Nix reads each row with its priority and condition, paths and quoted names included', () => {
    const p = project([
      row(['services', 'tlp', 'enable'], { value: 'false', priority: 'force' }),
      row(['fileSystems', '/', 'device'], { type: 'string', value: '/dev/disk/by-label/nixos' }),
      row(['boot', 'kernel', 'sysctl', 'vm.swappiness'], { type: 'int', value: '-10', priority: 'override', overridePriority: 60 }),
      row(['boot', 'loader', 'grub', 'splashImage'], { type: 'path', value: './splash.png' }),
      row(['networking', 'hostName'], { type: 'string', value: 'x', condition: 'config.cond' }),
    ]);
    const { text } = generate(p);
    expect(nixParseError(text)).toBeNull();
    const file = tempFile('settings.nix', text);
    const lib = '{ mkForce = x: { force = x; }; mkOverride = n: x: { override = n; value = x; }; mkIf = c: x: { "if" = c; value = x; }; }';
    const c = nixEvalJson(`
      let
        c = (import ${file} { lib = ${lib}; pkgs = { }; }).specialisation.battery.configuration { config.cond = true; };
      in [ c.services.tlp.enable c.fileSystems."/".device c.boot.kernel.sysctl."vm.swappiness" (builtins.typeOf c.boot.loader.grub.splashImage) (baseNameOf c.boot.loader.grub.splashImage) c.networking.hostName ]`);
    expect(c).toEqual([{ force: false }, '/dev/disk/by-label/nixos', { override: 60, value: -10 }, 'path', 'splash.png', { if: true, value: 'x' }]);
  }, 60_000);
});

if (!hasNix) console.warn(`skipped the settings tests against real Nix: ${NO_NIX}`);

describe('priorities on form fields', () => {
  const kernel = { packages: 'linuxPackages_zen', params: [], modules: [], blacklistedModules: [] };
  const withKernel = (priority: 'normal' | 'default' | 'force', parentKernel: string | null): Project => ({
    ...defaultProject('25.11'),
    base: parentKernel === null ? null : { ...defaultBase(), kernel: { ...defaultBase().kernel, packages: parentKernel } },
    specialisations: [{ ...defaultSpecialisation('zen'), kernel, priorities: { ...defaultPriorities(), 'kernel.packages': priority } }],
  });

  it('writes the priority the user chose; without one, lib.mkForce only where the parent sets the option too', () => {
    expect(generate(withKernel('normal', null)).text).toContain('boot.kernelPackages = pkgs.linuxPackages_zen;');
    expect(generate(withKernel('default', null)).text).toContain('boot.kernelPackages = lib.mkDefault pkgs.linuxPackages_zen;');
    expect(generate(withKernel('force', null)).text).toContain('boot.kernelPackages = lib.mkForce pkgs.linuxPackages_zen;');
    const forced = generate(withKernel('normal', 'linuxPackages_6_12')).text;
    expect(forced).toContain('# The parent uses linuxPackages_6_12.');
    expect(forced).toContain('boot.kernelPackages = lib.mkForce pkgs.linuxPackages_zen;');
    // The user's choice wins over the generator's override, and says nothing on the parent's behalf.
    const chosen = generate(withKernel('default', 'linuxPackages_6_12')).text;
    expect(chosen).toContain('boot.kernelPackages = lib.mkDefault pkgs.linuxPackages_zen;');
    expect(chosen).not.toContain('# The parent uses');
  });

  it('maps the field to the priority control in the source map', () => {
    const { sourceMap } = generate(withKernel('force', null));
    expect(sourceMap.get('specialisations[0].priorities.kernel.packages')).toEqual(sourceMap.get('specialisations[0].kernel.packages'));
    expect(sourceMap.get('specialisations[0].kernel.packages')).not.toEqual([]);
  });
});
