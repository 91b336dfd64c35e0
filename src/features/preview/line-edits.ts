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
