import { isUtf8 } from 'node:buffer';
import { fstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { RELEASES, type Release } from '../model/types';
import { decodeUtf8, Utf8Error } from '../model/utf8';

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

/** Whether two paths (`-`: standard input) are one regular file, through symbolic or hard links too. */
export type SameFile = (input: string, output: string) => boolean;

export const isSameFile: SameFile = (input, output) => {
  try {
    const a = input === '-' ? fstatSync(0, { bigint: true }) : statSync(input, { bigint: true });
    const b = statSync(output, { bigint: true });
    return a.isFile() && b.isFile() && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // no output file yet, or an input that cannot be read (which reading will report)
  }
};

/** Why a system call failed, in words: `no space left on device`, not `ENOSPC: no space left on device, write`. */
export function reason(e: unknown, writing = false): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return writing ? 'no such directory' : 'no such file';
  if (err.code === 'EISDIR') return 'it is a directory';
  const message = String(err.message ?? e);
  return err.code ? message.replace(/^E[A-Z0-9]+: /, '').replace(/, [a-z]+(?: '.*')?$/, '') : message;
}

/**
 * Reads the input; a CliResult naming the file and the reason when it cannot, or when `-o` names
 * the input itself (writing would replace the input with the output).
 */
export function readInputOf(
  args: CommonArgs,
  readInput: (file: string) => string,
  sameFile: SameFile = isSameFile,
): { text: string } | CliResult {
  if (args.out !== null && sameFile(args.file, args.out)) {
    const what =
      args.file === '-' ? 'the file on standard input' : args.out === args.file ? 'the input file' : `the same file as the input ${args.file}`;
    return { code: 1, stdout: '', stderr: `${args.out}: is ${what}; refusing to write the output over it (nothing written)\n` };
  }
  try {
    return { text: readInput(args.file) };
  } catch (e) {
    if (e instanceof Utf8Error) {
      const { line, column, message } = e.problem;
      return { code: 1, stdout: '', stderr: `${args.name}:${line}:${column}: ${message}\n` };
    }
    return { code: 1, stdout: '', stderr: `${args.name}: cannot read: ${reason(e)}\n` };
  }
}

/** A file (`-`: standard input) as text; throws Utf8Error where it is not UTF-8, rather than replacing bytes. */
export function readUtf8File(file: string): string {
  const bytes = readFileSync(file === '-' ? 0 : file);
  // Well-formed UTF-8 (Node checks it natively, some ten times faster than a fatal TextDecoder on a 6 MB project)
  // decodes to the same text either way, a byte order mark kept; only a file that is not goes on to say where.
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) throw new Utf8Error(decoded.problem);
  return decoded.text;
}

/** What a command gets from the process: its arguments, a reader of its input and the same-file test. */
export type Command = (args: string[], readInput: (file: string) => string, sameFile?: SameFile) => CliResult | Promise<CliResult>;

/** The status of a process killed by SIGPIPE, as a shell reports it: a reader that closed the pipe early. */
const CLOSED_PIPE_STATUS = 128 + 13;

/**
 * Runs a command in this process: files from disk, `-` from standard input, no stack traces.
 * Writing can fail after the command succeeded: a reader that stops early (`| head`) ends it
 * quietly with the status of a closed pipe; any other failure (`> /dev/full`) is one line and status 1.
 */
export async function runMain(command: Command, args: string[] = process.argv.slice(2)): Promise<void> {
  const result = await command(args, readUtf8File, isSameFile);
  // Standard error may be closed as well: there is then nobody to tell.
  process.stderr.on('error', () => {});
  if (result.output) {
    try {
      writeFileSync(result.output.file, result.output.text);
    } catch (e) {
      process.stderr.write(`${result.output.file}: cannot write: ${reason(e, true)}\n`);
      process.exitCode = 1;
      return;
    }
  }
  process.exitCode = result.code;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      if (process.exitCode === 0) process.exitCode = CLOSED_PIPE_STATUS;
      return;
    }
    process.stderr.write(`<stdout>: cannot write: ${reason(e, true)}\n`);
    process.exitCode = 1;
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
}

/** Takes `--name VALUE` / `--name=VALUE` (repeatable) out of the arguments. */
export function takeOption(args: string[], name: string): { values: string[]; rest: string[] } | { missing: string } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === name) {
      if (i + 1 >= args.length) return { missing: `${name} needs a value` };
      values.push(args[++i]);
    } else if (a.startsWith(`${name}=`)) values.push(a.slice(name.length + 1));
    else rest.push(a);
  }
  return { values, rest };
}
