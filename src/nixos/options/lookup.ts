import type { SettingType } from '../../model/types';
import { comparePaths } from './build';
import { parseType, type OptionType } from './type-grammar';
import type { CatalogOption, CatalogRename, EnumValue, ReleaseOptionCatalog, TypeText } from './types';

/** The placeholder for the keys of an attrsOf submodule (`users.users.<name>.shell`). */
export const NAME = '<name>';

interface Node {
  /** Children by segment, and their names sorted (for prefix search). */
  children: Map<string, Node>;
  sorted: string[];
  /** The option at exactly this path, if any. */
  option: CatalogOption | undefined;
  /** The slice [start, end) of the sorted options that lie at or under this node. */
  start: number;
  end: number;
}

export interface Completion {
  /** The option's path with the caller's own names in place of `<name>`. */
  path: string[];
  option: CatalogOption;
}

export interface RenameHit {
  rename: CatalogRename;
  /** The new path (the rest of the path carried over for a whole-set rename); null when removed. */
  to: string[] | null;
}

export interface OptionIndex {
  catalog: ReleaseOptionCatalog;
  optionAt(path: readonly string[]): CatalogOption | undefined;
  renameOf(path: readonly string[]): RenameHit | undefined;
  completions(prefix: string, limit?: number): Completion[];
}

const newNode = (): Node => ({ children: new Map(), sorted: [], option: undefined, start: 0, end: 0 });

/** Builds the lookup structures of one release's catalog once; every lookup after that is a walk of a few nodes. */
export function indexCatalog(catalog: ReleaseOptionCatalog): OptionIndex {
  const options = [...catalog.options].sort((a, b) => comparePaths(a.path, b.path));
  const root = newNode();
  root.end = options.length;
  options.forEach((option, i) => {
    let node = root;
    for (const segment of option.path) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        child.start = i;
        node.children.set(segment, child);
      }
      child.end = i + 1;
      node = child;
    }
    node.option = option;
  });
  const finish = (node: Node) => {
    node.sorted = [...node.children.keys()].sort();
    node.children.forEach(finish);
  };
  finish(root);

  /** Every node a concrete path can reach: an exact segment first, then `<name>`. */
  function walk(path: readonly string[]): Node[] {
    let nodes = [root];
    for (const segment of path) {
      const next: Node[] = [];
      for (const node of nodes) {
        const exact = node.children.get(segment);
        if (exact) next.push(exact);
        const named = segment !== NAME ? node.children.get(NAME) : undefined;
        if (named) next.push(named);
      }
      if (!next.length) return [];
      nodes = next;
    }
    return nodes;
  }

  const renames = [...catalog.renames].sort((a, b) => b.from.length - a.from.length);
  const matches = (pattern: readonly string[], path: readonly string[]) =>
    pattern.length <= path.length && pattern.every((p, i) => p === path[i] || (p === NAME && path[i] !== undefined));

  return {
    catalog,
    optionAt(path) {
      return walk(path).find((n) => n.option)?.option;
    },
    renameOf(path) {
      const rename = renames.find((r) => matches(r.from, path));
      if (!rename) return undefined;
      if (!rename.to) return { rename, to: null };
      // `<name>` in the target takes the caller's name from the same place in the old path.
      const names = rename.from.flatMap((p, i) => (p === NAME ? [path[i]] : []));
      let n = 0;
      const to = rename.to.map((p) => (p === NAME ? (names[n++] ?? p) : p));
      return { rename, to: [...to, ...path.slice(rename.from.length)] };
    },
    completions(prefix, limit = 50) {
      const segments = splitPrefix(prefix);
      const partial = segments.pop() ?? '';
      const out: Completion[] = [];
      for (const node of walk(segments)) {
        // Children are sorted like the options, so those that start with `partial` hold one contiguous slice.
        const lo = lowerBound(node.sorted, partial);
        let hi = lo;
        while (hi < node.sorted.length && node.sorted[hi].startsWith(partial)) hi++;
        if (lo === hi) continue;
        const start = node.children.get(node.sorted[lo])!.start;
        const end = node.children.get(node.sorted[hi - 1])!.end;
        for (let i = start; i < end && out.length < limit; i++) {
          const option = options[i];
          const path = option.path.map((p, j) => (j < segments.length && p === NAME ? segments[j] : p));
          out.push({ path, option });
        }
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

/** `a.b."c.d".e` → segments; a trailing dot gives an empty last segment (complete every child). */
export function splitPrefix(prefix: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of prefix) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '.' && !quoted) {
      segments.push(current);
      current = '';
    } else current += ch;
  }
  segments.push(current);
  return segments;
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a Setting row of the given type can hold a value of the option's type: `fits`, `mismatch`, or `unknown`
 * when the catalog only knows the type as `other`. A `nix` row fits everything (it is any expression); a value must
 * still match an enum's values and a path must be absolute, which is the row's own validation.
 */
export type Fit = 'fits' | 'mismatch' | 'unknown';

export function checkValueType(type: TypeText | OptionType, setting: SettingType, enumValues?: readonly EnumValue[]): Fit {
  const t = typeof type === 'string' ? parseType(type) : type;
  if (setting === 'nix') return 'fits';
  return fit(t, setting, enumValues);
}

/** Whether an enum with these values (unknown: any) has a value of the row's kind. */
function enumHas(values: readonly EnumValue[] | undefined, kind: 'string' | 'number' | 'boolean'): Fit {
  if (!values) return 'fits';
  return values.some((v) => typeof v === kind) ? 'fits' : 'mismatch';
}

function fit(t: OptionType, setting: Exclude<SettingType, 'nix'>, en: readonly EnumValue[] | undefined): Fit {
  switch (t.kind) {
    case 'other':
    case 'function':
      return 'unknown';
    case 'nullOr':
      return fit(t.of, setting, en);
    case 'either': {
      const [a, b] = t.of.map((x) => fit(x, setting, en));
      return a === 'fits' || b === 'fits' ? 'fits' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'mismatch';
    }
    case 'listOf':
      if (setting === 'strings') return item(t.of, 'string', en);
      if (setting === 'packages') return item(t.of, 'package', en);
      return 'mismatch';
    case 'bool':
      return setting === 'bool' ? 'fits' : 'mismatch';
    case 'int':
      return setting === 'int' ? 'fits' : 'mismatch';
    case 'float':
      return 'mismatch'; // types.float refuses an integer literal; a decimal needs a nix row
    case 'str':
      return setting === 'string' ? 'fits' : 'mismatch';
    case 'path':
      // types.path takes a path literal or a string that starts with "/".
      return setting === 'path' || setting === 'string' ? 'fits' : 'mismatch';
    case 'enum':
      // The values may be strings, integers or booleans; the row's value itself is checked against the list.
      if (setting === 'string') return enumHas(en, 'string');
      if (setting === 'int') return enumHas(en, 'number');
      if (setting === 'bool') return enumHas(en, 'boolean');
      return 'mismatch';
    case 'package':
    case 'submodule':
    case 'attrs':
    case 'attrsOf':
      return 'mismatch';
  }
}

function item(t: OptionType, want: 'string' | 'package', en: readonly EnumValue[] | undefined): Fit {
  switch (t.kind) {
    case 'other':
    case 'function':
      return 'unknown';
    case 'nullOr':
      return item(t.of, want, en);
    case 'either': {
      const [a, b] = t.of.map((x) => item(x, want, en));
      return a === 'fits' || b === 'fits' ? 'fits' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'mismatch';
    }
    case 'str':
    case 'path':
      return want === 'string' ? 'fits' : 'mismatch';
    case 'enum':
      return want === 'string' ? enumHas(en, 'string') : 'mismatch';
    case 'package':
      return want === 'package' ? 'fits' : 'mismatch';
    default:
      return 'mismatch';
  }
}
