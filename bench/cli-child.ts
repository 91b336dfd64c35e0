import '../src/cli/v8-flags';
import { readUtf8File } from '../src/cli/cli';
import { runGenerate } from '../src/cli/generate-command';
import { parseProjectText } from '../src/model/read';
import { generate } from '../src/nixos/generate';
import { validate } from '../src/nixos/validate';

/**
 * Timings inside one fresh process, for bench/cli.ts, which builds this file as the program is built
 * (scripts/build-cli.mjs: one file, with the V8 code cache of a run on the seed example) and runs it
 * in a new process per sample. The first call is the
 * cold one (what a command-line run is); the calls after it are warm. Each call reads and parses the
 * file again, so the generator's and the validator's per-object caches never answer for it.
 *
 *   command FILE RUNS   the generate command (runGenerate: read, parse, validate, generate) as a whole
 *   phases FILE RUNS    the same work phase by phase
 *
 * Prints one JSON line: { cold, warm[] }, milliseconds (phases: an object of them per call).
 */
type Phases = { read: number; parse: number; validate: number; generate: number };

async function command(file: string): Promise<number> {
  const t = performance.now();
  const result = await runGenerate([file], readUtf8File);
  const ms = performance.now() - t;
  if (result.code !== 0) throw new Error(`generate ${file} failed:\n${result.stderr}`);
  return ms;
}

function phases(file: string): Phases {
  const t0 = performance.now();
  const text = readUtf8File(file);
  const t1 = performance.now();
  const read = parseProjectText(text);
  const t2 = performance.now();
  if ('jsonError' in read || read.diagnostics.length) throw new Error(`${file} is not a valid project`);
  validate(read.project);
  const t3 = performance.now();
  generate(read.project, undefined, { sourceMap: false });
  const t4 = performance.now();
  return { read: t1 - t0, parse: t2 - t1, validate: t3 - t2, generate: t4 - t3 };
}

async function main() {
  const [mode, file, runs = '0'] = process.argv.slice(2);
  const once = mode === 'command' ? () => command(file) : mode === 'phases' ? async () => phases(file) : null;
  if (!once) throw new Error(`unknown mode ${mode}`);
  const cold = await once();
  const warm = [];
  for (let i = 0; i < Number(runs); i++) warm.push(await once());
  process.stdout.write(`${JSON.stringify({ cold, warm })}\n`);
}

void main();
