import type { Diagnostic, Project } from '../model/types';
import type { Generated } from '../nixos/generate';
import { generatedFor } from './first-generated';
import { validate } from '../nixos/validate';
import { useStudio, type ExtraCheck, type StudioState } from './studio-store';
import { useSameArray } from './same-array';

export interface Derived extends Generated {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

let cache: { project: Project; derived: Derived } | null = null;

/** The generated module and the diagnostics of a project, computed once per project value. */
export function derive(project: Project): Derived {
  if (cache?.project === project) return cache.derived;
  const diagnostics = validate(project);
  const derived = withDiagnostics(generatedFor(project), diagnostics);
  cache = { project, derived };
  return derived;
}

/** The generated module with diagnostics; its text stays unjoined until something reads it (a spread would join it). */
function withDiagnostics(generated: Generated, diagnostics: Diagnostic[]): Derived {
  const { lines, sourceMap } = generated;
  return {
    get text() {
      return lines.text;
    },
    lines,
    sourceMap,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

let extraCache: { base: Derived; check: ExtraCheck; derived: Derived } | null = null;

/**
 * {@link derive}, with the diagnostics of the store's extra check (the option catalog's warnings for setting rows)
 * after validation's; computed once per project and check. Without extra diagnostics it is `derive(project)` itself.
 */
export function deriveWith(project: Project, check: ExtraCheck | null): Derived {
  const base = derive(project);
  if (!check) return base;
  if (extraCache?.base === base && extraCache.check === check) return extraCache.derived;
  const extra = check(project);
  const derived = extra.length ? withDiagnostics(base, [...base.diagnostics, ...extra]) : base;
  extraCache = { base, check, derived };
  return derived;
}

/** What the UI shows of the store's project: generated text, and diagnostics with the extra check's. */
export const deriveState = (s: Pick<StudioState, 'project' | 'extraCheck'>): Derived => deriveWith(s.project, s.extraCheck);

export function useDerived(): Derived {
  const project = useStudio((s) => s.project);
  const check = useStudio((s) => s.extraCheck);
  return deriveWith(project, check);
}

/**
 * The diagnostics at one field (`list`: also at its items), as a hook that re-renders only when
 * they change. Diagnostics of unchanged specialisations are the same objects from one project to
 * the next (validation caches them), so a keystroke re-renders only the fields it affects.
 */
export function useFieldDiagnostics(path: string, list = false): Diagnostic[] {
  return useStudio(useSameArray((s) => fieldDiagnostics(deriveState(s).diagnostics, path, list)));
}

const NONE: Diagnostic[] = [];
interface FieldIndex {
  /** By path. */
  at: Map<string, Diagnostic[]>;
  /** By path, with those of the path's items (`…tags` also holds `…tags[2]` and `…tags[2].x`). */
  withItems: Map<string, Diagnostic[]>;
}
const fieldIndexes = new WeakMap<Diagnostic[], FieldIndex>();

/**
 * The diagnostics at one field (`list`: also at its items), in their order. Every field asks on every
 * change, thousands of them in a specialisation of many users: the answer comes from an index built
 * once per list of diagnostics, not from a scan of all of them per field.
 */
export function fieldDiagnostics(diagnostics: Diagnostic[], path: string, list = false): Diagnostic[] {
  let index = fieldIndexes.get(diagnostics);
  if (!index) {
    index = { at: new Map(), withItems: new Map() };
    const add = (map: Map<string, Diagnostic[]>, key: string, d: Diagnostic) => {
      const found = map.get(key);
      if (found) found.push(d);
      else map.set(key, [d]);
    };
    for (const d of diagnostics) {
      add(index.at, d.path, d);
      add(index.withItems, d.path, d);
      for (let i = d.path.indexOf('['); i > 0; i = d.path.indexOf('[', i + 1)) add(index.withItems, d.path.slice(0, i), d);
    }
    fieldIndexes.set(diagnostics, index);
  }
  return (list ? index.withItems : index.at).get(path) ?? NONE;
}
