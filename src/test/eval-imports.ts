import { evalSpecialisations, type EvaluatedSpecialisation, type NixSource } from './eval-specialisations';

/**
 * A NixSource `entry` that makes a configuration's inline modules count as its own definitions:
 * `imports = [ (import ./x.nix args) ({ pkgs, ... }: { … }) ]` is merged into the configuration
 * (functions called with the configuration's module arguments), as NixOS's module system would;
 * paths in `imports` stay a list. The importer keeps a configuration it cannot read as such an
 * import, so the input (`configuration = import ./x.nix args;`) and the output compare equal.
 * `inner` is the source's own entry, applied first.
 */
export function expandingImports(inner = 'm: m'): string {
  return `m0:
    let
      m = (${inner}) m0;
      isModule = x: builtins.isAttrs x || builtins.isFunction x;
      merge = a: b:
        if builtins.isAttrs a && builtins.isAttrs b && !(a ? _type) && !(b ? _type) then
          a // builtins.mapAttrs (n: v: if a ? \${n} then merge a.\${n} v else v) b
        else b;
      expandSet = args: set:
        if !(builtins.isAttrs set) || !(set ? imports) || !(builtins.isList set.imports) then set
        else
          let
            modules = builtins.filter isModule set.imports;
            paths = builtins.filter (x: !(isModule x)) set.imports;
            rest = removeAttrs set [ "imports" ] // (if paths == [ ] then { } else { imports = paths; });
          in builtins.foldl' (acc: x: merge acc (expandSet args (if builtins.isFunction x then x args else x))) rest modules;
      expand = c: if builtins.isFunction c then (a: expandSet a (c a)) else (a: expandSet a c);
      fix = r:
        let specs = r.specialisation or r.config.specialisation or { };
        in { specialisation = builtins.mapAttrs (n: s: s // (if s ? configuration then { configuration = expand s.configuration; } else { })) specs; };
    in if builtins.isFunction m then (a: fix (m a)) else fix m`;
}

/** evalSpecialisations with inline modules in `imports` merged in (see expandingImports). */
export function evalWithImports(sources: readonly NixSource[]): Record<string, EvaluatedSpecialisation>[] {
  return evalSpecialisations(sources.map((s) => ({ ...s, entry: expandingImports(s.entry) })));
}
