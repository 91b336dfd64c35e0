import { RELEASES, type Release } from '../../model/types';
import type { CatalogOption, CatalogRename, OptionFact, ReleaseOptionCatalog, ReleaseRange, RenameFact, SourceRef } from './types';

const index = (r: Release) => RELEASES.indexOf(r);

export function inRange(range: ReleaseRange, release: Release): boolean {
  return index(range.from) <= index(release) && (range.until === undefined || index(release) < index(range.until));
}

/** Segment-wise order of option paths; the lookup index relies on it. */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** The catalog of one release: the options that exist in it and the renames and removals in force, sorted. */
export function buildReleaseCatalog(release: Release, facts: readonly OptionFact[], renameFacts: readonly RenameFact[]): ReleaseOptionCatalog {
  const sources: SourceRef[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (s: SourceRef) => {
    const key = `${s.file}@${s.commit}`;
    let i = sourceIndex.get(key);
    if (i === undefined) {
      i = sources.push(s) - 1;
      sourceIndex.set(key, i);
    }
    return i;
  };
  const options: CatalogOption[] = facts
    .filter((f) => inRange(f.releases, release))
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(({ source, ...rest }) => ({ ...rest, source: sourceOf(source) }));
  const renames: CatalogRename[] = renameFacts
    .filter((f) => inRange(f.releases, release))
    .sort((a, b) => comparePaths(a.from, b.from))
    .map(({ source, ...rest }) => ({ ...rest, source: sourceOf(source) }));
  return { format: 1, release, sources, options, renames };
}

/** Compact JSON with one entry a line, so a change to the data shows as a readable diff. */
export function optionCatalogText(catalog: ReleaseOptionCatalog): string {
  const list = (items: readonly unknown[]) => (items.length ? `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]` : '[]');
  return (
    `{"format":${catalog.format},"release":${JSON.stringify(catalog.release)},\n` +
    `"sources":${list(catalog.sources)},\n"options":${list(catalog.options)},\n"renames":${list(catalog.renames)}}\n`
  );
}
