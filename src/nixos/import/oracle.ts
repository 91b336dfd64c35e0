import { defaultProject } from '../../model/defaults';
import type { Base, Release, Specialisation } from '../../model/types';
import { generate } from '../generate';
import type { SourceMap } from '../../nix/printer';
import { attrPath } from '../../nix/strings';
import { computeLineStarts, lineColumnAt } from '../../nix/syntax/lexer';
import { parseNix } from '../../nix/syntax/parse';
import { leavesOf, pathKey, readConfigurationExpression } from './leaves';
import { locate } from './locate';

/** An option definition the generator writes for a specialisation, and the form setting it comes from. */
export interface GeneratedLeaf {
  path: string[];
  key: string;
  canon: string;
  /** `users.groups.x = { };`: Nix merges more definitions below it. */
  emptyAttrs: boolean;
  /** Form settings (units) that produced it: `desktop`, `user:chani.shell`, `gpu.driver` … */
  units: string[];
  /** `services.xserver.enable = true`, for the report. */
  text: string;
}

/** What the generator's output depends on besides the specialisation's form settings. */
export interface ProbeContext {
  name: string;
  inheritParentConfig: boolean;
  /** The parent system, for the `lib.mkForce` overrides the generator writes against it. */
  base: Base | null;
}

const memo = new Map<string, GeneratedLeaf[]>();

/**
 * What the generator writes for a specialisation in a release, read back with the importer's own
 * reader: the importer asks the generator instead of restating its rules, so the two cannot drift.
 */
export function generatedLeaves(s: Specialisation, release: Release, base: Base | null): GeneratedLeaf[] {
  const probe: Specialisation = { ...s, extraConfig: '' };
  const key = `${release}\u0000${JSON.stringify(probe)}\u0000${base ? JSON.stringify(base) : ''}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const { text, sourceMap } = generate({ ...defaultProject(release), base, specialisations: [probe] });
  const parsed = parseNix(text);
  if (!parsed.ok) throw new Error(`the generator wrote Nix that does not parse: ${parsed.error.message}`);
  const found = locate(parsed.ast).specialisations[0];
  const nodes = found ? [...found.nodes, ...found.expressions.flatMap((x) => readConfigurationExpression(x)?.nodes ?? [])] : [];
  const lineStarts = computeLineStarts(text);
  const leaves = leavesOf(nodes, [], text);
  const narrowest = narrowestRanges(
    sourceMap,
    leaves.map((leaf) => lineColumnAt(lineStarts, leaf.node.binding.start).line),
  );
  const out = leaves.map((leaf, i): GeneratedLeaf => {
    const units = [...new Set(narrowest[i].flatMap((path) => unitOf(path, probe) ?? []))];
    const value = leaf.value ? text.slice(leaf.value.start, leaf.value.end).replace(/\s*\n\s*/g, ' ') : '';
    return {
      path: leaf.path,
      key: leaf.key,
      canon: leaf.canon,
      emptyAttrs: leaf.canon === '{}',
      units,
      text: `${attrPath(leaf.path)} = ${value}`,
    };
  });
  if (memo.size > 5000) memo.clear();
  memo.set(key, out);
  return out;
}

/**
 * For each line, the model paths of the narrowest source-map ranges that contain it (ties all
 * count), in the map's order. Each range visits only the lines asked about inside it, found by
 * binary search: a generated specialisation of 20,000 users has some 100,000 ranges and as many lines.
 */
function narrowestRanges(sourceMap: SourceMap, lines: number[]): string[][] {
  const order = lines.map((_, i) => i).sort((a, b) => lines[a] - lines[b]);
  const sorted = order.map((i) => lines[i]);
  const span = new Array<number>(lines.length).fill(Infinity);
  const paths: string[][] = lines.map(() => []);
  for (const path of sourceMap.allPaths())
    for (const { start, end } of sourceMap.get(path)) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < sorted.length && sorted[k] <= end; k++) {
        const i = order[k];
        if (end - start < span[i]) {
          span[i] = end - start;
          paths[i] = [path];
        } else if (end - start === span[i]) paths[i].push(path);
      }
    }
  return paths;
}

/** The unit of a model path: what the importer leaves at its default when the generator cannot write it back the same. */
export function unitOf(modelPath: string, s: Specialisation): string | null {
  const m = /^specialisations\[0\]\.?(.*)$/.exec(modelPath);
  const rest = m ? m[1] : modelPath;
  const user = /^users\[(\d+)\](?:\.(\w+))?/.exec(rest);
  if (user) {
    const name = s.users[Number(user[1])]?.name ?? user[1];
    const field = user[2];
    return field && field !== 'name' && field !== 'isNormalUser' ? `user:${name}#${field}` : `user:${name}`;
  }
  const row = /^settings\[(\d+)\]/.exec(rest);
  if (row) {
    const setting = s.settings[Number(row[1])];
    return setting ? `setting:${pathKey(setting.path)}` : null;
  }
  // A field's priority belongs to the field.
  const chosen = /^priorities\.(.+)$/.exec(rest);
  if (chosen) return PRIORITY_UNIT[chosen[1]] ?? null;
  const [section, field] = rest.split('.');
  switch (section) {
    case '':
    case 'name':
    case 'inheritParentConfig':
    case 'extraConfig':
      return null;
    case 'fromParent':
      return rest;
    case 'desktop':
      return field === 'autoLogin' ? 'autoLogin' : 'desktop';
    case 'gpu':
      return field === 'mode' || field?.endsWith('BusId') ? 'gpu' : `gpu.${field}`;
    case 'kernel':
      return `kernel.${field}`;
    default:
      return rest;
  }
}

const PRIORITY_UNIT: Record<string, string> = {
  'desktop.environment': 'desktop',
  'desktop.displayManager': 'desktop',
  'desktop.autoLogin': 'autoLogin',
  'gpu.videoDrivers': 'gpu',
  'gpu.prime': 'gpu',
  'gpu.driver': 'gpu.driver',
  'gpu.openKernelModule': 'gpu.openKernelModule',
  'kernel.packages': 'kernel.packages',
};

/** The unit to leave at its default when `unit` is already at its default and still conflicts. */
export function parentUnit(unit: string): string | null {
  if (unit.startsWith('user:')) return unit.includes('#') ? unit.slice(0, unit.indexOf('#')) : null;
  if (unit.startsWith('gpu.') && unit !== 'gpu.thunderbolt') return 'gpu';
  if (unit === 'autoLogin') return 'desktop';
  return null;
}
