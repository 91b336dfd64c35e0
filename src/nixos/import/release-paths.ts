import { DEFAULT_RELEASE, NVIDIA_DRIVERS, RELEASES, type Release } from '../../model/types';
import {
  AUTOLOGIN_PREFIX,
  DESKTOP_RULES,
  DISPLAY_MANAGER_RULES,
  GRAPHICS,
  NVIDIA_DRIVER_RULES,
  NVIDIA_OPEN,
  PRIME_EXTRAS,
  REMOVED_KERNELS,
  at,
  releaseIndex,
  releaseLabel,
  type Steps,
} from '../releases';
import type { Leaf } from './leaves';
import { own } from '../../model/own';

/** A fact about the input that only some releases have, e.g. an option path that moved. */
export interface Constraint {
  /** `services.xserver.displayManager.autoLogin`, `pkgs.linuxPackages_4_19` … */
  label: string;
  releases: Release[];
}

/**
 * Option namespaces that exist only in some releases, read from the release rules: where each
 * desktop, display manager, autologin, graphics and PRIME option lives, release by release.
 */
const NAMESPACES: Map<string, Set<Release>> = (() => {
  const index = new Map<string, Set<Release>>();
  const add = (path: string | null | undefined, r: Release) => {
    if (!path) return;
    let set = index.get(path);
    if (!set) index.set(path, (set = new Set()));
    set.add(r);
  };
  const parent = (path: string) => path.slice(0, path.lastIndexOf('.'));
  for (const r of RELEASES) {
    for (const steps of Object.values(DESKTOP_RULES)) add(at(steps, r) && parent(at(steps, r)!.enable), r);
    for (const steps of Object.values(DISPLAY_MANAGER_RULES) as Steps<{ path: string; wayland: string | null } | null>[]) {
      const rule = at(steps, r);
      add(rule?.path, r);
      add(rule?.wayland && parent(rule.wayland), r);
    }
    const prefix = at(AUTOLOGIN_PREFIX, r)!;
    add(`${prefix}.autoLogin`, r);
    add(`${prefix}.defaultSession`, r);
    add(parent(at(GRAPHICS, r)!.enable), r);
    if (at(NVIDIA_OPEN, r)) add('hardware.nvidia.open', r);
    const prime = at(PRIME_EXTRAS, r)!;
    add(prime.allowExternalGpu, r);
    if (prime.reverseSync) add('hardware.nvidia.prime.reverseSync', r);
    if (prime.offloadCmd) add('hardware.nvidia.prime.offload.enableOffloadCmd', r);
  }
  // Paths every release has say nothing about the release.
  for (const [path, set] of index) if (set.size === RELEASES.length) index.delete(path);
  return index;
})();

/** The releases in which each release-dependent path or value of the input exists as written. */
export function constraintsOf(leaves: readonly Leaf[]): Constraint[] {
  const found = new Map<string, Set<Release>>();
  const note = (label: string, releases: Iterable<Release>) => found.set(label, new Set(releases));
  for (const leaf of leaves) {
    for (let n = leaf.path.length; n > 0; n--) {
      const path = leaf.path.slice(0, n).join('.');
      const set = NAMESPACES.get(path);
      if (set) note(path, set);
    }
    if (leaf.key === 'boot\u0001kernelPackages' && leaf.canon.startsWith('p:')) {
      const removed = own(REMOVED_KERNELS, leaf.canon.slice(2));
      if (removed) note(`pkgs.${leaf.canon.slice(2)}`, RELEASES.filter((r) => releaseIndex(r) < releaseIndex(removed)));
    }
    const driver = /^c:boot\.kernelPackages\.nvidiaPackages\.(\w+)$/.exec(leaf.canon)?.[1];
    if (driver && (NVIDIA_DRIVERS as readonly string[]).includes(driver))
      note(`nvidiaPackages.${driver}`, RELEASES.filter((r) => (at(NVIDIA_DRIVER_RULES, r) as readonly string[]).includes(driver)));
  }
  return [...found]
    .filter(([, set]) => set.size < RELEASES.length)
    .map(([label, set]) => ({ label, releases: RELEASES.filter((r) => set.has(r)) }));
}

/**
 * Releases that have every constrained path as written; when none has all of them, those that
 * have the most. Ordered by preference: `preferred`, the current stable release, then newest first.
 */
export function candidateReleases(constraints: readonly Constraint[], preferred?: Release): { releases: Release[]; satisfiesAll: boolean } {
  const score = (r: Release) => constraints.filter((c) => c.releases.includes(r)).length;
  const best = Math.max(...RELEASES.map(score));
  const order = [...new Set([...(preferred ? [preferred] : []), DEFAULT_RELEASE, ...[...RELEASES].reverse()])];
  return { releases: order.filter((r) => score(r) === best), satisfiesAll: best === constraints.length };
}

/** `22.05–23.11`, `24.05 and later`, `only 23.11`, or runs joined with commas. */
export function describeReleases(releases: readonly Release[]): string {
  if (releases.length === 0) return 'no release';
  if (releases.length === RELEASES.length) return 'every release';
  const runs: Release[][] = [];
  for (const r of RELEASES.filter((x) => releases.includes(x))) {
    const last = runs[runs.length - 1];
    if (last && releaseIndex(last[last.length - 1]) === releaseIndex(r) - 1) last.push(r);
    else runs.push([r]);
  }
  return runs
    .map((run) => {
      const [first, end] = [run[0], run[run.length - 1]];
      if (run.length === 1) return runs.length === 1 ? `only ${releaseLabel(first)}` : releaseLabel(first);
      if (end === 'unstable') return `${first} and later`;
      return `${first}–${end}`;
    })
    .join(', ');
}
