import { createStore, useStore } from 'zustand';

/**
 * The configuration.nix the user last opened through Import or "Fill from configuration.nix": the
 * text as it was read, kept so the patch view can change it. It is the user's file, so it is saved
 * (in its own storage key) and survives a reload; it is replaced only by the next file opened.
 */
export interface ConfigurationFile {
  /** `configuration.nix`, or `pasted text`. */
  name: string;
  text: string;
  /** How the file names the module (the patch view's field). */
  moduleFile: string;
  /** Parent settings the user chose to set for the parent entry only. */
  parentOnly: string[];
}

interface State {
  file: ConfigurationFile | null;
  /** A new file opened: the choices made for another file do not carry over. */
  open: (name: string, text: string) => void;
  update: (change: Partial<Pick<ConfigurationFile, 'moduleFile' | 'parentOnly'>>) => void;
}

export const CONFIGURATION_FILE_KEY = 'specialisation-studio:configuration-file';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What was saved, when it reads as one: anything else is ignored (the key is ours alone). */
export function readConfigurationFile(raw: string | null): ConfigurationFile | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<ConfigurationFile>;
    if (typeof v.name !== 'string' || typeof v.text !== 'string' || typeof v.moduleFile !== 'string') return null;
    const parentOnly = Array.isArray(v.parentOnly) ? v.parentOnly.filter((x): x is string => typeof x === 'string') : [];
    return { name: v.name, text: v.text, moduleFile: v.moduleFile, parentOnly };
  } catch {
    return null;
  }
}

const save = (file: ConfigurationFile | null) => {
  try {
    if (file) storage()?.setItem(CONFIGURATION_FILE_KEY, JSON.stringify(file));
  } catch {
    // Full or disabled storage: the file stays in memory for this tab (the project's own notices say storage is failing).
  }
};

export const configurationFileStore = createStore<State>()((set, get) => ({
  file: readConfigurationFile(storage()?.getItem(CONFIGURATION_FILE_KEY) ?? null),
  open: (name, text) => {
    const file = { name, text, moduleFile: get().file?.moduleFile ?? './specialisations.nix', parentOnly: [] };
    save(file);
    set({ file });
  },
  update: (change) => {
    const current = get().file;
    if (!current) return;
    const file = { ...current, ...change };
    save(file);
    set({ file });
  },
}));

export const useConfigurationFile = <T,>(select: (s: State) => T): T => useStore(configurationFileStore, select);
