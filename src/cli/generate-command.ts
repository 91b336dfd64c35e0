import { parseProjectText } from '../model/read';
import { RELEASES, type Diagnostic, type Project, type Release } from '../model/types';
import { isSameFile, parseArgs, readInputOf, takeOption, type CliResult, type SameFile } from './cli';
import { generate } from '../nixos/generate';
import { validate } from '../nixos/validate';
import { buildReleaseCatalog } from '../nixos/options/build';
import { catalogDiagnostics } from '../nixos/options/check-settings';
import { indexCatalog } from '../nixos/options/lookup';

const USAGE = `usage: npm run --silent generate -- <project.json | -> [-o out.nix] [--release <release>] [--parent-only OPTION]…

Prints the NixOS module for a Specialisation Studio project (format version 1).
  -o, --output FILE   write the module to FILE instead of standard output
  --release RELEASE   target this NixOS release instead of the project's (${RELEASES.join(', ')})
  --parent-only OPTION
                      a parent setting your configuration.nix sets for the parent entry only
                      (npm run patch -- … --parent-only OPTION): no lib.mkForce for it
  -                   read the project from standard input`;

/**
 * Setting rows checked against the target release's option catalog (renamed options, values of
 * another kind). The catalog's facts are loaded only for a project that has setting rows.
 */
async function catalogWarnings(project: Project, release: Release): Promise<Diagnostic[]> {
  if (!project.specialisations.some((s) => s.settings.length)) return [];
  const { OPTION_FACTS, RENAME_FACTS } = await import('../nixos/options/data');
  const index = indexCatalog(buildReleaseCatalog(release, OPTION_FACTS, RENAME_FACTS));
  return catalogDiagnostics({ ...project, nixosRelease: release }, index);
}

/** The command line as a pure-ish function of its arguments and input, for tests. */
export async function runGenerate(args: string[], readInput: (file: string) => string, sameFile: SameFile = isSameFile): Promise<CliResult> {
  const gated = takeOption(args, '--parent-only');
  if ('missing' in gated) return { code: 2, stdout: '', stderr: `${gated.missing}\n${USAGE}\n` };
  const parsed = parseArgs(gated.rest, USAGE, 'project');
  if ('code' in parsed) return parsed;
  const { name, out, release } = parsed;
  const input = readInputOf(parsed, readInput, sameFile);
  if ('code' in input) return input;
  const { text } = input;
  const read = parseProjectText(text);
  if ('jsonError' in read) return { code: 1, stdout: '', stderr: `${name}: ${read.jsonError}\n` };
  const diagnostics: Diagnostic[] = read.diagnostics.length
    ? read.diagnostics
    : [...validate(read.project, release), ...(await catalogWarnings(read.project, release ?? read.project.nixosRelease))];
  const stderr = diagnostics
    .map((d) => (d.severity === 'error' ? `${d.path}: ${d.message}` : `${d.path}: warning: ${d.message}`))
    .map((l) => `${l}\n`)
    .join('');
  if (diagnostics.some((d) => d.severity === 'error')) return { code: 1, stdout: '', stderr };
  const module = generate(read.project, release, { sourceMap: false, parentOnly: new Set(gated.values) }).text;
  if (out !== null) return { code: 0, stdout: '', stderr, output: { file: out, text: module } };
  return { code: 0, stdout: module, stderr };
}

