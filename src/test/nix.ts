import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real Nix is the oracle of these tests; where it is missing they are skipped with this reason. */
export const hasNix = spawnSync('nix-instantiate', ['--version'], { encoding: 'utf8' }).status === 0;
export const NO_NIX =
  'nix-instantiate not found: install Nix (Debian: apt-get install nix-bin) to run the tests against real Nix';

/**
 * The timeout of a test that calls real Nix: each nix-instantiate starts an evaluator, which on a loaded 2-core
 * machine (npm test while another runs) takes many times what it takes on an idle one. Bigger tests give more.
 */
export const NIX_TIMEOUT = 60_000;

const env = { ...process.env, NIX_REMOTE: '', NIX_PATH: '' };

/** Runs `nix-instantiate --parse` on text: null when Nix accepts it, else Nix's error. */
export function nixParseError(text: string): string | null {
  const r = spawnSync('nix-instantiate', ['--parse', '-'], { input: text, encoding: 'utf8', env });
  return r.status === 0 ? null : r.stderr.trim();
}

let parseBatches = 0;
/**
 * `nixParseError` for many texts with one nix-instantiate, not one per text: each text goes to a file of its own and
 * Nix parses them in turn. Nix stops at the first it refuses; that one gets Nix's message and the rest are parsed
 * again from the next, so texts Nix accepts take one process however many there are.
 */
export function nixParseErrors(texts: readonly string[]): (string | null)[] {
  const batch = parseBatches++;
  const paths = texts.map((text, i) => tempFile(`parse-${batch}-${i}.nix`, text));
  const errors: (string | null)[] = texts.map(() => null);
  for (let from = 0; from < paths.length; ) {
    const r = spawnSync('nix-instantiate', ['--parse', ...paths.slice(from)], { encoding: 'utf8', env, maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    if (r.status === 0) break;
    // Nix names the file it refused: "at /tmp/…/parse-0-3.nix:1:6:" (the colon tells -3 from -30).
    const refused = paths.findIndex((path, i) => i >= from && r.stderr.includes(`${path}:`));
    if (refused < 0) {
      // A message that names no file: ask about the rest one by one.
      for (let i = from; i < texts.length; i++) errors[i] = nixParseError(texts[i]);
      break;
    }
    errors[refused] = r.stderr.trim();
    from = refused + 1;
  }
  return errors;
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
