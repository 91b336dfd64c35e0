import { breaksIn, partsChanged, type PrintedLines } from '../../nix/printer';
import { diffLines } from './line-diff';

/** A Monaco-shaped edit (1-based lines and columns, end exclusive) without depending on Monaco. */
export interface LineEdit {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  text: string;
}

/**
 * The edits that turn `oldText` into `newText`, one per changed block of lines, so a model updated
 * with them keeps its scroll position, folding and decorations on the lines that did not change.
 * Lines are split on `\n` as Monaco does for LF text; all ranges refer to `oldText`.
 */
export function lineEdits(oldText: string, newText: string): LineEdit[] {
  if (oldText === newText) return [];
  // A keystroke changes a line or two of a text of tens of thousands: split only the part between
  // the common start and end (whole lines), with one empty line standing for each common side.
  const c = commonPrefix(oldText, newText);
  // (lastIndexOf treats a negative start as 0, which would look at the first character.)
  const ls = c === 0 ? 0 : oldText.lastIndexOf('\n', c - 1) + 1;
  const d = commonSuffix(oldText, newText, Math.min(oldText.length, newText.length) - ls);
  let oldEnd = oldText.indexOf('\n', oldText.length - d);
  if (oldEnd === -1) oldEnd = oldText.length;
  const suffix = oldText.length - oldEnd;
  const before = ls > 0;
  const after = suffix > 0;
  const wrap = (middle: string) => `${before ? '\n' : ''}${middle}${after ? '\n' : ''}`;
  const edits = wholeLineEdits(wrap(oldText.slice(ls, oldEnd)), wrap(newText.slice(ls, newText.length - suffix)));
  if (!before) return edits;
  // Sub-text line 1 is the end of the prefix's last line; line j > 1 is line p + j - 1.
  let p = 0;
  for (let i = oldText.indexOf('\n'); i !== -1 && i < ls; i = oldText.indexOf('\n', i + 1)) p++;
  const lastPrefixLine = ls - 1 - (ls < 2 ? 0 : oldText.lastIndexOf('\n', ls - 2) + 1);
  const at = (line: number, column: number) => (line === 1 ? [p, column + lastPrefixLine] : [p + line - 1, column]);
  return edits.map(({ range: r, text }) => {
    const [startLineNumber, startColumn] = at(r.startLineNumber, r.startColumn);
    const [endLineNumber, endColumn] = at(r.endLineNumber, r.endColumn);
    return { range: { startLineNumber, startColumn, endLineNumber, endColumn }, text };
  });
}

const CHUNK = 4096;

/** Length of the common start of two strings (compared a chunk at a time, natively). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The edits between two texts, line by line (all ranges refer to `oldText`). */
function wholeLineEdits(oldText: string, newText: string): LineEdit[] {
  if (oldText === newText) return [];
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const endOf = (line: number) => a[line - 1].length + 1;
  const edits = diffLines(a, b).map(({ oldStart, oldEnd, lines }) => {
    const text = lines.join('\n');
    if (oldEnd > oldStart && lines.length > 0)
      return edit(oldStart + 1, 1, oldEnd, endOf(oldEnd), text);
    if (oldEnd > oldStart) {
      // Whole lines go: take the line break after them, or before them at the end of the text.
      if (oldEnd < a.length) return edit(oldStart + 1, 1, oldEnd + 1, 1, '');
      if (oldStart > 0) return edit(oldStart, endOf(oldStart), oldEnd, endOf(oldEnd), '');
      return edit(1, 1, oldEnd, endOf(oldEnd), '');
    }
    if (oldStart < a.length) return edit(oldStart + 1, 1, oldStart + 1, 1, `${text}\n`);
    return edit(a.length, endOf(a.length), a.length, endOf(a.length), `\n${text}`);
  });
  return joinTouching(edits);
}

/** An insertion before an empty last line and one after it land on the same spot: make them one edit. */
function joinTouching(edits: LineEdit[]): LineEdit[] {
  const out: LineEdit[] = [];
  for (const e of edits) {
    const last = out.at(-1);
    if (
      last &&
      last.range.endLineNumber === e.range.startLineNumber &&
      last.range.endColumn === e.range.startColumn
    ) {
      out[out.length - 1] = {
        range: { ...last.range, endLineNumber: e.range.endLineNumber, endColumn: e.range.endColumn },
        text: last.text + e.text,
      };
    } else out.push(e);
  }
  return out;
}

function edit(startLineNumber: number, startColumn: number, endLineNumber: number, endColumn: number, text: string): LineEdit {
  return { range: { startLineNumber, startColumn, endLineNumber, endColumn }, text };
}

/**
 * The edits from one generated module to the next, from the parts that differ (src/nix/printer.ts): the lines of
 * those parts are diffed as {@link lineEdits} diffs a text, and moved to where the parts start. One part of context
 * on each side keeps an inserted or removed part between whole lines.
 */
export function changedPartEdits(before: PrintedLines, after: PrintedLines): LineEdit[] {
  const a = before.parts;
  const b = after.parts;
  const changed = partsChanged(a, b);
  if (!changed) return [];
  let { start, line } = changed;
  if (start > 0) {
    start--;
    line -= breaksIn(a[start]) + 1;
  }
  const sameEnd = Math.max(0, changed.sameEnd - 1);
  const oldText = a.slice(start, a.length - sameEnd).join('\n');
  const newText = b.slice(start, b.length - sameEnd).join('\n');
  const shift = line - 1;
  return lineEdits(oldText, newText).map(({ range: r, text }) => ({
    range: { ...r, startLineNumber: r.startLineNumber + shift, endLineNumber: r.endLineNumber + shift },
    text,
  }));
}
