import { useEffect, useMemo } from 'react';
import type { Diagnostic, Setting } from '../../model/types';
import { catalogDiagnostics } from '../../nixos/options/check-settings';
import type { OptionIndex } from '../../nixos/options/lookup';
import { studioStore, useStudio, type ExtraCheck } from '../../store/studio-store';
import { useOptionIndex } from './option-index';

const FIRST = 'specialisations[0]';

/**
 * The option catalog's warnings for setting rows (renamed or removed options, values of another kind) as the
 * store's extra check. Per specialisation, the warnings of rows that did not change are the same objects as
 * before, so a keystroke elsewhere re-renders no field that shows one. A project of another release than the
 * catalog's gets none (the release just changed and its catalog is still loading).
 */
export function catalogCheck(index: OptionIndex): ExtraCheck {
  const cache = new WeakMap<Setting[], { at: number; diagnostics: Diagnostic[] }>();
  return (project) => {
    if (project.nixosRelease !== index.catalog.release) return [];
    const out: Diagnostic[] = [];
    project.specialisations.forEach((s, i) => {
      if (s.settings.length === 0) return;
      let hit = cache.get(s.settings);
      if (hit?.at !== i) {
        const at = `specialisations[${i}]`;
        const found = catalogDiagnostics({ ...project, specialisations: [s] }, index);
        hit = { at: i, diagnostics: found.map((d) => ({ ...d, path: at + d.path.slice(FIRST.length) })) };
        cache.set(s.settings, hit);
      }
      out.push(...hit.diagnostics);
    });
    return out;
  };
}

/**
 * Keeps the store's extra check on the catalog of the project's release. The catalog is fetched once the project
 * has a setting row (never at start-up otherwise); until it has loaded, or when it cannot be, there is no check.
 */
export function useCatalogDiagnostics(): void {
  const release = useStudio((s) => s.project.nixosRelease);
  const hasRows = useStudio((s) => s.project.specialisations.some((x) => x.settings.length > 0));
  const index = useOptionIndex(release, hasRows);
  const check = useMemo(() => (index ? catalogCheck(index) : null), [index]);
  useEffect(() => {
    studioStore.getState().setExtraCheck(check);
    return () => studioStore.getState().setExtraCheck(null);
  }, [check]);
}

/** {@link useCatalogDiagnostics} as a component, for the app to mount once inside its query client. */
export function CatalogDiagnostics(): null {
  useCatalogDiagnostics();
  return null;
}
