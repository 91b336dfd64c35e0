import { defaultProject } from '../model/defaults';
import { resolveDisplayManager } from '../model/desktop';
import { templateById, TEMPLATE_RELEASE, type Template } from '../model/templates';
import type { DesktopEnvironment, Project, Release, Specialisation } from '../model/types';
import { optionPathForField } from './option-docs';
import {
  DESKTOP_RULES,
  DISPLAY_MANAGER_RULES,
  GRAPHICS,
  KERNEL_VARIANTS,
  NVIDIA_DRIVER_RULES,
  NVIDIA_OPEN,
  PRIME_EXTRAS,
  REMOVED_KERNELS,
  at,
  firstRelease,
  releaseIndex,
  releaseLabel,
} from './releases';
import { own } from '../model/own';

export interface MigrationFix {
  /** Button text, e.g. "Switch chani to Plasma 6". */
  label: string;
  /** What the button does; returns the project unchanged when the specialisation is gone or renamed. */
  apply: (p: Project) => Project;
}

export interface Migration {
  /** Model path of the field concerned (`specialisations[0].desktop.environment`). */
  path: string;
  /** `renamed`: the output uses another option path; `unavailable`: the release lacks what the field asks for. */
  kind: 'renamed' | 'unavailable';
  message: string;
  fix: MigrationFix | null;
}

/** A fix that edits specialisation `i` only while it is still the one called `name`. */
function fixFor(i: number, name: string, label: string, recipe: (s: Specialisation) => Specialisation): MigrationFix {
  return {
    label,
    apply: (p) =>
      p.specialisations[i]?.name === name
        ? { ...p, specialisations: p.specialisations.map((s, j) => (j === i ? recipe(s) : s)) }
        : p,
  };
}

const desktopLabel = (env: DesktopEnvironment, release: Release): string =>
  env === 'none' ? 'no desktop' : (at(DESKTOP_RULES[env], release)?.label ?? DESKTOP_RULES[env].find((s) => s.value)?.value?.label ?? env);

const available = (env: DesktopEnvironment, release: Release) => env === 'none' || at(DESKTOP_RULES[env], release) !== null;

const REPLACEMENT: Partial<Record<DesktopEnvironment, DesktopEnvironment>> = { plasma5: 'plasma6', plasma6: 'plasma5' };

/** What the release lacks that specialisation `i` asks for, each with a one-click fix where one is safe. */
function unavailable(s: Specialisation, i: number, to: Release): Migration[] {
  const out: Migration[] = [];
  const p = `specialisations[${i}]`;
  const who = s.name || `specialisation ${i + 1}`;
  const r = releaseLabel(to);
  const push = (field: string, message: string, fix: MigrationFix | null) =>
    out.push({ path: `${p}.${field}`, kind: 'unavailable', message, fix });

  const env = s.desktop.environment;
  if (!available(env, to)) {
    const other = REPLACEMENT[env];
    const name = desktopLabel(env, to);
    const fix =
      other && available(other, to)
        ? fixFor(i, s.name, `Switch ${who} to ${desktopLabel(other, to)}`, (x) => ({ ...x, desktop: { ...x.desktop, environment: other } }))
        : null;
    push('desktop.environment', `${who}: NixOS ${r} does not have ${name}.`, fix);
  }

  const dm = s.desktop.displayManager;
  if (dm !== 'auto' && dm !== 'none' && !at(DISPLAY_MANAGER_RULES[dm], to)) {
    const usual = resolveDisplayManager({ ...s.desktop, displayManager: 'auto' });
    const fix =
      usual === null || at(DISPLAY_MANAGER_RULES[usual], to)
        ? fixFor(i, s.name, `Let ${who} use its desktop's usual display manager`, (x) => ({
            ...x,
            desktop: { ...x.desktop, displayManager: 'auto' },
          }))
        : null;
    push('desktop.displayManager', `${who}: the ${dm} display manager needs NixOS ${firstRelease(DISPLAY_MANAGER_RULES[dm])} or later.`, fix);
  }

  const g = s.gpu;
  if (g.mode.startsWith('nvidia')) {
    if (!at(NVIDIA_DRIVER_RULES, to)!.includes(g.driver))
      push(
        'gpu.driver',
        `${who}: NixOS ${r} has no NVIDIA driver "${g.driver}".`,
        fixFor(i, s.name, `Use the stable NVIDIA driver in ${who}`, (x) => ({ ...x, gpu: { ...x.gpu, driver: 'stable' } })),
      );
    if (g.openKernelModule && !at(NVIDIA_OPEN, to))
      push(
        'gpu.openKernelModule',
        `${who}: the open NVIDIA kernel module option needs NixOS ${firstRelease(NVIDIA_OPEN)} or later.`,
        fixFor(i, s.name, `Turn off the open kernel module in ${who}`, (x) => ({ ...x, gpu: { ...x.gpu, openKernelModule: false } })),
      );
    const extras = at(PRIME_EXTRAS, to)!;
    const reverseMissing = g.mode === 'nvidia-reverse-sync' && !extras.reverseSync;
    const externalNeedsSync = g.externalGpu && g.mode !== 'nvidia-sync' && g.mode !== 'nvidia' && !extras.reverseSync;
    if (reverseMissing || externalNeedsSync)
      push(
        'gpu.mode',
        reverseMissing
          ? `${who}: PRIME reverse sync needs NixOS 23.05 or later.`
          : `${who}: before NixOS 23.05 only PRIME sync can use an external GPU.`,
        fixFor(i, s.name, `Use PRIME sync in ${who}`, (x) => ({ ...x, gpu: { ...x.gpu, mode: 'nvidia-sync' } })),
      );
  }

  const kernel = s.kernel.packages;
  if (kernel !== null) {
    const removedIn = own(REMOVED_KERNELS, kernel);
    const gone = removedIn !== undefined && releaseIndex(to) >= releaseIndex(removedIn);
    if (gone || !at(KERNEL_VARIANTS, to)!.includes(kernel))
      push(
        'kernel.packages',
        gone ? `${who}: ${kernel} was removed in NixOS ${removedIn}.` : `${who}: ${kernel} is not among the kernels of NixOS ${r}.`,
        fixFor(i, s.name, `Use linuxPackages_latest in ${who}`, (x) => ({ ...x, kernel: { ...x.kernel, packages: 'linuxPackages_latest' } })),
      );
  }
  return out;
}

/** Option paths the generated file writes differently in `to` than in `from`, one entry per rename. */
function renamed(project: Project, from: Release, to: Release): Migration[] {
  const byChange = new Map<string, { path: string; before: string; after: string; who: string[] }>();
  const note = (path: string, who: string, before: string | null | undefined, after: string | null | undefined) => {
    if (!before || !after || before === after) return;
    const key = `${before}→${after}`;
    const entry = byChange.get(key) ?? { path, before, after, who: [] };
    if (!entry.who.includes(who)) entry.who.push(who);
    byChange.set(key, entry);
  };
  project.specialisations.forEach((s, i) => {
    const p = `specialisations[${i}]`;
    const who = s.name || `specialisation ${i + 1}`;
    const field = (f: string) => note(`${p}.${f}`, who, optionPathForField(`${p}.${f}`, s, from), optionPathForField(`${p}.${f}`, s, to));
    if (s.desktop.environment !== 'none') field('desktop.environment');
    if (resolveDisplayManager(s.desktop)) field('desktop.displayManager');
    if (s.desktop.autoLogin !== null) field('desktop.autoLogin');
    if (s.gpu.mode !== 'none') note(`${p}.gpu.mode`, who, at(GRAPHICS, from)!.enable, at(GRAPHICS, to)!.enable);
    if (s.gpu.externalGpu && s.gpu.mode.startsWith('nvidia-')) field('gpu.externalGpu');
  });
  return [...byChange.values()].map(({ path, before, after, who }) => ({
    path,
    kind: 'renamed',
    message: `${before} becomes ${after} (${who.join(', ')}).`,
    fix: null,
  }));
}

/**
 * What moving a project from one NixOS release to another changes: option paths the generated file
 * now writes differently, and settings the new release does not have, with one-click fixes.
 */
export function releaseMigrations(project: Project, from: Release, to: Release): Migration[] {
  if (from === to) return [];
  return [...renamed(project, from, to), ...project.specialisations.flatMap((s, i) => unavailable(s, i, to))];
}

/** Applies every available fix until none is left (a fix can reveal another, e.g. a driver after a mode). */
export function applyAllFixes(project: Project, release: Release): Project {
  let current = project;
  for (let round = 0; round < 5; round++) {
    const fixes = current.specialisations.flatMap((s, i) => unavailable(s, i, release)).flatMap((m) => (m.fix ? [m.fix] : []));
    if (!fixes.length) break;
    current = fixes.reduce((p, fix) => fix.apply(p), current);
  }
  return current;
}

/** A template's specialisations adapted to `release` (Plasma 5 before 24.05, PRIME sync before 23.05, …). */
export function templateSpecialisations(id: Template['id'], release: Release): Specialisation[] {
  const project: Project = { ...defaultProject(release), specialisations: templateById(id).specialisations() };
  return release === TEMPLATE_RELEASE ? project.specialisations : applyAllFixes(project, release).specialisations;
}
