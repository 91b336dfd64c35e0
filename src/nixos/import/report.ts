import type { Release } from '../../model/types';
import { releaseLabel } from '../releases';
import type { KeptItem } from './kept';

export interface SpecialisationReport {
  name: string;
  /** Line of its first definition. */
  line: number;
  /** What the form now shows, one phrase a section: `users chani`, `desktop KDE Plasma 5, autologin chani` … */
  read: string[];
  /** Kept as Nix in the specialisation's extra Nix. */
  kept: KeptItem[];
  /** Settings the form writes that the input did not have, and why. */
  added: { path: string; text: string; why: string }[];
  notes: string[];
  /**
   * Every option definition of the input, in source order: read into a form field, into a typed
   * setting row, or kept as Nix (and why).
   */
  settings: SettingReport[];
  /** Kept Nix has paths relative to the input file (`./x.nix`). */
  keptRelativePaths?: boolean;
}

export interface SettingReport {
  /** Option path as Nix writes it (`fileSystems."/".device`). */
  path: string;
  line: number;
  to: 'field' | 'row' | 'nix';
  /** For `field`: which part of the form holds it (`imports`, `desktop`, `user:chani#uid` …). */
  field?: string;
  /** For `nix`: why it stayed Nix. */
  why?: string;
}

export interface ImportReport {
  release: Release;
  /** Why this release: which option paths of the input exist where. */
  releaseReason: string;
  specialisations: SpecialisationReport[];
  /** Settings outside `specialisation` (the parent system), which the import leaves out. */
  leftOut: string[];
  notes: string[];
  /** Set when the text was completed before importing (what was added). */
  recovered: string | null;
  /**
   * Specialisations the input has that the project does not (a computed name, a set built by a
   * function): each is in `notes` too. The command line refuses such an import unless asked.
   */
  lost: { line: number; column: number; message: string }[];
}

const MAX_LISTED = 8;

function list(items: readonly string[], max = MAX_LISTED): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** The top-level configuration sentence: what was left out of the project. */
export function leftOutSentence(leftOut: readonly string[]): string | null {
  if (leftOut.length === 0) return null;
  const n = leftOut.length;
  return `Left out: the top-level configuration outside \`specialisation\` (${list(leftOut)}; ${n} ${n === 1 ? 'setting' : 'settings'}). It belongs to the parent system, not to the specialisations.`;
}

/** How many of the input's definitions went to form fields or typed rows, of how many. */
export function typedShare(report: ImportReport): { typed: number; total: number } {
  const all = report.specialisations.flatMap((s) => s.settings);
  return { typed: all.filter((x) => x.to !== 'nix').length, total: all.length };
}

/** The report as plain lines, for the command line (standard error) and for copying. */
export function formatReport(report: ImportReport): string[] {
  const out: string[] = [];
  if (report.recovered) out.push(`Recovered: ${report.recovered}`);
  out.push(`Release: NixOS ${releaseLabel(report.release)}. ${report.releaseReason}`);
  if (report.specialisations.length === 0) out.push('No specialisations found: the project has an empty list.');
  for (const s of report.specialisations) {
    out.push(`Specialisation ${s.name} (line ${s.line}):`);
    out.push(`  read into the form: ${s.read.length ? s.read.join('; ') : 'nothing'}`);
    if (s.kept.length)
      out.push(`  kept as Nix: ${list(s.kept.map((k) => `${k.label} (line ${k.line}${k.why ? `: ${k.why}` : ''})`), 20)}`);
    const where = (to: SettingReport['to']) => s.settings.filter((x) => x.to === to).map((x) => `${x.path} (line ${x.line})`);
    if (where('field').length) out.push(`  in form fields: ${list(where('field'), 20)}`);
    if (where('row').length) out.push(`  setting rows: ${list(where('row'), 20)}`);
    for (const a of s.added) out.push(`  added by the form: ${a.text} (${a.why})`);
    for (const n of s.notes) out.push(`  note: ${n}`);
  }
  const left = leftOutSentence(report.leftOut);
  if (left) out.push(left);
  for (const n of report.notes) out.push(`Note: ${n}`);
  return out;
}
