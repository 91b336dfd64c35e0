import { describe, expect, it } from 'vitest';
import { runImport } from '../../cli/import-command';
import { evalSpecialisations } from '../../test/eval-specialisations';
import { entriesEntry } from '../../test/eval-entries';
import { corpusShare, importCorpus, TYPED_SHARE_REQUIRED } from '../../test/import-corpus';
import { hasNix, nixParseErrors, NIX_TIMEOUT, NO_NIX } from '../../test/nix';
import { generate } from '../generate';
import { validate } from '../validate';
import { importNix } from './import-nix';

/** Files with conditional entries or Nix entries (issue 11), evaluated through entriesEntry. */
const ENTRY_FILES = new Set(['conditional.nix', 'computed-names.nix']);

/** Issue 10: what real-world-style files set lands in typed fields, and import → generate keeps their meaning. */
describe('the import corpus', () => {
  const files = importCorpus();

  it(`puts at least ${TYPED_SHARE_REQUIRED * 100} % of all settings in form fields or typed rows`, () => {
    const { typed, total, share } = corpusShare(files);
    expect(total).toBeGreaterThan(100);
    expect(share, `${typed} of ${total}`).toBeGreaterThanOrEqual(TYPED_SHARE_REQUIRED);
  });

  it('gives projects without errors that read back the same, and says per setting where it went', () => {
    for (const { file, result } of files) {
      expect(validate(result.project).filter((d) => d.severity === 'error'), file).toEqual([]);
      const again = importNix(generate(result.project).text, { preferredRelease: result.project.nixosRelease, previous: result.project });
      expect(again.ok && again.project, file).toEqual(result.project);
      for (const s of result.report.specialisations)
        for (const x of s.settings) {
          expect(x.line, `${file}: ${x.path}`).toBeGreaterThan(0);
          if (x.to === 'nix') expect(x.why, `${file}: ${x.path}`).toBeTruthy();
        }
    }
  });

  it('reads priorities into the form fields: PRIME, kernel swaps, desktops', () => {
    const byName = new Map(files.flatMap((f) => f.result.project.specialisations.map((s) => [`${f.file.replace(/\.nix$/, '')}/${s.name}`, s] as const)));
    expect(byName.get('kernel-swaps/zen')).toMatchObject({ kernel: { packages: 'linuxPackages_zen' }, priorities: { 'kernel.packages': 'force' } });
    expect(byName.get('desktops/gnome')).toMatchObject({ desktop: { environment: 'gnome' }, priorities: { 'desktop.environment': 'force' } });
    expect(byName.get('kernel-swaps/lts')!.settings[0]).toMatchObject({ path: ['boot', 'kernelPackages'], type: 'nix', value: 'pkgs.linuxPackages', priority: 'override', overridePriority: 40 });
    expect(byName.get('prime-switch/nvidia-sync')!.settings.map((r) => [r.path.join('.'), r.value, r.priority])).toContainEqual(['hardware.nvidia.prime.sync.enable', 'true', 'force']);
    expect(byName.get('function-form/gaming')!.settings.find((r) => r.path.join('.') === 'systemd.services.nix-daemon.serviceConfig.CPUSchedulingPolicy')).toMatchObject({
      type: 'string',
      value: 'idle',
      condition: 'config.programs.gamemode.enable',
    });
    expect(byName.get('separate/minimal')!.settings.map((r) => r.path)).toContainEqual(['fileSystems', '/', 'device']);
  });

  it('writes the report as JSON with --report json', () => {
    const { file, text } = files.find((f) => f.file === 'vfio.nix')!;
    const r = runImport([file, '--report', 'json'], () => text);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stderr) as { typed: { typed: number; total: number }; specialisations: { settings: { path: string; line: number; to: string; why?: string }[] }[] };
    expect(report.specialisations[0].settings).toContainEqual({ path: 'virtualisation.vfio.ids', line: 29, to: 'nix', why: expect.stringMatching(/name bound here/) });
    expect(report.specialisations[0].settings).toContainEqual({ path: 'boot.kernelParams', line: 13, to: 'field', field: 'kernel.params' });
    expect(report.specialisations[0].settings).toContainEqual({ path: 'virtualisation.libvirtd.enable', line: 19, to: 'row' });
    expect(report.typed.total).toBe(report.specialisations[0].settings.length);
    expect(runImport([file, '--report', 'xml'], () => text).code).toBe(2);
  });

  it.skipIf(!hasNix)(
    'means the same to real Nix after import and generate: every option value of every specialisation',
    () => {
      const outputs = files.map((f) => generate(f.result.project).text);
      expect(nixParseErrors(outputs)).toEqual(outputs.map(() => null));
      // Conditions and merges around entries resolved as NixOS does, the options conditional.nix
      // declares turned on (entries.test.ts tries them off too).
      const entries = entriesEntry('{ studio.bootEntries = { enable = true; gaming = true; }; services.xserver.videoDrivers = [ "nvidia" ]; }');
      const entry = (file: string) => (ENTRY_FILES.has(file) ? entries : undefined);
      const evaluated = evalSpecialisations([...files.map((f) => ({ text: f.text, entry: entry(f.file) })), ...outputs.map((text, i) => ({ text, entry: entry(files[i].file) }))]);
      files.forEach((f, i) => {
        const input = evaluated[i];
        const output = evaluated[files.length + i];
        expect(Object.keys(output).sort(), f.file).toEqual(Object.keys(input).sort());
        for (const [name, spec] of Object.entries(input)) {
          expect(output[name].inheritParentConfig, `${f.file}: ${name}`).toBe(spec.inheritParentConfig);
          for (const [path, value] of Object.entries(spec.options)) expect(output[name].options[path], `${f.file}: ${name}: ${path}`).toEqual(value);
          // An entry of a Nix entry (lib.genAttrs …) has no report of its own: nothing is added to it.
          const added = f.result.report.specialisations.find((s) => s.name === name)?.added.map((a) => a.path) ?? [];
          const extra = Object.keys(output[name].options).filter((p) => !(p in spec.options));
          expect(extra.sort(), `${f.file}: ${name}: options the input did not set`).toEqual(added.sort());
        }
      });
    },
    NIX_TIMEOUT * 2,
  );
  if (!hasNix) it.skip(NO_NIX, () => {});
});
