#!/usr/bin/env node
// `npm run build:cli` (and `prepare`, so `npm ci` runs it): bundles the command line into one
// JavaScript file, dist-cli/specialisation-studio.cjs, the package's `bin`. No TypeScript at run time.
// Plain Node; esbuild is loaded only to build, so the launcher (scripts/cli.mjs) can use freshBuild cheaply.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = join(root, 'src/cli/main.ts');
export const CLI_FILE = join(root, 'dist-cli/specialisation-studio.cjs');
/** What the build read, and when it started: a source changed after that makes the build stale. */
const INPUTS_FILE = join(root, 'dist-cli/inputs.json');

/** The esbuild options of the program (the bench bundles its timing entries with the same ones). */
export function cliBuildOptions(entry = CLI_ENTRY) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // One file: a command's code loaded by import() is inlined, and evaluated only when it is run.
    splitting: false,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** Writes `contents` next to `file` and renames it into place: a run that starts meanwhile gets the old file or the new one, never half of one. */
function writeAtomically(file, contents, mode = 0o644) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode });
  renameSync(temporary, file);
}

/**
 * The program file: the bundle as a string, compiled with the V8 code cache the build made beside it
 * (`<file>.cache`), so a run neither parses 250 kB of JavaScript nor compiles again the functions a
 * run uses (some 10 ms of a 40 ms start). The cache starts with the bundle's hash: one made for
 * another bundle is not used (V8 itself only compares lengths), nor one V8 rejects (another Node);
 * without it the bundle is compiled as any script. V8 checks its flags too: they are set first.
 */
const programFile = (bundle, id) => `#!/usr/bin/env node
// Specialisation Studio's command line, built by scripts/build-cli.mjs from src/cli/main.ts (see there).
'use strict';
const PROGRAM = ${JSON.stringify(bundle)};
const ID = '${id}';
require('node:v8').setFlagsFromString(${JSON.stringify(V8_FLAGS)});
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');
const cacheFile = \`\${__filename}.cache\`;
let cachedData;
try {
  const cache = readFileSync(cacheFile);
  if (cache.toString('latin1', 0, ID.length) === ID) cachedData = cache.subarray(ID.length);
} catch {}
const script = new Script(\`(function (exports, require, module, __filename, __dirname) {\${PROGRAM}\n})\`, { filename: __filename, cachedData });
if (process.env.${CACHE_VARIABLE} === '1')
  process.on('exit', () => {
    writeFileSync(\`\${cacheFile}.\${process.pid}\`, Buffer.concat([Buffer.from(ID, 'latin1'), script.createCachedData()]));
    renameSync(\`\${cacheFile}.\${process.pid}\`, cacheFile);
  });
script.runInThisContext()(exports, require, module, __filename, __dirname);
`;
/** The flags src/cli/v8-flags.ts sets (the program sets them again, to the same). */
const V8_FLAGS = '--no-turbo-inlining';
/** Set for the run that writes the code cache. */
const CACHE_VARIABLE = 'SPECIALISATION_STUDIO_WRITE_CODE_CACHE';

/** The run that makes a program's code cache: the generate command on the seed example. */
const SEED_RUN = ['generate', join(root, 'examples/seed-chani-paul.json')];

/**
 * Builds `entry` into `outfile` (written atomically). `program`: as the program file with its code
 * cache, made by running it once with `cacheRun` (the seed example); else as plain JavaScript. Returns
 * the sources read.
 */
export async function buildCli({ entry = CLI_ENTRY, outfile = CLI_FILE, program = true, cacheRun = SEED_RUN } = {}) {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const result = await esbuild.build({ ...cliBuildOptions(entry), write: false, metafile: true, outfile });
  const [output] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const cacheFile = `${outfile}.cache`;
  rmSync(cacheFile, { force: true });
  if (program) {
    const id = createHash('sha256').update(output.contents).digest('hex');
    writeAtomically(outfile, programFile(output.text, id), 0o755);
    const run = spawnSync(process.execPath, [outfile, ...cacheRun], {
      env: { ...process.env, [CACHE_VARIABLE]: '1' },
      stdio: 'ignore',
    });
    if (run.status !== 0) console.warn(`build-cli: no code cache for ${basename(outfile)} (the run that makes it ended with ${run.status ?? run.signal})`);
  } else writeAtomically(outfile, output.contents);
  // The build script counts as a source too: its options shape the program.
  const inputs = [...Object.keys(result.metafile.inputs).map((p) => relative(root, join(process.cwd(), p))), 'scripts/build-cli.mjs'];
  return { startedAt, inputs, bytes: output.contents.length };
}

/** The built program when it exists and no source it was built from changed since; else null. */
export function freshBuild() {
  try {
    const { startedAt, inputs } = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
    if (!existsSync(CLI_FILE)) return null;
    for (const input of inputs) if (statSync(join(root, input)).mtimeMs > startedAt) return null;
    return CLI_FILE;
  } catch {
    return null; // never built, or a source is gone: the sources decide
  }
}

/** Builds the program and records what it was built from (see freshBuild). */
export async function buildProgram() {
  rmSync(INPUTS_FILE, { force: true });
  const built = await buildCli();
  writeFileSync(INPUTS_FILE, `${JSON.stringify({ startedAt: built.startedAt, inputs: built.inputs }, null, 1)}\n`);
  return built;
}

/** The built program, built first when it is missing or older than a source. */
export async function ensureProgram() {
  return freshBuild() ?? (await buildProgram(), CLI_FILE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await import('esbuild');
  } catch {
    // An install without devDependencies: nothing to build with, and nothing to fail the install for.
    console.warn('build-cli: esbuild is not installed; dist-cli/ not built (npm run generate falls back to tsx when it is there)');
    process.exit(0);
  }
  const { inputs, bytes } = await buildProgram();
  if (!process.argv.includes('--quiet'))
    console.log(`build-cli: ${relative(root, CLI_FILE)} (${(bytes / 1024).toFixed(0)} kB, ${inputs.length} sources)`);
}
