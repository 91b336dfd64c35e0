import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBase, defaultFromParent } from '../../model/defaults';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import { BOOTLOADERS, DESKTOPS, FIELD_PRIORITY_KEYS, RELEASES, type Base, type Gpu, type Project, type Setting, type Specialisation } from '../../model/types';
import { projectArb } from '../../test/arbitraries';
import { generate } from '../generate';
import { DESKTOP_RULES, NVIDIA_OPEN, at } from '../releases';
import { importNix, type ImportResult } from './import-nix';
import { wantedOrder, writesSortKeys } from '../boot-order';

/**
 * The project with the choices that generate the same text written one way: an explicit display
 * manager that is the desktop's usual one is `auto`; with nothing to start, `none` and `auto` are
 * the same; GPU fields that no option carries for the mode are at their defaults.
 */
export function normalise(p: Project): Project {
  const out = { ...p, specialisations: p.specialisations.map(normaliseSpecialisation) };
  // A field's priority where the field writes nothing (a desktop's priority without a desktop) is normal.
  const text = generate(out).text;
  out.specialisations = out.specialisations.map((s, i) => {
    let priorities = s.priorities;
    for (const key of FIELD_PRIORITY_KEYS) {
      if (priorities[key] === 'normal') continue;
      const normal = { ...priorities, [key]: 'normal' as const };
      const specs = out.specialisations.map((x, j) => (j === i ? { ...s, priorities: normal } : x));
      if (generate({ ...out, specialisations: specs }).text === text) priorities = normal;
    }
    return priorities === s.priorities ? s : { ...s, priorities };
  });
  return out;
}

/** A row of type nix whose text is a literal the importer types: `-5` is an int, `true` a bool. */
function typedRow(r: Setting): Setting {
  if (r.type !== 'nix') return r;
  const v = r.value.trim();
  if (/^-?(0|[1-9][0-9]*)$/.test(v)) return { ...r, type: 'int', value: v };
  if (v === 'true' || v === 'false') return { ...r, type: 'bool', value: v };
  return r;
}

function normaliseSpecialisation(s: Specialisation): Specialisation {
  const usual = USUAL_DISPLAY_MANAGER[s.desktop.environment];
  const dm = s.desktop.displayManager;
  const displayManager = dm === usual || (usual === null && (dm === 'none' || dm === 'auto')) ? 'auto' : dm;
  const nvidia = s.gpu.mode.startsWith('nvidia');
  return {
    ...s,
    fromParent: s.inheritParentConfig ? defaultFromParent() : s.fromParent,
    desktop: { ...s.desktop, displayManager },
    gpu: nvidia ? s.gpu : { ...s.gpu, driver: 'stable', openKernelModule: false },
    settings: s.settings.map(typedRow),
  };
}

const imported = (r: ImportResult): Project => {
  if (!r.ok) throw new Error(`import failed: ${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r.project;
};

/**
 * Projects with everything: form fields with their priorities, and setting rows — except rows of
 * type nix that the text cannot tell from something else (docs/import.md): a `let … in` or
 * `with …;` expression reads back as extra Nix (that is how kept Nix carries the names it needs),
 * and a plain attribute set as one row per attribute.
 */
const readsBackOtherwise = (r: Setting) =>
  r.type === 'nix' && (/^\s*(let|with)\b/.test(r.value) || (/^\s*\{/.test(r.value) && r.priority === 'normal' && r.condition === null));
const formProjectArb = (release?: fc.Arbitrary<Project['nixosRelease']>) =>
  projectArb(release).filter((p) => p.specialisations.every((s) => !s.settings.some(readsBackOtherwise)));

describe('import(generate(p))', () => {
  it('gives back p for every release (after the choices the text cannot tell apart)', () => {
    fc.assert(
      fc.property(formProjectArb(), (p) => {
        const text = generate(p).text;
        const back = imported(importNix(text, { preferredRelease: p.nixosRelease }));
        expect(back).toEqual(normalise(p));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  }, 120_000);

  it('generates the same text again, even without knowing the release', () => {
    fc.assert(
      fc.property(formProjectArb(), (p) => {
        const text = generate(p).text;
        const back = imported(importNix(text));
        expect(generate(back).text).toBe(text);
        expect(back.specialisations.every((s) => s.extraConfig === '')).toBe(true);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);

  it('covers every release', () => {
    for (const release of RELEASES) {
      const [p] = fc.sample(formProjectArb(fc.constant(release)), { numRuns: 1, seed: 7 });
      expect(imported(importNix(generate(p).text, { preferredRelease: release })).nixosRelease).toBe(release);
    }
  });
});

/** `list` in the order given by sorting its places by `by` (a stable, arbitrary shuffle). */
function shuffled<T>(list: readonly T[], by: readonly number[]): T[] {
  return list.map((x, i) => ({ x, k: by[i % by.length] + i / list.length })).sort((a, b) => a.k - b.k).map((e) => e.x);
}

/** A described parent system: its desktop, kernel and GPU make the generator write `lib.mkForce` overrides. */
function withParent(): fc.Arbitrary<Project> {
  return formProjectArb().chain((p) =>
    fc
      .record({
        bootloader: fc.constantFrom(...BOOTLOADERS),
        grubDevice: fc.constantFrom('nodev', '/dev/sda'),
        environment: fc.constantFrom(...DESKTOPS.filter((d) => d === 'none' || at(DESKTOP_RULES[d], p.nixosRelease))),
        autoLogin: fc.option(fc.constantFrom('alice', 'bob'), { nil: null }),
        kernel: fc.option(fc.constantFrom('linuxPackages_latest', 'linuxPackages_zen'), { nil: null }),
        gpu: fc.constantFrom<Gpu['mode']>('none', 'nvidia', 'nvidia-offload', 'nvidia-sync', 'amd'),
        driver: fc.constantFrom<Gpu['driver']>('stable', 'beta', 'production'),
        open: fc.boolean(),
        defaultEntry: fc.nat(),
        order: fc.option(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), { nil: null }),
        titles: fc.array(fc.option(fc.constantFrom('Work', 'Home — evenings', "Tom's {old} kernel"), { nil: null }), { maxLength: 8 }),
      })
      .map((b) => {
        const base: Base = {
          ...defaultBase(),
          bootloader: b.bootloader,
          grubDevice: b.grubDevice,
          desktop: { environment: b.environment, displayManager: 'auto', autoLogin: b.environment === 'none' ? null : b.autoLogin },
          kernel: { ...defaultBase().kernel, packages: b.kernel },
          gpu: {
            ...defaultBase().gpu,
            mode: b.gpu,
            driver: b.driver,
            openKernelModule: b.open && !!at(NVIDIA_OPEN, p.nixosRelease),
            nvidiaBusId: b.gpu.startsWith('nvidia-') ? 'PCI:1:0:0' : null,
            intelBusId: b.gpu.startsWith('nvidia-') ? 'PCI:0:2:0' : null,
          },
        };
        const names = p.specialisations.map((s) => s.name);
        // A menu order (sort keys with systemd-boot) and GRUB titles, which the importer reads back into their fields.
        const entries = ['', ...names];
        const bootOrder = b.order ? shuffled(entries, b.order) : [];
        const specialisations = p.specialisations.map((s, i) => ({ ...s, configurationName: b.titles[i] ?? null }));
        return { ...p, base, bootOrder, specialisations, defaultEntry: names.length ? names[b.defaultEntry % names.length] : null };
      }),
  );
}

describe('Edit Nix: import(generate(p)) with the project\'s parent system and default entry', () => {
  it('generates the same text again, lib.mkForce overrides included', () => {
    fc.assert(
      fc.property(withParent(), (p) => {
        const text = generate(p).text;
        const back = imported(importNix(text, { release: p.nixosRelease, base: p.base, defaultEntry: p.defaultEntry }));
        expect(generate(back).text).toBe(text);
        expect(back.defaultEntry).toBe(p.defaultEntry);
        // The designer's fields come back as fields, not as setting rows or kept Nix.
        expect(back.bootOrder).toEqual(writesSortKeys(p) ? wantedOrder(p) : []);
        expect(back.specialisations.map((s) => s.configurationName)).toEqual(p.specialisations.map((s) => (p.base?.bootloader === 'grub' ? s.configurationName : null)));
        expect(back.specialisations.map((s) => s.extraConfig)).toEqual(p.specialisations.map(() => ''));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 120_000);
});
