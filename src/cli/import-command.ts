import { projectFileText } from '../model/project-file';
import { RELEASES, type Release } from '../model/types';
import { importNix } from '../nix/import/import-nix';
import { formatReport } from '../nix/import/report';
import type { CliResult } from './generate-command';

const USAGE = `usage: npm run --silent import -- <configuration.nix | -> [-o project.json] [--release <release>] [--recover]

Reads the specialisations of a NixOS configuration (a whole configuration.nix, a module, or bare
bindings such as \`specialisation = { … };\`) and prints them as a Specialisation Studio project
(format version 1, JSON). What was read, kept as Nix, added and left out goes to standard error.
  -o, --output FILE   write the project to FILE instead of standard output
  --release RELEASE   target this NixOS release (${RELEASES.join(', ')});
                      by default, one in which every option path of the input exists as written
  --recover           when the text is not complete Nix, import what closing it recovers
  -                   read the Nix from standard input`;

/** The import command as a function of its arguments and input, for tests. */
export function runImport(args: string[], readInput: (file: string) => string): CliResult & { output?: { file: string; text: string } } {
  let file: string | null = null;
  let out: string | null = null;
  let release: Release | undefined;
  let recover = false;
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
    } else if (a === '--recover') recover = true;
    else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${a}`);
    else if (file !== null) return usage(`one file at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === null) return usage('which file? give a file name, or - for standard input');
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = readInput(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
    return { code: 1, stdout: '', stderr: `${name}: cannot read: ${why}\n` };
  }
  let result = importNix(text, release ? { release } : {});
  if (!result.ok) {
    const { line, column, message } = result.error;
    const where = `${name}:${line}:${column}: ${message}\n`;
    if (!result.recovery) return { code: 1, stdout: '', stderr: where };
    if (!recover)
      return {
        code: 1,
        stdout: '',
        stderr: `${where}${name}: closing what the text leaves open would make it Nix (${result.recovery.inserted.join(', ')}); run again with --recover to import that\n`,
      };
    result = result.recovery.result;
  }
  const stderr = formatReport(result.report).map((l) => `${l}\n`).join('');
  const json = projectFileText(result.project);
  if (out !== null) return { code: 0, stdout: '', stderr, output: { file: out, text: json } };
  return { code: 0, stdout: json, stderr };
}
