import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from '../model/defaults';
import { addSpecialisation } from '../model/operations';
import { parseProjectText } from '../model/read';
import type { Project } from '../model/types';
import { QUARANTINE_PREFIX, SPECIALISATION_PREFIX, STORAGE_KEY, saveProject } from './persistence';
import { createStudioStore } from './studio-store';

/** A localStorage in memory, with `length` and `key` as browsers have them. */
function memory() {
  const data = new Map<string, string>();
  const storage = {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as unknown as Storage;
  return { data, storage };
}

const project = (...names: string[]) => names.reduce((p, name) => addSpecialisation(p, defaultSpecialisation(name)), defaultProject());
const pieces = (data: Map<string, string>) => [...data.keys()].filter((k) => k.startsWith(SPECIALISATION_PREFIX));
const setAside = (data: Map<string, string>) =>
  [...data.entries()].filter(([k]) => k.startsWith(QUARANTINE_PREFIX)).map(([, v]) => JSON.parse(v) as { values: Record<string, string> });

/** Saves a, b and c, then breaks the stored index with `breakIt`; returns the piece keys as saved. */
function savedThenBroken(breakIt: (data: Map<string, string>, keys: string[]) => void) {
  const { data, storage } = memory();
  expect(saveProject(storage, project('a', 'b', 'c'))).toBeNull();
  const keys = JSON.parse(data.get(STORAGE_KEY)!).specialisationKeys as string[];
  const before = new Map(data);
  breakIt(data, keys);
  return { data, storage, keys, before, broken: new Map(data) };
}

/** Opens the store on the storage (a page load), makes one edit, and opens it again (a reload). */
function editAndReload(storage: Storage) {
  const first = createStudioStore(storage, null);
  first.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('new')));
  return createStudioStore(storage, null);
}

const downloads = (store: ReturnType<typeof createStudioStore>) =>
  Object.fromEntries((store.getState().notices[0].downloads ?? []).map((d) => [d.fileName, d.text]));

describe('a stored project that cannot be fully read is kept aside whole, and nothing is deleted', () => {
  const broken: [string, (data: Map<string, string>, keys: string[]) => void][] = [
    ['a piece removed', (data, keys) => data.delete(keys[1])],
    ['a piece truncated', (data, keys) => data.set(keys[1], data.get(keys[1])!.slice(0, 20))],
    ['a piece that is not a specialisation', (data, keys) => data.set(keys[1], '{"name": 3}')],
  ];
  for (const [what, breakIt] of broken)
    it(`${what}: the copy holds the index and every piece; the intact pieces survive an edit and a reload`, () => {
      const { data, storage, keys, before, broken } = savedThenBroken(breakIt);
      const store = createStudioStore(storage, null);
      expect(store.getState().project.specialisations).toEqual([]);
      expect(store.getState().notices[0].message).toMatch(/could not be opened/);
      const [copy] = setAside(data);
      expect(copy.values[STORAGE_KEY]).toBe(before.get(STORAGE_KEY));
      for (const k of [keys[0], keys[2]]) expect(copy.values[k]).toBe(before.get(k));
      if (data.has(keys[1])) expect(copy.values[keys[1]]).toBe(data.get(keys[1]));
      // The download is a valid project file with the specialisations that could be read.
      const recovered = parseProjectText(downloads(store)['recovered-project.json']);
      expect('diagnostics' in recovered && recovered.diagnostics).toEqual([]);
      expect('project' in recovered && recovered.project.specialisations.map((s) => s.name)).toEqual(['a', 'c']);
      expect(JSON.parse(downloads(store)['set-aside-project.json'])).toEqual(copy);

      const again = editAndReload(storage);
      // Every piece is still there as it was stored, the broken one included.
      for (const k of keys) expect(data.get(k)).toBe(broken.get(k));
      // The next start says it is still kept aside, and can open what can be read.
      const earlier = again.getState().notices.find((n) => n.message.includes('kept aside'))!;
      earlier.actions!.find((a) => a.label.startsWith('Open'))!.run();
      expect(again.getState().project.specialisations.map((s) => s.name)).toEqual(['a', 'c']);
    });

  it('an index of a newer layout: everything is kept aside and no piece is deleted', () => {
    const { data, storage, keys, before } = savedThenBroken((d) =>
      d.set(STORAGE_KEY, JSON.stringify({ ...JSON.parse(d.get(STORAGE_KEY)!), storageVersion: 3 })),
    );
    const store = createStudioStore(storage, null);
    expect(store.getState().notices[0].message).toMatch(/newer Specialisation Studio/);
    const [copy] = setAside(data);
    for (const k of keys) expect(copy.values[k]).toBe(before.get(k));
    editAndReload(storage);
    for (const k of keys) expect(data.get(k)).toBe(before.get(k));
  });

  for (const [what, value] of [
    ['missing', undefined],
    ['null', null],
    ['a string', 'specialisation-studio:specialisation:x'],
  ] as const)
    it(`an index whose specialisationKeys is ${what} is not an empty project: it is kept aside, the user is told, nothing is deleted`, () => {
      const { data, storage, keys, before } = savedThenBroken((d) =>
        d.set(STORAGE_KEY, JSON.stringify({ ...JSON.parse(d.get(STORAGE_KEY)!), specialisationKeys: value })),
      );
      const store = createStudioStore(storage, null);
      expect(store.getState().notices[0].message).toMatch(/could not be opened \(the saved index does not say where its specialisations are\)/);
      const [copy] = setAside(data);
      for (const k of keys) expect(copy.values[k]).toBe(before.get(k));
      // Which pieces were its is unknown: every piece is offered.
      const recovered = JSON.parse(downloads(store)['recovered-project.json']) as Project;
      expect(recovered.specialisations.map((s) => s.name).sort()).toEqual(['a', 'b', 'c']);
      editAndReload(storage);
      for (const k of keys) expect(data.get(k)).toBe(before.get(k));
    });

  it('pieces without an index are kept aside, not deleted at the next start', () => {
    const { data, storage, keys, before } = savedThenBroken((d) => d.delete(STORAGE_KEY));
    const store = createStudioStore(storage, null);
    expect(store.getState().notices[0].message).toMatch(/index is missing/);
    editAndReload(storage);
    for (const k of keys) expect(data.get(k)).toBe(before.get(k));
  });

  it('deleting the kept copy is the user\'s choice; then its pieces go at the next start', () => {
    const { data, storage, keys } = savedThenBroken((d, k) => d.delete(k[1]));
    const store = createStudioStore(storage, null);
    store.getState().notices[0].actions!.find((a) => a.label.startsWith('Delete the kept copy'))!.run();
    expect(setAside(data)).toEqual([]);
    editAndReload(storage);
    expect(data.has(keys[0])).toBe(false);
    expect(pieces(data)).toHaveLength(1);
  });

  it('with no room for a copy, nothing is removed and the tab does not save until the user chooses', () => {
    const { data, storage, keys, before } = savedThenBroken((d, k) => d.delete(k[1]));
    const full = new Proxy(storage, {
      get: (t, prop) =>
        prop === 'setItem'
          ? (k: string, v: string) => {
              if (k.startsWith(QUARANTINE_PREFIX)) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
              t.setItem(k, v);
            }
          : Reflect.get(t, prop),
    });
    const store = createStudioStore(full, null);
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('new')));
    expect(data.get(STORAGE_KEY)).toBe(before.get(STORAGE_KEY));
    const held = store.getState().notices.find((n) => n.persistent)!;
    expect(held.message).toMatch(/does not save/);
    store.getState().dismissNotice(store.getState().notices.indexOf(held));
    expect(store.getState().notices).toContain(held);
    held.actions![0].run();
    expect(JSON.parse(data.get(STORAGE_KEY)!).specialisationKeys).toHaveLength(1);
    expect(data.get(keys[0])).toBe(before.get(keys[0]));
  });
});

describe('numbers in stored pieces are judged as written', () => {
  it('a uid that is not whole as written (999.99999999999999) is not taken for 1000: the piece is set aside, not rounded', () => {
    const { data, storage } = memory();
    expect(saveProject(storage, project('a'))).toBeNull();
    const key = (JSON.parse(data.get(STORAGE_KEY)!).specialisationKeys as string[])[0];
    const piece = JSON.parse(data.get(key)!);
    piece.users = [{ name: 'chani', uid: 1000, isNormalUser: true }];
    data.set(key, JSON.stringify(piece).replace('"uid":1000', '"uid":999.99999999999999'));
    const store = createStudioStore(storage);
    expect(store.getState().project.specialisations.map((s) => s.users.map((u) => u.uid))).not.toContainEqual([1000]);
    expect(setAside(data).length).toBe(1);
  });
});
