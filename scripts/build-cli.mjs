#!/usr/bin/env node
// `npm run build:cli` (and `prepare`, so `npm ci` runs it): bundles the command line into one
// JavaScript file, dist-cli/specialisation-studio.cjs, the package's `bin`. No TypeScript at run time.
// Plain Node; esbuild is loaded only to build, so the launcher (scripts/cli.mjs) can use freshBuild cheaply.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/**
 * Builds `entry` into `outfile`: written next to it and renamed into place, so a run that starts
 * during a build gets the old file or the new one, never half of one. Returns the source files it read.
 */
export async function buildCli({ entry = CLI_ENTRY, outfile = CLI_FILE, banner = '#!/usr/bin/env node' } = {}) {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const result = await esbuild.build({ ...cliBuildOptions(entry), banner: { js: banner }, write: false, metafile: true, outfile });
  const [output] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, output.contents, { mode: 0o755 });
  renameSync(temporary, outfile);
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
