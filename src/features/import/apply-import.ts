import type { Project } from '../../model/types';
import { releaseLabel } from '../../nixos/releases';
import { studioStore, undo } from '../../store/studio-store';

/**
 * Replaces the project with an imported one as a single step of the history, and says so with an
 * Undo right there: an import never replaces work without a way back.
 */
export function applyImport(project: Project, source: string): void {
  const state = studioStore.getState();
  state.setProject(project);
  state.select(project.specialisations.length ? 0 : -1);
  const after = studioStore.getState().project;
  const n = project.specialisations.length;
  state.notify({
    kind: 'info',
    message: `Imported ${n} ${n === 1 ? 'specialisation' : 'specialisations'} from ${source}; the project targets NixOS ${releaseLabel(project.nixosRelease)}.`,
    actions: [
      {
        label: 'Undo import',
        run: () => {
          if (studioStore.getState().project === after) undo();
          else studioStore.getState().notify({ kind: 'info', message: 'The project changed since the import: use Undo in the header to step back to it.' });
        },
      },
    ],
  });
}
