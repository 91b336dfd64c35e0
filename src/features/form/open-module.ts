import type { Release } from '../../model/types';
import { NVIDIA_OPEN, at } from '../../nixos/releases';

/**
 * The open module choice NixOS recommends for a release: from 24.11, where the choice must be written, the open
 * module (NVIDIA's own recommendation for Turing, RTX 20, and newer); before, the proprietary one, its default.
 */
export function recommendedOpenModule(release: Release): boolean {
  return at(NVIDIA_OPEN, release)?.explicit === true;
}

/** What the open module checkbox writes, said in its hint. */
export function openModuleHint(release: Release, open: boolean): string {
  const rule = at(NVIDIA_OPEN, release);
  const written = rule && (rule.explicit || open) ? `Writes hardware.nvidia.open = ${open}.` : 'Writes nothing: the proprietary module, this release\u2019s default.';
  return `${written} NVIDIA's open module is recommended for Turing (RTX 20) and newer cards; older cards need the proprietary one${rule?.explicit ? ` (NixOS ${release} asks you to choose)` : ''}.`;
}
