import { projectFileText } from '../model/project-file';
import { RELEASES } from '../model/types';
import { importNix } from '../nixos/import/import-nix';
import { formatReport, typedShare } from '../nixos/import/report';
import { isSameFile, parseArgs, readInputOf, type CliResult, type SameFile } from './cli';

const USAGE = `usage: npm run --silent import -- <configuration.nix | -> [-o project.json] [--release <release>] [--recover] [--partial] [--report text|json]

Reads the specialisations of a NixOS configuration (a whole configuration.nix, a module, or bare
bindings such as \`specialisation = { … };\`) and prints them as a Specialisation Studio project
(format version 1, JSON). What was read, kept as Nix, added and left out goes to standard error.
  -o, --output FILE   write the project to FILE instead of standard output
  --release RELEASE   target this NixOS release (${RELEASES.join(', ')});
                      by default, one in which every option path of the input exists as written
  --recover           when the text is not complete Nix, import what closing it recovers
  --partial           when the text has specialisations the project cannot hold (a computed
                      name, a set built by a function), import the others (else: status 1)
  --report json       write the report to standard error as JSON: per specialisation, each
                      setting with its option path, line, and whether it went to a form field
                      ("field", with which: "imports", "desktop" …), a typed setting row
                      ("row") or stayed Nix ("nix", with why)
  -                   read the Nix from standard input`;

/** The import command as a function of its arguments and input, for tests. */
export function runImport(args: string[], readInput: (file: string) => string, sameFile: SameFile = isSameFile): CliResult {
  let reportFormat: 'text' | 'json' = 'text';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== '--report' && !a.startsWith('--report=')) {
      rest.push(a);
      continue;
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
    if (value !== 'text' && value !== 'json') return { code: 2, stdout: '', stderr: `--report must be text or json${value ? `, not "${value}"` : ''}\n${USAGE}\n` };
    reportFormat = value;
  }
  args = rest;
  const parsed = parseArgs(args, USAGE, 'file', ['--recover', '--partial']);
  if ('code' in parsed) return parsed;
  const { name, out, release } = parsed;
  const recover = parsed.switches.has('--recover');
  const input = readInputOf(parsed, readInput, sameFile);
  if ('code' in input) return input;
  const { text } = input;
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
  const { lost } = result.report;
  if (reportFormat === 'json') {
    // Standard error is the report alone, so it parses as JSON; `written` says whether the project was.
    const written = lost.length === 0 || parsed.switches.has('--partial');
    const report = `${JSON.stringify({ ...result.report, typed: typedShare(result.report), written }, null, 2)}\n`;
    if (!written) return { code: 1, stdout: '', stderr: report };
    const json = projectFileText(result.project);
    return out !== null ? { code: 0, stdout: '', stderr: report, output: { file: out, text: json } } : { code: 0, stdout: json, stderr: report };
  }
  let stderr = formatReport(result.report).map((l) => `${l}\n`).join('');
  if (lost.length > 0) {
    stderr += lost.map((l) => `${name}:${l.line}:${l.column}: ${l.message}\n`).join('');
    if (!parsed.switches.has('--partial'))
      return {
        code: 1,
        stdout: '',
        stderr: `${stderr}${name}: ${lost.length === 1 ? 'a specialisation' : `${lost.length} specialisations`} of the text would be missing from the project; nothing was written (run again with --partial to import the rest)\n`,
      };
  }
  const json = projectFileText(result.project);
  if (out !== null) return { code: 0, stdout: '', stderr, output: { file: out, text: json } };
  return { code: 0, stdout: json, stderr };
}
