import { useCallback, useMemo } from 'react';
import type { Project } from '../../model/types';
import { studioStore, useStudio } from '../../store/studio-store';

export type Edit = (path: string | null, recipe: (p: Project) => Project) => void;

/**
 * Applies a pure edit to the project. Edits of the same field path in a row (typing) make one undo
 * step; a null path (adding a chip, clicking a button) is always a step of its own.
 */
export function useEdit(): Edit {
  const setProject = useStudio((s) => s.setProject);
  return useCallback<Edit>((path, recipe) => setProject(recipe, path === null ? undefined : { coalesce: path }), [setProject]);
}

/** focus/blur handlers that tell the store which field has focus, so the preview highlights its lines. */
export function useFocusReport(path: string) {
  const focusField = useStudio((s) => s.focusField);
  return useMemo(
    () => ({
      onFocus: () => focusField(path),
      onBlur: () => {
        // Moving to another field reports that one next; leaving the form clears the highlight.
        if (studioStore.getState().focusedField === path) focusField(null);
      },
    }),
    [focusField, path],
  );
}
