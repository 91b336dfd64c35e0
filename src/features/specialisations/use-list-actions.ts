import { useMemo } from 'react';
import { defaultSpecialisation } from '../../model/defaults';
import {
  duplicateSpecialisation,
  insertSpecialisation,
  moveSpecialisation,
  removeSpecialisation,
  renameSpecialisation,
} from '../../model/operations';
import { addSpecialisations, type Template } from '../../model/templates';
import { templateSpecialisations } from '../../nixos/migrate';
import { studioStore, undo } from '../../store/studio-store';

/** The list's actions: each one undo step over a pure operation, then the selection follows. */
export function useListActions() {
  return useMemo(() => {
    const state = () => studioStore.getState();
    const add = (list: Parameters<typeof addSpecialisations>[1]) => {
      const { project, added } = addSpecialisations(state().project, list);
      state().setProject(project);
      state().select(added[0]);
    };
    return {
      addBlank: () => add([defaultSpecialisation('')]),
      addTemplate: (id: Template['id']) => add(templateSpecialisations(id, state().project.nixosRelease)),
      duplicate: (index: number) => {
        state().setProject((p) => duplicateSpecialisation(p, index));
        state().select(index + 1);
      },
      rename: (index: number, name: string) => state().setProject((p) => renameSpecialisation(p, index, name)),
      move: (from: number, to: number) => {
        const before = state().project;
        state().setProject((p) => moveSpecialisation(p, from, to));
        if (state().project !== before) state().select(to);
      },
      remove: (index: number) => {
        const removed = state().project.specialisations[index];
        if (!removed) return;
        state().setProject((p) => removeSpecialisation(p, index));
        const after = state().project;
        const label = removed.name || 'the unnamed specialisation';
        const notice = {
          kind: 'info' as const,
          message: `Deleted ${label}.`,
          actions: [
            {
              label: `Undo deleting ${label}`,
              run: () => {
                // Right after the delete, undo is exact; after other edits, put it back without losing them.
                if (state().project === after) undo();
                else state().setProject((p) => insertSpecialisation(p, index, removed));
                state().select(Math.min(index, state().project.specialisations.length - 1));
              },
            },
          ],
        };
        state().notify(notice);
      },
    };
  }, []);
}
