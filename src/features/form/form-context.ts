import { createContext, useContext } from 'react';
import { defaultSpecialisation } from '../../model/defaults';
import { setSection } from '../../model/operations';
import type { Bootloader, Desktop, Gpu, Kernel, Project, Release, Specialisation } from '../../model/types';
import { useStudio } from '../../store/studio-store';

/**
 * Which specialisation the form edits. It does not change while the user types: each part of the form reads
 * its own slice of the specialisation with {@link useSpecialisation}, so a keystroke re-renders only the parts
 * whose slice changed, not every section.
 */
export interface FormContextValue {
  /** Index of the specialisation being edited. */
  index: number;
  release: Release;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('form fields need a FormContext');
  return value;
}

/** Stands in for a specialisation removed while its form is still mounted (the form goes at the same render). */
const GONE = defaultSpecialisation('');

/**
 * A slice of the form's specialisation (`(s) => s.users`), read from the store: the component re-renders when
 * that slice changes (by identity), not when another field of the specialisation does. Return a part of the
 * specialisation, not a new object or array made in the selector.
 */
export function useSpecialisation<T>(select: (s: Specialisation) => T): T {
  const { index } = useFormContext();
  return useStudio((st) => select(st.project.specialisations[index] ?? GONE));
}

/** The parts a specialisation and the parent system (`project.base`) share. */
export interface SharedSettings {
  desktop: Desktop;
  gpu: Gpu;
  kernel: Kernel;
}

export type SharedSection = keyof SharedSettings;

/**
 * What the desktop, GPU and kernel sections edit, and what fields' documentation links name: a
 * specialisation's settings (changes on top of the parent) or the parent system's own.
 */
export interface SettingsTarget extends SharedSettings {
  /** Model path of the settings' owner, the prefix of every field path: `specialisations[0]` or `base`. */
  prefix: string;
  owner: 'specialisation' | 'parent';
  /** The parent's bootloader, where it is known (it names the option of `defaultEntry`). */
  bootloader?: Bootloader;
  /** Users that autologin can pick from; null: typed in (the parent's users are not described). */
  userNames: string[] | null;
  release: Release;
  /** The pure edit that sets one setting. */
  update: <S extends SharedSection, K extends keyof SharedSettings[S]>(p: Project, section: S, key: K, value: SharedSettings[S][K]) => Project;
}

export const SettingsContext = createContext<SettingsTarget | null>(null);

/** The settings the surrounding form edits; null outside a form (a field that names no shared setting). */
export function useOptionalSettings(): SettingsTarget | null {
  return useContext(SettingsContext);
}

export function useSettings(): SettingsTarget {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('settings sections need a SettingsContext');
  return value;
}

/** A specialisation's settings as a target (of its users, only the names count). */
export function specialisationTarget(
  index: number,
  s: Pick<Specialisation, 'desktop' | 'gpu' | 'kernel'> & { users: readonly { name: string }[] },
  release: Release,
): SettingsTarget {
  return {
    prefix: `specialisations[${index}]`,
    owner: 'specialisation',
    desktop: s.desktop,
    gpu: s.gpu,
    kernel: s.kernel,
    userNames: [...new Set(s.users.map((u) => u.name).filter((n) => n !== ''))],
    release,
    update: (p, section, key, value) => setSection(p, index, section, key, value as Specialisation[typeof section][typeof key]),
  };
}
