import './v8-flags';
import { runMain, type Command } from './cli';

/**
 * `specialisation-studio generate|import|patch …`: the program `npm run build:cli` bundles into
 * dist-cli/specialisation-studio.cjs (the package's `bin`). Each command's code is evaluated when that
 * command runs: `import` does not set up what only `generate` needs (the option catalog's checks),
 * nor `generate` the importer.
 */
const USAGE = `usage: specialisation-studio <command> [arguments]

  generate   print the NixOS module for a project (specialisation-studio generate --help)
  import     read the specialisations of a NixOS configuration into a project (… import --help)
  patch      change a configuration.nix to use the generated module (… patch --help)`;

const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./generate-command')).runGenerate,
  import: async () => (await import('./import-command')).runImport,
  patch: async () => (await import('./patch-command')).runPatch,
};

const [name, ...args] = process.argv.slice(2);
if (name !== undefined && Object.hasOwn(COMMANDS, name)) void COMMANDS[name]().then((command) => runMain(command, args));
else if (name === '-h' || name === '--help') process.stdout.write(`${USAGE}\n`);
else {
  process.stderr.write(`${name === undefined ? 'which command?' : `unknown command ${name}`}\n${USAGE}\n`);
  process.exitCode = 2;
}
