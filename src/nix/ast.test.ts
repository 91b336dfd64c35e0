import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrs, int, mergeOverlapping, set, type Binding, type Expr } from './ast';

type Attr = Extract<Binding, { type: 'attr' }>;

/** mergeOverlapping as it was before it became linear: the reference for what it does. */
function reference(bindings: Binding[]): Binding[] {
  const startsWith = (path: readonly string[], prefix: readonly string[]) =>
    prefix.length < path.length && prefix.every((p, i) => path[i] === p);
  const sameParts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);
  const out: Binding[] = [];
  for (const b of bindings) {
    if (b.type !== 'attr') {
      out.push(b);
      continue;
    }
    const host = out.find(
      (o): o is Attr =>
        o.type === 'attr' &&
        o.value.type === 'attrs' &&
        o.value.bindings.length > 0 &&
        (startsWith(b.path, o.path) || (b.value.type === 'attrs' && sameParts(o.path, b.path))),
    );
    if (!host || host.value.type !== 'attrs') {
      out.push(b);
      continue;
    }
    const inner = sameParts(host.path, b.path) && b.value.type === 'attrs' ? b.value.bindings : [{ ...b, path: b.path.slice(host.path.length) }];
    host.value = { type: 'attrs', bindings: reference([...host.value.bindings, ...inner]) };
  }
  for (let i = out.length - 1; i >= 0; i--) {
    const g = out[i];
    if (g.type !== 'attr' || g.value.type !== 'attrs' || g.value.bindings.length === 0) continue;
    const under = out.filter((o, j) => j < i && o.type === 'attr' && startsWith(o.path, g.path)) as Attr[];
    if (!under.length) continue;
    g.value = { type: 'attrs', bindings: reference([...under.map((o) => ({ ...o, path: o.path.slice(g.path.length) })), ...g.value.bindings]) };
    for (const o of under) out.splice(out.indexOf(o), 1);
    i = out.indexOf(g);
  }
  return out;
}

/** Bindings over a few names, so that paths overlap often: dotted, sets (empty ones too), verbatim Nix. */
const bindingsArb: fc.Arbitrary<Binding[]> = fc.letrec<{ bindings: Binding[]; binding: Binding; value: Expr }>((tie) => ({
  bindings: fc.array(tie('binding'), { maxLength: 8 }),
  binding: fc.oneof(
    { weight: 8, arbitrary: fc.record({ path: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }), value: tie('value') }).map(({ path, value }) => set(path, value, [path.join('.')])) },
    { weight: 1, arbitrary: fc.constantFrom<Binding>({ type: 'raw', text: 'x = 1;' }) },
  ),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.nat(9).map(int), tie('bindings').map(attrs)),
})).bindings;

/** Whether Nix would refuse the bindings: a value defined twice, or something defined below a value. */
function conflicting(bindings: Binding[]): boolean {
  const values: string[] = [];
  const sets: string[] = [];
  const walk = (list: Binding[], prefix: string[]) => {
    for (const b of list) {
      if (b.type !== 'attr') continue;
      const path = [...prefix, ...b.path];
      path.slice(0, -1).forEach((_, k) => sets.push(path.slice(0, k + 1).join('.')));
      if (b.value.type === 'attrs') {
        sets.push(path.join('.'));
        walk(b.value.bindings, path);
      } else values.push(path.join('.'));
    }
  };
  walk(bindings, []);
  return new Set(values).size < values.length || values.some((v) => sets.includes(v));
}

describe('mergeOverlapping', () => {
  it('joins what the reference joins, in the same order, for anything Nix accepts', () => {
    fc.assert(
      fc.property(bindingsArb, (bindings) => {
        fc.pre(!conflicting(bindings));
        expect(mergeOverlapping(structuredClone(bindings))).toEqual(reference(structuredClone(bindings)));
      }),
      { numRuns: 1500, seed: 20_000 },
    );
  });

  it('moves dotted bindings into a set of the same prefix, before or after them', () => {
    const merged = mergeOverlapping([set('a.b.c', int(1)), set('a', attrs([set('d', int(2))])), set('a.e', int(3)), set('f', int(4))]);
    expect(merged).toEqual([set('a', attrs([set('b.c', int(1)), set('d', int(2)), set('e', int(3))])), set('f', int(4))]);
  });

  it('looks at each binding a bounded number of times, however many there are (no scan of the others per binding)', () => {
    // Counts reads of the bindings' paths: 20,000 users are 20,000 bindings under `users.users`.
    let reads = 0;
    const counted = (path: string[]) =>
      new Proxy(path, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const users = (n: number): Binding[] =>
      Array.from({ length: n }, (_, j) => ({
        type: 'attr',
        path: counted(['users', 'users', `user${j}`]),
        value: attrs([set('isNormalUser', int(1)), set('uid', int(1000 + j))]),
      }));
    const readsFor = (n: number) => {
      reads = 0;
      const out = mergeOverlapping([...users(n), set('programs.zsh.enable', int(1))]);
      expect(out).toHaveLength(n + 1);
      return reads;
    };
    const small = readsFor(1_000);
    expect(readsFor(10_000)).toBeLessThanOrEqual(small * 10 * 1.1);
  });
});
