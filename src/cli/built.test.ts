import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureProgram } from '../../scripts/build-cli.mjs';

/**
 * The built program (dist-cli/, what `npx specialisation-studio` and `npm run generate` run) against
 * the TypeScript sources it is built from: byte for byte the same standard output, standard error
 * and exit status. Built here when missing or older than a source.
 */
const root = join(__dirname, '../..');
let program = '';
beforeAll(async () => {
  program = relative(root, await ensureProgram());
}, 120_000);

const run = (command: string[], args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [...command, ...args], { cwd: root, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const built = (args: string[], input?: string) => run([program], args, input);
const sources = (args: string[], input?: string) => run(['--import', 'tsx', 'src/cli/main.ts'], args, input);

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json')).map((f) => `examples/${f}`);
const fixtures = ['work-separate.nix', 'seed-blog-as-published.nix', 'tabs-indented.nix'].map((f) => `src/nixos/__fixtures__/import/${f}`);
const cases: [string, string[], string?][] = [
  ...examples.map((f): [string, string[]] => [`generate ${f}`, ['generate', f]]),
  ['generate --release 24.11 (another release)', ['generate', 'examples/seed-chani-paul.json', '--release', '24.11']],
  ['generate - (standard input, not valid JSON)', ['generate', '-'], '{ "version": 1,'],
  ['generate with an unknown option', ['generate', 'examples/kernel-test.json', '--frobnicate']],
  ['generate --help', ['generate', '--help']],
  ...fixtures.map((f): [string, string[]] => [`import ${f}`, ['import', f]]),
  ['import --recover of a cut-off snippet', ['import', 'src/nixos/__fixtures__/import/seed-blog-as-published.nix', '--recover']],
  ['import - (not Nix)', ['import', '-'], '{ specialisation = '],
  ['patch a configuration.nix', ['patch', 'src/nixos/patch/__fixtures__/generated-config.nix', 'examples/seed-chani-paul.json']],
  ['patch with --parent-only and --module', ['patch', 'src/nixos/patch/__fixtures__/tabs.nix', 'examples/seed-chani-paul.json', '--module', 'x.nix', '--parent-only', 'a.b']],
  ['patch a file it cannot patch (standard input)', ['patch', '-', 'examples/kernel-test.json'], '{ lib, ... }: { imports = lib.optional true ./a.nix; }'],
  ['patch --help', ['patch', '--help']],
  ['no command', []],
  ['an unknown command', ['frobnicate']],
];

describe('the built CLI and the TypeScript sources', () => {
  it.each(cases)('give the same bytes: %s', (_, args, input) => {
    const a = built(args, input);
    expect(a).toEqual(sources(args, input));
    expect(a.stderr).not.toMatch(/\n\s+at |node:internal/);
  }, 60_000);

  it('is one JavaScript file that needs Node alone: no TypeScript, no package at run time', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['specialisation-studio']).toBe(program);
    const text = readFileSync(join(root, program), 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(join(root, program)).mode & 0o111).not.toBe(0);
    // The bundle is a string in the program file (see scripts/build-cli.mjs): its quotes are escaped.
    const required = [...text.matchAll(/\b(?:require|import)\(\\?["']([^"'\\]+)\\?["']\)/g)].map((m) => m[1]);
    expect(required).toContain('node:fs');
    expect(required.filter((m) => !m.startsWith('node:'))).toEqual([]);
  });

  describe('without its code cache, or with one made for another build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'built-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it.each([
      ['no cache', null],
      ['a cache of another build', (cache: Buffer) => Buffer.concat([Buffer.from('0'.repeat(64)), cache.subarray(64)])],
      ['a cut-off cache', (cache: Buffer) => cache.subarray(0, cache.length >> 1)],
    ] as const)('gives the same bytes: %s', (_, cache) => {
      const copy = join(dir, 'specialisation-studio.cjs');
      copyFileSync(join(root, program), copy);
      rmSync(`${copy}.cache`, { force: true });
      if (cache) writeFileSync(`${copy}.cache`, cache(readFileSync(join(root, `${program}.cache`))));
      const args = ['generate', 'examples/seed-chani-paul.json'];
      expect(run([copy], args)).toEqual(built(args));
    });
  });
});
