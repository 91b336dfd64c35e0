import { readProject } from '../model/read';
import type { Diagnostic, Project, Specialisation } from '../model/types';
import { parseJson } from '../model/json-error';

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

/**
 * A copy of stored values that could not be read, under QUARANTINE_PREFIX: each value as it was
 * stored, by its key. Pieces it holds or names are not garbage-collected until the user deletes it.
 */
interface SetAsideRecord {
  about: string;
  setAside: 1;
  reason: string;
  values: Record<string, string>;
  /** Pieces named but not copied (there was no room for a copy): they stay where they are. */
  pieces?: string[];
  /** Pieces the index named that were not there. */
  missing?: string[];
}

/** What was kept aside: offered for download, and the specialisations that could still be read. */
export interface KeptAside {
  /** Its key in storage; null when there was no room to keep it (nothing was removed then). */
  keptAs: string | null;
  reason: string;
  /** The set-aside copy as a file: every value as it was stored, by key. */
  raw: string;
  /** The specialisations that could be read, as a valid project; null when none could. */
  recovered: Project | null;
}

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; project: Project }
  /** The stored value could not be fully read; everything was kept aside and the app starts clean. */
  | ({ kind: 'set-aside' } & KeptAside);

const ABOUT =
  'Specialisation Studio could not open this saved project. "values" holds every value it had saved, as text, by its localStorage key; the specialisations that could be read are offered as a project file beside it.';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPieceKey = (k: unknown): k is string => typeof k === 'string' && k.startsWith(SPECIALISATION_PREFIX);
const firstProblem = (d: Diagnostic[]) => `${d[0].path}: ${d[0].message}`;
/** Stored JSON, numbers judged as written (as in a project file: `999.99999999999999` is not a uid). */
const parseOrUndefined = (text: string): unknown => {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
};

type Get = (key: string) => string | null;

type Reading =
  | { ok: true; project: Project; keys: string[] }
  | {
      ok: false;
      reason: string;
      /** The project's settings from the index, when it has them. */
      meta: unknown;
      /** Specialisations held in the value itself (layout 1). */
      inline: unknown[] | null;
      /** Piece keys the index names; null when it does not say (then every piece may be its). */
      named: string[] | null;
    };

/** Reads an index (and the pieces it names through `get`) into a validated project, or says why not; never throws. */
function readStored(raw: string, get: Get): Reading {
  const fail = (reason: string, meta: unknown = undefined, inline: unknown[] | null = null, named: string[] | null = null): Reading => ({
    ok: false,
    reason,
    meta,
    inline,
    named,
  });
  const envelope = parseOrUndefined(raw);
  if (envelope === undefined) return fail('the saved project is not valid JSON');
  if (!isObject(envelope) || typeof envelope.storageVersion !== 'number') return fail('the saved value is not a Specialisation Studio project');
  const version = envelope.storageVersion;
  if (version > STORAGE_VERSION) return fail('the saved project was written by a newer Specialisation Studio');
  if (version === 1) {
    const { project, diagnostics } = readProject(envelope.project);
    if (!diagnostics.length) return { ok: true, project, keys: [] };
    const inline = isObject(envelope.project) && Array.isArray(envelope.project.specialisations) ? envelope.project.specialisations : [];
    return fail(`the saved project has errors (${firstProblem(diagnostics)})`, envelope.project, inline);
  }
  if (version !== 2) return fail(`the saved value is not a Specialisation Studio project (layout ${version})`);
  const keys = envelope.specialisationKeys;
  if (!Array.isArray(keys) || !keys.every(isPieceKey))
    return fail('the saved index does not say where its specialisations are', envelope.project);
  const specialisations: unknown[] = [];
  for (const key of keys) {
    const text = get(key);
    if (text === null) return fail(`a part of the saved project is missing (${key})`, envelope.project, null, keys);
    const piece = parseOrUndefined(text);
    if (piece === undefined) return fail(`a part of the saved project is not valid JSON (${key})`, envelope.project, null, keys);
    specialisations.push(piece);
  }
  const { project, diagnostics } = readProject({ ...(isObject(envelope.project) ? envelope.project : {}), specialisations });
  if (!isObject(envelope.project) || diagnostics.length)
    return fail(
      `the saved project has errors (${diagnostics.length ? firstProblem(diagnostics) : '(root): not an object'})`,
      envelope.project,
      null,
      keys,
    );
  return { ok: true, project, keys };
}

/** The specialisations among `pieces` that are valid on their own, with the settings of `meta` if they are valid: a project, or null when no specialisation can be read. */
function recover(meta: unknown, pieces: unknown[]): Project | null {
  const readable = pieces.filter((piece) => isObject(piece) && readProject({ version: 1, specialisations: [piece] }).diagnostics.length === 0);
  if (!readable.length) return null;
  const withMeta = isObject(meta) ? readProject({ ...meta, specialisations: readable }) : null;
  if (withMeta && withMeta.diagnostics.length === 0) return withMeta.project;
  return readProject({ version: 1, specialisations: readable }).project;
}

/** Every key in a storage (tests' storages without `key` have none to list). */
function storageKeys(storage: Storage): string[] {
  const keys: string[] = [];
  const count = typeof storage.length === 'number' ? storage.length : 0;
  for (let i = 0; i < count; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** The set-aside record stored under `key`, or null for an older set-aside value (the raw text). */
function setAsideRecord(text: string | null): SetAsideRecord | null {
  const value = text === null ? undefined : parseOrUndefined(text);
  return isObject(value) && value.setAside === 1 && isObject(value.values) ? (value as unknown as SetAsideRecord) : null;
}

/** Pieces that set-aside copies hold or name: nothing removes them until the user deletes the copy. */
function setAsidePieces(storage: Storage): Set<string> {
  const held = new Set<string>();
  for (const key of storageKeys(storage)) {
    if (!key.startsWith(QUARANTINE_PREFIX)) continue;
    const record = setAsideRecord(storage.getItem(key));
    if (!record) continue;
    for (const k of [...Object.keys(record.values), ...(Array.isArray(record.pieces) ? record.pieces : [])]) if (isPieceKey(k)) held.add(k);
  }
  return held;
}

/**
 * Keeps aside everything that may belong to a stored project that could not be fully read: its
 * index as stored, and every piece it names or that nothing names (all pieces when the index does
 * not say), each as stored. The copy goes under QUARANTINE_PREFIX; then the index is removed and
 * the pieces stay, held by the copy. Without room for a full copy, a copy of the index naming the
 * pieces; without room for that, nothing is removed at all.
 */
function keepAside(storage: Storage, rawIndex: string | null, failure: Extract<Reading, { ok: false }>): KeptAside {
  const held = setAsidePieces(storage);
  const loose = storageKeys(storage).filter((k) => isPieceKey(k) && !held.has(k));
  const pieces = [...new Set([...(failure.named ?? []), ...loose])];
  const values: Record<string, string> = {};
  if (rawIndex !== null) values[STORAGE_KEY] = rawIndex;
  for (const key of pieces) {
    const text = storage.getItem(key);
    if (text !== null) values[key] = text;
  }
  const missing = (failure.named ?? []).filter((k) => !(k in values));
  const record: SetAsideRecord = { about: ABOUT, setAside: 1, reason: failure.reason, values, ...(missing.length ? { missing } : {}) };
  const raw = JSON.stringify(record, null, 2);
  const candidates = failure.inline ?? (failure.named ?? loose).flatMap((k) => (k in values ? [parseOrUndefined(values[k])] : []));
  const recovered = recover(failure.meta, candidates);
  let keptAs = `${QUARANTINE_PREFIX}${new Date().toISOString()}`;
  // Never over an earlier copy.
  for (let n = 2; storage.getItem(keptAs) !== null; n++) keptAs = `${QUARANTINE_PREFIX}${new Date().toISOString()}-${n}`;
  const byName: SetAsideRecord = { ...record, values: rawIndex === null ? {} : { [STORAGE_KEY]: rawIndex }, pieces };
  for (const text of [raw, JSON.stringify(byName)])
    try {
      storage.setItem(keptAs, text);
      if (rawIndex !== null) storage.removeItem(STORAGE_KEY);
      known.delete(storage);
      return { keptAs, reason: failure.reason, raw, recovered };
    } catch {
      // Try the smaller copy, then keep everything where it is.
    }
  return { keptAs: null, reason: failure.reason, raw, recovered };
}

/** Reads the stored project back, validating it; never throws. */
export function loadStoredProject(storage: Storage | null): LoadResult {
  if (!storage) return { kind: 'empty' };
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) {
      // Pieces that no index and no set-aside copy name: a project whose index is gone.
      const held = setAsidePieces(storage);
      if (!storageKeys(storage).some((k) => isPieceKey(k) && !held.has(k))) return { kind: 'empty' };
      return { kind: 'set-aside', ...keepAside(storage, null, { ok: false, reason: 'the saved project\'s index is missing', meta: undefined, inline: null, named: null }) };
    }
    const reading = readStored(raw, (key) => storage.getItem(key));
    if (!reading.ok) return { kind: 'set-aside', ...keepAside(storage, raw, reading) };
    const held = setAsidePieces(storage);
    collectGarbage(storage, [...reading.keys, ...held]);
    known.set(storage, { written: new Set(reading.keys), indexed: [...reading.keys], held });
    return { kind: 'ok', project: reading.project };
  } catch {
    return { kind: 'empty' };
  }
}

/** An earlier set-aside copy still in storage. */
export interface EarlierSetAside {
  key: string;
  /** What it holds, as a file. */
  raw: string;
  recovered: Project | null;
}

/** The set-aside copies in storage other than `except`, oldest first; never throws. */
export function earlierSetAsides(storage: Storage | null, except: string | null = null): EarlierSetAside[] {
  if (!storage) return [];
  try {
    return storageKeys(storage)
      .filter((k) => k.startsWith(QUARANTINE_PREFIX) && k !== except)
      .sort()
      .map((key) => {
        const raw = storage.getItem(key) ?? '';
        const record = setAsideRecord(raw);
        const get: Get = (k) => record?.values[k] ?? storage.getItem(k);
        const index = record ? (record.values[STORAGE_KEY] ?? null) : raw;
        let recovered: Project | null = null;
        if (index !== null) {
          const reading = readStored(index, get);
          recovered = reading.ok
            ? reading.project
            : recover(reading.meta, reading.inline ?? (reading.named ?? []).flatMap((k) => (get(k) === null ? [] : [parseOrUndefined(get(k)!)])));
        }
        if (!recovered && record && index === null)
          recovered = recover(undefined, Object.entries(record.values).filter(([k]) => isPieceKey(k)).map(([, v]) => parseOrUndefined(v)));
        return { key, raw, recovered };
      });
  } catch {
    return [];
  }
}

/** Deletes a set-aside copy (the user chose to), with the pieces only it held; never throws. */
export function deleteSetAside(storage: Storage | null, key: string): void {
  if (!storage || !key.startsWith(QUARANTINE_PREFIX)) return;
  try {
    const record = setAsideRecord(storage.getItem(key));
    storage.removeItem(key);
    const held = setAsidePieces(storage);
    const index = parseOrUndefined(storage.getItem(STORAGE_KEY) ?? '');
    const named = new Set(isObject(index) && Array.isArray(index.specialisationKeys) ? index.specialisationKeys : []);
    const state = known.get(storage);
    if (state) state.held = held;
    if (!record) return;
    for (const k of [...Object.keys(record.values), ...(Array.isArray(record.pieces) ? record.pieces : [])])
      if (isPieceKey(k) && !held.has(k) && !named.has(k) && !state?.written.has(k)) storage.removeItem(k);
  } catch {
    // Storage went away: the copy stays, which loses nothing.
  }
}

/** Removes stored specialisations that nothing names (left by a crash between writes, or by an edit). */
function collectGarbage(storage: Storage, keep: readonly string[]) {
  const referenced = new Set(keep);
  for (const key of storageKeys(storage)) if (isPieceKey(key) && !referenced.has(key)) storage.removeItem(key);
}

/**
 * What this tab knows is in a storage: the specialisation keys it wrote, those its last index
 * named, and those set-aside copies hold (never removed by a save).
 */
const known = new WeakMap<Storage, { written: Set<string>; indexed: string[]; held: Set<string> }>();

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
  if (!storage) return NO_STORAGE;
  try {
    let state = known.get(storage);
    if (!state) known.set(storage, (state = { written: new Set(), indexed: [], held: setAsidePieces(storage) }));
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
      if (!now.has(key) && !state.held.has(key)) {
        storage.removeItem(key);
        state.written.delete(key);
      }
    state.indexed = keys;
    return null;
  } catch (e) {
    return saveProblem(e);
  }
}

const NO_STORAGE = 'this browser does not allow saving (private mode?)';
const saveProblem = (e: unknown) =>
  `could not save in this browser: ${(e as Error).name === 'QuotaExceededError' ? 'storage is full' : (e as Error).message}`;

/** Edit Nix text that the project does not hold yet (it may not be Nix yet), saved at each keystroke. */
export const EDIT_NIX_KEY = 'specialisation-studio:edit-nix';

/** The saved Edit Nix text, or null; never throws. */
export function loadEditNixText(storage: Storage | null): string | null {
  try {
    return storage?.getItem(EDIT_NIX_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Saves the Edit Nix text (null: removes it); returns an error message when storage is full or disabled. */
export function saveEditNixText(storage: Storage | null, text: string | null): string | null {
  if (!storage) return NO_STORAGE;
  try {
    if (text === null) storage.removeItem(EDIT_NIX_KEY);
    else storage.setItem(EDIT_NIX_KEY, text);
    return null;
  } catch (e) {
    return saveProblem(e);
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
  const envelope = parseOrUndefined(event.newValue);
  if (isObject(envelope) && envelope.tabId === ownTabId) return null;
  try {
    const reading = readStored(event.newValue, (key) => storage?.getItem(key) ?? null);
    return { project: reading.ok ? reading.project : null };
  } catch {
    return { project: null };
  }
}
