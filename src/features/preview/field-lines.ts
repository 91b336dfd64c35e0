export interface LineRange {
  start: number;
  end: number;
}

/** The part of the generator's source map this needs (`SourceMap` in src/nix/printer.ts). */
export interface RangesUnder {
  /** Ranges produced by a path and every path under it. */
  under(prefix: string): readonly LineRange[];
}

/**
 * The output lines produced by a field and everything under it, sorted and merged. A list item
 * with no lines of its own (`…extraGroups[2]`) falls back to its list's lines.
 */
export function linesForField(sourceMap: RangesUnder, path: string | null): LineRange[] {
  for (let p = path; p; p = withoutTrailingIndex(p)) {
    const ranges = sourceMap.under(p);
    if (ranges.length) return mergeRanges(ranges);
  }
  return [];
}

function withoutTrailingIndex(path: string): string | null {
  const m = /^(.+)\[\d+\]$/.exec(path);
  return m ? m[1] : null;
}

/** Sorts ranges and joins those that overlap or touch. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** True when some line of `ranges` is inside one of the `visible` ranges. */
export function anyVisible(ranges: readonly LineRange[], visible: readonly LineRange[]): boolean {
  return ranges.some((r) => visible.some((v) => r.start <= v.end && r.end >= v.start));
}
