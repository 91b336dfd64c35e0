import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultBase, defaultProject, defaultSpecialisation, defaultUser } from '../../model/defaults';
import type { Project } from '../../model/types';
import { importNix } from '../import/import-nix';
import type { PatchSuccess } from './patch';

/** Test cases of the patch, shared by its unit, property and real-Nix tests. */
export const FIXTURE_DIR = fileURLToPath(new URL('__fixtures__', import.meta.url));
export const PATCH_FIXTURES = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.nix') && !f.endsWith('.patched.nix')).sort();

export function imported(text: string): Project {
  const r = importNix(text);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r.project;
}

/**
 * Null when the original's text between the edits is, in order, in the patched text as it was and
 * the edits' own text between it (only the edited spans differ); else where it is not.
 */
export function changedOutsideEdits(original: string, result: PatchSuccess): string | null {
  const edits = [...result.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  let out = 0;
  const check = (expected: string, what: string) => {
    const found = result.text.slice(out, out + expected.length);
    if (found !== expected) return `${what} at ${out}: ${JSON.stringify(found)} instead of ${JSON.stringify(expected)}`;
    out += expected.length;
    return null;
  };
  for (const e of edits) {
    const problem = check(original.slice(at, e.start), 'original text') ?? check(e.text, 'edit');
    if (problem) return problem;
    at = e.end;
  }
  return check(original.slice(at), 'original text') ?? (out === result.text.length ? null : `text added at the end: ${JSON.stringify(result.text.slice(out))}`);
}

/** The blog's parent (GNOME with autologin) and two specialisations that replace its desktop and user. */
export function leakProject(): Project {
  const base = defaultBase();
  base.desktop = { environment: 'gnome', displayManager: 'auto', autoLogin: 'alice' };
  const chani = { ...defaultSpecialisation('chani'), users: [{ ...defaultUser('chani'), uid: 1001 }], desktop: { environment: 'plasma6' as const, displayManager: 'auto' as const, autoLogin: 'chani' } };
  const paul = { ...defaultSpecialisation('paul'), users: [{ ...defaultUser('paul'), uid: 1002 }], desktop: { environment: 'plasma6' as const, displayManager: 'auto' as const, autoLogin: 'paul' } };
  return { ...defaultProject('24.11'), base, specialisations: [chani, paul] };
}

export const LEAK_FILE = `{ pkgs, ... }:
{
  services.xserver.enable = true;
  services.xserver.desktopManager.gnome.enable = true;
  services.xserver.displayManager = {
    gdm.enable = true;
    autoLogin.enable = true;
  };
  services.displayManager.autoLogin.user = "alice";
}
`;

