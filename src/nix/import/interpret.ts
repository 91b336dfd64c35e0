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
  type Specialisation,
  type User,
} from '../../model/types';
import { ATTR_PATH } from '../../model/validate';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, PRIME_EXTRAS, SHELL_PACKAGES, at, type Steps } from '../releases';
import { stringLiteralValue, type Expr } from '../syntax/ast';
import { packageList, pathKey, type Leaf } from './leaves';
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
}

/**
 * Reads the form's settings from a configuration's option definitions, accepting the option paths
 * of every release. Only plain definitions count (`mkForce` only where the generator writes it
 * too, never computed values); units in `blocked` stay at their defaults. Whether the generator
 * writes back exactly the same is checked afterwards (see map.ts): this step only proposes.
 */
export function interpret(leaves: readonly Leaf[], blocked: ReadonlySet<string>, context: ProbeContext): Interpretation {
  const plain = new Map<string, Leaf>();
  for (const l of leaves) if (l.inner && !l.dynamic && !plain.has(l.key)) plain.set(l.key, l);
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
  const isTrue = (path: string) => get(path)?.innerCanon === 'true';
  const s = defaultSpecialisation(context.name);
  s.inheritParentConfig = context.inheritParentConfig;
  const ok = (unit: string) => !blocked.has(unit);

  const remember = get('environment.etc.specialisation.text');
  if (ok('rememberAcrossRebuilds') && str(remember?.inner) === context.name) {
    s.rememberAcrossRebuilds = true;
    claim('rememberAcrossRebuilds', remember);
  }
  if (!context.inheritParentConfig) {
    // A separate system brings the parent's hardware configuration and bootloader back itself.
    const imports = get('imports');
    const hardware = ok('fromParent.hardwareConfiguration') && imports?.innerCanon === '[path:./hardware-configuration.nix]';
    const loader = ['boot.loader.systemd-boot.enable', 'boot.loader.grub.enable'].find(isTrue);
    const bootloader = ok('fromParent.bootloader') && loader !== undefined;
    s.fromParent = { hardwareConfiguration: hardware, bootloader };
    if (hardware) claim('fromParent.hardwareConfiguration', imports);
    if (bootloader) claim('fromParent.bootloader', get(loader!));
  }

  const tags = get('system.nixos.tags');
  if (ok('tags') && strList(tags?.inner)?.length) {
    s.tags = strList(tags?.inner)!;
    claim('tags', tags);
  }

  // Users: a normal user, or a system user in its own group; anything else stays Nix.
  const userNames = new Set<string>();
  for (const l of leaves) if (l.path.length > 3 && l.path[0] === 'users' && l.path[1] === 'users') userNames.add(l.path[2]);
  for (const name of userNames) {
    const unit = `user:${name}`;
    const field = (f: string) => plain.get(pathKey(['users', 'users', name, ...f.split('.')]));
    const normal = field('isNormalUser')?.innerCanon === 'true';
    const system = !normal && field('isSystemUser')?.innerCanon === 'true' && str(field('group')?.inner) === name;
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
      const e = unparen(l.inner!);
      return e.type === 'Int' && Number.isSafeInteger(e.value) && e.value <= 4294967294 ? e.value : null;
    });
    read('description', 'description', (l) => str(l.inner));
    read('extraGroups', 'extraGroups', (l) => strList(l.inner));
    read('shell', 'shell', (l) => {
      const pkg = l.innerCanon.startsWith('p:') ? l.innerCanon.slice(2) : null;
      return pkg && SIMPLE_NAME.test(pkg) ? (SHELL_OF_PACKAGE.get(pkg) ?? pkg) : null;
    });
    read('hashedPassword', 'hashedPassword', (l) => str(l.inner));
    read('authorizedKeys', 'openssh.authorizedKeys.keys', (l) => strList(l.inner));
    s.users.push(u);
  }

  if (ok('desktop')) {
    const env = leaves.find((l) => plain.get(l.key) === l && l.innerCanon === 'true' && DESKTOP_ENABLE.has(l.path.join('.')));
    const environment = env ? DESKTOP_ENABLE.get(env.path.join('.'))! : 'none';
    const usual = USUAL_DISPLAY_MANAGER[environment];
    let dmLeaf = leaves.find((l) => plain.get(l.key) === l && l.innerCanon === 'true' && DM_ENABLE.has(l.path.join('.')));
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
          if (str(user?.inner) !== null && s.users.some((u) => u.name === str(user?.inner))) {
            autoLogin = str(user?.inner);
            autoLoginLeaves = [get(`${prefix}.autoLogin.enable`), user];
          }
          break;
        }
    let displayManager: DisplayManagerChoice;
    if (found) displayManager = found === usual ? 'auto' : (found as DisplayManagerChoice);
    else if (autoLogin !== null && usual !== null) displayManager = 'auto';
    else displayManager = usual === null ? 'auto' : 'none';
    // A display manager turned off (`lib.mkForce false`, the parent's) is the choice "none".
    const off = found ? undefined : leaves.find((l) => plain.get(l.key) === l && l.innerCanon === 'false' && DM_ENABLE.has(l.path.join('.')));
    if (off) {
      displayManager = 'none';
      claim('desktop', off);
    }
    // Autologin needs a display manager; without one it stays Nix.
    if (displayManager === 'none' || (displayManager === 'auto' && usual === null)) autoLogin = null;
    s.desktop = { environment, displayManager, autoLogin };
    claim('desktop', env, dmLeaf);
    if (autoLogin !== null) claim('autoLogin', ...autoLoginLeaves);
  }

  const packages = get('environment.systemPackages');
  if (ok('packages') && packagesOf(packages).length) {
    s.packages = packagesOf(packages);
    claim('packages', packages);
  }

  const videoDrivers = get('services.xserver.videoDrivers');
  const drivers = strList(videoDrivers?.inner);
  if (ok('gpu') && drivers?.length === 1 && (drivers[0] === 'nvidia' || drivers[0] === 'amdgpu')) {
    let mode: GpuMode = 'amd';
    claim('gpu', videoDrivers);
    if (drivers[0] === 'nvidia') {
      mode = 'nvidia';
      const prime = (['offload', 'sync', 'reverseSync'] as const).find((m) => isTrue(`${PRIME}.${m}.enable`));
      if (prime) {
        mode = prime === 'offload' ? 'nvidia-offload' : prime === 'sync' ? 'nvidia-sync' : 'nvidia-reverse-sync';
        claim('gpu', get(`${PRIME}.${prime}.enable`));
      }
      const open = get('hardware.nvidia.open');
      if (ok('gpu.openKernelModule') && open?.innerCanon === 'true') {
        s.gpu.openKernelModule = true;
        claim('gpu.openKernelModule', open);
      }
      const pkg = get('hardware.nvidia.package');
      const driver = /^c:boot\.kernelPackages\.nvidiaPackages\.(\w+)$/.exec(pkg?.innerCanon ?? '')?.[1];
      if (ok('gpu.driver') && driver && driver !== 'stable' && (NVIDIA_DRIVERS as readonly string[]).includes(driver)) {
        s.gpu.driver = driver as NvidiaDriver;
        claim('gpu.driver', pkg);
      }
    }
    s.gpu.mode = mode;
    if (mode.startsWith('nvidia-')) {
      for (const field of ['nvidiaBusId', 'intelBusId', 'amdgpuBusId'] as const) {
        const l = get(`${PRIME}.${field}`);
        s.gpu[field] = str(l?.inner);
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
  const kernelName = kernel?.innerCanon.startsWith('p:') ? kernel.innerCanon.slice(2) : '';
  if (ok('kernel.packages') && SIMPLE_NAME.test(kernelName)) {
    s.kernel.packages = kernelName;
    claim('kernel.packages', kernel);
  }
  for (const [field, path] of [['params', 'boot.kernelParams'], ['modules', 'boot.kernelModules'], ['blacklistedModules', 'boot.blacklistedKernelModules']] as const) {
    const l = get(path);
    const value = strList(l?.inner);
    if (ok(`kernel.${field}`) && value?.length) {
      s.kernel[field] = value;
      claim(`kernel.${field}`, l);
    }
  }
  return { spec: s, claims };
}

function packagesOf(leaf: Leaf | undefined): string[] {
  if (!leaf?.inner) return [];
  const names = packageList(leaf.inner, leaf.node.chain);
  return names && names.every((n) => ATTR_PATH.test(n)) ? names : [];
}
