import type { Desktop, DesktopEnvironment, DisplayManager } from './types';

/** The display manager each environment usually comes with: what `auto` means. */
export const USUAL_DISPLAY_MANAGER: Record<DesktopEnvironment, DisplayManager | null> = {
  none: null,
  plasma5: 'sddm',
  plasma6: 'sddm',
  gnome: 'gdm',
  cosmic: 'cosmic-greeter',
  xfce: 'lightdm',
  cinnamon: 'lightdm',
  mate: 'lightdm',
  lxqt: 'lightdm',
  budgie: 'lightdm',
  pantheon: 'lightdm',
  enlightenment: 'lightdm',
  i3: 'lightdm',
  sway: null,
  hyprland: null,
};

/** The display manager a desktop section turns on, with `auto` resolved; null for none. */
export function resolveDisplayManager(desktop: Desktop): DisplayManager | null {
  if (desktop.displayManager === 'none') return null;
  if (desktop.displayManager === 'auto') return USUAL_DISPLAY_MANAGER[desktop.environment];
  return desktop.displayManager;
}
