import { defaultSpecialisation, defaultUser } from '../../model/defaults';
import { USUAL_DISPLAY_MANAGER } from '../../model/desktop';
import {
  DESKTOPS,
  NVIDIA_DRIVERS,
  RELEASES,
  type DesktopEnvironment,
  type DisplayManager,
  type DisplayManagerChoice,
  type GpuMode,
  type NvidiaDriver,
  type FieldPriorityKey,
  type Setting,
  type Specialisation,
  type User,
} from '../../model/types';
import { ATTR_PATH } from '../../model/validate';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, PRIME_EXTRAS, SHELL_PACKAGES, at, type Steps } from '../releases';
import { stringLiteralValue, type Expr } from '../../nix/syntax/ast';
import { packageList, pathKey, selfContained, type Leaf } from './leaves';
import { importItems } from './imports';
import type { ProbeContext } from './oracle';

/** Every value a stepped rule takes in some release. */
export function everyValue<T>(steps: Steps<T | null>): T[] {
  const out: T[] = [];
  for (const r of RELEASES) {
    const v = at(steps, r);
    if (v !== null && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Option paths of every release, to what they mean in the form. */
const DESKTOP_ENABLE = new Map<string, DesktopEnvironment>();
for (const d of DESKTOPS) if (d !== 'none') for (const rule of everyValue(DESKTOP_RULES[d])) DESKTOP_ENABLE.set(rule.enable, d);
const DM_ENABLE = new Map<string, DisplayManager>();
for (const [dm, steps] of Object.entries(DISPLAY_MANAGER_RULES) as [DisplayManager, Steps<{ path: string } | null>][])
  for (const rule of everyValue(steps)) DM_ENABLE.set(`${rule.path}.enable`, dm);
const AUTOLOGIN_PREFIXES = everyValue(AUTOLOGIN_PREFIX);
const EXTERNAL_GPU = everyValue(PRIME_EXTRAS).map((x) => x.allowExternalGpu);
const SHELL_OF_PACKAGE = new Map(Object.entries(SHELL_PACKAGES).map(([shell, pkg]) => [pkg, shell]));
const PRIME = 'hardware.nvidia.prime';
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);
const str = (e: Expr | null | undefined): string | null => (e ? stringLiteralValue(unparen(e)) : null);
function strList(e: Expr | null | undefined): string[] | null {
  if (!e) return null;
  const v = unparen(e);
  if (v.type !== 'List') return null;
  const out: string[] = [];
  for (const x of v.elements) {
    const s = str(x);
    if (s === null) return null;
    out.push(s);
  }
  return out;
}

export interface Interpretation {
  spec: Specialisation;
  /** The definitions each setting (unit) was read from: the generator must write them back, or the setting stays Nix. */
  claims: Map<string, Leaf[]>;
  /** The definition each field priority other than normal was read from. */
  prioritySources: Map<FieldPriorityKey, Leaf>;
}

/**
 * Reads the form's settings from a configuration's option definitions, accepting the option paths
 * of every release. Only plain definitions count (`mkForce` only where the generator writes it
 * too, never computed values); units in `blocked` stay at their defaults. Whether the generator
 * writes back exactly the same is checked afterwards (see map.ts): this step only proposes.
 */
export function interpret(leaves: readonly Leaf[], blocked: ReadonlySet<string>, context: ProbeContext): Interpretation {
  const plain = new Map<string, Leaf>();
  // Only what a form field can hold: a plain value, or with lib.mkDefault / lib.mkForce (the field's priority).
  for (const l of leaves)
    if (l.core && !l.dynamic && l.condition === null && l.priority !== 'override' && !plain.has(l.key)) plain.set(l.key, l);
  const claims = new Map<string, Leaf[]>();
  const claim = (unit: string, ...found: (Leaf | undefined)[]) => {
    for (const l of found)
      if (l) {
        const list = claims.get(unit);
        if (list) list.push(l);
        else claims.set(unit, [l]);
      }
  };
  const get = (path: string) => plain.get(pathKey(path.split('.')));
  const isTrue = (path: string) => get(path)?.coreCanon === 'true';
  const s = defaultSpecialisation(context.name);
  /** A field's value written with lib.mkDefault or lib.mkForce: the field's priority (map.ts prefers normal where the generator writes the same mkForce itself). */
  const prioritySources = new Map<FieldPriorityKey, Leaf>();
  const priority = (key: FieldPriorityKey, l: Leaf | undefined) => {
    if (l && (l.priority === 'default' || l.priority === 'force')) {
      s.priorities[key] = l.priority;
      prioritySources.set(key, l);
    }
  };
  s.inheritParentConfig = context.inheritParentConfig;
  const ok = (unit: string) => !blocked.has(unit);

  const remember = get('environment.etc.specialisation.text');
  if (ok('rememberAcrossRebuilds') && str(remember?.core) === context.name) {
    s.rememberAcrossRebuilds = true;
    claim('rememberAcrossRebuilds', remember);
  }
  // `imports = [ … ];` as the imports list; a separate system's first ./hardware-configuration.nix is fromParent's.
  const importsLeaf = leaves.find((l) => l.path.length === 1 && l.path[0] === 'imports' && !l.dynamic);
  const listed = importsLeaf && howMany(leaves, importsLeaf.key) === 1 ? importItems(importsLeaf) : null;
  let importItemsRead = listed && 'items' in listed ? listed.items : null;
  const hardwareFirst = !context.inheritParentConfig && importItemsRead?.[0] === './hardware-configuration.nix' && ok('fromParent.hardwareConfiguration');
  if (hardwareFirst) importItemsRead = importItemsRead!.slice(1);
  if (ok('imports') && importItemsRead?.length) {
    s.imports = importItemsRead;
    claim('imports', importsLeaf);
  }
  if (!context.inheritParentConfig) {
    // A separate system brings the parent's hardware configuration and bootloader back itself.
    const imports = get('imports');
    const hardware = ok('fromParent.hardwareConfiguration') && (imports?.coreCanon === '[path:./hardware-configuration.nix]' || hardwareFirst);
    const loader = ['boot.loader.systemd-boot.enable', 'boot.loader.grub.enable', 'boot.lanzaboote.enable'].find(isTrue);
    const bootloader = ok('fromParent.bootloader') && loader !== undefined;
    s.fromParent = { hardwareConfiguration: hardware, bootloader };
    if (hardware) claim('fromParent.hardwareConfiguration', imports);
    if (bootloader) claim('fromParent.bootloader', get(loader!));
  }

  const tags = get('system.nixos.tags');
  if (ok('tags') && strList(tags?.core)?.length) {
    s.tags = strList(tags?.core)!;
    claim('tags', tags);
  }

  // GRUB's title: the module writes it with lib.mkForce (map.ts keeps a plain one as a row).
  const title = get('boot.loader.grub.configurationName');
  const titleText = str(title?.core);
  if (ok('configurationName') && titleText !== null && titleText !== '') {
    s.configurationName = titleText;
    claim('configurationName', title);
  }

  // Users: a normal user, or a system user in its own group; anything else stays Nix.
  const userNames = new Set<string>();
  for (const l of leaves) if (l.path.length > 3 && l.path[0] === 'users' && l.path[1] === 'users') userNames.add(l.path[2]);
  for (const name of userNames) {
    const unit = `user:${name}`;
    const field = (f: string) => plain.get(pathKey(['users', 'users', name, ...f.split('.')]));
    const normal = field('isNormalUser')?.coreCanon === 'true';
    const system = !normal && field('isSystemUser')?.coreCanon === 'true' && str(field('group')?.core) === name;
    if (!ok(unit) || (!normal && !system)) continue;
    claim(unit, ...(normal ? [field('isNormalUser')] : [field('isSystemUser'), field('group')]));
    const u: User = { ...defaultUser(name), isNormalUser: normal };
    const read = <T>(key: keyof User, f: string, value: (l: Leaf) => T | null) => {
      const l = field(f);
      const v = l && ok(`${unit}#${key}`) ? value(l) : null;
      if (v === null || (Array.isArray(v) && v.length === 0)) return;
      (u as unknown as Record<string, unknown>)[key] = v;
      claim(`${unit}#${key}`, l);
    };
    read('uid', 'uid', (l) => {
      const e = unparen(l.core!);
      return e.type === 'Int' && Number.isSafeInteger(e.value) && e.value <= 4294967294 ? e.value : null;
    });
    read('description', 'description', (l) => str(l.core));
    read('extraGroups', 'extraGroups', (l) => strList(l.core));
    read('shell', 'shell', (l) => {
      const pkg = l.coreCanon.startsWith('p:') ? l.coreCanon.slice(2) : null;
      return pkg && SIMPLE_NAME.test(pkg) ? (SHELL_OF_PACKAGE.get(pkg) ?? pkg) : null;
    });
    read('hashedPassword', 'hashedPassword', (l) => str(l.core));
    read('authorizedKeys', 'openssh.authorizedKeys.keys', (l) => strList(l.core));
    s.users.push(u);
  }

  if (ok('desktop')) {
    const env = leaves.find((l) => plain.get(l.key) === l && l.coreCanon === 'true' && DESKTOP_ENABLE.has(l.path.join('.')));
    const environment = env ? DESKTOP_ENABLE.get(env.path.join('.'))! : 'none';
    const usual = USUAL_DISPLAY_MANAGER[environment];
    let dmLeaf = leaves.find((l) => plain.get(l.key) === l && l.coreCanon === 'true' && DM_ENABLE.has(l.path.join('.')));
    let found: DisplayManager | null = dmLeaf ? DM_ENABLE.get(dmLeaf.path.join('.'))! : null;
    if (found === 'cosmic-greeter' && usual !== 'cosmic-greeter') {
      found = null;
      dmLeaf = undefined;
    }
    let autoLogin: string | null = null;
    let autoLoginLeaves: (Leaf | undefined)[] = [];
    if (ok('autoLogin'))
      for (const prefix of AUTOLOGIN_PREFIXES)
        if (isTrue(`${prefix}.autoLogin.enable`)) {
          const user = get(`${prefix}.autoLogin.user`);
          if (str(user?.core) !== null && s.users.some((u) => u.name === str(user?.core))) {
            autoLogin = str(user?.core);
            autoLoginLeaves = [get(`${prefix}.autoLogin.enable`), user];
          }
          break;
        }
    let displayManager: DisplayManagerChoice;
    if (found) displayManager = found === usual ? 'auto' : (found as DisplayManagerChoice);
    else if (autoLogin !== null && usual !== null) displayManager = 'auto';
    else displayManager = usual === null ? 'auto' : 'none';
    // A display manager turned off (`lib.mkForce false`, the parent's) is the choice "none".
    const off = found ? undefined : leaves.find((l) => plain.get(l.key) === l && l.coreCanon === 'false' && DM_ENABLE.has(l.path.join('.')));
    if (off) {
      displayManager = 'none';
      claim('desktop', off);
    }
    // Autologin needs a display manager; without one it stays Nix.
    if (displayManager === 'none' || (displayManager === 'auto' && usual === null)) autoLogin = null;
    s.desktop = { environment, displayManager, autoLogin };
    claim('desktop', env, dmLeaf);
    priority('desktop.environment', env);
    priority('desktop.displayManager', dmLeaf);
    if (autoLogin !== null) {
      claim('autoLogin', ...autoLoginLeaves);
      priority('desktop.autoLogin', autoLoginLeaves[1]);
    }
  }

  const packages = get('environment.systemPackages');
  if (ok('packages') && packagesOf(packages).length) {
    s.packages = packagesOf(packages);
    claim('packages', packages);
  }

  const videoDrivers = get('services.xserver.videoDrivers');
  const drivers = strList(videoDrivers?.core);
  if (ok('gpu') && drivers?.length === 1 && (drivers[0] === 'nvidia' || drivers[0] === 'amdgpu')) {
    let mode: GpuMode = 'amd';
    claim('gpu', videoDrivers);
    priority('gpu.videoDrivers', videoDrivers);
    if (drivers[0] === 'nvidia') {
      mode = 'nvidia';
      const prime = (['offload', 'sync', 'reverseSync'] as const).find((m) => isTrue(`${PRIME}.${m}.enable`));
      if (prime) {
        mode = prime === 'offload' ? 'nvidia-offload' : prime === 'sync' ? 'nvidia-sync' : 'nvidia-reverse-sync';
        claim('gpu', get(`${PRIME}.${prime}.enable`));
        priority('gpu.prime', get(`${PRIME}.${prime}.enable`));
      }
      const open = get('hardware.nvidia.open');
      if (ok('gpu.openKernelModule') && open?.coreCanon === 'true') {
        s.gpu.openKernelModule = true;
        claim('gpu.openKernelModule', open);
        priority('gpu.openKernelModule', open);
      } else if (ok('gpu.openKernelModule') && open?.coreCanon === 'false' && open.priority !== 'normal') {
        // `open = lib.mkDefault false`: the field's value is its default, its priority is not.
        claim('gpu.openKernelModule', open);
        priority('gpu.openKernelModule', open);
      }
      const pkg = get('hardware.nvidia.package');
      const driver = /^c:boot\.kernelPackages\.nvidiaPackages\.(\w+)$/.exec(pkg?.coreCanon ?? '')?.[1];
      if (ok('gpu.driver') && driver && driver !== 'stable' && (NVIDIA_DRIVERS as readonly string[]).includes(driver)) {
        s.gpu.driver = driver as NvidiaDriver;
        claim('gpu.driver', pkg);
        priority('gpu.driver', pkg);
      } else if (ok('gpu.driver') && driver === 'stable' && pkg!.priority !== 'normal') {
        // The stable driver is the field's default; written with a priority, it is that priority.
        claim('gpu.driver', pkg);
        priority('gpu.driver', pkg);
      }
    }
    s.gpu.mode = mode;
    if (mode.startsWith('nvidia-')) {
      for (const field of ['nvidiaBusId', 'intelBusId', 'amdgpuBusId'] as const) {
        const l = get(`${PRIME}.${field}`);
        s.gpu[field] = str(l?.core);
        if (s.gpu[field] !== null) claim('gpu', l);
      }
      const external = EXTERNAL_GPU.find(isTrue);
      if (ok('gpu.externalGpu') && external) {
        s.gpu.externalGpu = true;
        claim('gpu.externalGpu', get(external));
      }
    }
  }
  if (ok('gpu.thunderbolt') && isTrue('services.hardware.bolt.enable')) {
    s.gpu.thunderbolt = true;
    claim('gpu.thunderbolt', get('services.hardware.bolt.enable'));
  }

  const kernel = get('boot.kernelPackages');
  const kernelName = kernel?.coreCanon.startsWith('p:') ? kernel.coreCanon.slice(2) : '';
  if (ok('kernel.packages') && SIMPLE_NAME.test(kernelName)) {
    s.kernel.packages = kernelName;
    claim('kernel.packages', kernel);
    priority('kernel.packages', kernel);
  }
  for (const [field, path] of [['params', 'boot.kernelParams'], ['modules', 'boot.kernelModules'], ['blacklistedModules', 'boot.blacklistedKernelModules']] as const) {
    const l = get(path);
    const value = strList(l?.core);
    if (ok(`kernel.${field}`) && value?.length) {
      s.kernel[field] = value;
      claim(`kernel.${field}`, l);
    }
  }

  // Every other definition with a value the form can hold as it is: a setting row, in source order.
  const claimed = new Set([...claims.values()].flat());
  const count = new Map<string, number>();
  for (const l of leaves) count.set(l.key, (count.get(l.key) ?? 0) + 1);
  for (const l of leaves) {
    const unit = settingUnit(l.path);
    if (claimed.has(l) || l.dynamic || count.get(l.key) !== 1 || !ok(unit) || l.path.length === 0) continue;
    // A row has no place for a comment: a commented definition stays Nix, comment and all.
    if (l.comment !== null || l.trailingComment) continue;
    const row = settingOf(l);
    if (!row) continue;
    s.settings.push(row);
    claim(unit, l);
  }
  return { spec: s, claims, prioritySources };
}

const howMany = (leaves: readonly Leaf[], key: string): number => leaves.reduce((n, l) => n + (l.key === key ? 1 : 0), 0);

/** The unit of a setting row: its option path. */
export const settingUnit = (path: readonly string[]): string => `setting:${pathKey(path)}`;

const INT = /^-?(0|[1-9][0-9]*)$/;

/**
 * A definition as a typed row: a literal boolean, integer, string, path, list of strings or of
 * packages, or else a self-contained Nix expression (type nix, its source text); with the priority
 * and condition it is written with. Null when the value means something only where it is written
 * (a `let` name, a function's argument, a name from a `with`) or a wrapper the row cannot say.
 */
export function settingOf(l: Leaf): Setting | null {
  if (!l.core || l.value === null) return null;
  const chain = l.node.chain;
  const e = unparen(l.core);
  const row = (type: Setting['type'], value: string, items: string[] = []): Setting => ({
    path: [...l.path],
    type,
    value,
    items,
    priority: l.priority,
    overridePriority: l.overridePriority,
    condition: l.condition,
  });
  const c = l.coreCanon;
  if (c === 'true' || c === 'false') return row('bool', c);
  if (/^i:/.test(c)) {
    const n = c.slice(2);
    if (INT.test(n) && BigInt(n) >= -(2n ** 63n) && BigInt(n) < 2n ** 63n) return row('int', n);
  }
  if (e.type === 'String' && c.startsWith('s:')) return row('string', JSON.parse(c.slice(2)) as string);
  if (e.type === 'Path' && c.startsWith('path:')) return row('path', c.slice(5));
  if (e.type === 'List') {
    const items = strList(e);
    if (items) return row('strings', '', items);
  }
  if (e.type === 'With' || e.type === 'List') {
    const names = packageList(e, chain);
    if (names && names.every((n) => ATTR_PATH.test(n)) && new Set(names).size === names.length) return row('packages', '', names);
  }
  // A `let … in` or `with … ;` value stays Nix: it is how kept Nix carries the names it needs, and
  // Edit Nix must read kept Nix back as kept Nix.
  if (e.type === 'Let' || e.type === 'LegacyLet' || e.type === 'With') return null;
  // One line only: a value laid out over lines (or with tabs) keeps its layout as kept Nix (kept.ts), which a row would not.
  if (l.source !== null && !/[\t\r\n]/.test(l.source) && !/^[xw]:/.test(c) && selfContained(e, chain)) return row('nix', l.source);
  return null;
}

function packagesOf(leaf: Leaf | undefined): string[] {
  if (!leaf?.core) return [];
  const names = packageList(leaf.core, leaf.node.chain);
  return names && names.every((n) => ATTR_PATH.test(n)) ? names : [];
}
