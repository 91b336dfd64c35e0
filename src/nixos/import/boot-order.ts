import type { Project } from '../../model/types';
import { stringLiteralValue, type Expr } from '../../nix/syntax/ast';
import { PARENT, sortKeys } from '../boot-order';
import { pathKey, type Leaf } from './leaves';

const SORT_KEY = pathKey(['boot', 'loader', 'systemd-boot', 'sortKey']);
const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);

export interface ReadOrder {
  /** The project's `bootOrder`: `""` for the main system, then the entries' names in menu order. */
  order: string[];
  /** The definition read from each specialisation (by its place in `entries`). */
  used: Map<number, Leaf>;
}

/**
 * The menu order behind the sort keys the module writes (`sortKeys` in ../boot-order.ts): the main
 * system's `boot.loader.systemd-boot.sortKey` at the top level and a `lib.mkForce` one in every
 * specialisation. Read only when the generator would write exactly those keys again for `project`
 * (its release and bootloader): anything else (keys of the user's own, one missing, a condition)
 * stays as it was written.
 */
export function readBootOrder(parentKey: string | null, entries: readonly { name: string; leaves: readonly Leaf[] }[], project: Project): ReadOrder | null {
  if (parentKey === null || entries.length === 0) return null;
  const keys = new Map<string, string>([[PARENT, parentKey]]);
  const used = new Map<number, Leaf>();
  for (const [i, e] of entries.entries()) {
    const found = e.leaves.filter((l) => l.key === SORT_KEY);
    const l = found[0];
    if (found.length !== 1 || l.dynamic || l.condition !== null || l.priority !== 'force' || !l.core) return null;
    const key = stringLiteralValue(unparen(l.core));
    if (key === null || keys.has(e.name)) return null;
    keys.set(e.name, key);
    used.set(i, l);
  }
  const position = (key: string) => Number(/^[a-z]+-(\d+)/.exec(key)?.[1] ?? NaN);
  const order = [...keys.keys()].sort((a, b) => position(keys.get(a)!) - position(keys.get(b)!));
  if (order.some((n) => Number.isNaN(position(keys.get(n)!)))) return null;
  const expected = sortKeys({ ...project, bootOrder: order });
  if (!expected || expected.size !== keys.size) return null;
  for (const [name, key] of keys) if (expected.get(name) !== key) return null;
  return { order, used };
}
