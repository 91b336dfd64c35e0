import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGpu, defaultProject, defaultSpecialisation, defaultUser } from '../model/defaults';
import type { Project, Release, Specialisation } from '../model/types';
import { lspciToBusId } from '../model/validate';
import { projectArb } from '../test/arbitraries';
import { validate } from './validate';

const project = (specs: Partial<Specialisation>[], release: Release = '26.05'): Project => ({
  ...defaultProject(release),
  specialisations: specs.map((s, i) => ({ ...defaultSpecialisation(`s${i}`), ...s })),
});
const messagesAt = (p: Project, path: string) =>
  validate(p)
    .filter((d) => d.path === path)
    .map((d) => `${d.severity}: ${d.message}`);
const user = (name: string, uid: number | null = 1000, extra: Partial<ReturnType<typeof defaultUser>> = {}) => ({
  ...defaultUser(name),
  uid,
  ...extra,
});

describe('validate: errors', () => {
  it('refuses unsafe and duplicate specialisation names', () => {
    expect(messagesAt(project([{ name: 'my spec' }]), 'specialisations[0].name')).toEqual([
      expect.stringMatching(/^error: .*not a safe specialisation name/),
    ]);
    expect(messagesAt(project([{ name: '' }]), 'specialisations[0].name')).toEqual(['error: a specialisation needs a name']);
    const dup = project([{ name: 'a' }, { name: 'a' }]);
    expect(messagesAt(dup, 'specialisations[1].name')).toEqual([expect.stringMatching(/already called "a"/)]);
    expect(messagesAt(dup, 'specialisations[0].name')).toEqual([]);
  });

  it('refuses tags system.nixos.label does not accept', () => {
    expect(messagesAt(project([{ tags: ['ok:1.2_x-y', 'no space'] }]), 'specialisations[0].tags[1]')).toEqual([
      expect.stringMatching(/^error: tag "no space"/),
    ]);
    expect(messagesAt(project([{ tags: ['ok:1.2_x-y'] }]), 'specialisations[0].tags[0]')).toEqual([]);
  });

  it('refuses bad user names, duplicate names and uids, and low uids for normal users', () => {
    const p = project([{ users: [user('Bad'), user('ok', 1000), user('ok', 1001), user('low', 999), user('twin', 1000)] }]);
    expect(messagesAt(p, 'specialisations[0].users[0].name')).toEqual([expect.stringMatching(/not a valid user name/)]);
    expect(messagesAt(p, 'specialisations[0].users[2].name')).toEqual([expect.stringMatching(/listed twice/)]);
    expect(messagesAt(p, 'specialisations[0].users[3].uid')).toEqual([expect.stringMatching(/uid of 1000 or more/)]);
    expect(messagesAt(p, 'specialisations[0].users[4].uid')).toEqual([expect.stringMatching(/already used/)]);
    const system = project([{ users: [user('svc', 400, { isNormalUser: false })] }]);
    expect(messagesAt(system, 'specialisations[0].users[0].uid')).toEqual([]);
  });

  it('refuses an autologin user who is not one of the specialisation\'s users', () => {
    const p = project([{ users: [user('chani')], desktop: { environment: 'plasma6', displayManager: 'auto', autoLogin: 'paul' } }]);
    expect(messagesAt(p, 'specialisations[0].desktop.autoLogin')).toEqual([expect.stringMatching(/"paul" is not one/)]);
  });

  it('refuses desktops the release does not have', () => {
    const plasma5 = (r: Release) => project([{ desktop: { environment: 'plasma5', displayManager: 'auto', autoLogin: null } }], r);
    expect(messagesAt(plasma5('25.05'), 'specialisations[0].desktop.environment')).toEqual([]);
    expect(messagesAt(plasma5('25.11'), 'specialisations[0].desktop.environment')).toEqual([
      expect.stringMatching(/removed from NixOS after 25.05.*Plasma 6/),
    ]);
    const plasma6 = project([{ desktop: { environment: 'plasma6', displayManager: 'auto', autoLogin: null } }], '23.11');
    expect(messagesAt(plasma6, 'specialisations[0].desktop.environment')).toEqual([expect.stringMatching(/needs NixOS 24.05/)]);
    const cosmic = project([{ desktop: { environment: 'cosmic', displayManager: 'auto', autoLogin: null } }], '24.11');
    expect(messagesAt(cosmic, 'specialisations[0].desktop.environment')).toEqual([expect.stringMatching(/needs NixOS 25.05/)]);
    const ly = project([{ desktop: { environment: 'sway', displayManager: 'ly', autoLogin: null } }], '24.05');
    expect(messagesAt(ly, 'specialisations[0].desktop.displayManager')).toEqual([expect.stringMatching(/needs NixOS 24.11/)]);
  });

  it('refuses PRIME without both bus ids, and malformed bus ids with the lspci conversion', () => {
    const p = project([{ gpu: { ...defaultGpu(), mode: 'nvidia-offload', nvidiaBusId: '0a:00.0' } }]);
    expect(messagesAt(p, 'specialisations[0].gpu.nvidiaBusId')).toEqual([expect.stringMatching(/lspci prints.*"PCI:10:0:0"/)]);
    expect(messagesAt(p, 'specialisations[0].gpu.intelBusId')).toEqual([expect.stringMatching(/integrated GPU/)]);
    const none = project([{ gpu: { ...defaultGpu(), mode: 'nvidia-sync' } }]);
    expect(messagesAt(none, 'specialisations[0].gpu.nvidiaBusId')).toEqual([expect.stringMatching(/needs the NVIDIA/)]);
    const bad = project([{ gpu: { ...defaultGpu(), mode: 'nvidia-sync', nvidiaBusId: 'PCI:1:0', intelBusId: 'PCI:0:2:0' } }]);
    expect(messagesAt(bad, 'specialisations[0].gpu.nvidiaBusId')).toEqual([expect.stringMatching(/not a bus id/)]);
  });

  it('refuses kernel parameters with spaces, but not spaces inside quotes', () => {
    const p = project([{ kernel: { packages: null, params: ['quiet splash', 'a="b c"', 'x=${y}'], modules: [], blacklistedModules: [] } }]);
    expect(messagesAt(p, 'specialisations[0].kernel.params[0]')).toEqual([expect.stringMatching(/has a space/)]);
    expect(messagesAt(p, 'specialisations[0].kernel.params[1]')).toEqual([]);
    expect(messagesAt(p, 'specialisations[0].kernel.params[2]')).toEqual([]);
  });

  it('refuses text Nix strings cannot hold', () => {
    const p = project([{ users: [user('a', 1000, { description: 'x\0y' })] }]);
    expect(messagesAt(p, 'specialisations[0].users[0].description')).toEqual([expect.stringMatching(/NUL/)]);
  });

  it('refuses kernels the release removed and drivers it does not have', () => {
    const k = project([{ kernel: { packages: 'linuxPackages_5_4', params: [], modules: [], blacklistedModules: [] } }], '25.11');
    expect(messagesAt(k, 'specialisations[0].kernel.packages')).toEqual([expect.stringMatching(/removed in NixOS 25.11/)]);
    const d = project([{ gpu: { ...defaultGpu(), mode: 'nvidia', driver: 'legacy_580' } }], '25.11');
    expect(messagesAt(d, 'specialisations[0].gpu.driver')).toEqual([expect.stringMatching(/no NVIDIA driver "legacy_580"/)]);
    const rs = project([{ gpu: { ...defaultGpu(), mode: 'nvidia-reverse-sync', nvidiaBusId: 'PCI:1:0:0', intelBusId: 'PCI:0:2:0' } }], '22.11');
    expect(messagesAt(rs, 'specialisations[0].gpu.mode')).toEqual([expect.stringMatching(/reverse sync needs NixOS 23.05/)]);
  });
});

describe('validate: warnings', () => {
  it('warns about plain-text passwords, groups nothing creates, a separate system, unknown shells', () => {
    const p = project([
      {
        inheritParentConfig: false,
        users: [user('a', 1000, { hashedPassword: 'hunter2', extraGroups: ['networkmanager', 'docker', 'wheel', 'gamers'], shell: 'elvish' })],
      },
    ]);
    const all = validate(p);
    expect(all.every((d) => d.severity === 'warning')).toBe(true);
    const at = (path: string) => all.filter((d) => d.path === `specialisations[0].${path}`).map((d) => d.message);
    expect(at('users[0].hashedPassword')).toEqual([expect.stringMatching(/plain-text password/)]);
    expect(at('users[0].extraGroups[0]')).toEqual([expect.stringMatching(/networking\.networkmanager\.enable/)]);
    expect(at('users[0].extraGroups[1]')).toEqual([expect.stringMatching(/virtualisation\.docker\.enable/)]);
    expect(at('users[0].extraGroups[2]')).toEqual([]);
    expect(at('users[0].extraGroups[3]')).toEqual([expect.stringMatching(/users\.groups\.gamers/)]);
    expect(at('inheritParentConfig')).toEqual([]);
    const bare = project([{ inheritParentConfig: false, fromParent: { hardwareConfiguration: false, bootloader: false } }]);
    expect(messagesAt(bare, 'specialisations[0].fromParent.hardwareConfiguration')).toEqual([expect.stringMatching(/^warning: .*hardware-configuration\.nix/)]);
    expect(messagesAt(bare, 'specialisations[0].fromParent.bootloader')).toEqual([expect.stringMatching(/^warning: .*boot\.loader/)]);
    expect(at('users[0].shell')).toEqual([expect.stringMatching(/environment\.shells/)]);
  });

  it('accepts a crypt hash and an SSH key without warnings', () => {
    const p = project([
      { users: [user('a', 1001, { hashedPassword: '$6$salt$abc', authorizedKeys: ['ssh-ed25519 AAAAC3Nz a@b'] })] },
    ]);
    expect(validate(p)).toEqual([]);
  });

  it("warns at uid 1000, the main system's own account", () => {
    expect(messagesAt(project([{ users: [user('chani', 1000)] }]), 'specialisations[0].users[0].uid')).toEqual([
      expect.stringMatching(/^warning: uid 1000 is normally your main system's own account .*use 1001 or above/),
    ]);
  });

  it('warns when users of two specialisations share a uid under different names, not under the same name', () => {
    const p = project([
      { name: 'chani', users: [user('chani', 1001)] },
      { name: 'paul', users: [user('paul', 1001), user('alex', 1003)] },
      { name: 'work', users: [user('alex', 1003)] },
    ]);
    expect(messagesAt(p, 'specialisations[0].users[0].uid')).toEqual([
      "warning: uid 1001 is also paul's, in paul: two people with one uid own each other's files; give each a uid of their own",
    ]);
    expect(messagesAt(p, 'specialisations[1].users[0].uid')).toEqual([expect.stringMatching(/^warning: uid 1001 is also chani's, in chani:/)]);
    expect(messagesAt(p, 'specialisations[1].users[1].uid')).toEqual([]);
    expect(messagesAt(p, 'specialisations[2].users[0].uid')).toEqual([]);
    // Within one specialisation a shared uid is an error of its own, not this warning.
    const one = project([{ users: [user('a', 1001), user('b', 1001)] }]);
    expect(validate(one).filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it('keeps its shared-uid warnings while only other fields change, and redoes them when a name, uid or order changes', () => {
    const p = project([
      { name: 'chani', users: [user('chani', 1001)] },
      { name: 'paul', users: [user('paul', 1001)] },
    ]);
    const shared = (q: Project) => validate(q).filter((d) => d.message.includes('is also'));
    const before = shared(p);
    expect(before.map((d) => d.path)).toEqual(['specialisations[0].users[0].uid', 'specialisations[1].users[0].uid']);
    // A description typed in: the same diagnostics, the same objects (fields keep their memo).
    const typed = { ...p, specialisations: p.specialisations.map((s, i) => (i === 0 ? { ...s, users: [{ ...s.users[0], description: 'x' }] } : s)) };
    expect(shared(typed)).toEqual(before);
    expect(shared(typed)[0]).toBe(before[0]);
    // Renaming the other specialisation changes the message; a new uid ends the warning; swapping moves it.
    const renamed = { ...typed, specialisations: typed.specialisations.map((s, i) => (i === 1 ? { ...s, name: 'paula' } : s)) };
    expect(shared(renamed)[0].message).toMatch(/is also paul's, in paula:/);
    const apart = { ...renamed, specialisations: renamed.specialisations.map((s, i) => (i === 1 ? { ...s, users: [{ ...s.users[0], uid: 1002 }] } : s)) };
    expect(shared(apart)).toEqual([]);
    const swapped = { ...p, specialisations: [p.specialisations[1], p.specialisations[0]] };
    expect(shared(swapped)[0].message).toMatch(/is also chani's, in chani:/);
  });

  it('finds shared uids among many users in linear time', () => {
    const many = (n: number, offset: number) => Array.from({ length: n }, (_, j) => user(`u${j + offset}`, 2000));
    const p = project([{ users: many(10_000, 0) }, { users: many(10_000, 10_000) }]);
    const warnings = validate(p).filter((d) => d.severity === 'warning' && d.message.includes('is also'));
    expect(warnings).toHaveLength(20_000);
  });
});

describe('lspciToBusId', () => {
  it('turns lspci hexadecimal into NixOS decimal', () => {
    expect(lspciToBusId('0a:00.0')).toBe('PCI:10:0:0');
    expect(lspciToBusId('01:00.0 VGA compatible controller: NVIDIA')).toBe('PCI:1:0:0');
    expect(lspciToBusId('0000:c1:00.0')).toBe('PCI:193:0:0');
    expect(lspciToBusId('0001:02:1f.7')).toBe('PCI:2@1:31:7');
    expect(lspciToBusId('PCI:1:0:0')).toBeNull();
  });
});

describe('validate never throws', () => {
  it('on any generated project, for every release', () => {
    fc.assert(fc.property(projectArb(), (p) => Array.isArray(validate(p))), { numRuns: 200 });
  });
});
