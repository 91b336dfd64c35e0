import { temporal } from 'zundo';
import { createStore, useStore } from 'zustand';
import { defaultProject } from '../model/defaults';
import { projectFileText } from '../model/project-file';
import type { Diagnostic, Project } from '../model/types';
import { followDefaultEntry } from './default-entry';
import {
  deleteSetAside,
  earlierSetAsides,
  foreignWrite,
  forgetWrites,
  loadEditNixText,
  loadStoredProject,
  saveEditNixText,
  saveProject,
  QUARANTINE_PREFIX,
  type LoadResult,
} from './persistence';

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
  /** A file offered for download, such as the raw value that was set aside. */
  download?: NoticeDownload;
  /** More files offered for download. */
  downloads?: NoticeDownload[];
  /** The notice tells of something still going on (saving is off): it has no Dismiss and stays until that ends. */
  persistent?: boolean;
  /** While the notice still applies to the project (a release change: while that release is the target); it leaves on its own after. */
  appliesTo?: (project: Project) => boolean;
}

export interface NoticeDownload {
  fileName: string;
  text: string;
}

/**
 * More checks of a project than the model's own validation, such as the option catalog's warnings for setting rows
 * (src/features/options). Set by the features that own them; the store knows nothing of where they come from.
 */
export type ExtraCheck = (project: Project) => Diagnostic[];

/** The tabs beside the form: the generated module, the boot menu preview, the apply guide. */
export type OutputTab = 'nix' | 'boot-menu' | 'compare' | 'apply';

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
  /** Run on the project beside validation; its diagnostics join the fields' messages and the problems list. UI state. */
  extraCheck: ExtraCheck | null;
  setExtraCheck: (check: ExtraCheck | null) => void;
  /** Edit Nix text found saved at start that the project did not hold yet; Edit Nix opens with it. */
  restoredEditNix: string | null;
  /** Saves the Edit Nix text at once (null: the project holds it now, or it was dropped). */
  keepEditNixText: (text: string | null) => void;
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

const recoveredName = 'recovered-project.json';

function noticeFor(load: LoadResult): Notice[] {
  if (load.kind !== 'set-aside') return [];
  const kept = load.keptAs
    ? 'Everything it held was kept aside in this browser, nothing was deleted, and you can download it'
    : 'There was no room in this browser to keep a copy aside, so this tab does not save over it until you choose; download it first';
  return [
    {
      kind: 'warning',
      message: `Your saved project could not be opened (${load.reason}). ${kept}; the app started with an empty project.`,
      details: load.recovered
        ? [`${countOf(load.recovered)} could still be read: open them here, or download them as ${recoveredName}.`]
        : undefined,
      downloads: [
        ...(load.recovered ? [{ fileName: recoveredName, text: projectFileText(load.recovered) }] : []),
        { fileName: 'set-aside-project.json', text: load.raw },
      ],
    },
  ];
}

const countOf = (p: Project) => `${p.specialisations.length} ${p.specialisations.length === 1 ? 'specialisation' : 'specialisations'}`;

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
  const restoredEditNix = loadEditNixText(storage);
  let editNixSaved = restoredEditNix !== null;
  let lastCoalesce: { key: string; at: number } | null = null;
  /**
   * Why this tab does not save now: another tab saved (until the user picks a version), or a stored
   * project that could not be read could not be kept aside either (until the user chooses to save over it).
   * Either way a notice without Dismiss says so.
   */
  let hold: 'other-tab' | 'set-aside' | null = load.kind === 'set-aside' && load.keptAs === null ? 'set-aside' : null;
  /** The notice saying saving fails, while it does. */
  let failure: string | null = null;

  const store = createStore<StudioState>()(
    temporal(
      (set, get) => ({
        project: initial,
        selected: initial.specialisations.length ? 0 : -1,
        editingParent: false,
        outputTab: 'nix',
        focusedField: null,
        notices: [],
        extraCheck: null,
        setExtraCheck: (extraCheck) => set({ extraCheck }),
        restoredEditNix,
        keepEditNixText: (text) => {
          if (text === null && get().restoredEditNix !== null) set({ restoredEditNix: null });
          if (hold || (text === null && !editNixSaved)) return;
          const problem = saveEditNixText(storage, text);
          if (problem) report(problem);
          else editNixSaved = text !== null;
        },
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
        // A persistent notice goes only when what it tells of ends.
        dismissNotice: (index) => set({ notices: get().notices.filter((n, i) => i !== index || n.persistent) }),
      }),
      {
        partialize: (state) => ({ project: state.project }),
        equality: (a, b) => a.project === b.project,
        limit: 500,
      },
    ),
  );

  const withoutNotice = (message: string) =>
    store.setState({ notices: store.getState().notices.filter((n) => n.message !== message) });
  /** Tells when saving starts failing (once), and takes that back when a save succeeds again. */
  const report = (problem: string | null) => {
    if (problem && !failure) {
      failure = `${problem}. Your work stays in this tab; use Save to keep a copy.`;
      store.getState().notify({ kind: 'warning', message: failure, persistent: true });
    } else if (!problem && failure) {
      withoutNotice(failure);
      failure = null;
    }
  };
  const save = (project: Project) => report(saveProject(storage, project, tabId));
  store.subscribe((state, prev) => {
    if (state.project !== prev.project && !hold) save(state.project);
  });

  /** Opens what could be read of a project that was set aside (undoable, like opening a file). */
  const openRecovered = (recovered: Project): NoticeAction => ({
    label: `Open the ${countOf(recovered)} that could be read`,
    run: () => {
      store.getState().setProject(recovered);
      store.getState().select(0);
    },
  });
  const deleteCopy = (key: string): NoticeAction => ({
    label: 'Delete the kept copy from this browser',
    run: () => deleteSetAside(storage, key),
  });
  const startNotices = noticeFor(load).map((notice) => ({
    ...notice,
    actions: [
      ...(load.kind === 'set-aside' && load.recovered ? [openRecovered(load.recovered)] : []),
      ...(load.kind === 'set-aside' && load.keptAs ? [deleteCopy(load.keptAs)] : []),
    ],
  }));
  const HELD = 'This tab does not save, so as not to overwrite the saved project that could not be opened.';
  if (hold === 'set-aside')
    startNotices.push({
      kind: 'warning',
      message: HELD,
      persistent: true,
      actions: [
        {
          label: 'Save this tab\'s work over it',
          run: () => {
            withoutNotice(HELD);
            if (hold !== 'set-aside') return;
            hold = null;
            save(store.getState().project);
          },
        },
      ],
    });
  for (const earlier of earlierSetAsides(storage, load.kind === 'set-aside' ? load.keptAs : null))
    startNotices.push({
      kind: 'info',
      message: `A saved project that could not be opened is kept aside in this browser (${earlier.key.slice(QUARANTINE_PREFIX.length)}).`,
      details: earlier.recovered ? [`${countOf(earlier.recovered)} in it can be read.`] : undefined,
      downloads: [
        ...(earlier.recovered ? [{ fileName: recoveredName, text: projectFileText(earlier.recovered) }] : []),
        { fileName: 'set-aside-project.json', text: earlier.raw },
      ],
      actions: [...(earlier.recovered ? [openRecovered(earlier.recovered)] : []), deleteCopy(earlier.key)],
    });
  store.setState({ notices: startNotices });

  const OTHER_TAB = 'This project was changed in another tab.';
  events?.addEventListener('storage', (event) => {
    const write = foreignWrite(event as StorageEvent, tabId, storage);
    if (!write) return;
    hold = 'other-tab';
    // The other tab's save removed what its index does not name, perhaps some of ours.
    forgetWrites(storage);
    const answered = () => {
      hold = null;
      withoutNotice(OTHER_TAB);
    };
    store.getState().notify({
      kind: 'warning',
      message: OTHER_TAB,
      persistent: true,
      details: [
        'This tab does not save your edits until you choose which version to keep.',
        ...(write.project ? [] : ['The other tab\'s version cannot be read here (a newer Specialisation Studio?).']),
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
          label: 'Save this tab\'s version',
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
