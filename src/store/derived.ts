import type { Diagnostic, Project } from '../model/types';
import { generate, type Generated } from '../nix/generate';
import { validate } from '../nix/validate';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from './studio-store';

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
  const derived = {
    ...generate(project),
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
  cache = { project, derived };
  return derived;
}

export function useDerived(): Derived {
  return derive(useStudio((s) => s.project));
}

/**
 * The diagnostics at one field (`list`: also at its items), as a hook that re-renders only when
 * they change. Diagnostics of unchanged specialisations are the same objects from one project to
 * the next (validation caches them), so a keystroke re-renders only the fields it affects.
 */
export function useFieldDiagnostics(path: string, list = false): Diagnostic[] {
  return useStudio(
    useShallow((s) => derive(s.project).diagnostics.filter((d) => d.path === path || (list && isItemOf(d.path, path)))),
  );
}

const isItemOf = (candidate: string, path: string) =>
  candidate.startsWith(path) && candidate[path.length] === '[';
