import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTR_PATH, GROUP_NAME } from '../model/validate';
import { buildGroupsCatalog, buildReleasesCatalog, catalogText, type PackagesCatalog } from './catalog';
import { ALWAYS_GROUPS, SERVICE_GROUPS } from './groups';

const CATALOG = join(__dirname, '../../public/catalog');
const read = (file: string) => readFileSync(join(CATALOG, file), 'utf8');

describe('catalog files', () => {
  it('releases.json and groups.json are what scripts/write-catalog.ts writes (run it after changing the rules)', () => {
    expect(read('releases.json')).toBe(catalogText(buildReleasesCatalog()));
    expect(read('groups.json')).toBe(catalogText(buildGroupsCatalog()));
  });

  it('lists each release\'s desktops from the rules: Plasma 5 until 25.05, Plasma 6 from 24.05', () => {
    const byId = Object.fromEntries(buildReleasesCatalog().releases.map((r) => [r.id, r]));
    const desktops = (r: string) => byId[r].desktops.map((d) => d.id);
    expect(desktops('23.11')).toContain('plasma5');
    expect(desktops('23.11')).not.toContain('plasma6');
    expect(desktops('25.05')).toEqual(expect.arrayContaining(['plasma5', 'plasma6', 'cosmic']));
    expect(desktops('25.11')).not.toContain('plasma5');
    expect(byId['24.11'].displayManagers.map((d) => d.id)).toContain('ly');
    expect(byId['24.05'].displayManagers.map((d) => d.id)).not.toContain('ly');
    expect(byId['26.05'].nvidiaDrivers).toContain('legacy_580');
  });

  it('describes every group NixOS knows', () => {
    const groups = buildGroupsCatalog().groups;
    expect(groups.map((g) => g.name).sort()).toEqual([...ALWAYS_GROUPS, ...Object.keys(SERVICE_GROUPS)].sort());
    for (const g of groups) {
      expect(g.description, g.name).not.toBe('');
      expect(g.name).toMatch(GROUP_NAME);
    }
    expect(groups.find((g) => g.name === 'networkmanager')?.createdBy).toBe('networking.networkmanager.enable');
    expect(groups.find((g) => g.name === 'wheel')?.createdBy).toBeNull();
  });

  it('packages.json holds about 200 distinct attribute paths, each with a one-line description', () => {
    const { packages } = JSON.parse(read('packages.json')) as PackagesCatalog;
    expect(packages.length).toBeGreaterThanOrEqual(180);
    expect(new Set(packages.map((p) => p.attr)).size).toBe(packages.length);
    for (const p of packages) {
      expect(p.attr).toMatch(ATTR_PATH);
      expect(p.description.length, p.attr).toBeGreaterThan(3);
      expect(p.description).not.toMatch(/\n/);
    }
    for (const needed of ['firefox', 'dune-release', 'nvtopPackages.full', 'python3Packages.numpy', 'pciutils'])
      expect(packages.map((p) => p.attr)).toContain(needed);
  });
});
