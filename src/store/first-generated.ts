import type { Project } from '../model/types';
import { generate, type Generated } from '../nixos/generate';

/** The module the first paint wrote (src/app/first-paint.ts), for the project it was written from. */
let early: { project: Project; generated: Generated } | null = null;

/** Generates the module of the project the page opens with, and keeps it for {@link generatedFor}'s first call. */
export function generateEarly(project: Project): Generated {
  const generated = generate(project);
  early = { project, generated };
  return generated;
}

/**
 * `generate(project)`; the first call for the project the first paint generated takes that result, so opening a
 * big project generates it once, not once for the first paint and again for the editor.
 */
export function generatedFor(project: Project): Generated {
  const kept = early;
  early = null;
  return kept?.project === project ? kept.generated : generate(project);
}
