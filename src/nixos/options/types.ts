import type { Release } from '../../model/types';

/**
 * The option catalog's own vocabulary. See docs/option-catalog.md.
 *
 * A type is written in prefix notation without brackets: atoms `bool int float str path package enum submodule
 * attrs function other`, and the constructors `listOf T`, `attrsOf T` (also lazyAttrsOf), `nullOr T`, `either T U`
 * (oneOf is a chain of either). `enum` takes its values from the entry's `enum` list. Examples:
 * `listOf str`, `nullOr enum`, `attrsOf submodule`, `either int str`.
 */
export type TypeText = string;

export type EnumValue = string | number | boolean;

/** A literal default as JSON, or a marker for a default that is an expression (`pkgs.tlp`, `config.x`, …). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type DefaultValue = Json | { expr: true };

/** The releases that have the thing: `from` (22.05 means "22.05 or earlier") up to, not including, `until`. */
export interface ReleaseRange {
  from: Release;
  until?: Release;
}

/**
 * A nixpkgs file at a commit: where a fact was read. `commit` is null where the entry was not read in a stored copy
 * of the file (the file is where nixpkgs declares it); such entries list their facts under `unverified`.
 */
export interface SourceRef {
  file: string;
  commit: string | null;
}

/** Facts of an entry that were not read in nixpkgs but inferred or assumed; see docs/option-catalog.md. */
export type Unverified = 'from' | 'until' | 'type' | 'default' | 'enum';

/** One option, as held in src/nixos/options/data. `path` uses `<name>` for the keys of attrsOf submodule and `*` for list items. */
export interface OptionFact {
  path: string[];
  type: TypeText;
  enum?: EnumValue[];
  /** Absent: no default (the option must be set when used) or not recorded. */
  default?: DefaultValue;
  releases: ReleaseRange;
  source: SourceRef;
  unverified?: Unverified[];
}

/**
 * `renamed`: mkRenamedOptionModule (the old path still works, with a warning); `removed`: mkRemovedOptionModule
 * (evaluation fails). A rename of a whole attribute set (`from` a prefix) carries the rest of the path over.
 */
export interface RenameFact {
  from: string[];
  to: string[] | null;
  kind: 'renamed' | 'removed';
  releases: ReleaseRange;
  source: SourceRef;
  unverified?: Unverified[];
}

/** public/options/<release>.json. Entries point into `sources` by index. */
export interface ReleaseOptionCatalog {
  format: 1;
  release: Release;
  sources: SourceRef[];
  options: CatalogOption[];
  renames: CatalogRename[];
}

export interface CatalogOption {
  path: string[];
  type: TypeText;
  enum?: EnumValue[];
  default?: DefaultValue;
  releases: ReleaseRange;
  source: number;
  unverified?: Unverified[];
}

export interface CatalogRename {
  from: string[];
  to: string[] | null;
  kind: 'renamed' | 'removed';
  releases: ReleaseRange;
  source: number;
  unverified?: Unverified[];
}
