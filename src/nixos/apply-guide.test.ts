import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultProject, defaultSpecialisation } from '../model/defaults';
import type { Project, Specialisation } from '../model/types';
import { NIX_TIMEOUT, NO_NIX, hasNix, nixParseError } from '../test/nix';
import { applyGuide, commandLineAttr, entryChanges, moduleSnippet, vmBuildCommand } from './apply-guide';
import type { GuideOptions } from './rebuild';
import { shellWord } from './shell-word';

const spec = (name: string, change: Partial<Specialisation> = {}): Specialisation => ({ ...defaultSpecialisation(name), ...change });
const kernelTest = (name: string) => spec(name, { kernel: { packages: 'linuxPackages_latest', params: [], modules: [], blacklistedModules: [] } });
const commandsOf = (g: ReturnType<typeof applyGuide>) => [...g.commands, ...g.back, ...g.vm].map((c) => c.command);

const CHANNELS: GuideOptions = { method: 'channels', host: '' };
const FLAKE: GuideOptions = { method: 'flake', host: 'laptop' };
const NH: GuideOptions = { method: 'nh', host: 'laptop' };

describe('the commands of each build method', () => {
  const p = defaultProject('25.11');

  it('channels: nixos-rebuild and configuration.nix', () => {
    expect(commandsOf(applyGuide(p, kernelTest('gaming'), CHANNELS))).toEqual([
      'sudo nixos-rebuild boot',
      'sudo nixos-rebuild test --specialisation gaming',
      'sudo /nix/var/nix/profiles/system/specialisation/gaming/bin/switch-to-configuration test',
      'sudo nixos-rebuild switch --specialisation gaming',
      'sudo /nix/var/nix/profiles/system/specialisation/gaming/bin/switch-to-configuration switch',
      // A kernel needs a reboot: the bootloader's one-shot boot of this entry (boot-once.ts).
      'sudo systemctl reboot --boot-loader-entry=nixos-generation-$(readlink /nix/var/nix/profiles/system | tr -dc 0-9)-specialisation-gaming.conf',
      'sudo bootctl set-oneshot nixos-generation-$(readlink /nix/var/nix/profiles/system | tr -dc 0-9)-specialisation-gaming.conf',
      'sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch',
      'sudo /nix/var/nix/profiles/system/bin/switch-to-configuration test',
      'sudo nixos-rebuild switch',
      'sudo reboot',
      "nix-build '<nixpkgs/nixos>' -A config.specialisation.gaming.configuration.system.build.vm -I nixos-config=/etc/nixos/configuration.nix",
      './result/bin/run-*-vm',
    ]);
  });

  it('flake: --flake .#host on every nixos-rebuild, and the VM from nixosConfigurations.<host>', () => {
    const all = commandsOf(applyGuide(p, kernelTest('gaming'), FLAKE));
    expect(all).toContain("sudo nixos-rebuild boot --flake '.#laptop'");
    expect(all).toContain("sudo nixos-rebuild test --flake '.#laptop' --specialisation gaming");
    expect(all).toContain("sudo nixos-rebuild switch --flake '.#laptop' --specialisation gaming");
    expect(all).toContain("sudo nixos-rebuild switch --flake '.#laptop'");
    expect(all).toContain("nix build '.#nixosConfigurations.laptop.config.specialisation.gaming.configuration.system.build.vm'");
    // Every nixos-rebuild names the flake; the profile's switch-to-configuration needs no build.
    expect(all.filter((c) => c.includes('nixos-rebuild')).every((c) => c.includes("--flake '.#laptop'"))).toBe(true);
  });

  it('flake without a host name: nixos-rebuild and the VM take the machine\'s', () => {
    const all = commandsOf(applyGuide(p, kernelTest('gaming'), { method: 'flake', host: '' }));
    expect(all).toContain('sudo nixos-rebuild test --flake . --specialisation gaming');
    expect(all).toContain(`nix build '.#nixosConfigurations.'"$(hostname)".config.specialisation.gaming.configuration.system.build.vm`);
  });

  it('nh: nh os with -H and -s, no sudo, -S back to the parent', () => {
    const g = applyGuide(p, kernelTest('gaming'), NH);
    const all = commandsOf(g);
    expect(all).toContain('nh os boot . -H laptop');
    expect(all).toContain('nh os test . -H laptop -s gaming');
    expect(all).toContain('nh os switch . -H laptop -s gaming');
    expect(all).toContain('nh os switch . -H laptop -S');
    expect(all.filter((c) => c.startsWith('nh ')).every((c) => !c.startsWith('sudo'))).toBe(true);
    expect(g.vm[0].note).toMatch(/nh os build-vm/);
  });

  it('before 23.05 nixos-rebuild has no --specialisation; nh runs the entry itself on any release', () => {
    const old = defaultProject('22.11');
    expect(commandsOf(applyGuide(old, kernelTest('k'), CHANNELS)).some((c) => c.includes('--specialisation'))).toBe(false);
    expect(commandsOf(applyGuide(old, kernelTest('k'), FLAKE)).some((c) => c.includes('--specialisation'))).toBe(false);
    expect(commandsOf(applyGuide(old, kernelTest('k'), NH))).toContain('nh os test . -H laptop -s k');
  });

  it('rememberAcrossRebuilds: the rebuild that stays in the entry, per method', () => {
    const s = { ...kernelTest('work'), rememberAcrossRebuilds: true };
    expect(commandsOf(applyGuide(p, s, FLAKE))).toContain(
      `sudo nixos-rebuild switch --flake '.#laptop' $(test -f /etc/specialisation && echo --specialisation "$(cat /etc/specialisation)")`,
    );
    const nh = applyGuide(p, s, NH).switchTo.find((c) => c.label.startsWith('Rebuild from inside'))!;
    expect(nh.command).toBe('nh os switch . -H laptop');
  });

  it('what switch does to the default entry depends on the bootloader', () => {
    const grub = { ...p, base: { ...defaultBase(), bootloader: 'grub' as const } };
    const note = (q: Project) => applyGuide(q, kernelTest('k')).switchTo.find((c) => c.command.endsWith('switch-to-configuration switch'))!.note;
    expect(note(grub)).toMatch(/GRUB's "NixOS - Default" entry then starts k/);
    expect(note(p)).toMatch(/systemd-boot keeps the default/);
  });

  it('the module goes into imports, or into a flake\'s modules list', () => {
    expect(moduleSnippet('specialisations.nix', CHANNELS)).toBe('imports = [\n  ./hardware-configuration.nix\n  ./specialisations.nix\n];');
    const flake = moduleSnippet('specialisations.nix', { method: 'flake', host: 'my.host' });
    expect(flake).toContain('nixosConfigurations."my.host" = nixpkgs.lib.nixosSystem {');
    expect(flake).toContain('    ./configuration.nix\n    ./specialisations.nix\n');
  });

  it.skipIf(!hasNix)('the module snippets are Nix', () => {
    for (const host of ['laptop', 'my.host', 'a"b${x}', ''])
      for (const method of ['channels', 'flake'] as const) {
        const snippet = moduleSnippet('specialisations.nix', { method, host });
        expect(nixParseError(`{ nixpkgs }: { ${snippet} }`), snippet).toBeNull();
      }
  }, NIX_TIMEOUT);
});

describe('what an entry changes relative to the parent, and what that takes', () => {
  it('a kernel, its parameters, modules and the GPU driver need a reboot', () => {
    const s = spec('k', { kernel: { packages: 'linuxPackages_zen', params: ['quiet'], modules: ['kvm'], blacklistedModules: [] } });
    s.gpu = { ...s.gpu, mode: 'nvidia' };
    const changes = entryChanges(defaultProject(), s);
    expect(changes.map((c) => c.takes)).toEqual(['reboot', 'reboot', 'reboot', 'reboot']);
    expect(applyGuide(defaultProject(), s).takes).toBe('reboot');
  });

  it('what the parent already has is no change', () => {
    const base = { ...defaultBase(), kernel: { packages: 'linuxPackages_zen', params: ['quiet'], modules: [], blacklistedModules: [] } };
    base.desktop = { ...base.desktop, environment: 'gnome' as const };
    const p = { ...defaultProject(), base };
    const s = spec('same', { kernel: { packages: 'linuxPackages_zen', params: ['quiet'], modules: [], blacklistedModules: [] } });
    s.desktop = { ...s.desktop, environment: 'gnome' };
    expect(entryChanges(p, s)).toEqual([]);
    expect(applyGuide(p, s).takes).toBeNull();
    // The same fields in a separate system are all new: it does not build on the parent.
    expect(applyGuide(p, { ...s, inheritParentConfig: false }).takes).toBe('reboot');
  });

  it('a desktop, autologin and users take a re-login; packages and tags a switch', () => {
    const s = spec('d', { packages: ['firefox'], tags: ['work'] });
    s.desktop = { environment: 'plasma6', displayManager: 'auto', autoLogin: 'chani' };
    const g = applyGuide(defaultProject(), s);
    expect(g.changes.map((c) => c.takes)).toEqual(['relogin', 'relogin', 'switch', 'switch']);
    expect(g.takes).toBe('relogin');
    expect(g.needsReboot).toEqual([]);
  });

  it('setting rows and extra Nix are classified by the options they set', () => {
    const row = (path: string[]) => ({ path, type: 'bool' as const, value: 'true', items: [], priority: 'normal' as const, overridePriority: null, condition: null });
    const s = spec('rows', { settings: [row(['boot', 'initrd', 'systemd', 'enable']), row(['services', 'openssh', 'enable'])] });
    expect(entryChanges(defaultProject(), s)).toEqual([
      { what: 'boot.initrd.systemd.enable (a setting row)', takes: 'reboot' },
      { what: 'services.openssh.enable (a setting row)', takes: 'switch' },
    ]);
    const extra = entryChanges(defaultProject(), spec('x', { extraConfig: 'boot.kernelParams = [ "mitigations=off" ];\nprograms.git.enable = true;' }));
    expect(extra).toEqual([{ what: 'your extra Nix (it sets boot.kernelParams)', takes: 'reboot' }]);
    expect(entryChanges(defaultProject(), spec('y', { extraConfig: 'programs.git.enable = true;' }))[0].takes).toBe('switch');
  });
});

describe('attribute paths on Nix\'s command line', () => {
  it('quotes a name with a dot, refuses what a path cannot hold', () => {
    expect(commandLineAttr('gaming', true)).toBe('gaming');
    expect(commandLineAttr('my.spec', true)).toBe('"my.spec"');
    expect(commandLineAttr('123', true)).toBeNull();
    expect(commandLineAttr('123', false)).toBe('123');
    expect(commandLineAttr('a"b', false)).toBeNull();
    expect(commandLineAttr('a b', false)).toBeNull();
  });
});

const HOSTILE = ["a; touch pwned", "it's $(touch pwned)", 'x\ny', '-rf', '#x', 'a"b', 'my.spec', '123', '$HOME', '*', '`touch pwned`', 'a\\b', 'tab\tx', 'café', '${x}', 'gaming'];
const HOSTS = ['laptop', 'my.host', "it's", ''];

/**
 * Runs commands in bash with the programs they call replaced by functions that print their arguments (NUL after
 * each, a line per command), in an empty folder: what comes out is the words the shell hands over.
 */
function wordsOf(commands: readonly string[]): { words: string[][]; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'apply-words-'));
  const printer = `printf '%s\\0' "$FUNCNAME" "$@"; printf '\\n'`;
  const script = [
    'set -u',
    ...['sudo', 'nixos-rebuild', 'nh', 'nix', 'nix-build', 'reboot'].map((p) => `${p}() { ${printer}; }`),
    'hostname() { printf thehost; }',
    'test() { return 1; }',
    'cat() { return 1; }',
    ...commands,
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const words = r.stdout.split('\0\n').filter((l) => l !== '').map((l) => l.split('\0'));
  return { words, files: readdirSync(dir) };
}

describe('hostile names and hosts: the shell hands each over as one exact word', () => {
  const p = defaultProject('25.11');
  const methods: GuideOptions[] = [CHANNELS, ...HOSTS.flatMap((host): GuideOptions[] => [{ method: 'flake', host }, { method: 'nh', host }])];

  it('every command is valid bash', () => {
    const commands = methods.flatMap((options) =>
      HOSTILE.flatMap((name) => commandsOf(applyGuide(p, { ...kernelTest(name), rememberAcrossRebuilds: true }, options))),
    );
    // One bash reads them all, each as the body of a function of its own: a quote left open swallows the closing brace.
    const script = commands.map((c, i) => `f${i}() {\n${c}\n}`).join('\n');
    const r = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    if (r.status !== 0)
      for (const command of commands) expect(spawnSync('bash', ['-n', '-c', command], { encoding: 'utf8' }).stderr, command).toBe('');
    expect(r.status, r.stderr).toBe(0);
    expect(commands.length).toBeGreaterThan(1000);
    // A function body that a command ends early would leave the next definitions as commands: there are none.
    expect(spawnSync('bash', [], { input: `${script}\ndeclare -F | wc -l`, encoding: 'utf8' }).stdout.trim()).toBe(String(commands.length));
  });

  it('names and hosts come out as exact words, and nothing else runs', () => {
    for (const options of methods)
      for (const name of HOSTILE) {
        const g = applyGuide(p, kernelTest(name), options);
        const commands = [...g.commands, ...g.back].map((c) => c.command);
        const { words, files } = wordsOf(commands);
        expect(files, name).toEqual([]);
        expect(words).toHaveLength(commands.length);
        for (const w of words) {
          const argv = w[0] === 'sudo' ? w.slice(1) : w;
          const i = argv.findIndex((x) => x === '--specialisation' || x === '-s');
          if (i >= 0) expect(argv[i + 1]).toBe(name);
          const program = argv.find((x) => x.includes('/specialisation/'));
          if (program) expect(program).toBe(`/nix/var/nix/profiles/system/specialisation/${name}/bin/switch-to-configuration`);
          const flake = argv.indexOf('--flake');
          if (flake >= 0) expect(argv[flake + 1]).toBe(options.host ? `.#${options.host}` : '.');
          const host = argv.indexOf('-H');
          if (host >= 0) expect(argv[host + 1]).toBe(options.host);
          if (argv[0] === 'nh') expect(host >= 0).toBe(options.host !== '');
        }
        const named = words.filter((w) => w.includes(name) || w.some((x) => x.includes(`/specialisation/${name}/`)));
        expect(named.length, name).toBeGreaterThanOrEqual(2);
      }
  }, 120_000);
});

if (!hasNix) console.warn(`skipped the apply guide's tests against real Nix: ${NO_NIX}`);

describe.skipIf(!hasNix)('the VM command builds config.specialisation.<name>.configuration.system.build.vm (real Nix)', () => {
  /** A stand-in for nixpkgs (channels) and for a flake: each entry's `system.build.vm` is `vm:<name>`. */
  function fakes(names: readonly string[], hosts: readonly string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'apply-vm-'));
    mkdirSync(join(dir, 'nixpkgs/nixos'), { recursive: true });
    const specs = 'builtins.listToAttrs (map (n: { name = n; value.configuration.system.build.vm = "vm:" + n; }) (builtins.fromJSON (builtins.readFile ./names.json)))';
    writeFileSync(join(dir, 'nixpkgs/nixos/names.json'), JSON.stringify(names));
    writeFileSync(join(dir, 'nixpkgs/nixos/default.nix'), `{ ... }: { config.specialisation = ${specs}; }\n`);
    mkdirSync(join(dir, 'flake'));
    writeFileSync(join(dir, 'flake/names.json'), JSON.stringify(names));
    writeFileSync(join(dir, 'flake/hosts.json'), JSON.stringify([...hosts.filter(Boolean), 'thehost']));
    writeFileSync(
      join(dir, 'flake/flake.nix'),
      `{ outputs = { self }: { nixosConfigurations = builtins.listToAttrs (map (h: { name = h; value.config.specialisation = ${specs}; }) (builtins.fromJSON (builtins.readFile ./hosts.json))); }; }\n`,
    );
    return dir;
  }

  /** Runs VM commands with nix-build and nix build replaced by evaluations of the same arguments; a JSON line each. */
  function run(dir: string, cwd: string, commands: readonly string[]): string[] {
    const features = `--option experimental-features 'nix-command flakes'`;
    const script = [
      `nix-build() { nix-instantiate --eval --strict --json "$@"; }`,
      // nix build: an attribute path is evaluated by nix eval; an expression (a function of --argstr) by nix-instantiate.
      `nix() { shift; if [ "$1" = --impure ]; then shift; nix-instantiate ${features} --eval --strict --json "$@"; else command nix ${features} eval --json "$@"; fi; }`,
      'hostname() { printf thehost; }',
      ...commands.map((c) => `${c} || printf FAILED; echo`),
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NIX_PATH: `nixpkgs=${join(dir, 'nixpkgs')}`, NIX_REMOTE: '' } });
    return r.stdout.split('\n').slice(0, -1);
  }

  it('channels: -A with the name quoted where needed, else an expression with --argstr', () => {
    const dir = fakes(HOSTILE, []);
    const commands = HOSTILE.map((n) => vmBuildCommand(n, CHANNELS));
    expect(run(dir, dir, commands)).toEqual(HOSTILE.map((n) => JSON.stringify(`vm:${n}`)));
    expect(commands[HOSTILE.indexOf('my.spec')]).toContain(`-A 'config.specialisation."my.spec".configuration.system.build.vm'`);
    expect(commands[HOSTILE.indexOf('123')]).toContain('--argstr name 123');
  }, NIX_TIMEOUT * 2);

  it('flakes: nixosConfigurations.<host> as a path where it can be, else getFlake with --argstr', () => {
    const probe = spawnSync('nix', ['--extra-experimental-features', 'nix-command flakes', 'eval', '--expr', 'builtins ? getFlake'], { encoding: 'utf8' });
    if (probe.stdout.trim() !== 'true') return console.warn(`skipped the flake VM commands: this nix has no flakes (${probe.stderr.trim()})`);
    const dir = fakes(HOSTILE, HOSTS);
    for (const host of HOSTS) {
      const commands = HOSTILE.map((n) => vmBuildCommand(n, { method: 'flake', host }));
      expect(run(dir, join(dir, 'flake'), commands), host).toEqual(HOSTILE.map((n) => JSON.stringify(`vm:${n}`)));
    }
  }, NIX_TIMEOUT * 4);
});

describe('shellWord', () => {
  it('leaves plain words bare, quotes # anywhere and = first (zsh reads them)', () => {
    expect(shellWord('a=b')).toBe('a=b');
    expect(shellWord('=ls')).toBe(`'=ls'`);
    expect(shellWord('.#laptop')).toBe(`'.#laptop'`);
    expect(shellWord('#x')).toBe(`'#x'`);
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });
});
