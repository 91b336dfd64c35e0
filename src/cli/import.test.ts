import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../model/read';
import { generate } from '../nixos/generate';
import { runImport } from './import-command';

const root = join(__dirname, '../..');
const fixture = (name: string) => readFileSync(join(root, 'src/nixos/__fixtures__/import', name), 'utf8');
const files: Record<string, string> = {
  'seed.nix': fixture('seed-blog-closed.nix'),
  'blog.nix': fixture('seed-blog-as-published.nix'),
  'plain.nix': '{ config, ... }: { networking.hostName = "x"; }\n',
  'bad.nix': '{ specialisation.a.configuration = { x = 1 }; }\n',
  '-': fixture('egpu-dotted.nix'),
};
const read = (f: string) => {
  if (!(f in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return files[f];
};

describe('import command', () => {
  it('prints the project (format v1) on stdout and the report on stderr', () => {
    const r = runImport(['seed.nix'], read);
    expect(r.code).toBe(0);
    const { project, diagnostics } = readProject(JSON.parse(r.stdout));
    expect(diagnostics).toEqual([]);
    expect(project.specialisations.map((s) => s.name)).toEqual(['chani', 'paul']);
    expect(r.stderr).toMatch(/^Release: NixOS 23\.11\. /);
    expect(r.stderr).toMatch(/Specialisation chani \(line 2\):\n {2}read into the form: tags chani; user chani \(uid 1001\); desktop KDE Plasma 5, autologin chani/);
    expect(generate(project).text).toContain('services.xserver.desktopManager.plasma5.enable = true;');
  });

  it('reads standard input with -, writes a file with -o, and targets a given release', () => {
    expect(JSON.parse(runImport(['-'], read).stdout).specialisations[0].name).toBe('egpu');
    const r = runImport(['seed.nix', '-o', 'out.json', '--release', '24.05'], read);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.output!.text).nixosRelease).toBe('24.05');
    expect(r.output?.file).toBe('out.json');
  });

  it('fails on invalid Nix with file:line:column: message, and offers --recover when it can', () => {
    expect(runImport(['bad.nix'], read)).toEqual({ code: 1, stdout: '', stderr: "bad.nix:1:44: expected ';' after the binding value, found '}'\n" });
    const blog = runImport(['blog.nix'], read);
    expect(blog.code).toBe(1);
    expect(blog.stdout).toBe('');
    expect(blog.stderr).toMatch(/^blog\.nix:24:1: unexpected end of input: a '\[' opened at 23:45 is not closed\nblog\.nix: closing what the text leaves open would make it Nix \(.*\); run again with --recover to import that\n$/);
    const recovered = runImport(['blog.nix', '--recover'], read);
    expect(recovered.code).toBe(0);
    expect(JSON.parse(recovered.stdout).specialisations).toHaveLength(2);
    expect(recovered.stderr).toMatch(/^Recovered: the text was not complete/);
  });

  it('gives a file without specialisations an empty list and a note', () => {
    const r = runImport(['plain.nix'], read);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).specialisations).toEqual([]);
    expect(r.stderr).toMatch(/No specialisations found: the project has an empty list\./);
    expect(r.stderr).toMatch(/Left out: the top-level configuration outside `specialisation` \(networking\.hostName; 1 setting\)/);
  });

  it('refuses unknown options and missing files', () => {
    expect(runImport(['seed.nix', '--frobnicate'], read).code).toBe(2);
    expect(runImport([], read).code).toBe(2);
    expect(runImport(['seed.nix', '--release', '21.11'], read).stderr).toMatch(/--release must be one of/);
    expect(runImport(['missing.nix'], read)).toMatchObject({ code: 1, stderr: 'missing.nix: cannot read: no such file\n' });
  });
});

describe('npm run --silent import (the real process)', () => {
  it('exits 0 with JSON on stdout, 1 with file:line:column and no stack trace', () => {
    const ok = spawnSync('npx', ['tsx', 'src/cli/import.ts', 'src/nixos/__fixtures__/import/work-separate.nix'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).specialisations[0]).toMatchObject({ name: 'work', inheritParentConfig: false });
    const bad = spawnSync('npx', ['tsx', 'src/cli/import.ts', '-'], { cwd: root, encoding: 'utf8', input: 'specialisation = {' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^<stdin>:1:19: unexpected end of input/);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);
});
