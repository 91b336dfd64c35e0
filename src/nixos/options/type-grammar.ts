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

const ATOM_WORDS: Record<(typeof TYPE_ATOMS)[number], [string, string]> = {
  bool: ['a boolean', 'booleans'],
  int: ['an integer', 'integers'],
  float: ['a floating-point number', 'floating-point numbers'],
  str: ['a string', 'strings'],
  path: ['a path', 'paths'],
  package: ['a package', 'packages'],
  enum: ['one of its values', 'values from its list'],
  submodule: ['a set of sub-options', 'sets of sub-options'],
  attrs: ['an attribute set', 'attribute sets'],
  function: ['a function', 'functions'],
  other: ['a value', 'values'],
};

/** A type in words: `listOf package` → "a list of packages", `nullOr str` → "a string or null". */
export function describeType(type: OptionType | TypeText, plural = false): string {
  const t = typeof type === 'string' ? parseType(type) : type;
  switch (t.kind) {
    case 'listOf':
      return `${plural ? 'lists' : 'a list'} of ${describeType(t.of, true)}`;
    case 'attrsOf':
      return `${plural ? 'attribute sets' : 'an attribute set'} of ${describeType(t.of, true)}`;
    case 'nullOr':
      return `${describeType(t.of, plural)} or null`;
    case 'either':
      return `${describeType(t.of[0], plural)} or ${describeType(t.of[1], plural)}`;
    default:
      return ATOM_WORDS[t.kind][plural ? 1 : 0];
  }
}
