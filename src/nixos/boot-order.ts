import type { Project, Release } from '../model/types';
import { at, releaseIndex, type Steps } from './releases';

/**
 * How systemd-boot orders its menu, re-stated from its source (src/boot/boot.c `boot_entry_compare`,
 * src/fundamental/string-util-fundamental.c `strverscmp_improved`; see docs/release-facts.md §11),
 * and the `boot.loader.systemd-boot.sortKey`s that give the order a user wants.
 */

/** `boot.loader.systemd-boot.sortKey` (and the `sort-key` line in NixOS's entries): 24.05 and later. */
export const SORT_KEY: Steps<boolean> = [
  { from: '22.05', value: false },
  { from: '24.05', value: true },
];
export const hasSortKey = (release: Release): boolean => at(SORT_KEY, release) === true;
/** NixOS's default `sortKey`. */
export const NIXOS_SORT_KEY = 'nixos';
/** lanzaboote's default `boot.lanzaboote.sortKey`, the `ID=` of every entry it writes. */
export const LANZABOOTE_SORT_KEY = 'lanza';

/** The main system in `Project.bootOrder`. */
export const PARENT = '';

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isVersionChar = (c: string) => isDigit(c) || isAlpha(c) || c === '~' || c === '-' || c === '^' || c === '.';
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const cmp = (x: number, y: number) => sign(x - y);

/**
 * systemd's version comparison (`strverscmp_improved`): segments of digits or letters, compared as
 * numbers or bytes; `~` before anything, then the end of the string, then `-`, `^`, `.`; other
 * characters only separate segments. Negative when `a` is older than `b`.
 */
export function versionCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const at = (s: string, k: number) => (k < s.length ? s[k] : '');
  const code = (c: string) => (c === '' ? 0 : c.charCodeAt(0));
  for (;;) {
    const [i0, j0] = [i, j];
    while (i < a.length && !isVersionChar(a[i])) i++;
    while (j < b.length && !isVersionChar(b[j])) j++;
    for (const mark of ['~', 'end', '-', '^', '.'] as const) {
      const x = at(a, i);
      const y = at(b, j);
      if (mark === 'end') {
        if (x === '' || y === '') return cmp(code(x), code(y));
        continue;
      }
      if (x !== mark && y !== mark) continue;
      // The string with the mark is the older one ('~' before anything, '-' before '^' before '.').
      const r = cmp(x !== mark ? 1 : 0, y !== mark ? 1 : 0);
      if (r !== 0) return r;
      i++;
      j++;
    }
    const x = at(a, i);
    const y = at(b, j);
    let ie = i;
    let je = j;
    if (isDigit(x) || isDigit(y)) {
      while (isDigit(at(a, ie))) ie++;
      while (isDigit(at(b, je))) je++;
      // A number is newer than no number.
      let r = cmp(ie > i ? 1 : 0, je > j ? 1 : 0);
      if (r !== 0) return r;
      while (at(a, i) === '0') i++;
      while (at(b, j) === '0') j++;
      r = cmp(ie - i, je - j);
      if (r !== 0) return r;
      r = bytes(a.slice(i, ie), b.slice(j, je));
      if (r !== 0) return r;
    } else {
      while (isAlpha(at(a, ie))) ie++;
      while (isAlpha(at(b, je))) je++;
      const n = Math.min(ie - i, je - j);
      let r = bytes(a.slice(i, i + n), b.slice(j, j + n));
      if (r !== 0) return r;
      r = cmp(ie - i, je - j);
      if (r !== 0) return r;
    }
    i = ie;
    j = je;
    // Nothing consumed (a lone mark after another): step over it so the loop always ends.
    if (i === i0 && j === j0) {
      i++;
      j++;
    }
  }
}

/** C's strcmp on ASCII text: code unit by code unit. */
function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One loader entry as systemd-boot reads it. */
export interface LoaderEntry {
  /** The file name (type #1 `.conf`, type #2 `.efi`). */
  id: string;
  title: string;
  sortKey: string | null;
  machineId: string | null;
  version: string | null;
}

const strcmpNullable = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : bytes(a, b));

/**
 * systemd-boot's menu order (`boot_entry_compare`, boot counting aside): entries with a sort key
 * first, those by sort key, then machine id, then version (newest first); then every entry by its
 * id, the newest-looking first.
 */
export function loaderEntryCompare(a: LoaderEntry, b: LoaderEntry): number {
  const r = cmp(a.sortKey === null ? 1 : 0, b.sortKey === null ? 1 : 0);
  if (r !== 0) return r;
  if (a.sortKey !== null && b.sortKey !== null) {
    const key = bytes(a.sortKey, b.sortKey);
    if (key !== 0) return key;
    const machine = strcmpNullable(a.machineId, b.machineId);
    if (machine !== 0) return machine;
    const version = -versionCompare(a.version ?? '', b.version ?? '');
    if (version !== 0) return version;
  }
  return -versionCompare(a.id, b.id);
}

/**
 * The titles systemd-boot shows: equal titles get the version added, then the first 8 characters
 * of the machine id, then the id, until they differ (`generate_boot_entry_titles`).
 */
export function shownTitles(entries: readonly LoaderEntry[]): string[] {
  const shown = entries.map((e) => e.title);
  const steps: ((e: LoaderEntry) => string | null)[] = [
    (e) => e.version,
    (e) => (e.machineId === null ? null : e.machineId.slice(0, 8)),
    (e) => e.id,
  ];
  for (const extra of steps) {
    const counts = new Map<string, number>();
    for (const t of shown) counts.set(t, (counts.get(t) ?? 0) + 1);
    if ([...counts.values()].every((n) => n === 1)) break;
    const repeated = shown.map((t) => counts.get(t)! > 1);
    entries.forEach((e, i) => {
      const add = repeated[i] ? extra(e) : null;
      if (add !== null) shown[i] = `${shown[i]} (${add})`;
    });
  }
  return shown;
}

/**
 * The entries of the newest generation in the order the user asked for: `bootOrder` where it names
 * them (names no longer there are dropped), then the others in the order of the list.
 */
export function wantedOrder(project: Project): string[] {
  // Nix entries name their own entries (computed names): only the form's entries can be ordered.
  const names = [PARENT, ...project.specialisations.filter((s) => s.nixEntry === null).map((s) => s.name).filter((n) => n !== '')];
  const known = new Set(names);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [...project.bootOrder.filter((x) => known.has(x)), ...names]) {
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(n);
  }
  return out;
}

/** Whether the module writes sort keys: a wanted order of two entries or more, systemd-boot, a release that has the option. */
export function writesSortKeys(project: Project): boolean {
  const bootloader = project.base?.bootloader ?? 'systemd-boot';
  return project.bootOrder.length > 0 && bootloader === 'systemd-boot' && hasSortKey(project.nixosRelease) && wantedOrder(project).length > 1;
}

/**
 * The `boot.loader.systemd-boot.sortKey` of each entry (`""` is the main system) that gives the
 * wanted order: `nixos-<position>` for the main system, `nixos-<position>-<name>` for a
 * specialisation. Each starts with `nixos`, so the entries keep their place before others' (such as
 * memtest86's `o_memtest86`); the position has two digits, so that 10 sorts after 09. Null when
 * the module writes none.
 */
export function sortKeys(project: Project): Map<string, string> | null {
  if (!writesSortKeys(project)) return null;
  const order = wantedOrder(project);
  const width = Math.max(2, String(order.length - 1).length);
  return new Map(order.map((n, i) => [n, `${NIXOS_SORT_KEY}-${String(i).padStart(width, '0')}${n === PARENT ? '' : `-${n}`}`]));
}

/** Moves entry `name` one place up (-1) or down (+1) in the wanted order; returns the new `bootOrder`. */
export function moveEntry(project: Project, name: string, by: -1 | 1): string[] {
  const order = wantedOrder(project);
  const i = order.indexOf(name);
  const j = i + by;
  if (i === -1 || j < 0 || j >= order.length) return order;
  [order[i], order[j]] = [order[j], order[i]];
  return order;
}

/** Release index helper for messages: whether `release` is at least `from`. */
export const atLeast = (release: Release, from: Release) => releaseIndex(release) >= releaseIndex(from);
