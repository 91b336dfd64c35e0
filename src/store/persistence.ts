import { readProject } from '../model/read';
import type { Project, Specialisation } from '../model/types';

export const STORAGE_KEY = 'specialisation-studio:project';
export const QUARANTINE_PREFIX = 'specialisation-studio:set-aside:';
/** Each specialisation is stored under a key named after its content; the index lists them. */
export const SPECIALISATION_PREFIX = 'specialisation-studio:specialisation:';
/**
 * Version of the stored layout (not of the project format). 1: the whole project in one value;
 * 2: an index under STORAGE_KEY plus one value per specialisation, so a keystroke rewrites a few
 * hundred bytes instead of the whole project.
 */
export const STORAGE_VERSION = 2;

export interface StoredEnvelope {
  storageVersion: number;
  /** The project; in layout 2 without `specialisations`, which `specialisationKeys` names. */
  project: unknown;
  specialisationKeys?: string[];
  /** The tab that wrote it, so another tab can tell its own writes from others'. */
  tabId?: string;
}

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; project: Project }
  /** The stored value could not be read; it was copied to `keptAs` and the app starts clean. */
  | { kind: 'set-aside'; keptAs: string | null; reason: string; raw: string };

/** The whole project an envelope stands for (specialisations read from their keys), or why not. */
function resolve(envelope: StoredEnvelope, storage: Storage): { data: unknown } | { missing: string } {
  if (envelope.storageVersion < 2 || !Array.isArray(envelope.specialisationKeys)) return { data: envelope.project };
  const specialisations: unknown[] = [];
  for (const key of envelope.specialisationKeys) {
    const raw = typeof key === 'string' && key.startsWith(SPECIALISATION_PREFIX) ? storage.getItem(key) : null;
    if (raw === null) return { missing: String(key) };
    specialisations.push(JSON.parse(raw));
  }
  return { data: { ...(envelope.project as object), specialisations } };
}

/** Reads the stored project back, validating it; never throws. */
export function loadStoredProject(storage: Storage | null): LoadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  const setAside = (reason: string, whole: string = raw!): LoadResult => {
    const keptAs = `${QUARANTINE_PREFIX}${new Date().toISOString()}`;
    try {
      storage!.setItem(keptAs, whole);
      storage!.removeItem(STORAGE_KEY);
      return { kind: 'set-aside', keptAs, reason, raw: whole };
    } catch {
      return { kind: 'set-aside', keptAs: null, reason, raw: whole };
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
  let whole: { data: unknown } | { missing: string };
  try {
    whole = resolve(envelope, storage!);
  } catch {
    return setAside('a part of the saved project is not valid JSON');
  }
  if ('missing' in whole) return setAside(`a part of the saved project is missing (${whole.missing})`);
  // What is set aside is the whole project, in one value, so the download holds everything.
  const wholeText = envelope.storageVersion < 2 ? raw : JSON.stringify({ storageVersion: 1, project: whole.data });
  const { project, diagnostics } = readProject(whole.data);
  if (diagnostics.length)
    return setAside(`the saved project has errors (${diagnostics[0].path}: ${diagnostics[0].message})`, wholeText);
  const keys = envelope.specialisationKeys ?? [];
  collectGarbage(storage!, keys);
  known.set(storage!, { written: new Set(keys), indexed: [...keys] });
  return { kind: 'ok', project };
}

/** Removes stored specialisations that the index no longer names (left by a crash between writes). */
function collectGarbage(storage: Storage, keep: readonly string[]) {
  const referenced = new Set(keep);
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(SPECIALISATION_PREFIX) && !referenced.has(key)) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}

/** What this tab knows is in a storage: the specialisation keys it wrote, and those its last index named. */
const known = new WeakMap<Storage, { written: Set<string>; indexed: string[] }>();

/** Forget what this tab wrote (another tab may have removed it): the next save writes everything. */
export function forgetWrites(storage: Storage | null): void {
  if (storage) known.delete(storage);
}

/**
 * Saves the project; returns an error message when storage is full or disabled. Specialisations
 * are written first, each under a key named after its content, then the index that names them:
 * a crash in between leaves the previous index, which still names what it needs.
 */
export function saveProject(storage: Storage | null, project: Project, tabId?: string): string | null {
  if (!storage) return 'this browser does not allow saving (private mode?)';
  try {
    let state = known.get(storage);
    if (!state) known.set(storage, (state = { written: new Set(), indexed: [] }));
    const keys = project.specialisations.map((s) => {
      const { key, json } = stored(s);
      if (!state!.written.has(key)) {
        storage.setItem(key, json);
        state!.written.add(key);
      }
      return key;
    });
    storage.setItem(STORAGE_KEY, indexJson(project, keys, tabId));
    const now = new Set(keys);
    for (const key of state.indexed)
      if (!now.has(key)) {
        storage.removeItem(key);
        state.written.delete(key);
      }
    state.indexed = keys;
    return null;
  } catch (e) {
    return `could not save in this browser: ${(e as Error).name === 'QuotaExceededError' ? 'storage is full' : (e as Error).message}`;
  }
}

/** JSON and key of each specialisation object, reused until it changes: a keystroke serialises one. */
const storedForm = new WeakMap<Specialisation, { key: string; json: string }>();

function stored(s: Specialisation): { key: string; json: string } {
  let entry = storedForm.get(s);
  if (!entry) {
    const json = JSON.stringify(s);
    storedForm.set(s, (entry = { key: `${SPECIALISATION_PREFIX}${contentHash(json)}`, json }));
  }
  return entry;
}

/** Two 32-bit FNV-1a hashes of the text: a name for its content. */
function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36) + text.length.toString(36);
}

/** The index: the project without its specialisations, and the keys they are stored under. */
export function indexJson(project: Project, keys: readonly string[], tabId?: string): string {
  const envelope: StoredEnvelope = {
    storageVersion: STORAGE_VERSION,
    project: { ...project, specialisations: undefined },
    specialisationKeys: [...keys],
    ...(tabId ? { tabId } : {}),
  };
  return JSON.stringify(envelope);
}

/**
 * A write of the project by another tab, read from a `storage` event; null when the event is
 * about something else or was this tab's own write. `project` is null when the value cannot be read.
 */
export function foreignWrite(
  event: { key: string | null; newValue: string | null },
  ownTabId: string,
  storage: Storage | null,
): { project: Project | null } | null {
  if (event.key !== STORAGE_KEY || event.newValue === null) return null;
  try {
    const envelope = JSON.parse(event.newValue) as StoredEnvelope;
    if (envelope.tabId === ownTabId) return null;
    const whole = storage ? resolve(envelope, storage) : { data: envelope.project };
    if ('missing' in whole) return { project: null };
    const { project, diagnostics } = readProject(whole.data);
    return { project: diagnostics.length ? null : project };
  } catch {
    return { project: null };
  }
}
