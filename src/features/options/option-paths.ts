import type { Setting, SettingType } from '../../model/types';
import { NAME, type Completion, type OptionIndex } from '../../nixos/options/lookup';
import { parseType, type OptionType } from '../../nixos/options/type-grammar';
import type { CatalogOption } from '../../nixos/options/types';
import { attrName } from '../../nix/strings';

/**
 * Option paths offered while typing, for the setting rows and the Nix editors (docs/option-catalog.md, "How it
 * is used"). Pure: the catalog comes from the caller.
 */

/** An option path as typed: names bare or quoted, `<name>` kept as the placeholder it is (not quoted). */
export function pathText(path: readonly string[]): string {
  return path.map((p) => (p === NAME ? NAME : attrName(p))).join('.');
}

/**
 * The catalog's paths that complete `prefix`, at most `limit`: those that can be written as an attribute path
 * (an item of a list of submodules, `swapDevices.*.size`, cannot).
 */
export function optionCompletions(index: OptionIndex, prefix: string, limit: number): Completion[] {
  return index
    .completions(prefix, limit * 2)
    .filter((c) => !c.path.includes('*'))
    .slice(0, limit);
}

/** Where the first `<name>` placeholder is in a path's text, to select it for the user to replace. */
export function placeholderRange(text: string): { start: number; end: number } | null {
  const start = text.indexOf(NAME);
  return start < 0 ? null : { start, end: start + NAME.length };
}

const unwrapNull = (t: OptionType): OptionType => (t.kind === 'nullOr' ? unwrapNull(t.of) : t);

/** The row type that holds a value of the option's type: bool, int, string, path, strings, packages, else nix. */
export function settingTypeFor(option: Pick<CatalogOption, 'type' | 'enum'>): SettingType {
  let t: OptionType;
  try {
    t = unwrapNull(parseType(option.type));
  } catch {
    return 'nix';
  }
  switch (t.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'str':
      return 'string';
    case 'path':
      return 'path';
    case 'enum': {
      const values = option.enum ?? [];
      if (values.length === 0 || values.some((v) => typeof v === 'string')) return 'string';
      if (values.some((v) => typeof v === 'number')) return 'int';
      return 'bool';
    }
    case 'listOf': {
      const item = unwrapNull(t.of).kind;
      return item === 'str' ? 'strings' : item === 'package' ? 'packages' : 'nix';
    }
    default:
      return 'nix';
  }
}

/** A row as Add setting makes it (boolean, true), not changed since: picking an option may give it the option's type. */
export function isFreshRow(row: Setting): boolean {
  return row.type === 'bool' && row.value === 'true' && row.items.length === 0;
}

/**
 * A fresh row given the option's type: its value starts from the option's literal default where it has one of
 * that kind, otherwise empty (a list: no items). A boolean row keeps `true`: it was added to turn something on.
 */
export function rowForOption(row: Setting, option: Pick<CatalogOption, 'type' | 'enum' | 'default'>): Setting {
  const type = settingTypeFor(option);
  if (type === 'bool') return row;
  const d = option.default;
  switch (type) {
    case 'int':
      return { ...row, type, value: typeof d === 'number' && Number.isInteger(d) ? String(d) : '' };
    case 'string':
    case 'path':
      return { ...row, type, value: typeof d === 'string' ? d : '' };
    case 'strings':
    case 'packages':
      return { ...row, type, value: '', items: type === 'strings' && Array.isArray(d) && d.every((x) => typeof x === 'string') ? (d as string[]) : [] };
    default:
      return { ...row, type, value: '' };
  }
}
