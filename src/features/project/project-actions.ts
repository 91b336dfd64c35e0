import { defaultProject } from '../../model/defaults';
import { setRelease } from '../../model/operations';
import { projectFileName, projectFileText } from '../../model/project-file';
import { parseProjectText } from '../../model/read';
import type { Project, Release } from '../../model/types';
import type { QueryClient } from '@tanstack/react-query';
import { optionCatalogQuery } from '../../catalog/option-catalog';
import { releaseMigrations, type Migration } from '../../nixos/migrate';
import { settingMigrations } from '../../nixos/options/check-settings';
import { indexCatalog } from '../../nixos/options/lookup';
import { releaseLabel } from '../../nixos/releases';
import { studioStore, undo, type NoticeAction } from '../../store/studio-store';
import { downloadText } from './download';
import { readProjectFile, type ProjectFileResult } from './read-project-file';

const state = () => studioStore.getState();

/**
 * An action that undoes the step just made. After other edits, `fallback` (if any) reverts it as a new
 * step; otherwise the user is pointed to the header's Undo, which walks back through everything.
 */
function undoAction(label: string, fallback?: (p: Project) => Project): NoticeAction {
  const after = state().project;
  return {
    label,
    run: () => {
      if (state().project === after) undo();
      else if (fallback) state().setProject(fallback);
      else state().notify({ kind: 'info', message: 'The project changed since then: use Undo in the header to step back through the changes.' });
    },
  };
}

export function newProject(): void {
  const before = state().project;
  if (before.specialisations.length === 0) return;
  state().setProject(defaultProject(before.nixosRelease));
  state().select(-1);
  state().notify({ kind: 'info', message: 'Started a new, empty project.', actions: [undoAction('Undo new project')] });
}

export function saveProjectFile(): void {
  const { project } = state();
  downloadText(projectFileName(project), projectFileText(project));
}

const MAX_LISTED = 12;

/** Opens a project file: on any problem the current project stays as it is and the problems are listed. */
export async function openProjectFile(file: File): Promise<void> {
  applyOpened(file.name, await readProjectFile(file));
}

/** Opens a project from its text (tests and drops of text). */
export function openProjectText(fileName: string, text: string): void {
  applyOpened(fileName, parseProjectText(text));
}

function applyOpened(fileName: string, result: ProjectFileResult): void {
  if ('tooBig' in result) {
    state().notify({ kind: 'error', message: `Could not open ${fileName}: ${result.tooBig}. Your project is unchanged.` });
    return;
  }
  if ('jsonError' in result) {
    state().notify({ kind: 'error', message: `Could not open ${fileName}: ${result.jsonError}. Your project is unchanged.` });
    return;
  }
  if (result.diagnostics.length) {
    const lines = result.diagnostics.map((d) => `${d.path}: ${d.message}`);
    state().notify({
      kind: 'error',
      message: `Could not open ${fileName}: it is not a valid project file (${lines.length} ${lines.length === 1 ? 'problem' : 'problems'}). Your project is unchanged.`,
      details: lines.length > MAX_LISTED ? [...lines.slice(0, MAX_LISTED), `… and ${lines.length - MAX_LISTED} more`] : lines,
    });
    return;
  }
  state().setProject(result.project);
  state().select(result.project.specialisations.length ? 0 : -1);
  state().notify({ kind: 'info', message: `Opened ${fileName}.`, actions: [undoAction(`Undo opening ${fileName}`)] });
}

/**
 * A notice's buttons for the fixes of `migrations`: one per fix, and one for all of them when there
 * are several; each says it is done, with an Undo.
 */
function fixActions(migrations: readonly Migration[], allLabel: string, allDone: string): NoticeAction[] {
  const fixes = migrations.flatMap((m) => (m.fix ? [m.fix] : []));
  const apply = (label: string, recipe: (p: Project) => Project) => () => {
    state().setProject(recipe);
    state().notify({ kind: 'info', message: `Done: ${label}.`, actions: [undoAction(`Undo: ${label}`)] });
  };
  const actions: NoticeAction[] = fixes.map((f) => ({ label: f.label, run: apply(f.label, f.apply) }));
  if (fixes.length > 1) actions.push({ label: allLabel, run: apply(allDone, (p) => fixes.reduce((x, f) => f.apply(x), p)) });
  return actions;
}

/** Changes the target release and tells what that changes, offering the fixes the new release needs. */
export function changeRelease(to: Release, queryClient?: QueryClient): void {
  const from = state().project.nixosRelease;
  if (from === to) return;
  state().setProject((p) => setRelease(p, to));
  const migrations = releaseMigrations(state().project, from, to);
  const actions = fixActions(migrations, 'Apply all suggestions', 'Applied all suggestions');
  actions.push(undoAction(`Undo: back to ${releaseLabel(from)}`, (p) => setRelease(p, from)));
  state().notify({
    kind: migrations.some((m) => m.kind === 'unavailable') ? 'warning' : 'info',
    message: migrations.length
      ? `Target release changed from ${releaseLabel(from)} to ${releaseLabel(to)}. What changes:`
      : `Target release changed from ${releaseLabel(from)} to ${releaseLabel(to)}. No option path in your project changes.`,
    details: migrations.map((m) => m.message),
    actions,
    // It tells of this release: it goes when the target is another one (a later change says what that changes).
    appliesTo: (p) => p.nixosRelease === to,
  });
  if (queryClient && state().project.specialisations.some((s) => s.settings.length)) void announceSettingMigrations(from, to, queryClient);
}

/**
 * Setting rows whose option the new release renamed or removed, from its option catalog (loaded now,
 * not at start-up): a second notice with a fix per renamed row.
 */
async function announceSettingMigrations(from: Release, to: Release, queryClient: QueryClient): Promise<void> {
  const catalog = await queryClient.fetchQuery(optionCatalogQuery(to)).catch(() => null);
  // The catalog may come after the user changed the release again.
  if (!catalog || state().project.nixosRelease !== to) return;
  const migrations = settingMigrations(state().project, indexCatalog(catalog));
  if (!migrations.length) return;
  const actions = fixActions(migrations, 'Apply all renames', 'Applied all renames');
  state().notify({
    kind: 'warning',
    message: `Settings whose option changed from ${releaseLabel(from)} to ${releaseLabel(to)}:`,
    details: migrations.map((m) => m.message),
    actions,
    // Like the release notice: it goes when the target is another release.
    appliesTo: (p) => p.nixosRelease === to,
  });
}
