import type { Release } from '../model/types';
import { REBUILD_SPECIALISATION_FLAG, at } from './releases';
import { shellWord } from './shell-word';

// The build methods and the rebuild that stays in a specialisation, apart from the apply guide: the form's
// "Remember across rebuilds" shows that command, and the guide (a lazy tab) need not load with the form.

/** How the machine is built: `configuration.nix` on channels, a flake with `nixos-rebuild`, or a flake with nh. */
export const BUILD_METHODS = ['channels', 'flake', 'nh'] as const;
export type BuildMethod = (typeof BUILD_METHODS)[number];

export interface GuideOptions {
  method: BuildMethod;
  /** The flake's `nixosConfigurations` attribute; empty: the machine's host name (what nixos-rebuild and nh use then). */
  host: string;
}

export const DEFAULT_GUIDE_OPTIONS: GuideOptions = { method: 'channels', host: '' };

/** The rebuild that stays in the specialisation it runs from (`rememberAcrossRebuilds`). */
export function rememberingRebuild(release: Release, options: GuideOptions = DEFAULT_GUIDE_OPTIONS): string | null {
  if (options.method === 'nh') return null;
  if (!at(REBUILD_SPECIALISATION_FLAG, release)) return null;
  const flake = options.method === 'flake' ? ` --flake ${flakeRef(options.host)}` : '';
  return `sudo nixos-rebuild switch${flake} $(test -f /etc/specialisation && echo --specialisation "$(cat /etc/specialisation)")`;
}

/** `--flake .#host`, or `.` alone: nixos-rebuild then takes the machine's host name. */
export const flakeRef = (host: string) => shellWord(host ? `.#${host}` : '.');
