/** Old lines `[oldStart, oldEnd)` are replaced by `lines` (0-based). */
export interface Hunk {
  oldStart: number;
  oldEnd: number;
  lines: string[];
}

/**
 * The changed regions between two line arrays (Myers' diff over what remains after the common
 * prefix and suffix). Past `maxEdits` differences it gives up and returns that middle as one hunk.
 */
export function diffLines(a: readonly string[], b: readonly string[], maxEdits = 2000): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const aMid = a.slice(pre, a.length - suf);
  const bMid = b.slice(pre, b.length - suf);
  if (aMid.length === 0 && bMid.length === 0) return [];
  if (aMid.length === 0 || bMid.length === 0) return [{ oldStart: pre, oldEnd: pre + aMid.length, lines: bMid }];
  const hunks = myers(aMid, bMid, maxEdits) ?? [{ oldStart: 0, oldEnd: aMid.length, lines: bMid }];
  return hunks.map((h) => ({ ...h, oldStart: h.oldStart + pre, oldEnd: h.oldEnd + pre }));
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number): Hunk[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, a, b, d);
    }
  }
  return null;
}

/** Walks the saved frontiers back from the end, marking deleted old lines and inserted new lines. */
function backtrack(
  trace: Int32Array[],
  offset: number,
  a: readonly string[],
  b: readonly string[],
  dEnd: number,
): Hunk[] {
  const deleted = new Set<number>();
  const inserted = new Set<number>();
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) inserted.add(prevY);
    else deleted.add(prevX);
    x = prevX;
    y = prevY;
  }
  return group(a.length, b, deleted, inserted);
}

function group(n: number, b: readonly string[], deleted: Set<number>, inserted: Set<number>): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < b.length) {
    if (!deleted.has(i) && !inserted.has(j)) {
      i++;
      j++;
      continue;
    }
    const hunk: Hunk = { oldStart: i, oldEnd: i, lines: [] };
    while (deleted.has(i) || inserted.has(j)) {
      if (deleted.has(i)) i++;
      else hunk.lines.push(b[j++]);
    }
    hunk.oldEnd = i;
    hunks.push(hunk);
  }
  return hunks;
}
