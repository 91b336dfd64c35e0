import { describe, expect, it } from 'vitest';
import { defaultDesktop, defaultGpu, defaultKernel, defaultProject, defaultSpecialisation } from '../model/defaults';
import { TEMPLATES } from '../model/templates';
import { RELEASES, type Project, type Specialisation } from '../model/types';
import { applyAllFixes, releaseMigrations, templateSpecialisations } from './migrate';
import { validate } from './validate';

const project = (release: Project['nixosRelease'], ...specialisations: Specialisation[]): Project => ({
  ...defaultProject(release),
  specialisations,
});
const spec = (name: string, fields: Partial<Specialisation>): Specialisation => ({ ...defaultSpecialisation(name), ...fields });
const chani = spec('chani', { desktop: { ...defaultDesktop(), environment: 'plasma5' } });

describe('releaseMigrations', () => {
  it('offers Plasma 6 when a Plasma 5 project moves to 25.11, and the fix does it', () => {
    const p = project('25.11', chani);
    const migrations = releaseMigrations(p, '25.05', '25.11');
    const plasma = migrations.find((m) => m.path === 'specialisations[0].desktop.environment' && m.kind === 'unavailable');
    expect(plasma?.message).toMatch(/does not have KDE Plasma 5/);
    expect(plasma?.fix?.label).toBe('Switch chani to KDE Plasma 6');
    const fixed = plasma!.fix!.apply(p);
    expect(fixed.specialisations[0].desktop.environment).toBe('plasma6');
    expect(p.specialisations[0].desktop.environment).toBe('plasma5');
    expect(validate(fixed).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offers Plasma 5 when going back before 24.05', () => {
    const p = project('23.11', spec('chani', { desktop: { ...defaultDesktop(), environment: 'plasma6' } }));
    const [m] = releaseMigrations(p, '26.05', '23.11').filter((x) => x.kind === 'unavailable');
    expect(m.fix?.label).toBe('Switch chani to KDE Plasma 5');
  });

  it('lists the option paths that change, grouped across specialisations', () => {
    const paul = spec('paul', { desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'paul' } });
    const leto = spec('leto', { desktop: { ...defaultDesktop(), environment: 'gnome', autoLogin: 'leto' } });
    const renames = releaseMigrations(project('25.11', paul, leto), '23.11', '25.11').filter((m) => m.kind === 'renamed');
    expect(renames.map((m) => m.message)).toEqual([
      'services.xserver.desktopManager.gnome.enable becomes services.desktopManager.gnome.enable (paul, leto).',
      'services.xserver.displayManager.gdm.enable becomes services.displayManager.gdm.enable (paul, leto).',
      'services.xserver.displayManager.autoLogin.user becomes services.displayManager.autoLogin.user (paul, leto).',
    ]);
    expect(renames.every((m) => m.fix === null)).toBe(true);
  });

  it('reports the graphics rename and NVIDIA settings the target lacks', () => {
    const egpu = spec('egpu', {
      gpu: { ...defaultGpu(), mode: 'nvidia-offload', driver: 'legacy_580', openKernelModule: true, externalGpu: true, nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' },
    });
    const migrations = releaseMigrations(project('22.05', egpu), '26.05', '22.05');
    expect(migrations.map((m) => m.message)).toEqual(
      expect.arrayContaining([
        'hardware.graphics.enable becomes hardware.opengl.enable (egpu).',
        'egpu: NixOS 22.05 has no NVIDIA driver "legacy_580".',
        'egpu: the open NVIDIA kernel module option needs NixOS 22.11 or later.',
        'egpu: before NixOS 23.05 only PRIME sync can use an external GPU.',
      ]),
    );
    const fixed = applyAllFixes(project('22.05', egpu), '22.05');
    expect(fixed.specialisations[0].gpu).toMatchObject({ driver: 'stable', openKernelModule: false, mode: 'nvidia-sync' });
    expect(validate(fixed).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offers another kernel when the chosen one was removed', () => {
    const p = project('26.05', spec('rt', { kernel: { ...defaultKernel(), packages: 'linuxPackages_rt' } }));
    const [m] = releaseMigrations(p, '25.11', '26.05');
    expect(m.message).toBe('rt: linuxPackages_rt was removed in NixOS 26.05.');
    expect(m.fix!.apply(p).specialisations[0].kernel.packages).toBe('linuxPackages_latest');
  });

  it('has nothing to say when the release does not change, or nothing in the project depends on it', () => {
    expect(releaseMigrations(project('25.11', chani), '25.11', '25.11')).toEqual([]);
    expect(releaseMigrations(project('22.05', spec('plain', { tags: ['x'] })), '26.05', '22.05')).toEqual([]);
  });

  it('a fix leaves the project alone once its specialisation was renamed or removed', () => {
    const p = project('25.11', chani);
    const [m] = releaseMigrations(p, '25.05', '25.11').filter((x) => x.fix);
    const renamed = project('25.11', { ...chani, name: 'other' });
    expect(m.fix!.apply(renamed)).toBe(renamed);
    const empty = project('25.11');
    expect(m.fix!.apply(empty)).toBe(empty);
  });
});

describe('templates on every release', () => {
  it.each(TEMPLATES.map((t) => t.id))('%s has no validation errors on 26.05 as written', (id) => {
    const p = project('26.05', ...templateSpecialisations(id, '26.05'));
    expect(validate(p).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(TEMPLATES.flatMap((t) => RELEASES.map((r) => [t.id, r] as const)))('%s adapts to %s without errors', (id, release) => {
    const p = project(release, ...templateSpecialisations(id, release));
    expect(validate(p).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
