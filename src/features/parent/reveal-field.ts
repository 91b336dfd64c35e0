import { studioStore } from '../../store/studio-store';
import { revealUserOf } from '../form/reveal-user';

/**
 * Shows the part of the page a field outside the specialisation form lives in, before it is
 * focused: the main system panel for `base.*`, the boot menu tab for `defaultEntry`.
 * (Specialisation fields are shown by selecting their specialisation; a user's fields in a long
 * users list, by asking the list to draw that user.)
 */
export function revealField(path: string) {
  const state = studioStore.getState();
  if (path === 'base' || path.startsWith('base.')) state.selectParent();
  else if (path === 'defaultEntry') state.showOutput('boot-menu');
  else revealUserOf(path);
}
