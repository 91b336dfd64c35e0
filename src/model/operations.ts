import { defaultSpecialisation, defaultUser } from './defaults';
import type { Project, Specialisation, User } from './types';

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

export function addSpecialisation(p: Project, s: Specialisation = defaultSpecialisation('')): Project {
  const name = freeName(
    p.specialisations.map((x) => x.name),
    s.name || 'specialisation',
  );
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

/** The next uid for a normal user: one above the highest in the project, from 1000. */
export function nextFreeUid(p: Project): number {
  const uids = p.specialisations.flatMap((s) => s.users.map((u) => u.uid ?? 0));
  return Math.max(999, ...uids.filter((u) => u < 30000)) + 1;
}

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
