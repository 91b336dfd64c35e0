import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../nixos/generate';
import { readProject } from '../model/read';
import { runGenerate } from './generate-command';

const root = join(__dirname, '../..');
const seedText = readFileSync(join(root, 'examples/seed-chani-paul.json'), 'utf8');
const files: Record<string, string> = { 'seed.json': seedText, '-': seedText };
const read = (f: string) => {
  if (!(f in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return files[f];
};

describe('generate command', () => {
  it('prints the module and nothing else on stdout', async () => {
    const r = await runGenerate(['seed.json'], read);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(generate(readProject(JSON.parse(seedText)).project).text);
  });

  it('reads standard input with -, writes a file with -o, and overrides the release', async () => {
    expect((await runGenerate(['-'], read)).stdout).toContain('specialisation = {');
    const r = await runGenerate(['seed.json', '-o', 'out.nix', '--release', '24.05'], read);
    expect(r.stdout).toBe('');
    expect(r.output?.file).toBe('out.nix');
    expect(r.output?.text).toContain('services.xserver.desktopManager.gnome.enable = true;');
  });

  it('fails with path: message and no module on invalid projects', async () => {
    files['bad.json'] = JSON.stringify({ version: 1, specialisations: [{ name: 'a b', users: [{ name: 'x', uid: 5 }] }] });
    const r = await runGenerate(['bad.json'], read);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('specialisations[0].name: "a b" is not a safe specialisation name');
    expect(r.stderr).toContain('specialisations[0].users[0].uid: a normal user needs a uid of 1000 or more');
    expect(r.output).toBeUndefined();
  });

  it('fails on release rules for the overridden release', async () => {
    const r = await runGenerate(['seed.json', '--release', '23.11'], read);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/specialisations\[0\]\.desktop\.environment: plasma6 needs NixOS 24\.05/);
  });

  it('says where JSON breaks, names unknown fields, and handles missing files', async () => {
    files['broken.json'] = '{\n  "version": 1,\n  oops\n}';
    expect(await runGenerate(['broken.json'], read)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^broken\.json: not valid JSON at line 3, column 3/) });
    files['unknown.json'] = '{ "version": 1, "specialisation": [] }';
    expect((await runGenerate(['unknown.json'], read)).stderr).toMatch(/^specialisation: unknown field "specialisation"/);
    expect(await runGenerate(['missing.json'], read)).toMatchObject({ code: 1, stderr: 'missing.json: cannot read: no such file\n' });
  });

  it('puts warnings on stderr without failing', async () => {
    const r = await runGenerate(['seed.json'], read);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/extraGroups\[0\]: warning: group "networkmanager"/);
  });

  it('refuses unknown options and releases with usage', async () => {
    expect((await runGenerate(['seed.json', '--frobnicate'], read)).code).toBe(2);
    expect((await runGenerate(['seed.json', '--release', '21.11'], read)).stderr).toMatch(/--release must be one of/);
  });
});

describe('npm run --silent generate (the real process)', () => {
  it('exits 0 with the module on stdout, 1 with messages and no stack trace', () => {
    const ok = spawnSync('npx', ['tsx', 'src/cli/generate.ts', 'examples/kernel-test.json'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(readFileSync(join(root, 'src/nixos/__fixtures__/kernel-test.nix'), 'utf8'));
    const bad = spawnSync('npx', ['tsx', 'src/cli/generate.ts', '-'], { cwd: root, encoding: 'utf8', input: '[1,' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^<stdin>: not valid JSON/);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);
});

describe('setting rows checked against the option catalog', () => {
  it('warns about a row whose option the target release renamed, and still writes the module', async () => {
    const project = JSON.stringify({
      version: 1,
      nixosRelease: '24.11',
      specialisations: [{ name: 'kde', settings: [{ path: ['services', 'xserver', 'displayManager', 'sddm', 'enable'], type: 'bool', value: 'true' }] }],
    });
    const r = await runGenerate(['-'], () => project);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^specialisations\[0\]\.settings\[0\]\.path: warning: NixOS 24\.11 renamed services\.xserver\.displayManager\.sddm\.enable to services\.displayManager\.sddm\.enable/m);
    expect(r.stdout).toContain('services.xserver.displayManager.sddm.enable = true;');
    expect((await runGenerate(['-', '--release', '23.11'], () => project)).stderr).toBe('');
  });
});
