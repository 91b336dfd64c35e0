/** A syntax error as reported by `rawCheck` (1-based line and column). */
export interface SyntaxError {
  line: number;
  column: number;
  message: string;
}

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

/**
 * Where to draw a syntax error in `text`: from its column to the end of the word there (at least
 * one character, so the squiggle shows even at the end of a line), clamped into the text.
 */
export function syntaxMarker(text: string, error: SyntaxError): MarkerRange {
  const lines = text.split('\n');
  const line = Math.min(Math.max(1, error.line), lines.length);
  const content = lines[line - 1];
  const column = Math.min(Math.max(1, error.column), content.length + 1);
  const word = /^[\w'-]+/.exec(content.slice(column - 1))?.[0].length ?? 0;
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + Math.max(1, word), message: error.message };
}
