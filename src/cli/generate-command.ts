import { parseProjectText } from '../model/read';
import { RELEASES, type Diagnostic, type Release } from '../model/types';
import { generate } from '../nix/generate';
import { validate } from '../nix/validate';

const USAGE = `usage: npm run --silent generate -- <project.json | -> [-o out.nix] [--release <release>]

Prints the NixOS module for a Specialisation Studio project (format version 1).
  -o, --output FILE   write the module to FILE instead of standard output
  --release RELEASE   target this NixOS release instead of the project's (${RELEASES.join(', ')})
  -                   read the project from standard input`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line as a pure-ish function of its arguments and input, for tests. */
export function runGenerate(args: string[], readInput: (file: string) => string): CliResult & { output?: { file: string; text: string } } {
  let file: string | null = null;
  let out: string | null = null;
  let release: Release | undefined;
  const usage = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n${USAGE}\n` });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (a === '-o' || a === '--output') {
      if (i + 1 >= args.length) return usage(`${a} needs a file name`);
      out = args[++i];
    } else if (a === '--release' || a.startsWith('--release=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!value || !(RELEASES as readonly string[]).includes(value))
        return usage(`--release must be one of ${RELEASES.join(', ')}${value ? `, not "${value}"` : ''}`);
      release = value as Release;
    } else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${a}`);
    else if (file !== null) return usage(`one project at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === null) return usage('which project? give a file name, or - for standard input');
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = readInput(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
    return { code: 1, stdout: '', stderr: `${name}: cannot read: ${why}\n` };
  }
  const read = parseProjectText(text);
  if ('jsonError' in read) return { code: 1, stdout: '', stderr: `${name}: ${read.jsonError}\n` };
  const diagnostics: Diagnostic[] = read.diagnostics.length ? read.diagnostics : validate(read.project, release);
  const stderr = diagnostics
    .map((d) => (d.severity === 'error' ? `${d.path}: ${d.message}` : `${d.path}: warning: ${d.message}`))
    .map((l) => `${l}\n`)
    .join('');
  if (diagnostics.some((d) => d.severity === 'error')) return { code: 1, stdout: '', stderr };
  const module = generate(read.project, release).text;
  if (out !== null) return { code: 0, stdout: '', stderr, output: { file: out, text: module } };
  return { code: 0, stdout: module, stderr };
}

