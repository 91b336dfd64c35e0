import type { Project } from '../model/types';

/**
 * Keeps `defaultEntry` on the same specialisation when an edit renames or deletes it: a rename
 * (same list length, the entry at the old default's place now has another name) follows the new
 * name; a deletion (the name is gone and the list is shorter) makes the parent the default again.
 * Anything else leaves `next` as it is.
 */
export function followDefaultEntry(prev: Project, next: Project): Project {
  const wanted = prev.defaultEntry;
  if (wanted === null || next.defaultEntry !== wanted) return next;
  if (next.specialisations.some((s) => s.name === wanted)) return next;
  const at = prev.specialisations.findIndex((s) => s.name === wanted);
  if (at === -1) return next;
  if (next.specialisations.length === prev.specialisations.length) {
    const renamed = next.specialisations[at];
    return renamed ? { ...next, defaultEntry: renamed.name } : next;
  }
  if (next.specialisations.length < prev.specialisations.length) return { ...next, defaultEntry: null };
  return next;
}
