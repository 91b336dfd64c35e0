import { describe, expect, it } from 'vitest';
import { rawFreeVariables } from '../raw';
import { freeIdentifierUses } from './free-vars';
import { parseBindings } from './parse';

const uses = (text: string) => {
  const r = parseBindings(text);
  if (!r.ok) throw new Error(r.error.message);
  const { outside, underWith } = freeIdentifierUses(r.bindings);
  return { outside: [...outside].sort(), underWith: [...underWith].sort() };
};

describe('free identifiers, by where they are used', () => {
  it('tells names used outside every `with` from names only used under one', () => {
    expect(uses('a = with pkgs; [ steam lib.x ]; b = lib.mkForce 1;')).toEqual({ outside: ['lib', 'pkgs'], underWith: ['steam'] });
    expect(uses('a = with lib; mkIf config.x { }; b = let y = 1; in with z; y;')).toEqual({ outside: ['lib', 'z'], underWith: ['config', 'mkIf'] });
  });

  it('makes kept Nix under `with pkgs;` no module arguments, except the standard ones', () => {
    // `steam` as an argument would shadow pkgs.steam with a missing argument.
    expect([...rawFreeVariables('environment.systemPackages = with pkgs; [ steam ];')]).toEqual(['pkgs']);
    expect([...rawFreeVariables('x = with lib; mkIf config.a true;')].sort()).toEqual(['config', 'lib']);
  });
});
