import type { Project } from './types';

/** A project as a file: format v1, pretty-printed, with a final newline. */
export function projectFileText(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** `chani-paul.json` from the specialisation names (the first three), or `specialisations.json`. */
export function projectFileName(project: Project): string {
  const names = project.specialisations.map((s) => s.name.replace(/[^A-Za-z0-9_-]+/g, '')).filter(Boolean);
  const base = names.slice(0, 3).join('-') || 'specialisations';
  return `${base}.json`;
}
