import { defaultSetting, defaultSpecialisation, defaultUser } from './defaults';
import type { Project, Setting, Specialisation, User } from './types';
import { MAIN_ACCOUNT_UID } from './validate';

/** Pure edits of a project. Each returns a new project and leaves its input untouched. */

export function updateSpecialisation(p: Project, index: number, recipe: (s: Specialisation) => Specialisation): Project {
  return { ...p, specialisations: p.specialisations.map((s, i) => (i === index ? recipe(s) : s)) };
}

export function updateUser(p: Project, si: number, ui: number, recipe: (u: User) => User): Project {
  return updateSpecialisation(p, si, (s) => ({ ...s, users: s.users.map((u, j) => (j === ui ? recipe(u) : u)) }));
}

/** A name not yet taken, `base`, `base-2`, `base-3` … */
export function freeName(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The name of a new blank entry: `entry-1`, `entry-2` … the first not taken. (Not `specialisation`, which reads
 * `specialisation.specialisation.configuration`.)
 */
export function blankName(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`entry-${n}`)) return `entry-${n}`;
}

export function addSpecialisation(p: Project, s: Specialisation = defaultSpecialisation('')): Project {
  const taken = p.specialisations.map((x) => x.name);
  const name = s.name ? freeName(taken, s.name) : blankName(taken);
  return { ...p, specialisations: [...p.specialisations, { ...s, name }] };
}

export function duplicateSpecialisation(p: Project, index: number): Project {
  const source = p.specialisations[index];
  const copy = { ...structuredClone(source), name: freeName(p.specialisations.map((x) => x.name), `${source.name}-copy`) };
  const list = [...p.specialisations];
  list.splice(index + 1, 0, copy);
  return { ...p, specialisations: list };
}

export function removeSpecialisation(p: Project, index: number): Project {
  return { ...p, specialisations: p.specialisations.filter((_, i) => i !== index) };
}

export function moveSpecialisation(p: Project, from: number, to: number): Project {
  if (to < 0 || to >= p.specialisations.length || from === to) return p;
  const list = [...p.specialisations];
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
  return { ...p, specialisations: list };
}

/**
 * The next uid for a normal user: one above the highest in the project and above the main system's own account
 * (uid 1000, see MAIN_ACCOUNT_UID), so 1001 in a new project.
 */
export function nextFreeUid(p: Project): number {
  let next = nextUidCache.get(p);
  if (next === undefined) {
    let max = MAIN_ACCOUNT_UID;
    for (const s of p.specialisations) for (const u of s.users) if (u.uid !== null && u.uid < 30000 && u.uid > max) max = u.uid;
    next = max + 1;
    nextUidCache.set(p, next);
  }
  return next;
}
/** Every uid field asks on every change; the answer is the same for one project value. */
const nextUidCache = new WeakMap<Project, number>();

export function addUser(p: Project, si: number, name = ''): Project {
  const uid = nextFreeUid(p);
  return updateSpecialisation(p, si, (s) => ({ ...s, users: [...s.users, { ...defaultUser(name), uid }] }));
}

export function removeUser(p: Project, si: number, ui: number): Project {
  return updateSpecialisation(p, si, (s) => {
    const removed = s.users[ui];
    return {
      ...s,
      users: s.users.filter((_, j) => j !== ui),
      desktop: s.desktop.autoLogin === removed?.name ? { ...s.desktop, autoLogin: null } : s.desktop,
    };
  });
}

/** Puts a specialisation back at `index` (restoring a deleted one), renaming it if the name was taken since. */
export function insertSpecialisation(p: Project, index: number, s: Specialisation): Project {
  const taken = p.specialisations.map((x) => x.name);
  const name = s.name ? freeName(taken, s.name) : blankName(taken);
  const list = [...p.specialisations];
  list.splice(Math.max(0, Math.min(index, list.length)), 0, { ...s, name });
  return { ...p, specialisations: list };
}

export function renameSpecialisation(p: Project, index: number, name: string): Project {
  const old = p.specialisations[index]?.name;
  const renamed = updateSpecialisation(p, index, (s) => (s.name === name ? s : { ...s, name }));
  // The boot order names entries: it follows a rename (an empty name, the main system's mark, is not written there).
  if (renamed === p || old === undefined || old === '' || name === '' || !p.bootOrder.includes(old)) return renamed;
  return { ...renamed, bootOrder: p.bootOrder.map((n) => (n === old ? name : n)) };
}

/** Sets one field of a specialisation, one of its users, or one of its desktop, GPU or kernel settings. */
export function setSpecialisationField<K extends keyof Specialisation>(
  p: Project,
  si: number,
  key: K,
  value: Specialisation[K],
): Project {
  return updateSpecialisation(p, si, (s) => (s[key] === value ? s : { ...s, [key]: value }));
}

export function setSection<S extends 'desktop' | 'gpu' | 'kernel', K extends keyof Specialisation[S]>(
  p: Project,
  si: number,
  section: S,
  key: K,
  value: Specialisation[S][K],
): Project {
  return updateSpecialisation(p, si, (s) => {
    const current: Specialisation[S] = s[section];
    if (current[key] === value) return s;
    return { ...s, [section]: { ...current, [key]: value } };
  });
}

/** Sets a field of a user; renaming a user also renames the autologin that pointed at it. */
export function setUserField<K extends keyof User>(p: Project, si: number, ui: number, key: K, value: User[K]): Project {
  return updateSpecialisation(p, si, (s) => {
    const user = s.users[ui];
    if (!user || user[key] === value) return s;
    const users = s.users.map((u, j) => (j === ui ? { ...u, [key]: value } : u));
    const followsRename = key === 'name' && s.desktop.autoLogin !== null && s.desktop.autoLogin === user.name;
    return {
      ...s,
      users,
      desktop: followsRename ? { ...s.desktop, autoLogin: value as string } : s.desktop,
    };
  });
}

/**
 * Adds entries to a list field: `split` true splits the text on blanks and commas, false keeps it
 * whole, a function splits it its own way. Skips blanks and entries already there; returns the same
 * array when nothing was added.
 */
export function appendUnique(list: readonly string[], text: string, split: boolean | ((text: string) => string[]) = true): string[] {
  const parts = typeof split === 'function' ? split(text) : split ? text.split(/[\s,]+/) : [text];
  const items = parts.map((x) => x.trim()).filter((x) => x !== '');
  const added = items.filter((x, i) => !list.includes(x) && items.indexOf(x) === i);
  return added.length ? [...list, ...added] : (list as string[]);
}

/** Splits a kernel command line into parameters: on blanks, except inside double quotes (`a="b c" quiet`). */
export function splitKernelParams(text: string): string[] {
  return text.match(/(?:[^\s"]|"[^"]*"?)+/g) ?? [];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function setRelease(p: Project, nixosRelease: Project['nixosRelease']): Project {
  return p.nixosRelease === nixosRelease ? p : { ...p, nixosRelease };
}

/** Adds a setting row at the end (or `at`). */
export function addSetting(p: Project, si: number, row: Setting = defaultSetting(), at?: number): Project {
  return updateSpecialisation(p, si, (s) => {
    const settings = [...s.settings];
    settings.splice(at ?? settings.length, 0, row);
    return { ...s, settings };
  });
}

/** Changes one setting row; the row object is replaced only when something changed. */
export function updateSetting(p: Project, si: number, ri: number, recipe: (row: Setting) => Setting): Project {
  return updateSpecialisation(p, si, (s) => {
    const row = s.settings[ri];
    if (!row) return s;
    const next = recipe(row);
    return next === row ? s : { ...s, settings: s.settings.map((r, j) => (j === ri ? next : r)) };
  });
}

export function removeSetting(p: Project, si: number, ri: number): Project {
  return updateSpecialisation(p, si, (s) => ({ ...s, settings: removeAt(s.settings, ri) }));
}

/** Moves a row from one place to another (rows are written in order). */
export function moveSetting(p: Project, si: number, from: number, to: number): Project {
  return updateSpecialisation(p, si, (s) => {
    if (from === to || !s.settings[from] || to < 0 || to >= s.settings.length) return s;
    const settings = [...s.settings];
    const [row] = settings.splice(from, 1);
    settings.splice(to, 0, row);
    return { ...s, settings };
  });
}

/**
 * The attribute names of an option path as written: `fileSystems."/".device` → `["fileSystems", "/", "device"]`.
 * Names in double quotes may hold dots and use `\"` and `\\`; null when the text is not such a path.
 */
export function parseOptionPath(text: string): string[] | null {
  const names: string[] = [];
  let i = 0;
  const t = text.trim();
  if (t === '') return [];
  while (i < t.length) {
    if (t[i] === '"') {
      let name = '';
      i++;
      while (i < t.length && t[i] !== '"') {
        if (t[i] === '\\' && i + 1 < t.length) i++;
        name += t[i++];
      }
      if (t[i] !== '"') return null;
      i++;
      names.push(name);
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_'-]*/.exec(t.slice(i));
      if (!m) return null;
      names.push(m[0]);
      i += m[0].length;
    }
    if (i === t.length) break;
    if (t[i] !== '.') return null;
    i++;
    if (i === t.length) return null;
  }
  return names;
}
