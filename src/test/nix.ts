import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real Nix is the oracle of these tests; where it is missing they are skipped with this reason. */
export const hasNix = spawnSync('nix-instantiate', ['--version'], { encoding: 'utf8' }).status === 0;
export const NO_NIX =
  'nix-instantiate not found: install Nix (Debian: apt-get install nix-bin) to run the tests against real Nix';

const env = { ...process.env, NIX_REMOTE: '', NIX_PATH: '' };

/** Runs `nix-instantiate --parse` on text: null when Nix accepts it, else Nix's error. */
export function nixParseError(text: string): string | null {
  const r = spawnSync('nix-instantiate', ['--parse', '-'], { input: text, encoding: 'utf8', env });
  return r.status === 0 ? null : r.stderr.trim();
}

let dir: string | null = null;
/** Writes text to a fresh file and returns its path (so a module can be imported by path). */
export function tempFile(name: string, text: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'studio-nix-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `nix-instantiate --eval --strict --json -E expr`, parsed. Throws with Nix's message on failure. */
let evalCount = 0;
export function nixEvalJson(expr: string): unknown {
  // Big expressions go through a file: the command line has a length limit.
  const source = expr.length > 50_000 ? [tempFile(`eval-${evalCount++}.nix`, expr)] : ['-E', expr];
  const r = spawnSync('nix-instantiate', ['--eval', '--strict', '--json', ...source], {
    encoding: 'utf8',
    env,
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`nix-instantiate --eval failed:\n${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

/** A Nix expression that evaluates to exactly this JSON value. */
export function nixOfJson(value: unknown): string {
  return `(builtins.fromJSON ${nixLiteral(JSON.stringify(value))})`;
}

function nixLiteral(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}
