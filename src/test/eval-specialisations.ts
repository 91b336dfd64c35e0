import { tokenize } from '../nix/syntax/lexer';
import { nixEvalJson, nixOfJson, tempFile } from './nix';

export interface NixSource {
  text: string;
  /** Nix function from what the file evaluates to, to the module (e.g. a flake's module); default: the file is the module. */
  entry?: string;
  /** The text is bare bindings (`specialisation = { … };`), pasted into a module. */
  bare?: boolean;
}

export interface EvaluatedSpecialisation {
  inheritParentConfig: boolean;
  /** The configuration flattened to option paths; `lib.mkForce x` stays `{ _type = "override"; … }`. */
  options: Record<string, unknown>;
}

/**
 * Stand-in `pkgs` for a set of texts: every identifier they use is a package (`"pkg:<name>"`),
 * `pkgs.a.b` a nested one, and `linuxPackages*` a kernel package set with its own
 * `nvidiaPackages`, so that a test sees which kernel a driver is built for.
 */
export function standInPkgsFor(texts: readonly string[]): Record<string, unknown> {
  const paths: string[][] = [];
  for (const text of texts) {
    const tokens = tokenize(text).filter((t) => t.kind !== 'COMMENT');
    tokens.forEach((t, i) => {
      if (t.kind !== 'ID' || tokens[i - 1]?.kind === '.') return;
      const path = [t.value!];
      for (let j = i + 1; tokens[j]?.kind === '.' && tokens[j + 1]?.kind === 'ID'; j += 2) path.push(tokens[j + 1].value!);
      if (path[0] === 'pkgs') path.shift();
      if (path.length) paths.push(path);
    });
  }
  const kernel = (name: string) => ({
    kernel: name,
    nvidiaPackages: Object.fromEntries(
      ['stable', 'production', 'beta', 'latest', 'vulkan_beta', 'legacy_580', 'legacy_535', 'legacy_470', 'legacy_390'].map((d) => [d, `nvidia-${d}@${name}`]),
    ),
  });
  // Without a prototype, so a package called `constructor` or `__proto__` is a key like any other.
  const pkgs: Record<string, unknown> = Object.assign(Object.create(null), { linuxPackages: kernel('linuxPackages') });
  for (const path of paths.sort((a, b) => b.length - a.length)) {
    let node = pkgs;
    path.forEach((part, k) => {
      const last = k === path.length - 1;
      if (!Object.hasOwn(node, part)) node[part] = part.startsWith('linuxPackages') ? kernel(part) : last ? `pkg:${path.slice(0, k + 1).join('.')}` : Object.create(null);
      else if (!last && typeof node[part] !== 'object') node[part] = Object.create(null);
      if (!last) node = node[part] as Record<string, unknown>;
    });
  }
  return pkgs;
}

const STAND_IN_LIB = `rec {
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkForce = mkOverride 50;
  mkDefault = mkOverride 1000;
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  optional = c: x: if c then [ x ] else [ ];
  optionals = c: xs: if c then xs else [ ];
}`;

/**
 * Evaluates the `specialisation` option of modules with real Nix, applied to stand-in
 * `{ config, lib, pkgs }`. A configuration written as a function gets its own `config`: the
 * parent's, with the specialisation's own definitions on top (priorities resolved), as NixOS
 * gives it. Paths are compared by file name and functions by kind, since both cannot be JSON.
 */
export function evalSpecialisations(sources: readonly NixSource[]): Record<string, EvaluatedSpecialisation>[] {
  if (sources.length === 0) return [];
  const pkgs = nixOfJson(standInPkgsFor(sources.map((s) => s.text)));
  const items = sources
    .map((s, i) => {
      const text = s.bare ? `{ config, lib, pkgs, ... }:\n{\n${s.text}\n}\n` : s.text;
      return `(evalOne ((${s.entry ?? 'm: m'}) (import ${tempFile(`source-${i}.nix`, text)})))`;
    })
    .join('\n');
  const expr = `
    let
      pkgs = ${pkgs};
      lib = ${STAND_IN_LIB};
      parentConfig = {
        boot.kernelPackages = pkgs.linuxPackages;
        boot.isContainer = false;
        networking.hostName = "studio";
        virtualisation.docker.enable = true;
      };
      resolve = v:
        if builtins.isAttrs v then
          (if v ? _type && v._type == "override" then resolve v.content else builtins.mapAttrs (n: resolve) v)
        else v;
      merge = a: b:
        if builtins.isAttrs a && builtins.isAttrs b && !(b ? _type) && !(b ? kernel) then
          a // builtins.mapAttrs (n: v: if a ? \${n} then merge a.\${n} v else v) b
        else b;
      args = config: { inherit config lib pkgs; options = { }; modulesPath = "/modules"; };
      # A flake's inputs (specialArgs), for the modules that ask for them: imports of nixosModules.
      inputs = {
        nixos-hardware.nixosModules = { lenovo-thinkpad-x1-6th-gen = "module:x1"; common-gpu-nvidia = "module:nvidia"; };
        self.nixosModules.gaming = "module:gaming";
      };
      argsOf = m: config: args config // (if (builtins.functionArgs m) ? inputs then { inherit inputs; } else { });
      own = c:
        if builtins.isFunction c then
          let self = c (args (merge parentConfig (resolve self))); in self
        else c;
      sanitize = v:
        if builtins.isFunction v then "<function>"
        else if builtins.typeOf v == "path" then "path:" + baseNameOf v
        else if builtins.isList v then map sanitize v
        else if builtins.isAttrs v then builtins.mapAttrs (n: sanitize) v
        else v;
      evalOne = m:
        let result = (if builtins.isFunction m then m (argsOf m parentConfig) else m);
        in builtins.mapAttrs (name: s: {
          inheritParentConfig = s.inheritParentConfig or true;
          configuration = sanitize (own (s.configuration or { }));
        }) (result.specialisation or result.config.specialisation or { });
    in [ ${items} ]`;
  const raw = nixEvalJson(expr) as Record<string, { inheritParentConfig: boolean; configuration: unknown }>[];
  return raw.map((specs) =>
    Object.fromEntries(
      Object.entries(specs).map(([name, s]) => [name, { inheritParentConfig: s.inheritParentConfig, options: flattenOptions(s.configuration) }]),
    ),
  );
}

/** Nested sets to dotted option paths; lists, strings, overrides (`_type`) and kernel package sets are leaves. */
export function flattenOptions(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('_type' in value)) {
    if ('kernel' in value) out[prefix] = { kernel: value.kernel };
    else if (Object.keys(value).length === 0) out[prefix] = {};
    else for (const [k, v] of Object.entries(value)) flattenOptions(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
  return out;
}
