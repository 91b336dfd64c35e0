import type { Release } from '../../model/types';
import type { DefaultValue, EnumValue, OptionFact, RenameFact, SourceRef, TypeText, Unverified } from './types';

/** Helpers for writing the data files compactly. Paths are written dotted; a segment with a dot is quoted. */

export function splitPath(dotted: string): string[] {
  const parts: string[] = [];
  const re = /"([^"]*)"|([^.]+)/g;
  for (const m of dotted.matchAll(re)) parts.push(m[1] ?? m[2]);
  return parts;
}

export function joinPath(path: readonly string[]): string {
  return path.map((p) => (p.includes('.') || p === '' ? `"${p}"` : p)).join('.');
}

export const src = (file: string, commit: string | null = null): SourceRef => ({ file, commit });

/** What a row written from the module's known declaration, not re-read in a stored copy, leaves unverified. */
export const UNREAD: Unverified[] = ['from', 'type', 'default'];

export interface Extra {
  enum?: EnumValue[];
  from?: Release;
  until?: Release;
  unverified?: Unverified[];
  source?: SourceRef;
}

/** A row: type, then the default (`EXPR` for an expression, `NONE` for no default), then the rest. */
export type Row = readonly [TypeText] | readonly [TypeText, DefaultValue | typeof NONE] | readonly [TypeText, DefaultValue | typeof NONE, Extra];

export const EXPR: DefaultValue = { expr: true };
export const NONE = Symbol('no default');

export interface Group {
  source: SourceRef;
  /** First release of every row unless the row says otherwise (default 22.05). */
  from?: Release;
  until?: Release;
  /** Unverified facts of every row. */
  unverified?: Unverified[];
  /** Prefix of every row's path. */
  prefix?: string;
}

export function options(group: Group, rows: Record<string, Row>): OptionFact[] {
  return Object.entries(rows).map(([dotted, [type, def, extra = {}]]) => {
    const unverified = [...new Set([...(group.unverified ?? []), ...(extra.unverified ?? [])])];
    const until = extra.until ?? group.until;
    const fact: OptionFact = {
      path: splitPath(group.prefix ? `${group.prefix}.${dotted}` : dotted),
      type,
      releases: { from: extra.from ?? group.from ?? '22.05', ...(until ? { until } : {}) },
      source: extra.source ?? group.source,
    };
    if (extra.enum) fact.enum = extra.enum;
    if (def !== undefined && def !== NONE) fact.default = def as DefaultValue;
    if (unverified.length) fact.unverified = unverified;
    return fact;
  });
}

/** `[from, to (null: removed), first release with the rename or removal, extra]`. */
export type RenameRow = readonly [string, string | null, Release] | readonly [string, string | null, Release, Extra];

export function renames(group: Group, rows: readonly RenameRow[]): RenameFact[] {
  return rows.map(([from, to, release, extra = {}]) => {
    const unverified = [...new Set([...(group.unverified ?? []), ...(extra.unverified ?? [])])];
    const fact: RenameFact = {
      from: splitPath(from),
      to: to === null ? null : splitPath(to),
      kind: to === null ? 'removed' : 'renamed',
      releases: { from: release, ...(extra.until ? { until: extra.until } : {}) },
      source: extra.source ?? group.source,
    };
    if (unverified.length) fact.unverified = unverified;
    return fact;
  });
}
