import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectFileText } from '../model/project-file';
import { generate } from '../nixos/generate';
import { imported, LEAK_FILE, leakProject } from '../nixos/patch/cases';
import { hasNix, nixParseErrors } from '../test/nix';
import { runGenerate } from './generate-command';
import { runPatch } from './patch-command';

const root = join(__dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'src/nixos/patch/__fixtures__', name), 'utf8');
const config = fixture('generated-config.nix');
const files: Record<string, string> = {
  'configuration.nix': config,
  'project.json': projectFileText(imported(config)),
  'leak.nix': LEAK_FILE,
  'leak.json': projectFileText(leakProject()),
  'computed.nix': '{ lib, ... }:\nlet hw = [ ./hw.nix ];\nin {\n  imports = hw;\n}\n',
  'broken.json': '{ "version": 1,',
};
const read = (f: string) => {
  if (!(f in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return files[f];
};

describe('patch command', () => {
  it('prints the patched file, and what it did on standard error', () => {
    const r = runPatch(['configuration.nix', 'project.json'], read);
    expect(r).toEqual({
      code: 0,
      stdout: fixture('generated-config.patched.nix'),
      stderr:
        'configuration.nix: Removed the definitions of chani, paul: the module defines the specialisations now.\n' +
        'configuration.nix: Added ./specialisations.nix to imports.\n',
    });
  });

  it('writes a file with -o, names the module with --module', () => {
    const r = runPatch(['configuration.nix', 'project.json', '-o', 'out.nix', '--module', 'boot/entries.nix'], read);
    expect(r.stdout).toBe('');
    expect(r.output?.file).toBe('out.nix');
    expect(r.output?.text).toContain('      ./boot/entries.nix\n');
  });

  it('exits 1 with file:line:column and why when the file cannot be patched safely', () => {
    expect(runPatch(['computed.nix', 'project.json'], read)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'computed.nix:4:13: imports is not a list written here (it is computed), so ./specialisations.nix cannot be added to it safely: add it by hand\n',
    });
    expect(runPatch(['configuration.nix', 'broken.json'], read)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^broken\.json: .*line 1/) });
    expect(runPatch(['missing.nix', 'project.json'], read)).toEqual({ code: 1, stdout: '', stderr: 'missing.nix: cannot read: no such file\n' });
    expect(runPatch(['configuration.nix'], read).code).toBe(2);
    expect(runPatch(['-', '-'], read).code).toBe(2);
    expect(runPatch(['configuration.nix', 'project.json', '--frobnicate'], read).code).toBe(2);
  });

  it('names the parent settings that leak, and --parent-only gates them; generate --parent-only writes the module to match', async () => {
    const r = runPatch(['leak.nix', 'leak.json'], read);
    expect(r.stderr).toContain(
      'leak.nix: services.xserver.desktopManager.gnome.enable is set in the parent and replaced in chani, paul with lib.mkForce; --parent-only services.xserver.desktopManager.gnome.enable sets it for the parent entry only\n',
    );
    const option = 'services.xserver.desktopManager.gnome.enable';
    const gated = runPatch(['leak.nix', 'leak.json', '--parent-only', option], read);
    expect(gated.stdout).toContain(`  ${option} = lib.mkIf (config.specialisation != { }) true;\n`);
    const module = await runGenerate(['leak.json', `--parent-only=${option}`], read);
    expect(module.stdout).toBe(generate(leakProject(), undefined, { parentOnly: new Set([option]) }).text);
    expect(module.stdout).not.toContain('gnome.enable');
    expect(runPatch(['leak.nix', 'leak.json', '--parent-only', 'services.foo.enable'], read)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^leak\.nix:1:1: services\.foo\.enable is not a parent setting/) });
  });
});

describe('npm run patch, in a process of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-patch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(!hasNix)('writes a file real Nix parses, and refuses to write over its input', () => {
    const nix = join(dir, 'configuration.nix');
    const json = join(dir, 'project.json');
    writeFileSync(nix, fixture('crlf.nix'));
    writeFileSync(json, projectFileText(imported(fixture('crlf.nix'))));
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/patch.ts', ...args], { cwd: root, encoding: 'utf8' });
    const out = join(dir, 'patched.nix');
    const r = run([nix, json, '-o', out]);
    expect(r.status).toBe(0);
    const patched = readFileSync(out, 'utf8');
    expect(patched).toBe(fixture('crlf.patched.nix'));
    expect(nixParseErrors([patched])).toEqual([null]);
    const same = run([nix, json, '-o', nix]);
    expect(same.status).toBe(1);
    expect(readFileSync(nix, 'utf8')).toBe(fixture('crlf.nix'));
  }, 60_000);
});
