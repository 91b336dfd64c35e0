import { temporal } from 'zundo';
import { createStore, useStore } from 'zustand';
import { defaultProject } from '../model/defaults';
import type { Project } from '../model/types';
import { followDefaultEntry } from './default-entry';
import { foreignWrite, forgetWrites, loadStoredProject, saveProject, type LoadResult } from './persistence';

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

/** The tabs beside the form: the generated module, the boot menu preview, the apply guide. */
export type OutputTab = 'nix' | 'boot-menu' | 'apply';

export interface StudioState {
  project: Project;
  /** Index of the specialisation shown in the form; -1 when none. UI state, not saved. */
  selected: number;
  /** The form column shows the main system (`project.base`) instead of the selected specialisation. UI state. */
  editingParent: boolean;
  /** The open tab of the output column. UI state, not saved. */
  outputTab: OutputTab;
  /** Model path of the field that has focus (`specialisations[0].users[1].uid`). UI state, not saved. */
  focusedField: string | null;
  notices: Notice[];
  /**
   * Replaces the project. Edits with the same `coalesce` key in a row (typing in one field)
   * make one undo step.
   */
  setProject: (next: Project | ((p: Project) => Project), options?: { coalesce?: string }) => void;
  /** Shows a specialisation in the form (and leaves the main system panel). */
  select: (index: number) => void;
  /** Shows the main system panel in the form. */
  selectParent: () => void;
  showOutput: (tab: OutputTab) => void;
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

/**
 * Creates the store; `storage` is where the project is saved on every change (null: memory only).
 * `events` is where `storage` events of other tabs arrive (the window in the app).
 */
export function createStudioStore(
  storage: Storage | null = safeStorage(),
  events: Pick<Window, 'addEventListener'> | null = typeof window === 'undefined' ? null : window,
) {
  const tabId = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const load = loadStoredProject(storage);
  const initial = load.kind === 'ok' ? load.project : defaultProject();
  let lastCoalesce: { key: string; at: number } | null = null;

  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        project: initial,
        selected: initial.specialisations.length ? 0 : -1,
        editingParent: false,
        outputTab: 'nix',
        focusedField: null,
        notices: noticeFor(load),
        setProject: (next, options) => {
          const before = get().project;
          const project = followDefaultEntry(before, typeof next === 'function' ? next(before) : next);
          if (project === before) return;
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
        select: (selected) => set({ selected, editingParent: false }),
        selectParent: () => set({ editingParent: true }),
        showOutput: (outputTab) => set({ outputTab }),
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
  // While another tab's newer version is unanswered, this tab does not overwrite it.
  let otherTabWrote = false;
  const save = (project: Project) => {
    const problem = saveProject(storage, project, tabId);
    if (problem && !storageFailed) {
      storageFailed = true;
      store.getState().notify({ kind: 'warning', message: `${problem}. Your work stays in this tab; use Save to keep a copy.` });
    } else if (!problem) storageFailed = false;
  };
  store.subscribe((state, prev) => {
    if (state.project !== prev.project && !otherTabWrote) save(state.project);
  });
  const OTHER_TAB = 'This project was changed in another tab.';
  events?.addEventListener('storage', (event) => {
    const write = foreignWrite(event as StorageEvent, tabId, storage);
    if (!write) return;
    otherTabWrote = true;
    // The other tab's save removed what its index does not name, perhaps some of ours.
    forgetWrites(storage);
    const state = store.getState();
    const answered = () => {
      otherTabWrote = false;
      store.setState({ notices: store.getState().notices.filter((n) => n.message !== OTHER_TAB) });
    };
    state.notify({
      kind: 'warning',
      message: OTHER_TAB,
      details: [
        'Your edits in this tab are no longer saved in this browser until you choose which version to keep.',
      ],
      actions: [
        ...(write.project
          ? [
              {
                label: 'Load the other tab\'s version',
                run: () => {
                  answered();
                  // Undoable like any other change; saving it again is harmless.
                  store.getState().setProject(write.project!);
                },
              },
            ]
          : []),
        {
          label: 'Keep this tab\'s version',
          run: () => {
            answered();
            save(store.getState().project);
          },
        },
      ],
    });
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
