import { temporal } from 'zundo';
import { createStore, useStore } from 'zustand';
import { defaultProject } from '../model/defaults';
import type { Project } from '../model/types';
import { loadStoredProject, saveProject, type LoadResult } from './persistence';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  message: string;
  /** Further lines, e.g. each option path a release change renames. */
  details?: string[];
  /** Buttons such as Undo or "Switch chani to Plasma 6"; running one dismisses the notice. */
  actions?: NoticeAction[];
  /** The raw value that was set aside, offered for download. */
  download?: { fileName: string; text: string };
}

export interface StudioState {
  project: Project;
  /** Index of the specialisation shown in the form; -1 when none. UI state, not saved. */
  selected: number;
  /** Model path of the field that has focus (`specialisations[0].users[1].uid`). UI state, not saved. */
  focusedField: string | null;
  notices: Notice[];
  /**
   * Replaces the project. Edits with the same `coalesce` key in a row (typing in one field)
   * make one undo step.
   */
  setProject: (next: Project | ((p: Project) => Project), options?: { coalesce?: string }) => void;
  select: (index: number) => void;
  focusField: (path: string | null) => void;
  notify: (notice: Notice) => void;
  dismissNotice: (index: number) => void;
}

const COALESCE_MS = 1000;

function noticeFor(load: LoadResult): Notice[] {
  if (load.kind !== 'set-aside') return [];
  return [
    {
      kind: 'warning',
      message: `Your saved project could not be opened (${load.reason}). It was kept aside${load.keptAs ? ' in this browser' : ''} and you can download it; the app started with an empty project.`,
      download: { fileName: 'set-aside-project.json', text: load.raw },
    },
  ];
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Creates the store; `storage` is where the project is saved on every change (null: memory only). */
export function createStudioStore(storage: Storage | null = safeStorage()) {
  const load = loadStoredProject(storage);
  const initial = load.kind === 'ok' ? load.project : defaultProject();
  let lastCoalesce: { key: string; at: number } | null = null;

  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        project: initial,
        selected: initial.specialisations.length ? 0 : -1,
        focusedField: null,
        notices: noticeFor(load),
        setProject: (next, options) => {
          const project = typeof next === 'function' ? next(get().project) : next;
          if (project === get().project) return;
          const now = Date.now();
          const key = options?.coalesce;
          const continuing = key !== undefined && lastCoalesce?.key === key && now - lastCoalesce.at < COALESCE_MS;
          lastCoalesce = key === undefined ? null : { key, at: now };
          const history = store.temporal.getState();
          if (continuing) history.pause();
          const count = project.specialisations.length;
          set({ project, selected: count === 0 ? -1 : Math.max(0, Math.min(get().selected, count - 1)) });
          if (continuing) history.resume();
        },
        select: (selected) => set({ selected }),
        focusField: (focusedField) => set({ focusedField }),
        notify: (notice) => set({ notices: [...get().notices.filter((n) => n.message !== notice.message), notice] }),
        dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
      }),
      {
        partialize: (state) => ({ project: state.project }),
        equality: (a, b) => a.project === b.project,
        limit: 500,
      },
    ),
  );

  let storageFailed = false;
  store.subscribe((state, prev) => {
    if (state.project === prev.project) return;
    const problem = saveProject(storage, state.project);
    if (problem && !storageFailed) {
      storageFailed = true;
      state.notify({ kind: 'warning', message: `${problem}. Your work stays in this tab; use Save to keep a copy.` });
    } else if (!problem) storageFailed = false;
  });
  return store;
}

export type StudioStore = ReturnType<typeof createStudioStore>;

export const studioStore = createStudioStore();

export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(studioStore, selector);
}

export const undo = () => studioStore.temporal.getState().undo();
export const redo = () => studioStore.temporal.getState().redo();
