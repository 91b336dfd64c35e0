import type { Diagnostic, Project } from '../../model/types';
import { own } from '../../model/own';

/** Errors first, then warnings; the generator's order (by specialisation) within each. */
export function sortProblems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity !== 'error')];
}

/** The index in `specialisations[3].users[0].uid`, or null when the path is not under a specialisation. */
export function specialisationIndex(path: string): number | null {
  const m = /^specialisations\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}

/** The path and each of its ancestors, nearest first: `a[0].b` → `a[0].b`, `a[0]`, `a`. */
export function ancestorPaths(path: string): string[] {
  const out: string[] = [];
  for (let p = path; p; ) {
    out.push(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Problems: 1 error, 2 warnings" / "Problems: none", then the notes: "Problems: none · 1 note". */
export function problemsHeading(errors: number, warnings: number, notes = 0): string {
  const head = errors === 0 && warnings === 0 ? 'Problems: none' : `Problems: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return notes > 0 ? `${head} · ${plural(notes, 'note')}` : head;
}

/** Information in the problems list: not wrong, but worth knowing, with what to do about it. */
export interface Note {
  path: string;
  message: string;
}

/**
 * What may clash with a main system the project does not describe: a specialisation that inherits the main
 * configuration and brings a desktop of its own gets both desktops (two display managers), since the module
 * writes no overrides then. One note per such specialisation, at its desktop field.
 */
export function parentNotes(project: Pick<Project, 'base' | 'specialisations'>): Note[] {
  if (project.base) return [];
  const notes: Note[] = [];
  project.specialisations.forEach((s, i) => {
    if (!s.inheritParentConfig || s.desktop.environment === 'none') return;
    notes.push({
      path: `specialisations[${i}].desktop.environment`,
      message: `${s.name || `Specialisation ${i + 1}`} brings its own desktop, which may clash with the main system's: the main system is not described, so the module turns nothing of it off`,
    });
  });
  return notes;
}

const FIELD_LABELS: Record<string, string> = {
  extraGroups: 'groups',
  authorizedKeys: 'SSH keys',
  hashedPassword: 'hashed password',
  isNormalUser: 'normal user',
  inheritParentConfig: 'inherit parent configuration',
  displayManager: 'display manager',
  autoLogin: 'autologin',
  nvidiaBusId: 'NVIDIA bus ID',
  intelBusId: 'Intel bus ID',
  amdgpuBusId: 'AMD bus ID',
  openKernelModule: 'open kernel module',
  externalGpu: 'external GPU',
  gpu: 'GPU',
  params: 'parameters',
  blacklistedModules: 'blacklisted modules',
  extraConfig: 'extra Nix',
  nixosRelease: 'NixOS release',
  base: 'main system',
  grubDevice: 'GRUB device',
  networkmanager: 'NetworkManager',
  fromParent: 'from the main system',
  // A setting row's fields (`settings[1].path`, `.overridePriority`).
  path: 'option path',
  overridePriority: 'lib.mkOverride priority',
};

/** Names for one item of a list field: `users[1]` is "user 2". */
const ITEM_LABELS: Record<string, string> = {
  users: 'user',
  extraGroups: 'group',
  authorizedKeys: 'SSH key',
  packages: 'package',
  tags: 'tag',
  params: 'parameter',
  modules: 'module',
  blacklistedModules: 'blacklisted module',
  settings: 'setting',
  items: 'item',
};

const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * Where a problem is, for people: `specialisations[0].users[1].uid` with names `['chani']` →
 * `chani › user 2 › uid`.
 */
export function describePath(path: string, names: readonly string[]): string {
  const parts: string[] = [];
  const rest = path.replace(/^specialisations\[(\d+)\]\.?/, (_, i: string) => {
    const n = Number(i);
    parts.push(names[n]?.trim() ? names[n] : `specialisation ${n + 1}`);
    return '';
  });
  for (const m of rest.matchAll(/([^.[\]]+)(?:\[(\d+)\])?/g)) {
    const [, name, index] = m;
    if (index === undefined) parts.push(own(FIELD_LABELS, name) ?? words(name));
    else parts.push(`${own(ITEM_LABELS, name) ?? words(name)} ${Number(index) + 1}`);
  }
  return parts.join(' › ') || 'project';
}
