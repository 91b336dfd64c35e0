import { defaultBase } from '../../model/defaults';
import type { Base, Project } from '../../model/types';
import type { SharedSection, SharedSettings } from '../form/form-context';

/**
 * Pure edits of the parent system (`project.base`), in the style of src/model/operations.ts; each
 * returns the same project when nothing changes. With no base described, they change nothing.
 */

export function describeBase(p: Project, on: boolean): Project {
  if (on === (p.base !== null)) return p;
  return { ...p, base: on ? defaultBase() : null };
}

export function setBaseField<K extends 'bootloader' | 'grubDevice' | 'pkiBundle' | 'networkmanager'>(p: Project, key: K, value: Base[K]): Project {
  if (!p.base || p.base[key] === value) return p;
  return { ...p, base: { ...p.base, [key]: value } };
}

export function setBaseSection<S extends SharedSection, K extends keyof SharedSettings[S]>(
  p: Project,
  section: S,
  key: K,
  value: SharedSettings[S][K],
): Project {
  if (!p.base) return p;
  const current: SharedSettings[S] = p.base[section];
  if (current[key] === value) return p;
  return { ...p, base: { ...p.base, [section]: { ...current, [key]: value } } };
}

export function setDefaultEntry(p: Project, name: string | null): Project {
  return p.defaultEntry === name ? p : { ...p, defaultEntry: name };
}
