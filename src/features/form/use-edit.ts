import { useCallback, useMemo } from 'react';
import type { Project } from '../../model/types';
import { studioStore } from '../../store/studio-store';

export type Edit = (path: string | null, recipe: (p: Project) => Project) => void;

/**
 * Applies a pure edit to the project. Edits of the same field path in a row (typing) make one undo
 * step; a null path (adding a chip, clicking a button) is always a step of its own.
 */
export function useEdit(): Edit {
  // The store's actions never change: reading them at call time spares every field a subscription.
  return useCallback<Edit>(
    (path, recipe) => studioStore.getState().setProject(recipe, path === null ? undefined : { coalesce: path }),
    [],
  );
}

/** focus/blur handlers that tell the store which field has focus, so the preview highlights its lines. */
export function useFocusReport(path: string) {
  return useMemo(
    () => ({
      onFocus: () => studioStore.getState().focusField(path),
      onBlur: () => {
        // Moving to another field reports that one next; leaving the form clears the highlight.
        if (studioStore.getState().focusedField === path) studioStore.getState().focusField(null);
      },
    }),
    [path],
  );
}
