import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../model/types';
import { evalSpecialisations, type NixSource } from '../../test/eval-specialisations';
import { hasNix, nixParseErrors, NO_NIX } from '../../test/nix';
import { generate } from '../generate';
import { validate } from '../validate';
import { importNix, type ImportSuccess } from './import-nix';

const dir = join(__dirname, '../__fixtures__/import');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

interface Fixture {
  file: string;
  source?: Omit<NixSource, 'text'>;
  /** What the forms must show. */
  check: (project: Project, result: ImportSuccess) => void;
}

const FIXTURES: Fixture[] = [
  {
    file: 'seed-blog-closed.nix',
    source: { bare: true },
    check: (p, r) => {
      expect(p.nixosRelease).toBe('23.11');
      expect(p.specialisations.map((s) => s.name)).toEqual(['chani', 'paul']);
      const [chani, paul] = p.specialisations;
      expect(chani.desktop).toEqual({ environment: 'plasma5', displayManager: 'auto', autoLogin: 'chani' });
      expect(chani.users).toMatchObject([{ name: 'chani', uid: 1001, isNormalUser: true, extraGroups: ['networkmanager', 'video'] }]);
      expect(paul.desktop).toEqual({ environment: 'gnome', displayManager: 'auto', autoLogin: 'paul' });
      expect(paul.packages).toEqual(['dune-release']);
      expect(p.specialisations.map((s) => s.extraConfig)).toEqual(['', '']);
      expect(r.report.specialisations[0].added.map((a) => a.path)).toEqual([
        'services.xserver.enable',
        'services.xserver.displayManager.sddm.enable',
        'services.xserver.displayManager.defaultSession',
      ]);
    },
  },
  {
    file: 'egpu-dotted.nix',
    check: (p, r) => {
      const [egpu] = p.specialisations;
      expect(egpu.gpu).toEqual({
        mode: 'nvidia-offload',
        nvidiaBusId: 'PCI:10:0:0',
        intelBusId: 'PCI:0:2:0',
        amdgpuBusId: null,
        driver: 'stable',
        openKernelModule: false,
        externalGpu: true,
        thunderbolt: true,
      });
      expect(egpu.kernel.blacklistedModules).toEqual(['nouveau']);
      // Its comment keeps it Nix: a setting row has no place for one.
      expect(egpu.extraConfig).toBe('hardware.nvidia.powerManagement.enable = true; # the enclosure sleeps otherwise');
      expect(egpu.settings).toEqual([]);
      expect(r.report.leftOut).toContain('networking.hostName');
      expect(r.report.specialisations[0].added).toEqual([]);
    },
  },
  {
    file: 'function-form.nix',
    check: (p) => {
      const [gaming] = p.specialisations;
      expect(gaming.gpu).toMatchObject({ mode: 'nvidia', driver: 'beta', openKernelModule: true });
      // `mkForce pkgs.linuxPackages_zen` (mkForce from `inherit (lib) mkForce`): the field with its priority.
      expect(gaming.kernel).toEqual({ packages: 'linuxPackages_zen', params: ['mitigations=off', 'nowatchdog'], modules: [], blacklistedModules: [] });
      expect(gaming.priorities['kernel.packages']).toBe('force');
      expect(gaming.users).toMatchObject([{ name: 'gamer', uid: 1100, shell: 'zsh', description: 'Game night' }]);
      expect(gaming.extraConfig).toContain('gamingPackages = with pkgs; [ mangohud gamemode ];');
      expect(gaming.settings.map((row) => `${row.path.join('.')}: ${row.type}`)).toEqual([
        'hardware.graphics.enable32Bit: bool',
        'programs.steam.enable: bool',
      ]);
      expect(gaming.extraConfig).toContain("environment.etc.\"gaming-note\".text = ''");
    },
  },
  {
    file: 'work-separate.nix',
    check: (p) => {
      const [work] = p.specialisations;
      expect(work.inheritParentConfig).toBe(false);
      expect(work.fromParent).toEqual({ hardwareConfiguration: true, bootloader: true });
      expect(work.desktop).toEqual({ environment: 'gnome', displayManager: 'auto', autoLogin: null });
      expect(work.packages).toEqual(['slack', 'zoom-us', 'firefox']);
      expect(work.users[0]).toMatchObject({ name: 'alex', hashedPassword: expect.stringMatching(/^\$6\$/), authorizedKeys: [expect.stringMatching(/^ssh-ed25519/)] });
      expect(work.extraConfig).toBe('');
      expect(work.settings.map((row) => [row.path.join('.'), row.type, row.value])).toEqual([
        ['networking.hostName', 'string', 'work-laptop'],
        ['services.openssh.enable', 'bool', 'true'],
        ['services.openssh.settings.PasswordAuthentication', 'bool', 'false'],
        ['system.stateVersion', 'string', '25.11'],
      ]);
    },
  },
  {
    file: 'mixed-nesting.nix',
    check: (p) => {
      const [plasma, kernel] = p.specialisations;
      expect(plasma.name).toBe('plasma-x11');
      expect(plasma.desktop).toEqual({ environment: 'plasma5', displayManager: 'auto', autoLogin: 'kim' });
      expect(plasma.users[0]).toMatchObject({ name: 'kim', shell: 'bash', extraGroups: [] });
      expect(plasma.packages).toEqual(['kate', 'okular', 'kdePackages.kdenlive']);
      expect(plasma.extraConfig).toContain('services.xserver.libinput.enable = true; # touchpad');
      expect(plasma.settings.map((row) => [row.path.join('.'), row.value, row.priority])).toEqual([
        ['services.xserver.xkb.layout', 'de', 'normal'],
        ['services.printing.enable', 'true', 'default'],
        ['hardware.bluetooth.enable', 'false', 'force'],
      ]);
      expect(plasma.extraConfig).toContain('console.font = with lib; let');
      expect(kernel.kernel).toEqual({ packages: 'linuxPackages_testing', params: ['quiet', 'loglevel=3'], modules: ['kvm-intel'], blacklistedModules: [] });
      expect(kernel.packages).toEqual(['stress-ng', 'linuxPackages_testing.perf']);
    },
  },
  {
    file: 'crlf-windows.nix',
    check: (p) => {
      const [office] = p.specialisations;
      expect(office.users).toMatchObject([{ name: 'sam', uid: 1001, description: 'Sam' }]);
      expect(office.tags).toEqual(['office']);
      // Kept as written, CRs included: inside the '' string they are part of the value.
      expect(office.extraConfig).toContain("''\r\n      Welcome to the ${place} entry.\r\n");
      expect(office.settings.map((row) => [row.path.join('.'), row.value])).toEqual([
        ['environment.etc.motd.text', 'first line\nsecond line'],
        ['services.printing.enable', 'true'],
      ]);
    },
  },
  {
    file: 'flake.nix',
    source: { entry: 'f: builtins.elemAt (f.outputs { self = { }; nixpkgs.lib.nixosSystem = a: a; }).nixosConfigurations.desk.modules 1' },
    check: (p, r) => {
      expect(p.nixosRelease).toBe('24.05');
      expect(p.specialisations[0]).toMatchObject({ name: 'amd-gpu', desktop: { environment: 'plasma6' }, gpu: { mode: 'amd' }, packages: ['radeontop'] });
      expect(r.report.notes.join(' ')).toMatch(/inside the file/);
    },
  },
];

function importFixture(file: string): ImportSuccess {
  const r = importNix(read(file));
  if (!r.ok) throw new Error(`${file}: ${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r;
}

describe('real-world style inputs', () => {
  for (const f of FIXTURES)
    it(`${f.file}: comes in as the forms expect, and generates without errors`, () => {
      const r = importFixture(f.file);
      f.check(r.project, r);
      expect(validate(r.project).filter((d) => d.severity === 'error')).toEqual([]);
      // As Edit Nix reads it back: from the editor (no CR survives there), with the project it came from.
      const shown = generate(r.project).text;
      expect(shown).not.toContain('\r');
      const again = importNix(shown, { preferredRelease: r.project.nixosRelease, previous: r.project });
      expect(again.ok && again.project).toEqual(r.project);
    });

  it.skipIf(!hasNix)('mean the same to real Nix after import and generate: every option value of every specialisation', () => {
    const results = FIXTURES.map((f) => importFixture(f.file));
    const outputs = results.map((r) => generate(r.project).text);
    expect(nixParseErrors(outputs)).toEqual(outputs.map(() => null));
    const evaluated = evalSpecialisations([
      ...FIXTURES.map((f) => ({ text: read(f.file), ...f.source })),
      ...outputs.map((text) => ({ text })),
    ]);
    FIXTURES.forEach((f, i) => {
      const input = evaluated[i];
      const output = evaluated[FIXTURES.length + i];
      expect(Object.keys(output).sort(), f.file).toEqual(Object.keys(input).sort());
      for (const [name, spec] of Object.entries(input)) {
        expect(output[name].inheritParentConfig, `${f.file}: ${name}`).toBe(spec.inheritParentConfig);
        for (const [path, value] of Object.entries(spec.options)) expect(output[name].options[path], `${f.file}: ${name}: ${path}`).toEqual(value);
        const added = results[i].report.specialisations.find((s) => s.name === name)!.added.map((a) => a.path);
        const extra = Object.keys(output[name].options).filter((p) => !(p in spec.options));
        expect(extra.sort(), `${f.file}: ${name}: options the input did not set`).toEqual(added.sort());
      }
    });
  }, 60_000);
  if (!hasNix) it.skip(NO_NIX, () => {});
});
