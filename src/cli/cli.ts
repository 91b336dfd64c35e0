import { readFileSync, writeFileSync } from 'node:fs';
import { RELEASES, type Release } from '../model/types';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** A file to write instead of standard output (`-o`). */
  output?: { file: string; text: string };
}

export interface CommonArgs {
  /** The input file, or `-` for standard input. */
  file: string;
  /** Its name in messages. */
  name: string;
  out: string | null;
  release: Release | undefined;
  /** Switches the command declared, that were given. */
  switches: Set<string>;
}

/**
 * The arguments both commands take: one input (`-` for standard input), `-o FILE`, `--release R`,
 * plus the command's own switches. A CliResult when the command should stop here (help, usage).
 */
export function parseArgs(args: string[], usage: string, noun: string, switches: readonly string[] = []): CommonArgs | CliResult {
  let file: string | null = null;
  let out: string | null = null;
  let release: Release | undefined;
  const given = new Set<string>();
  const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n${usage}\n` });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') return { code: 0, stdout: `${usage}\n`, stderr: '' };
    if (a === '-o' || a === '--output') {
      if (i + 1 >= args.length) return fail(`${a} needs a file name`);
      out = args[++i];
    } else if (a === '--release' || a.startsWith('--release=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!value || !(RELEASES as readonly string[]).includes(value))
        return fail(`--release must be one of ${RELEASES.join(', ')}${value ? `, not "${value}"` : ''}`);
      release = value as Release;
    } else if (switches.includes(a)) given.add(a);
    else if (a.startsWith('-') && a !== '-') return fail(`unknown option ${a}`);
    else if (file !== null) return fail(`one ${noun} at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (file === null) return fail(`which ${noun}? give a file name, or - for standard input`);
  return { file, name: file === '-' ? '<stdin>' : file, out, release, switches: given };
}

/** Reads the input; a CliResult naming the file and the reason when it cannot. */
export function readInputOf(args: CommonArgs, readInput: (file: string) => string): { text: string } | CliResult {
  try {
    return { text: readInput(args.file) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
    return { code: 1, stdout: '', stderr: `${args.name}: cannot read: ${why}\n` };
  }
}

/** Runs a command in this process: files from disk, `-` from standard input, no stack traces. */
export function runMain(command: (args: string[], readInput: (file: string) => string) => CliResult): void {
  const result = command(process.argv.slice(2), (f) => readFileSync(f === '-' ? 0 : f, 'utf8'));
  if (result.output) {
    try {
      writeFileSync(result.output.file, result.output.text);
    } catch (e) {
      process.stderr.write(`${result.output.file}: cannot write: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
  }
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
