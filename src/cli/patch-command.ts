import { parseProjectText } from '../model/read';
import { DEFAULT_MODULE_FILE, patchConfiguration } from '../nixos/patch/patch';
import { isSameFile, readInputOf, takeOption, type CliResult, type SameFile } from './cli';

const USAGE = `usage: npm run --silent patch -- <configuration.nix> <project.json> [-o FILE] [--module FILE] [--parent-only OPTION]…

Prints the configuration.nix (or flake.nix) changed to use the generated module: the module added
to imports (a flake: to nixosSystem's modules), and the specialisation definitions the project was
imported from removed. Nothing else in the file changes. What was done goes to standard error; a
file that cannot be changed safely gets file:line:column and why, and status 1.
  -o, --output FILE       write the patched file to FILE instead of standard output
  --module FILE           how the file names the module (default ${DEFAULT_MODULE_FILE})
  --parent-only OPTION    set this parent setting for the parent entry only
                          (lib.mkIf (config.specialisation != { })) instead of overriding it in
                          each specialisation; generate the module with the same option
  -                       read one of the two files from standard input`;

/** The patch command as a function of its arguments and input, for tests. */
export function runPatch(args: string[], readInput: (file: string) => string, sameFile: SameFile = isSameFile): CliResult {
  const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n${USAGE}\n` });
  const gated = takeOption(args, '--parent-only');
  if ('missing' in gated) return fail(gated.missing);
  const module = takeOption(gated.rest, '--module');
  if ('missing' in module) return fail(module.missing);
  if (module.values.length > 1) return fail('one --module at a time');
  const files: string[] = [];
  let out: string | null = null;
  const rest = module.rest;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-h' || a === '--help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (a === '-o' || a === '--output') {
      if (i + 1 >= rest.length) return fail(`${a} needs a file name`);
      out = rest[++i];
    } else if (a.startsWith('-') && a !== '-') return fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 2) return fail(files.length < 2 ? 'give the configuration.nix and the project.json' : `two files only (got ${files.join(', ')})`);
  if (files[0] === '-' && files[1] === '-') return fail('only one of the two files can be standard input');
  const [nixFile, projectFile] = files;
  const name = (f: string) => (f === '-' ? '<stdin>' : f);
  const common = { out, release: undefined, switches: new Set<string>() };
  const nix = readInputOf({ file: nixFile, name: name(nixFile), ...common }, readInput, sameFile);
  if ('code' in nix) return nix;
  const json = readInputOf({ file: projectFile, name: name(projectFile), ...common }, readInput, sameFile);
  if ('code' in json) return json;
  const read = parseProjectText(json.text);
  if ('jsonError' in read) return { code: 1, stdout: '', stderr: `${name(projectFile)}: ${read.jsonError}\n` };
  if (read.diagnostics.length) return { code: 1, stdout: '', stderr: read.diagnostics.map((d) => `${name(projectFile)}: ${d.path}: ${d.message}\n`).join('') };

  const result = patchConfiguration(nix.text, read.project, { moduleFile: module.values[0], parentOnly: new Set(gated.values) });
  if (!result.ok) {
    const { line, column, message } = result.problem;
    return { code: 1, stdout: '', stderr: `${name(nixFile)}:${line}:${column}: ${message}\n` };
  }
  const lines = result.notes.map((n) => `${name(nixFile)}: ${n}\n`);
  for (const leak of result.leaks) {
    if (gated.values.includes(leak.option)) continue;
    const how = leak.gate.ok ? `--parent-only ${leak.option} sets it for the parent entry only` : `it cannot be set for the parent only: ${leak.gate.why}`;
    lines.push(`${name(nixFile)}: ${leak.option} is set in the parent and replaced in ${leak.specialisations.join(', ')} with lib.mkForce; ${how}\n`);
  }
  const stderr = lines.join('');
  if (out !== null) return { code: 0, stdout: '', stderr, output: { file: out, text: result.text } };
  return { code: 0, stdout: result.text, stderr };
}
