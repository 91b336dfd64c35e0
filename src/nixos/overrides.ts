import { resolveDisplayManager } from '../model/desktop';
import type { Base, Gpu, Release, Specialisation } from '../model/types';
import { apply, bool, select, set, v, type Binding, type Expr } from '../nix/ast';
import { AUTOLOGIN_PREFIX, DESKTOP_RULES, DISPLAY_MANAGER_RULES, NVIDIA_OPEN, PRIME_EXTRAS, at } from './releases';

/**
 * Where a specialisation changes what its parent sets, NixOS sees two definitions of one option:
 * for a single value that is a conflict, for a list a merge, for two desktops two running
 * desktops. These are the overrides that make the specialisation's choice win: settings it
 * writes with `lib.mkForce`, and parent settings it turns off.
 */
export interface Overrides {
  /** Option path → why: the specialisation's own value for it is written with `lib.mkForce`. */
  force: Map<string, string>;
  /** Parent settings turned off (`lib.mkForce false`), each with a comment. */
  disable: Binding[];
  /** The NVIDIA driver must be written even when it is `stable` (the parent chose another). */
  writeDriver: boolean;
  /** `hardware.nvidia.open` must be written even before 24.11 (the parent sets it). */
  writeOpen: boolean;
  /** `defaultSession` must be written: the parent's autologin would start the parent's session. */
  writeSession: boolean;
}

const NONE: Overrides = { force: new Map(), disable: [], writeDriver: false, writeOpen: false, writeSession: false };

export const mkForce = (value: Expr): Expr => apply(select(v('lib'), ['mkForce']), value);

const isPrime = (g: Gpu) => g.mode === 'nvidia-offload' || g.mode === 'nvidia-sync' || g.mode === 'nvidia-reverse-sync';
const isNvidia = (g: Gpu) => g.mode.startsWith('nvidia');

const PRIME_LABEL: Record<string, string> = {
  'nvidia-offload': 'PRIME offload',
  'nvidia-sync': 'PRIME sync',
  'nvidia-reverse-sync': 'PRIME reverse sync',
};

/**
 * The overrides a specialisation needs on top of `base`; none for a separate system or an undescribed parent.
 * `parentOnly`: option paths the parent's configuration.nix sets for the parent entry only
 * (`lib.mkIf (config.specialisation != { })`, see nixos/patch), which need no override.
 */
export function parentOverrides(s: Specialisation, base: Base | null, release: Release, p: string, parentOnly?: ReadonlySet<string>): Overrides {
  if (!base || !s.inheritParentConfig) return NONE;
  const force = new Map<string, string>();
  const disable: Binding[] = [];
  const off = (path: string, source: string, comment: string) => {
    if (!parentOnly?.has(path)) disable.push(set(path, mkForce(bool(false)), [source], comment));
  };

  // Desktop and display manager.
  const env = s.desktop.environment;
  const baseEnv = base.desktop.environment;
  const envSrc = `${p}.desktop.environment`;
  const de = env === 'none' ? null : at(DESKTOP_RULES[env], release);
  const baseDe = baseEnv === 'none' ? null : at(DESKTOP_RULES[baseEnv], release);
  if (de && baseDe && env !== baseEnv)
    off(baseDe.enable, envSrc, `The parent runs ${baseDe.label}; this entry runs ${de.label} instead.`);
  const changesDm = env !== 'none' || s.desktop.displayManager !== 'auto';
  const dm = resolveDisplayManager(s.desktop);
  const baseDm = resolveDisplayManager(base.desktop);
  if (changesDm && baseDm && dm !== baseDm) {
    const baseRule = at(DISPLAY_MANAGER_RULES[baseDm], release);
    const rule = dm ? at(DISPLAY_MANAGER_RULES[dm], release) : null;
    if (baseRule)
      off(
        `${baseRule.path}.enable`,
        `${p}.desktop.displayManager`,
        rule
          ? `The parent's ${baseRule.label} would start too; this entry uses ${rule.label}.`
          : `The parent's ${baseRule.label} is not used in this entry.`,
      );
  }
  const prefix = at(AUTOLOGIN_PREFIX, release)!;
  if (s.desktop.autoLogin !== null && base.desktop.autoLogin !== null && s.desktop.autoLogin !== base.desktop.autoLogin)
    force.set(`${prefix}.autoLogin.user`, `The parent logs in ${base.desktop.autoLogin}; this entry logs in ${s.desktop.autoLogin}.`);
  // The parent's autologin also needs the session: left alone, it would name the parent's desktop.
  const writeSession = base.desktop.autoLogin !== null && de !== null && baseDe !== null && de.session !== baseDe.session;
  if (writeSession) force.set(`${prefix}.defaultSession`, `The parent's session is ${baseDe.session}.`);

  // boot.kernelPackages takes exactly one definition, even two equal ones are refused.
  if (s.kernel.packages !== null && base.kernel.packages !== null)
    force.set(
      'boot.kernelPackages',
      s.kernel.packages === base.kernel.packages
        ? 'The parent sets it too, and NixOS takes one definition only.'
        : `The parent uses ${base.kernel.packages}.`,
    );

  // GPU.
  const g = s.gpu;
  const bg = base.gpu;
  let writeDriver = false;
  let writeOpen = false;
  if (g.mode !== 'none' && bg.mode !== 'none') {
    // videoDrivers is a list: without mkForce the parent's drivers would be added to these.
    if (g.mode !== bg.mode || (g.mode === 'amd') !== (bg.mode === 'amd'))
      force.set('services.xserver.videoDrivers', "Replaces the parent's video drivers instead of adding to them.");
    if (isPrime(bg) && g.mode !== bg.mode) {
      const prime = 'hardware.nvidia.prime';
      const src = `${p}.gpu.mode`;
      const why = `The parent uses ${PRIME_LABEL[bg.mode]}; `;
      if (bg.mode === 'nvidia-sync') off(`${prime}.sync.enable`, src, `${why}it cannot run with ${g.mode === 'amd' ? 'another driver' : PRIME_LABEL[g.mode] ?? 'the NVIDIA GPU alone'}.`);
      if (bg.mode === 'nvidia-offload') {
        off(`${prime}.offload.enable`, src, `${why}this entry does not offload.`);
        if (at(PRIME_EXTRAS, release)!.offloadCmd && g.mode !== 'nvidia-reverse-sync')
          off(`${prime}.offload.enableOffloadCmd`, src, 'nvidia-offload needs PRIME offload or reverse sync.');
      }
      if (bg.mode === 'nvidia-reverse-sync') off(`${prime}.reverseSync.enable`, src, `${why}this entry does not use it.`);
    }
    if (isNvidia(g) && isNvidia(bg)) {
      if (g.driver !== bg.driver && bg.driver !== 'stable') writeDriver = true;
      // hardware.nvidia.package takes exactly one definition, even two equal ones are refused.
      if (bg.driver !== 'stable' && (g.driver !== 'stable' || writeDriver))
        force.set(
          'hardware.nvidia.package',
          g.driver === bg.driver ? 'The parent sets it too, and NixOS takes one definition only.' : `The parent uses the ${bg.driver} driver.`,
        );
      const open = at(NVIDIA_OPEN, release);
      const parentWritesOpen = open !== null && (open.explicit || bg.openKernelModule);
      if (open && parentWritesOpen && g.openKernelModule !== bg.openKernelModule) {
        writeOpen = true;
        force.set('hardware.nvidia.open', `The parent ${bg.openKernelModule ? 'uses' : 'does not use'} the open kernel module.`);
      }
      if (isPrime(g) && isPrime(bg))
        for (const field of ['nvidiaBusId', 'intelBusId', 'amdgpuBusId'] as const)
          if (g[field] !== null && bg[field] !== null && g[field] !== bg[field])
            force.set(`hardware.nvidia.prime.${field}`, `The parent's ${field} is ${bg[field]}.`);
    }
  }
  for (const path of parentOnly ?? []) force.delete(path);
  return { force, disable, writeDriver, writeOpen, writeSession };
}
