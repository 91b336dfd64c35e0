import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation, defaultUser } from '../model/defaults';
import { addUser, removeUser, setUserField } from '../model/operations';
import type { Project } from '../model/types';
import { generate } from './generate';

/** Text and source map of a project generated from objects the generator has never seen. */
function fresh(p: Project) {
  const { text, sourceMap } = generate(structuredClone(p));
  return { text, ranges: sourceMap.allPaths().sort().map((path) => [path, sourceMap.get(path)]) };
}

function reused(p: Project) {
  const { text, sourceMap } = generate(p);
  return { text, ranges: sourceMap.allPaths().sort().map((path) => [path, sourceMap.get(path)]) };
}

const withUsers = (n: number): Project => ({
  ...defaultProject('26.05'),
  specialisations: [
    {
      ...defaultSpecialisation('many'),
      users: Array.from({ length: n }, (_, j) => ({ ...defaultUser(`user${j}`), uid: 1000 + j, description: `User ${j}`, shell: j % 2 ? 'zsh' : null })),
    },
  ],
});

describe('users printed once and kept (a keystroke prints the edited user again, not the others)', () => {
  it('gives what fresh objects give, after every kind of edit', () => {
    let p = withUsers(30);
    const steps: [string, (q: Project) => Project][] = [
      ['type in a description', (q) => setUserField(q, 0, 3, 'description', 'User 3, edited')],
      ['rename', (q) => setUserField(q, 0, 4, 'name', 'renamed')],
      ['system user', (q) => setUserField(q, 0, 5, 'isNormalUser', false)],
      ['remove one: the users after it move up a place', (q) => removeUser(q, 0, 1)],
      ['add one', (q) => addUser(q, 0, 'added')],
      ['another specialisation: every user one level deeper', (q) => ({ ...q, specialisations: [...q.specialisations, defaultSpecialisation('other')] })],
      ['type again', (q) => setUserField(q, 0, 2, 'description', 'again')],
      ['back to one specialisation', (q) => ({ ...q, specialisations: q.specialisations.slice(0, 1) })],
      ['a separate system: one level deeper again', (q) => ({ ...q, specialisations: [{ ...q.specialisations[0], inheritParentConfig: false }] })],
      ['the same user object at another place', (q) => ({ ...q, specialisations: [{ ...q.specialisations[0], users: q.specialisations[0].users.slice().reverse() }] })],
      ['two users of one name', (q) => setUserField(q, 0, 7, 'name', q.specialisations[0].users[8].name)],
    ];
    reused(p);
    for (const [what, step] of steps) {
      p = step(p);
      expect(reused(p), what).toEqual(fresh(p));
    }
  });

  it('keeps a user\'s set unchanged, whatever the generator merges into it', () => {
    const p = withUsers(3);
    const before = reused(p).text;
    // A second definition of the same user merges with the first; the kept first one must stay as it was.
    const twice: Project = { ...p, specialisations: [{ ...p.specialisations[0], users: [...p.specialisations[0].users, { ...defaultUser('user0'), uid: 2000 }] }] };
    expect(reused(twice)).toEqual(fresh(twice));
    expect(reused(p).text).toBe(before);
  });
});
