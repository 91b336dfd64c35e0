import { describe, expect, it } from 'vitest';
import { parseNix } from '../../nix/syntax/parse';
import { leavesOf, readConfigurationExpression } from './leaves';
import { locate } from './locate';

/** The leaves of the first specialisation of `text`, read with the text (canonical meanings of expressions). */
function leaves(text: string) {
  const parsed = parseNix(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const found = locate(parsed.ast).specialisations[0];
  const nodes = [...found.nodes, ...found.expressions.flatMap((x) => readConfigurationExpression(x)?.nodes ?? [])];
  return leavesOf(nodes, [], text);
}
const canonOf = (text: string) => Object.fromEntries(leaves(text).map((l) => [l.path.join('.'), l.canon]));

describe('canonical meanings of wrapped definitions', () => {
  it('compose lib.mkIf, lib.mkForce, lib.mkDefault and lib.mkOverride N, and compare equal however they are laid out', () => {
    const a = canonOf(`{ config, lib, ... }: { specialisation.s.configuration = {
      a = lib.mkIf (config.x.enable) (lib.mkForce true);
      b = lib.mkDefault "x";
      c = lib.mkOverride 60 [ 1 2 ];
      d = -5;
      e = builtins.length [ 1 2 ];
    }; }`);
    const b = canonOf(`{ config, lib, ... }: { specialisation.s.configuration = {
      a = lib.mkIf config.x.enable   # same condition
        (lib.mkForce (true));
      b = lib.mkDefault ("x");
      c = lib.mkOverride 60 [
        1
        2
      ];
      d = (-5);
      e = builtins.length   [ 1 2 ];
    }; }`);
    expect(a).toEqual(b);
    expect(a.a).toMatch(/^if:.*:force:true$/);
    expect(a.b).toBe('default:s:"x"');
    expect(a.c).toBe('override:60:[i:1,i:2]');
    expect(a.d).toBe('i:-5');
    expect(a.e).toMatch(/^e:/);
  });

  it('keeps a value or condition that uses a let name, a with or another wrapper unique to its place', () => {
    const l = leaves(`{ config, lib, pkgs, ... }: let on = true; in { specialisation.s.configuration = {
      a = lib.mkIf on true;
      b = on;
      c = with pkgs; [ hello ] ++ [ ];
      d = lib.mkBefore [ "x" ];
      e = lib.mkForce (lib.mkDefault 1);
    }; }`);
    for (const leaf of l.slice(0, 4)) expect(leaf.canon, leaf.path.join('.')).toMatch(/^(x|w):\d+$/);
    // mkDefault under mkForce is no row's priority; as text it is self-contained, so it means what its tokens say.
    expect(l[4].canon).toMatch(/^force:e:/);
    expect(l.map((x) => x.core === null)).toEqual([true, false, false, true, true]);
  });

  it('reads priority, override and condition for setting rows, and the comment above', () => {
    const [a, b] = leaves(`{ config, lib, ... }: { specialisation.s.configuration = {
      # why
      a = lib.mkIf (config.x.enable) (lib.mkOverride 40 "v");
      b = lib.mkForce 3;
    }; }`);
    expect([a.priority, a.overridePriority, a.condition, a.source, a.comment]).toEqual(['override', 40, 'config.x.enable', '"v"', 'why']);
    expect([b.priority, b.condition, b.source]).toEqual(['force', null, '3']);
  });
});
