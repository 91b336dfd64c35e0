/**
 * A NixSource `entry` (see eval-specialisations.ts) that resolves what NixOS's module system does
 * with conditions and merges around the `specialisation` set, so that entries written under
 * `config = lib.mkIf c { … }`, `specialisation.x = lib.mkIf c { … }` or
 * `specialisation = lib.mkMerge [ { … } (lib.genAttrs …) ]` compare by what they define: an entry
 * whose condition is false is not there; the definitions of one entry are merged. The module gets
 * the stand-in lib with genAttrs, mapAttrs, listToAttrs, nameValuePair and recursiveUpdate, and
 * `config` with `extraConfig` (Nix set text) on top of the stand-in parent's.
 */
export function entriesEntry(extraConfig = '{ }'): string {
  return `m0:
    let
      isType = t: x: builtins.isAttrs x && (x._type or "") == t;
      # The definitions a value stands for: none for a false mkIf, each of a mkMerge's.
      defs = x:
        if isType "if" x then (if x.condition then defs x.content else [ ])
        else if isType "merge" x then builtins.concatMap defs x.contents
        else [ x ];
      deepMerge = a: b:
        if builtins.isAttrs a && builtins.isAttrs b && !(a ? _type) && !(b ? _type) then
          a // builtins.mapAttrs (n: v: if a ? \${n} then deepMerge a.\${n} v else v) b
        else b;
      entries = sets: builtins.foldl' (acc: set:
        acc // builtins.mapAttrs (n: v: (acc.\${n} or [ ]) ++ defs v) set) { } sets;
      normalise = r:
        let
          tops = defs r;
          fromConfig = builtins.concatMap (t: if t ? config then defs t.config else [ ]) tops;
          specSets = builtins.concatMap (t: if t ? specialisation then defs t.specialisation else [ ]) (tops ++ fromConfig);
          byName = entries specSets;
          present = builtins.removeAttrs byName (builtins.filter (n: byName.\${n} == [ ]) (builtins.attrNames byName));
        in { specialisation = builtins.mapAttrs (n: ds: builtins.foldl' deepMerge { } ds) present; };
      extraLib = lib: lib // {
        genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
        mapAttrs = builtins.mapAttrs;
        elem = builtins.elem;
        listToAttrs = builtins.listToAttrs;
        nameValuePair = name: value: { inherit name value; };
        recursiveUpdate = deepMerge;
        mkEnableOption = d: { _type = "option"; description = d; };
        mkOption = o: { _type = "option"; } // o;
      };
      withArgs = a: a // { lib = extraLib a.lib; config = deepMerge a.config (${extraConfig}); };
    in if builtins.isFunction m0 then (a: normalise (m0 (withArgs a))) else normalise m0`;
}
