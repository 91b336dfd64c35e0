import { readProject } from '../model/read';
import type { Project, Specialisation } from '../model/types';

export const STORAGE_KEY = 'specialisation-studio:project';
export const QUARANTINE_PREFIX = 'specialisation-studio:set-aside:';
/** Version of the stored envelope (not of the project format). */
export const STORAGE_VERSION = 1;

export interface StoredEnvelope {
  storageVersion: number;
  project: unknown;
  /** The tab that wrote it, so another tab can tell its own writes from others'. */
  tabId?: string;
}

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; project: Project }
  /** The stored value could not be read; it was copied to `keptAs` and the app starts clean. */
  | { kind: 'set-aside'; keptAs: string | null; reason: string; raw: string };

/** Reads the stored project back, validating it; never throws. */
export function loadStoredProject(storage: Storage | null): LoadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  const setAside = (reason: string): LoadResult => {
    const keptAs = `${QUARANTINE_PREFIX}${new Date().toISOString()}`;
    try {
      storage!.setItem(keptAs, raw!);
      storage!.removeItem(STORAGE_KEY);
      return { kind: 'set-aside', keptAs, reason, raw: raw! };
    } catch {
      return { kind: 'set-aside', keptAs: null, reason, raw: raw! };
    }
  };
  let envelope: StoredEnvelope;
  try {
    envelope = JSON.parse(raw);
  } catch {
    return setAside('the saved project is not valid JSON');
  }
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.storageVersion !== 'number')
    return setAside('the saved value is not a Specialisation Studio project');
  if (envelope.storageVersion > STORAGE_VERSION)
    return setAside('the saved project was written by a newer Specialisation Studio');
  const { project, diagnostics } = readProject(envelope.project);
  if (diagnostics.length)
    return setAside(`the saved project has errors (${diagnostics[0].path}: ${diagnostics[0].message})`);
  return { kind: 'ok', project };
}

/** Saves the project; returns an error message when storage is full or disabled. */
export function saveProject(storage: Storage | null, project: Project, tabId?: string): string | null {
  if (!storage) return 'this browser does not allow saving (private mode?)';
  try {
    storage.setItem(STORAGE_KEY, envelopeJson(project, tabId));
    return null;
  } catch (e) {
    return `could not save in this browser: ${(e as Error).name === 'QuotaExceededError' ? 'storage is full' : (e as Error).message}`;
  }
}

/**
 * A write of the project by another tab, read from a `storage` event; null when the event is
 * about something else or was this tab's own write. `project` is null when the value cannot be read.
 */
export function foreignWrite(
  event: { key: string | null; newValue: string | null },
  ownTabId: string,
): { project: Project | null } | null {
  if (event.key !== STORAGE_KEY || event.newValue === null) return null;
  try {
    const envelope = JSON.parse(event.newValue) as StoredEnvelope;
    if (envelope.tabId === ownTabId) return null;
    const { project, diagnostics } = readProject(envelope.project);
    return { project: diagnostics.length ? null : project };
  } catch {
    return { project: null };
  }
}

/** JSON of each specialisation object, reused until it changes: a keystroke re-serialises one. */
const specJson = new WeakMap<Specialisation, string>();

/** `JSON.stringify` of the stored envelope, built from cached pieces (the same value, in fewer steps). */
export function envelopeJson(project: Project, tabId?: string): string {
  const specs = project.specialisations.map((s) => {
    let json = specJson.get(s);
    if (json === undefined) specJson.set(s, (json = JSON.stringify(s)));
    return json;
  });
  const head = JSON.stringify({ ...project, specialisations: 0 });
  const projectText = head.replace('"specialisations":0', `"specialisations":[${specs.join(',')}]`);
  return `{"storageVersion":${STORAGE_VERSION},"project":${projectText}${tabId ? `,"tabId":${JSON.stringify(tabId)}` : ''}}`;
}
