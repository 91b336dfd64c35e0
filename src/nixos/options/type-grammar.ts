import type { TypeText } from './types';

/** The parsed form of a catalog type (see types.ts). */
export type OptionType =
  | { kind: 'bool' | 'int' | 'float' | 'str' | 'path' | 'package' | 'enum' | 'submodule' | 'attrs' | 'function' | 'other' }
  | { kind: 'listOf' | 'attrsOf' | 'nullOr'; of: OptionType }
  | { kind: 'either'; of: [OptionType, OptionType] };

export const TYPE_ATOMS = ['bool', 'int', 'float', 'str', 'path', 'package', 'enum', 'submodule', 'attrs', 'function', 'other'] as const;
const UNARY = ['listOf', 'attrsOf', 'nullOr'] as const;

/** Parses a type text; throws on text outside the vocabulary (the data tests call it on every entry). */
export function parseType(text: TypeText): OptionType {
  const tokens = text.trim().split(/\s+/);
  let i = 0;
  const next = (): OptionType => {
    const token = tokens[i++];
    if (token === undefined) throw new Error(`type "${text}" ends early`);
    if ((TYPE_ATOMS as readonly string[]).includes(token)) return { kind: token as (typeof TYPE_ATOMS)[number] };
    if ((UNARY as readonly string[]).includes(token)) return { kind: token as (typeof UNARY)[number], of: next() };
    if (token === 'either') return { kind: 'either', of: [next(), next()] };
    throw new Error(`type "${text}": unknown word "${token}"`);
  };
  const type = next();
  if (i !== tokens.length) throw new Error(`type "${text}": extra words after position ${i}`);
  return type;
}

/** True when the type (at any depth) uses `enum`, so the entry must list its values. */
export function usesEnum(type: OptionType): boolean {
  if ('of' in type) return Array.isArray(type.of) ? type.of.some(usesEnum) : usesEnum(type.of);
  return type.kind === 'enum';
}
