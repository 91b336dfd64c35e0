/** Edits of a text by offsets, and what they need to know about its lines. */

/** Replace `[start, end)` of the original text with `text` (an insertion when start = end). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to the text they were computed on. Edits may touch but not overlap; an insertion
 * and a removal that start at one offset apply in that order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The line ending the text uses: CR LF when its first line break is one. */
export function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** One level of indentation: a tab when the text indents with tabs, else two spaces. */
export function indentUnit(text: string): string {
  const tabs = (text.match(/^\t/gm) ?? []).length;
  const spaces = (text.match(/^ {2}/gm) ?? []).length;
  return tabs > spaces ? '\t' : '  ';
}

export const lineStart = (text: string, offset: number): number => {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
};

/** The start of the line before the line that starts at `start`. */
export const previousLineStart = (text: string, start: number): number => {
  let i = start;
  if (text[i - 1] === '\n') i--;
  if (text[i - 1] === '\r') i--;
  return lineStart(text, i);
};

/** Offset just after the line break that ends the line of `offset` (or the text's end). */
export const nextLineStart = (text: string, offset: number): number => {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
};

/** The blanks before `offset` on its line, when nothing else is there; null otherwise. */
export function leadingBlank(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** The indentation of the line that holds `offset`. */
export function indentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

/** The whole line from `start` (a line start), without its line break. */
export const lineAt = (text: string, start: number): string => {
  const end = nextLineStart(text, start);
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
};

export const isBlankLine = (line: string) => /^[ \t]*$/.test(line);
