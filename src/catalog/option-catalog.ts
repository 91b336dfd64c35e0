import { queryOptions } from '@tanstack/react-query';
import { RELEASES, type Release } from '../model/types';
import { TYPE_ATOMS } from '../nixos/options/type-grammar';
import type { ReleaseOptionCatalog } from '../nixos/options/types';
import { isRecord } from './fetch-catalog';

/**
 * The NixOS option catalog of one release (public/options/<release>.json, docs/option-catalog.md), fetched only when
 * asked for: nothing imports it at start-up, and each release is its own file and query.
 */
export async function fetchOptionCatalog(release: Release, signal?: AbortSignal): Promise<ReleaseOptionCatalog> {
  const file = `options/${release}.json`;
  const response = await fetch(`${import.meta.env.BASE_URL}${file}`, { signal });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const data: unknown = await response.json();
  if (!isOptionCatalog(data, release)) throw new Error(`${file} does not have the expected shape`);
  return data;
}

const str = (x: unknown): x is string => typeof x === 'string';
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every(str);
const isRelease = (x: unknown): x is Release => (RELEASES as readonly unknown[]).includes(x);
const TYPE_WORDS = new Set<string>([...TYPE_ATOMS, 'listOf', 'attrsOf', 'nullOr', 'either']);

function isRange(x: unknown): boolean {
  return isRecord(x) && isRelease(x.from) && (x.until === undefined || isRelease(x.until));
}

function isEntryBase(x: Record<string, unknown>, sources: number): boolean {
  return (
    isRange(x.releases) &&
    Number.isInteger(x.source) &&
    (x.source as number) >= 0 &&
    (x.source as number) < sources &&
    (x.unverified === undefined || (Array.isArray(x.unverified) && x.unverified.every(str)))
  );
}

/** Checks the shape of a release's catalog (not every fact): the lookups rely on paths, types and source indexes. */
export function isOptionCatalog(data: unknown, release: Release): data is ReleaseOptionCatalog {
  if (!isRecord(data) || data.format !== 1 || data.release !== release) return false;
  const { sources, options, renames } = data;
  if (!Array.isArray(sources) || !sources.every((s) => isRecord(s) && str(s.file) && (s.commit === null || str(s.commit)))) return false;
  if (!Array.isArray(options) || !Array.isArray(renames)) return false;
  const okOption = (o: unknown) =>
    isRecord(o) &&
    strings(o.path) &&
    str(o.type) &&
    o.type.split(' ').every((w) => TYPE_WORDS.has(w)) &&
    (o.enum === undefined || (Array.isArray(o.enum) && o.enum.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))) &&
    isEntryBase(o, sources.length);
  const okRename = (r: unknown) =>
    isRecord(r) &&
    strings(r.from) &&
    (r.to === null || strings(r.to)) &&
    (r.kind === 'renamed' || r.kind === 'removed') &&
    isEntryBase(r, sources.length);
  return options.every(okOption) && renames.every(okRename);
}

// Static files of this build: fetched once per release, never stale.
export const optionCatalogQuery = (release: Release) =>
  queryOptions({
    queryKey: ['catalog', 'options', release],
    queryFn: ({ signal }) => fetchOptionCatalog(release, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
