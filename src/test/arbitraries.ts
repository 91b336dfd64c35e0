import fc from 'fast-check';
import { defaultFromParent, defaultGpu, defaultKernel, defaultPriorities, defaultProject } from '../model/defaults';
import { DESKTOP_RULES, DISPLAY_MANAGER_RULES, NVIDIA_DRIVER_RULES, NVIDIA_OPEN, PRIME_EXTRAS, at } from '../nixos/releases';
import { USUAL_DISPLAY_MANAGER } from '../model/desktop';
import {
  DESKTOPS,
  DISPLAY_MANAGERS,
  FIELD_PRIORITY_KEYS,
  RELEASES,
  type Gpu,
  type Project,
  type Release,
  type Setting,
  type Specialisation,
  type User,
} from '../model/types';

/** Pieces of text that have broken Nix generators: quotes, escapes, interpolation, line ends, odd Unicode. */
export const HOSTILE_PIECES = [
  '"', '\\', '${', '$', '$${', '\\${', "''", "'''", "''${", '${x}', '\r', '\n', '\r\n', '\t', '\u0001', '\u001b',
  '\u007f', '\u2028', '\u2029', '\u00a0', '😀', '👩‍💻', 'é', '\ufeff', '#', '/*', '*/', ';', '}', '{', '"; x = 1; "',
];

/** Any text Nix can hold (no NUL, no unpaired surrogates), biased towards hostile pieces. */
export const hostileText = (maxLength = 24): fc.Arbitrary<string> =>
  fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
    maxLength,
  }).filter((s) => !s.includes('\0'));

const ident = (first: string, rest: string, max: number) =>
  fc
    .tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...rest), maxLength: max }))
    .map(([a, b]) => a + b);
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const userName = ident(`${LOWER}_`, `${LOWER}0123456789_-`, 8);
export const specialisationName = ident(`${LOWER}ABCXYZ0123456789_-`, `${LOWER}ABCXYZ0123456789_-`, 10);
/** Imports as people write them: paths (one with a space) and module expressions; tests compare them by file name. */
export const IMPORT_ITEMS = ['./gaming.nix', '../shared/steam.nix', '/etc/nixos/vfio.nix', './my laptop.nix', '{ }', '({ lib, ... }: { })'] as const;

export const tag = fc.string({ unit: fc.constantFrom(...`${LOWER}AZ09:_.-`), minLength: 1, maxLength: 8 });
const attrSegment = ident(`${LOWER}_`, `${LOWER}0123456789_-`, 8);
export const packagePath = fc
  .array(attrSegment, { minLength: 1, maxLength: 2 })
  .map((parts) => parts.join('.'))
  .chain((p) => fc.constantFrom(p, 'fetchurl', 'lib', 'firefox', 'python3Packages.numpy', 'dune-release'));
const kernelParam = fc
  .string({
    unit: fc.oneof(fc.constantFrom('$', '${', '\\', "'", "''", '=', ',', 'é', '😀'), fc.constantFrom(...`${LOWER}0123456789.`)),
    minLength: 1,
    maxLength: 12,
  })
  .map((s) => s.replace(/\s/g, ''))
  .filter((s) => s.length > 0);
const busId = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 7 }))
  .map(([b, d, f]) => `PCI:${b}:${d}:${f}`);

function userArb(): fc.Arbitrary<Omit<User, 'name' | 'uid'>> {
  return fc.record({
    isNormalUser: fc.boolean(),
    description: fc.option(hostileText(), { nil: null }),
    extraGroups: fc.uniqueArray(fc.constantFrom('wheel', 'video', 'audio', 'input', 'users'), { maxLength: 3 }),
    shell: fc.option(fc.constantFrom('bash', 'zsh', 'fish'), { nil: null }),
    hashedPassword: fc.option(
      fc.oneof(hostileText().map((t) => `$6$${t}`), fc.constant('!')),
      { nil: null },
    ),
    authorizedKeys: fc.array(
      hostileText().map((t) => `ssh-ed25519 AAAAC3Nza${t.replace(/[\r\n\u2028\u2029]/g, '')}`),
      { maxLength: 2 },
    ),
  });
}

function gpuArb(release: Release): fc.Arbitrary<Gpu> {
  const prime = at(PRIME_EXTRAS, release)!;
  const modes = ['none', 'nvidia', 'nvidia-offload', 'nvidia-sync', 'amd', ...(prime.reverseSync ? ['nvidia-reverse-sync'] : [])];
  return fc
    .record({
      mode: fc.constantFrom(...modes),
      nvidiaBusId: busId,
      otherBusId: busId,
      amd: fc.boolean(),
      driver: fc.constantFrom(...at(NVIDIA_DRIVER_RULES, release)!),
      openKernelModule: at(NVIDIA_OPEN, release) ? fc.boolean() : fc.constant(false),
      externalGpu: fc.boolean(),
      thunderbolt: fc.boolean(),
    })
    .map((g) => {
      const isPrime = g.mode.startsWith('nvidia-');
      return {
        ...defaultGpu(),
        mode: g.mode as Gpu['mode'],
        nvidiaBusId: isPrime ? g.nvidiaBusId : null,
        intelBusId: isPrime && !g.amd ? g.otherBusId : null,
        amdgpuBusId: isPrime && g.amd ? g.otherBusId : null,
        driver: g.driver,
        openKernelModule: g.openKernelModule,
        externalGpu: isPrime && g.externalGpu && (prime.reverseSync || g.mode === 'nvidia-sync'),
        thunderbolt: g.thunderbolt,
      };
    });
}

/**
 * Nix expressions a `nix` setting may hold, with the JSON real Nix evaluates them to (the stand-in
 * `lib` of src/test/eval-module.ts has mkDefault, mkForce, mkIf).
 */
export const NIX_VALUES: readonly [string, unknown][] = [
  ['[ 22 80 ]', [22, 80]],
  ['"a" + "b"', 'ab'],
  ['{ x = 1; y = [ "z" ]; }', { x: 1, y: ['z'] }],
  ['-5', -5],
  ['if true then 1 else 2', 1],
  ['let n = 3; in n * 2', 6],
  ['builtins.length [ 1 2 3 ]', 3],
];
/** Conditions for lib.mkIf, with what they evaluate to. */
export const CONDITIONS: readonly [string, boolean][] = [
  ['true', true],
  ['1 < 2', true],
  ['builtins.pathExists /nonexistent-studio', false],
];

/** Option paths for setting rows: none is a prefix of another, none is set by a form field. */
const SETTING_PATHS: readonly string[][] = [
  ['services', 'tlp', 'enable'],
  ['powerManagement', 'cpuFreqGovernor'],
  ['environment', 'etc', 'issue.net', 'text'],
  ['fileSystems', '/', 'device'],
  ['systemd', 'services', 'getty@tty1', 'enable'],
  ['environment', 'variables', 'EDITOR'],
  ['networking', 'firewall', 'allowedTCPPorts'],
  ['fonts', 'packages'],
  ['i18n', 'defaultLocale'],
  ['boot', 'extraModprobeConfig'],
];

const settingValueArb: fc.Arbitrary<Pick<Setting, 'type' | 'value' | 'items'>> = fc.oneof(
  fc.boolean().map((b) => ({ type: 'bool' as const, value: String(b), items: [] })),
  fc.integer({ min: -1000, max: 100000 }).map((n) => ({ type: 'int' as const, value: String(n), items: [] })),
  hostileText(20).map((t) => ({ type: 'string' as const, value: t, items: [] })),
  fc.array(hostileText(8), { maxLength: 3 }).map((items) => ({ type: 'strings' as const, value: '', items })),
  fc.uniqueArray(packagePath, { maxLength: 3 }).map((items) => ({ type: 'packages' as const, value: '', items })),
  fc.constantFrom(...NIX_VALUES).map(([text]) => ({ type: 'nix' as const, value: text, items: [] })),
);

const settingsArb: fc.Arbitrary<Setting[]> = fc
  .uniqueArray(
    fc.record({
      path: fc.constantFrom(...SETTING_PATHS),
      value: settingValueArb,
      priority: fc.constantFrom('normal' as const, 'default' as const, 'force' as const, 'override' as const),
      overridePriority: fc.integer({ min: 0, max: 2000 }),
      condition: fc.option(fc.constantFrom(...CONDITIONS).map(([c]) => c), { nil: null }),
    }),
    { selector: (r) => r.path.join('.'), maxLength: 3 },
  )
  .map((rows) =>
    rows.map((r) => ({
      path: r.path,
      ...r.value,
      priority: r.priority,
      overridePriority: r.priority === 'override' ? r.overridePriority : null,
      condition: r.condition,
    })),
  );

/** Priorities for the form fields that take one: mostly as the generator decides. */
const prioritiesArb: fc.Arbitrary<Specialisation['priorities']> = fc
  .array(fc.tuple(fc.constantFrom(...FIELD_PRIORITY_KEYS), fc.constantFrom('default' as const, 'force' as const)), { maxLength: 3 })
  .map((chosen) => ({ ...defaultPriorities(), ...Object.fromEntries(chosen) }));

function specialisationArb(release: Release, withSettings: boolean): fc.Arbitrary<Omit<Specialisation, 'name'>> {
  const desktops = DESKTOPS.filter((d) => d === 'none' || at(DESKTOP_RULES[d], release));
  return fc
    .record({
      inheritParentConfig: fc.boolean(),
      remember: fc.boolean(),
      tags: fc.array(tag, { maxLength: 2 }),
      users: fc.uniqueArray(fc.tuple(userName, userArb()), { selector: ([n]) => n, maxLength: 3 }),
      environment: fc.constantFrom(...desktops),
      displayManager: fc.constantFrom(...DISPLAY_MANAGERS),
      autoLoginPick: fc.nat(),
      wantAutoLogin: fc.boolean(),
      packages: fc.uniqueArray(packagePath, { maxLength: 4 }),
      gpu: gpuArb(release),
      kernelPackages: fc.option(fc.constantFrom('linuxPackages_latest', 'linuxPackages_zen', 'linuxPackages_6_12'), { nil: null }),
      params: fc.array(kernelParam, { maxLength: 3 }),
      modules: fc.array(fc.constantFrom('kvm-intel', 'vfio_pci', 'i915'), { maxLength: 2 }),
      blacklistedModules: fc.array(fc.constantFrom('nouveau', 'radeon'), { maxLength: 2 }),
      settings: withSettings ? settingsArb : fc.constant<Setting[]>([]),
      imports: fc.uniqueArray(fc.constantFrom(...IMPORT_ITEMS), { maxLength: 3 }),
      priorities: withSettings ? prioritiesArb : fc.constant(defaultPriorities()),
    })
    .map((r) => {
      const users: User[] = r.users.map(([name, u], j) => ({ ...u, name, uid: u.isNormalUser ? 1000 + j : 400 + j }));
      const dmAvailable = (dm: string) =>
        dm === 'none' || dm === 'auto' || at(DISPLAY_MANAGER_RULES[dm as keyof typeof DISPLAY_MANAGER_RULES], release);
      const displayManager = dmAvailable(r.displayManager) ? r.displayManager : 'auto';
      const resolved = displayManager === 'auto' ? USUAL_DISPLAY_MANAGER[r.environment] : displayManager === 'none' ? null : displayManager;
      const canAutoLogin = users.length > 0 && r.environment !== 'none' && resolved !== null && (resolved !== 'cosmic-greeter' || !!at(DISPLAY_MANAGER_RULES['cosmic-greeter'], release));
      return {
        condition: null,
        nixEntry: null,
        inheritParentConfig: r.inheritParentConfig,
        fromParent: defaultFromParent(),
        imports: r.imports,
        rememberAcrossRebuilds: r.remember,
        tags: r.tags,
        configurationName: null,
        users,
        desktop: {
          environment: r.environment,
          displayManager: displayManager as Specialisation['desktop']['displayManager'],
          autoLogin: canAutoLogin && r.wantAutoLogin ? users[r.autoLoginPick % users.length].name : null,
        },
        packages: r.packages,
        gpu: r.gpu,
        kernel: { ...defaultKernel(), packages: r.kernelPackages, params: r.params, modules: r.modules, blacklistedModules: r.blacklistedModules },
        priorities: r.priorities,
        settings: r.settings,
        extraConfig: '',
      };
    });
}

/** Valid projects for one release (validation finds no errors in them). */
export function projectArb(
  releaseArb: fc.Arbitrary<Release> = fc.constantFrom(...RELEASES),
  /** Setting rows and field priorities in the specialisations (false: none). */
  { settings = true }: { settings?: boolean } = {},
): fc.Arbitrary<Project> {
  return releaseArb.chain((release) =>
    fc
      .uniqueArray(fc.tuple(specialisationName, specialisationArb(release, settings)), { selector: ([n]) => n, maxLength: 3 })
      .map((specs) => ({
        ...defaultProject(release),
        specialisations: specs.map(([name, s]) => ({ name, ...s })),
      })),
  );
}
