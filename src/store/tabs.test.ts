import { describe, expect, it } from 'vitest';
import { defaultSpecialisation } from '../model/defaults';
import { addSpecialisation } from '../model/operations';
import { STORAGE_KEY } from './persistence';
import { createStudioStore } from './studio-store';

/** A Storage shared by two "tabs", delivering `storage` events to the other tab as browsers do. */
function sharedStorage() {
  const data = new Map<string, string>();
  const listeners: { tab: object; fn: (e: { key: string; newValue: string | null }) => void }[] = [];
  let writer: object | null = null;
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      data.set(k, v);
      for (const l of listeners) if (l.tab !== writer) l.fn({ key: k, newValue: v });
    },
    removeItem: (k: string) => void data.delete(k),
  } as unknown as Storage;
  const tab = () => {
    const self = {};
    return {
      storage: new Proxy(storage, {
        get: (t, prop) =>
          prop === 'setItem'
            ? (k: string, v: string) => {
                writer = self;
                t.setItem(k, v);
                writer = null;
              }
            : Reflect.get(t, prop),
      }),
      events: {
        addEventListener: (_: string, fn: (e: { key: string; newValue: string | null }) => void) => listeners.push({ tab: self, fn }),
      } as unknown as Window,
    };
  };
  return { data, tab };
}

/** Names of the saved specialisations, read through the index as the app reads them. */
const stored = (data: Map<string, string>) =>
  (JSON.parse(data.get(STORAGE_KEY)!).specialisationKeys as string[]).map((k) => JSON.parse(data.get(k)!).name);

describe('two tabs on one project', () => {
  it('the second tab is told and does not silently overwrite the first', () => {
    const { data, tab } = sharedStorage();
    const a = tab();
    const b = tab();
    const storeA = createStudioStore(a.storage, a.events);
    const storeB = createStudioStore(b.storage, b.events);
    storeA.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-a')));
    expect(stored(data)).toEqual(['from-a']);
    const notice = storeB.getState().notices.find((n) => n.message.includes('another tab'));
    expect(notice).toBeDefined();
    storeB.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-b')));
    // B's edit stays in B's memory; A's version is still the saved one.
    expect(stored(data)).toEqual(['from-a']);
    expect(storeB.getState().project.specialisations.map((s) => s.name)).toEqual(['from-b']);
    notice!.actions!.find((x) => x.label.startsWith('Load'))!.run();
    expect(storeB.getState().project.specialisations.map((s) => s.name)).toEqual(['from-a']);
    // Undo brings B's own work back.
    storeB.temporal.getState().undo();
    expect(storeB.getState().project.specialisations.map((s) => s.name)).toEqual(['from-b']);
  });

  it('keeping this tab\'s version saves it, and then the other tab is told in turn', () => {
    const { data, tab } = sharedStorage();
    const a = tab();
    const b = tab();
    const storeA = createStudioStore(a.storage, a.events);
    const storeB = createStudioStore(b.storage, b.events);
    storeA.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-a')));
    storeB.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-b')));
    storeB.getState().notices.find((n) => n.message.includes('another tab'))!.actions!.find((x) => x.label === "Save this tab's version")!.run();
    expect(stored(data)).toEqual(['from-b']);
    expect(storeB.getState().notices.some((n) => n.message.includes('another tab'))).toBe(false);
    expect(storeA.getState().notices.some((n) => n.message.includes('another tab'))).toBe(true);
  });
  it('the notice that this tab stops saving cannot be dismissed: saving off stays on screen until the user picks a version', () => {
    const { data, tab } = sharedStorage();
    const a = tab();
    const b = tab();
    const storeA = createStudioStore(a.storage, a.events);
    const storeB = createStudioStore(b.storage, b.events);
    storeA.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-a')));
    const index = storeB.getState().notices.findIndex((n) => n.message.includes('another tab'));
    storeB.getState().dismissNotice(index);
    const notice = storeB.getState().notices.find((n) => n.message.includes('another tab'));
    expect(notice?.persistent).toBe(true);
    expect(notice?.details?.[0]).toMatch(/does not save/);
    storeB.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('from-b')));
    expect(stored(data)).toEqual(['from-a']);
    notice!.actions!.find((x) => x.label === "Save this tab's version")!.run();
    storeB.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('later')));
    expect(stored(data)).toEqual(['from-b', 'later']);
  });
});

describe('storage that fails', () => {
  it('full or disabled storage: the user is told once and work continues in memory', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
      removeItem: () => {},
    } as unknown as Storage;
    const store = createStudioStore(full, null);
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('a')));
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('b')));
    const warnings = store.getState().notices.filter((n) => n.message.includes('storage is full'));
    expect(warnings).toHaveLength(1);
    expect(store.getState().project.specialisations).toHaveLength(2);
    const none = createStudioStore(null, null);
    none.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('a')));
    expect(none.getState().notices[0].message).toMatch(/does not allow saving/);
  });

  it('the storage-full notice goes when a save succeeds again', () => {
    const data = new Map<string, string>();
    let full = true;
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = createStudioStore(storage, null);
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('a')));
    const warning = store.getState().notices.find((n) => n.message.includes('storage is full'));
    expect(warning?.persistent).toBe(true);
    full = false;
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('b')));
    expect(store.getState().notices.filter((n) => n.message.includes('storage is full'))).toEqual([]);
    expect(stored(data)).toEqual(['a', 'b']);
    full = true;
    store.getState().setProject((p) => addSpecialisation(p, defaultSpecialisation('c')));
    expect(store.getState().notices.filter((n) => n.message.includes('storage is full'))).toHaveLength(1);
  });

  it('a corrupt, foreign or newer stored value is kept aside, offered for download, and the app starts clean', () => {
    for (const raw of ['{not json', '{"hello":1}', JSON.stringify({ storageVersion: 99, project: {} }), JSON.stringify({ storageVersion: 1, project: { version: 2 } })]) {
      const data = new Map([[STORAGE_KEY, raw]]);
      const storage = {
        getItem: (k: string) => data.get(k) ?? null,
        setItem: (k: string, v: string) => void data.set(k, v),
        removeItem: (k: string) => void data.delete(k),
      } as unknown as Storage;
      const store = createStudioStore(storage, null);
      expect(store.getState().project.specialisations).toEqual([]);
      const notice = store.getState().notices[0];
      const download = notice.downloads?.find((d) => d.fileName === 'set-aside-project.json');
      expect(JSON.parse(download!.text).values).toEqual({ [STORAGE_KEY]: raw });
      expect([...data.entries()].some(([k, v]) => k.includes('set-aside') && JSON.parse(v).values[STORAGE_KEY] === raw)).toBe(true);
    }
  });
});

describe('saving in pieces', () => {
  const memory = () => {
    const data = new Map<string, string>();
    const writes: string[] = [];
    const storage = {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        writes.push(k);
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    return { data, writes, storage };
  };

  it('reads back what it saved; an edit rewrites the edited specialisation and the index only', async () => {
    const { saveProject, loadStoredProject, SPECIALISATION_PREFIX } = await import('./persistence');
    const { defaultProject } = await import('../model/defaults');
    const { data, writes, storage } = memory();
    let p = defaultProject();
    for (const name of ['a', 'b"\\', 'c']) p = addSpecialisation(p, defaultSpecialisation(name));
    expect(saveProject(storage, p)).toBeNull();
    expect(loadStoredProject(storage)).toEqual({ kind: 'ok', project: p });
    writes.length = 0;
    p = { ...p, specialisations: [p.specialisations[0], { ...p.specialisations[1], tags: ['x'] }, p.specialisations[2]] };
    saveProject(storage, p);
    expect(writes).toEqual([expect.stringMatching(/^specialisation-studio:specialisation:/), STORAGE_KEY]);
    // The old version of the edited specialisation is gone; nothing else is left behind.
    expect([...data.keys()].filter((k) => k.startsWith(SPECIALISATION_PREFIX))).toHaveLength(3);
    expect(loadStoredProject(storage)).toEqual({ kind: 'ok', project: p });
  });

  it('reads the older one-value layout, and sets aside an index whose pieces are missing', async () => {
    const { loadStoredProject } = await import('./persistence');
    const { defaultProject } = await import('../model/defaults');
    const p = addSpecialisation(defaultProject(), defaultSpecialisation('old'));
    const old = memory();
    old.data.set(STORAGE_KEY, JSON.stringify({ storageVersion: 1, project: p }));
    expect(loadStoredProject(old.storage)).toEqual({ kind: 'ok', project: p });
    const broken = memory();
    broken.data.set(STORAGE_KEY, JSON.stringify({ storageVersion: 2, project: {}, specialisationKeys: ['specialisation-studio:specialisation:gone'] }));
    expect(loadStoredProject(broken.storage)).toMatchObject({ kind: 'set-aside', reason: expect.stringMatching(/missing/) });
  });
});

describe('Edit Nix text', () => {
  it('is saved at once, even when it is not Nix yet, and comes back at the next start', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = createStudioStore(storage, null);
    expect(store.getState().restoredEditNix).toBeNull();
    store.getState().keepEditNixText('{ specialisation.half = {');
    // No time passes: a crash here keeps it.
    expect(createStudioStore(storage, null).getState().restoredEditNix).toBe('{ specialisation.half = {');
    store.getState().keepEditNixText(null);
    expect(createStudioStore(storage, null).getState().restoredEditNix).toBeNull();
  });
});
