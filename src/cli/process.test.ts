import { spawn, spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerate } from './generate-command';
import { runImport } from './import-command';

const root = join(__dirname, '../..');
const project = readFileSync(join(root, 'examples/kernel-test.json'), 'utf8');
const nix = readFileSync(join(root, 'src/nixos/__fixtures__/import/work-separate.nix'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const readDisk = (f: string) => readFileSync(f, 'utf8');

/** The command as `npm run generate` runs it, in a process of its own. */
const run = (command: 'generate' | 'import', args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
    ...options,
  }) as SpawnSyncReturns<string>;
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error|EPIPE|ENOSPC|node:/);

describe('an output file that is the input', () => {
  const input = join(dir, 'project.json');
  const nixInput = join(dir, 'configuration.nix');
  writeFileSync(input, project);
  writeFileSync(nixInput, nix);
  symlinkSync(input, join(dir, 'symlink.json'));
  linkSync(input, join(dir, 'hardlink.json'));
  symlinkSync(nixInput, join(dir, 'symlink.nix'));

  it('is refused, by name, through symbolic and hard links too, and nothing is written', async () => {
    const refused = (out: string, what: string) => ({
      code: 1,
      stdout: '',
      stderr: `${out}: is ${what}; refusing to write the output over it (nothing written)\n`,
    });
    expect(await runGenerate([input, '-o', input], readDisk)).toEqual(refused(input, 'the input file'));
    for (const link of ['symlink.json', 'hardlink.json'])
      expect(await runGenerate([input, '-o', join(dir, link)], readDisk)).toEqual(refused(join(dir, link), `the same file as the input ${input}`));
    expect((await runGenerate([join(dir, 'symlink.json'), '-o', join(dir, 'hardlink.json')], readDisk)).code).toBe(1);
    expect(runImport([nixInput, '-o', nixInput], readDisk)).toEqual(refused(nixInput, 'the input file'));
    expect(runImport([nixInput, '-o', join(dir, 'symlink.nix')], readDisk).code).toBe(1);
    // Another file is fine, and so is writing over an output that is not the input.
    expect(await runGenerate([input, '-o', join(dir, 'out.nix')], readDisk)).toMatchObject({ code: 0, output: { file: join(dir, 'out.nix') } });
    expect(readFileSync(input, 'utf8')).toBe(project);
  });

  it('is refused when standard input is that file', () => {
    const stdin = openSync(input, 'r');
    try {
      const r = run('generate', ['-', '-o', input], { stdio: [stdin, 'pipe', 'pipe'] });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${input}: is the file on standard input; refusing to write the output over it (nothing written)\n`);
    } finally {
      closeSync(stdin);
    }
    expect(readFileSync(input, 'utf8')).toBe(project);
  }, 30_000);
});

/** Runs a command on `input` (standard input) with its standard output already closed by the reader. */
function withReaderGone(command: 'generate' | 'import', input: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, '-'], { cwd: root });
    // The read end closes before the command can write: it writes only after reading all of its input.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

describe('writing that fails', () => {
  it('ends quietly, with the status of a closed pipe, when the reader stops early (| head)', async () => {
    const generate = await withReaderGone('generate', project);
    expect(generate.status).toBe(141);
    expect(generate.stderr).toBe('');
    const imported = await withReaderGone('import', nix);
    expect(imported.status).toBe(141);
    expect(imported.stderr).toMatch(/^Release: NixOS/);
    noStackTrace(imported.stderr);
  }, 30_000);

  it.skipIf(!existsSync('/dev/full'))('says so in one line when the disk is full (> /dev/full, -o /dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const generate = run('generate', ['examples/kernel-test.json'], { stdio: ['ignore', full, 'pipe'] });
      expect(generate.status).toBe(1);
      expect(generate.stderr).toBe('<stdout>: cannot write: no space left on device\n');
      const imported = run('import', ['src/nixos/__fixtures__/import/work-separate.nix'], { stdio: ['ignore', full, 'pipe'] });
      expect(imported.status).toBe(1);
      expect(imported.stderr).toMatch(/\n<stdout>: cannot write: no space left on device\n$/);
      noStackTrace(imported.stderr);
    } finally {
      closeSync(full);
    }
    const generate = run('generate', ['examples/kernel-test.json', '-o', '/dev/full']);
    expect(generate).toMatchObject({ status: 1, stdout: '', stderr: '/dev/full: cannot write: no space left on device\n' });
    const imported = run('import', ['src/nixos/__fixtures__/import/work-separate.nix', '-o', '/dev/full']);
    expect(imported).toMatchObject({ status: 1, stdout: '', stderr: '/dev/full: cannot write: no space left on device\n' });
  }, 30_000);
});

describe('a byte order mark', () => {
  it('is skipped in a project, on standard input too', () => {
    const r = run('generate', ['-'], { input: `\uFEFF${project}` });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'src/nixos/__fixtures__/kernel-test.nix'), 'utf8'));
  }, 30_000);

  it('is refused at the start of Nix, as nix-instantiate refuses it, with file:line:column', () => {
    const bom = join(dir, 'bom.nix');
    writeFileSync(bom, `\uFEFF${nix}`);
    const message = 'the text starts with a byte order mark (U+FEFF), which Nix does not accept; save it as UTF-8 without one';
    expect(runImport([bom], readDisk)).toEqual({ code: 1, stdout: '', stderr: `${bom}:1:1: ${message}\n` });
    expect(runImport(['-', '--recover'], () => `\uFEFF${nix}`)).toEqual({ code: 1, stdout: '', stderr: `<stdin>:1:1: ${message}\n` });
    const nixSays = spawnSync('nix-instantiate', ['--parse', bom], { encoding: 'utf8' });
    if (!nixSays.error) expect(nixSays.stderr).toMatch(/syntax error, unexpected invalid token[\s\S]*:1:1/);
  }, 60_000);
});

describe('a file that is not UTF-8', () => {
  it('is refused at the line and column of the first bad byte, for import and generate alike, from a file or standard input', () => {
    const line3 = '  specialisation.x.configuration.environment.etc.a.text = "caf';
    const bad = Buffer.concat([Buffer.from(`{ ... }:\n{\n${line3}`), Buffer.from([0xe9]), Buffer.from('";\n}\n')]);
    const file = join(dir, 'latin1.nix');
    writeFileSync(file, bad);
    for (const [args, options, name] of [
      [[file], {}, file],
      [['-'], { input: bad }, '<stdin>'],
    ] as const) {
      const r = run('import', [...args], options);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:${line3.length + 1}: the file is not UTF-8 here \\(byte 0xE9\\)`));
      noStackTrace(r.stderr);
    }
    const before = '{"version": 1, "nixosRelease": "25.11", "specialisations": [{"name": "caf';
    const json = Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from('"}]}')]);
    const r = run('generate', ['-'], { input: json });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^<stdin>:1:${before.length + 1}: the file is not UTF-8 here`));
  }, 60_000);
});
