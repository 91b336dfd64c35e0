import { studioStore } from '../../store/studio-store';

/**
 * Shows the part of the page a field outside the specialisation form lives in, before it is
 * focused: the main system panel for `base.*`, the boot menu tab for `defaultEntry`.
 * (Specialisation fields are shown by selecting their specialisation.)
 */
export function revealField(path: string) {
  const state = studioStore.getState();
  if (path === 'base' || path.startsWith('base.')) state.selectParent();
  else if (path === 'defaultEntry') state.showOutput('boot-menu');
}
