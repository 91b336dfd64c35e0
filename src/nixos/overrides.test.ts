import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultGpu, defaultKernel, defaultProject, defaultSpecialisation } from '../model/defaults';
import { DESKTOPS, type Base, type Project, type Release, type Specialisation } from '../model/types';
import { projectArb } from '../test/arbitraries';
import { evalModules, flatten } from '../test/eval-module';
import { expectedOptions } from '../test/expected-options';
import { hasNix, NIX_TIMEOUT, NO_NIX } from '../test/nix';
import { generate } from './generate';
import { DESKTOP_RULES, DISPLAY_MANAGER_RULES, at } from './releases';
import { validate } from './validate';

interface Override {
  _type: 'override';
  priority: number;
  content: unknown;
}
const isOverride = (v: unknown): v is Override => typeof v === 'object' && v !== null && (v as Override)._type === 'override';
const FORCE = (content: unknown) => ({ _type: 'override', priority: 50, content });

/** The parent's own option definitions, as NixOS would see them from its configuration.nix. */
function parentDefinitions(base: Base, release: Release): Record<string, unknown> {
  const asSpec: Specialisation = { ...defaultSpecialisation('parent'), desktop: base.desktop, kernel: base.kernel, gpu: base.gpu };
  const defs = expectedOptions(asSpec, release);
  if (base.networkmanager) defs['networking.networkmanager.enable'] = true;
  return defs;
}

/** Lists that NixOS merges on purpose: the parent's and the specialisation's items together. */
/** Options whose type takes one definition only (types.raw, types.package): two equal ones still fail. */
const UNIQUE = new Set(['boot.kernelPackages', 'hardware.nvidia.package']);

const ADDITIVE = new Set(['system.nixos.tags', 'environment.systemPackages', 'boot.kernelParams', 'boot.kernelModules', 'boot.blacklistedKernelModules']);

/**
 * NixOS's merge of two definitions of each option, reduced to what matters here: the lowest
 * priority wins (mkForce 50 < plain 100); lists at the same priority are concatenated; other
 * values at the same priority must be equal, or NixOS reports conflicting definitions.
 */
function merge(parent: Record<string, unknown>, spec: Record<string, unknown>) {
  const merged: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const path of new Set([...Object.keys(parent), ...Object.keys(spec)])) {
    const defs = [parent[path], spec[path]]
      .filter((d) => d !== undefined)
      .map((d) => (isOverride(d) ? { priority: d.priority, value: d.content } : { priority: 100, value: d }));
    const best = Math.min(...defs.map((d) => d.priority));
    const winners = defs.filter((d) => d.priority === best).map((d) => d.value);
    if (UNIQUE.has(path) && winners.length > 1) conflicts.push(`${path} is defined more than once`);
    else if (winners.every(Array.isArray)) merged[path] = (winners as unknown[][]).flat();
    else if (winners.every((w) => JSON.stringify(w) === JSON.stringify(winners[0]))) merged[path] = winners[0];
    else conflicts.push(`${path}: ${winners.map((w) => JSON.stringify(w)).join(' vs ')}`);
  }
  return { merged, conflicts };
}

const baseArb = (release: Release): fc.Arbitrary<Base> =>
  projectArb(fc.constant(release)).chain((p) =>
    fc
      .record({
        environment: fc.constantFrom(...DESKTOPS.filter((d) => d === 'none' || at(DESKTOP_RULES[d], release))),
        autoLogin: fc.constantFrom(null, 'alice'),
        kernel: fc.constantFrom(null, 'linuxPackages_6_12', 'linuxPackages_zen'),
        gpuFrom: fc.nat(),
        networkmanager: fc.boolean(),
      })
      .map((r) => {
        const gpus = p.specialisations.map((s) => s.gpu);
        return {
          ...defaultBase(),
          desktop: { environment: r.environment, displayManager: 'auto' as const, autoLogin: r.environment === 'none' ? null : r.autoLogin },
          kernel: { ...defaultKernel(), packages: r.kernel },
          gpu: gpus.length ? { ...gpus[r.gpuFrom % gpus.length], thunderbolt: false } : defaultGpu(),
          networkmanager: r.networkmanager,
        };
      }),
  );

const RELEASE_SAMPLE: Release[] = ['22.05', '23.05', '23.11', '24.05', '24.11', '25.05', '25.11', '26.05', 'unstable'];

describe.skipIf(!hasNix)('parent overrides, merged the way NixOS merges definitions', () => {
  it('random parents and specialisations on every release: no conflicts, and the specialisation gets what it asks for', () => {
    const cases: { project: Project; text: string }[] = [];
    for (const release of RELEASE_SAMPLE) {
      const projects = fc.sample(
        fc.tuple(projectArb(fc.constant(release)), baseArb(release)).map(([p, base]) => ({ ...p, base })),
        { numRuns: 40, seed: 1125 + RELEASE_SAMPLE.indexOf(release) },
      );
      for (const project of projects) {
        // Only specialisations building on the parent, without their own autologin users clashing.
        const specs = project.specialisations.filter((s) => s.inheritParentConfig);
        const p = { ...project, specialisations: specs };
        if (validate(p).some((d) => d.severity === 'error')) continue;
        cases.push({ project: p, text: generate(p).text });
      }
    }
    expect(cases.length).toBeGreaterThan(200);
    const results = evalModules(cases);
    let checked = 0;
    cases.forEach(({ project }, i) => {
      const release = project.nixosRelease;
      const parent = parentDefinitions(project.base!, release);
      for (const s of project.specialisations) {
        const specDefs = flatten(results[i][s.name].configuration);
        const { merged, conflicts } = merge(parent, specDefs);
        const where = `${release} ${JSON.stringify(project.base)} ${JSON.stringify(s)}`;
        expect(conflicts.join("; "), where).toBe("");
        // Every option the specialisation sets ends up with its value (lists it means to replace, too).
        for (const [path, def] of Object.entries(specDefs)) {
          const own = isOverride(def) ? def.content : def;
          if (ADDITIVE.has(path)) continue;
          // lib.mkDefault, chosen by the user for a field or a row, asks to give way to the parent.
          if (isOverride(def) && def.priority === 1000) continue;
          if (Array.isArray(own) && !isOverride(def) && Array.isArray(merged[path])) continue;
          expect(merged[path], `${path} in ${where}`).toEqual(own);
        }
        // One desktop and one display manager at most.
        const on = (paths: string[]) => paths.filter((q) => merged[q] === true);
        const desktops = DESKTOPS.flatMap((d) => (d === 'none' ? [] : [at(DESKTOP_RULES[d], release)?.enable ?? '']));
        expect(on(desktops).length, where).toBeLessThanOrEqual(1);
        const dms = Object.values(DISPLAY_MANAGER_RULES).map((r) => `${at(r, release)?.path}.enable`);
        expect(on(dms).length, where).toBeLessThanOrEqual(1);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});

describe.skipIf(!hasNix)('each override pair, evaluated by real Nix', { timeout: NIX_TIMEOUT }, () => {
  const evalOne = (project: Project) => {
    const [result] = evalModules([{ project, text: generate(project).text }]);
    return flatten(result[project.specialisations[0].name].configuration);
  };
  const withBase = (base: Partial<Base>, spec: Partial<Specialisation>, release: Release = '26.05'): Project => ({
    ...defaultProject(release),
    base: { ...defaultBase(), ...base },
    specialisations: [{ ...defaultSpecialisation('s'), ...spec }],
  });
  const desktop = (environment: Specialisation['desktop']['environment'], autoLogin: string | null = null) => ({
    environment,
    displayManager: 'auto' as const,
    autoLogin,
  });

  it('GNOME parent, Plasma specialisation: GNOME and GDM turned off with mkForce (26.05 and 23.11 paths)', () => {
    const now = evalOne(withBase({ desktop: desktop('gnome') }, { desktop: desktop('plasma6') }));
    expect(now['services.desktopManager.gnome.enable']).toEqual(FORCE(false));
    expect(now['services.displayManager.gdm.enable']).toEqual(FORCE(false));
    expect(now['services.desktopManager.plasma6.enable']).toBe(true);
    const old = evalOne(withBase({ desktop: desktop('gnome') }, { desktop: desktop('plasma5') }, '23.11'));
    expect(old['services.xserver.desktopManager.gnome.enable']).toEqual(FORCE(false));
    expect(old['services.xserver.displayManager.gdm.enable']).toEqual(FORCE(false));
  });

  it('parent autologin into Plasma, specialisation runs Xfce: the session follows the specialisation', () => {
    const r = evalOne(withBase({ desktop: desktop('plasma6', 'alice') }, { desktop: desktop('xfce') }));
    expect(r['services.displayManager.defaultSession']).toEqual(FORCE('xfce'));
    expect(r['services.displayManager.sddm.enable']).toEqual(FORCE(false));
  });

  it('PRIME sync in the parent, offload in the specialisation, and the other way round', () => {
    const ids = { nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' };
    const sync = { ...defaultGpu(), mode: 'nvidia-sync' as const, ...ids };
    const offload = { ...defaultGpu(), mode: 'nvidia-offload' as const, ...ids };
    const a = evalOne(withBase({ gpu: sync }, { gpu: offload }));
    expect(a['hardware.nvidia.prime.sync.enable']).toEqual(FORCE(false));
    expect(a['hardware.nvidia.prime.offload.enable']).toBe(true);
    expect(a['services.xserver.videoDrivers']).toEqual(FORCE(['nvidia']));
    const b = evalOne(withBase({ gpu: offload }, { gpu: sync }));
    expect(b['hardware.nvidia.prime.offload.enable']).toEqual(FORCE(false));
    expect(b['hardware.nvidia.prime.offload.enableOffloadCmd']).toEqual(FORCE(false));
    expect(b['hardware.nvidia.prime.sync.enable']).toBe(true);
  });

  it('kernel, driver, open module and bus ids the parent sets differently are forced', () => {
    const gpu = { ...defaultGpu(), mode: 'nvidia-offload' as const, nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0', driver: 'beta' as const, openKernelModule: true };
    const r = evalOne(
      withBase(
        { kernel: { ...defaultKernel(), packages: 'linuxPackages_6_12' }, gpu },
        { kernel: { ...defaultKernel(), packages: 'linuxPackages_latest' }, gpu: { ...gpu, driver: 'stable', openKernelModule: false, nvidiaBusId: 'PCI:10:0:0' } },
      ),
    );
    expect(r['boot.kernelPackages']).toEqual(FORCE({ kernel: 'linuxPackages_latest' }));
    // The stable driver, from the specialisation's own kernel, over the parent's beta.
    expect(r['hardware.nvidia.package']).toEqual(FORCE('nvidia-stable@linuxPackages_latest'));
    expect(r['hardware.nvidia.open']).toEqual(FORCE(false));
    expect(r['hardware.nvidia.prime.nvidiaBusId']).toEqual(FORCE('PCI:10:0:0'));
  });

  it('AMD parent, NVIDIA specialisation: the video drivers are replaced, not added', () => {
    const r = evalOne(withBase({ gpu: { ...defaultGpu(), mode: 'amd' } }, { gpu: { ...defaultGpu(), mode: 'nvidia' } }));
    expect(r['services.xserver.videoDrivers']).toEqual(FORCE(['nvidia']));
  });

  it('nothing is forced without a described parent, or for a separate system', () => {
    const none = evalOne({ ...defaultProject(), specialisations: [{ ...defaultSpecialisation('s'), desktop: desktop('plasma6') }] });
    expect(Object.values(none).some(isOverride)).toBe(false);
    const separate = evalOne(withBase({ desktop: desktop('gnome') }, { inheritParentConfig: false, desktop: desktop('plasma6') }));
    expect(Object.values(separate).some(isOverride)).toBe(false);
    expect(separate.imports).toEqual(['hardware-configuration.nix']);
    expect(separate['boot.loader.systemd-boot.enable']).toBe(true);
  });

  it('writes a comment saying why beside each override', () => {
    const text = generate(withBase({ desktop: desktop('gnome') }, { desktop: desktop('plasma6') })).text;
    expect(text).toContain('# The parent runs GNOME; this entry runs KDE Plasma 6 instead.\n');
    expect(text).toMatch(/\{\n\s+lib,\n\s+pkgs,\n|\{ lib, \.\.\. \}:/);
  });
});

if (!hasNix) console.warn(`skipped override tests against real Nix: ${NO_NIX}`);
