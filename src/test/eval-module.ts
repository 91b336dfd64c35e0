import type { Project } from '../model/types';
import { NVIDIA_DRIVERS } from '../model/types';
import { SHELL_PACKAGES } from '../nixos/releases';
import { nixEvalJson, nixOfJson, tempFile } from './nix';
import { own } from '../model/own';

/**
 * Stand-in `pkgs`: every attribute the project names is a string saying which attribute it is,
 * and a kernel package set carries its own `nvidiaPackages`, so a test can see which kernel a
 * driver was taken from.
 */
export function standInPkgs(projects: Project[]): Record<string, unknown> {
  // Without a prototype, so a package called `constructor` or `__proto__` is a key like any other.
  const pkgs: Record<string, unknown> = Object.create(null);
  const put = (path: string[], value: unknown) => {
    let node = pkgs;
    path.slice(0, -1).forEach((p) => {
      if (!Object.hasOwn(node, p) || typeof node[p] !== 'object' || node[p] === null) node[p] = Object.create(null);
      node = node[p] as Record<string, unknown>;
    });
    const last = path[path.length - 1];
    if (!Object.hasOwn(node, last)) node[last] = value;
  };
  const kernel = (name: string) => ({
    kernel: name,
    nvidiaPackages: Object.fromEntries(NVIDIA_DRIVERS.map((d) => [d, `nvidia-${d}@${name}`])),
  });
  put(['linuxPackages'], kernel('linuxPackages'));
  for (const project of projects)
    for (const s of project.specialisations) {
      for (const p of [...s.packages, ...s.settings.flatMap((r) => (r.type === 'packages' ? r.items : []))]) put(p.split('.'), `pkg:${p}`);
      for (const u of s.users) if (u.shell) put([own(SHELL_PACKAGES, u.shell) ?? u.shell], `pkg:${own(SHELL_PACKAGES, u.shell) ?? u.shell}`);
      if (s.kernel.packages) put([s.kernel.packages], kernel(s.kernel.packages));
    }
  return pkgs;
}

const STAND_IN_LIB = `{
  mkForce = x: { _type = "override"; priority = 50; content = x; };
  mkDefault = x: { _type = "override"; priority = 1000; content = x; };
  mkOverride = priority: x: { _type = "override"; inherit priority; content = x; };
  mkIf = cond: x: { _type = "if"; condition = cond; content = x; };
}`;

/**
 * Evaluates generated modules with real Nix, applied to stand-in `{ config, lib, pkgs }`; a
 * configuration written as a function gets its own config (its own kernel), as NixOS gives it.
 * Returns, per module, `specialisation` as JSON.
 */
export function evalModules(modules: { text: string; project: Project }[]): Record<string, { inheritParentConfig?: boolean; configuration: Record<string, unknown> }>[] {
  if (modules.length === 0) return [];
  // Each module gets stand-ins for its own project, so names cannot collide across projects.
  const items = modules
    .map((m, i) => `(evalOne ${nixOfJson(standInPkgs([m.project]))} (import ${tempFile(`module-${i}.nix`, m.text)}))`)
    .join('\n');
  const expr = `
    let
      lib = ${STAND_IN_LIB};
      # What NixOS's config holds for a definition: an mkForce wrapper resolved to its content.
      resolved = d: if d ? _type && d._type == "override" then d.content else d;
      own = pkgs: c:
        if builtins.isFunction c then
          let
            self = c { config = { boot.kernelPackages = resolved (self.boot.kernelPackages or pkgs.linuxPackages); }; inherit pkgs lib; };
          in self
        else c;
      evalOne = pkgs: m:
        let
          result = m { config = { boot.kernelPackages = pkgs.linuxPackages; }; inherit lib pkgs; options = { }; modulesPath = "/modules"; };
          # Paths would be copied to the store by toJSON: compare imports by file name.
          # A module given as a set stays one; a function is shown as "<function>".
          withNames = c: c // (if c ? imports then { imports = map (p: if builtins.isPath p then baseNameOf (toString p) else if builtins.isFunction p then "<function>" else p) c.imports; } else { });
        in builtins.mapAttrs (name: s: s // { configuration = withNames (own pkgs s.configuration); }) result.specialisation;
    in [ ${items} ]`;
  return nixEvalJson(expr) as ReturnType<typeof evalModules>;
}

/** Flattens nested sets into dotted option paths (`users.users.chani.uid`); lists and strings are leaves. */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if ('kernel' in value) out[prefix] = { kernel: value.kernel };
    else if ('_type' in value && 'content' in value) {
      // An mkForce/mkDefault wrapper is one definition: keep it whole, its content normalised.
      const content = flatten(value.content, '', {});
      out[prefix] = { ...value, content: '' in content ? content[''] : value.content };
    }
    else if (Object.keys(value).length === 0) out[prefix] = {};
    else for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}
