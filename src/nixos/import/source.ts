import { indentColumns, tabWidth } from '../../nix/printer';
import { computeLineStarts, lineColumnAt } from '../../nix/syntax/lexer';

export interface Comment {
  start: number;
  end: number;
}

/** The input text with what copying pieces of it needs: lines, multi-line strings, comments. */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];
  private readonly root: unknown;
  /** Outermost string literals that span lines, sorted: their lines are never re-indented. Found on first use. */
  private strings: { start: number; end: number }[] | null = null;

  constructor(text: string, root: unknown) {
    this.text = text;
    this.root = root;
    this.lineStarts = computeLineStarts(text);
  }

  line(offset: number): number {
    return lineColumnAt(this.lineStarts, Math.max(0, offset)).line;
  }

  private insideString(offset: number): boolean {
    if (!this.strings) {
      const spans: { start: number; end: number }[] = [];
      collectStrings(this.root, this.text, spans);
      spans.sort((a, b) => a.start - b.start);
      this.strings = [];
      let reach = -1;
      for (const s of spans)
        if (s.start >= reach) {
          this.strings.push(s);
          reach = s.end;
        }
    }
    const strings = this.strings;
    let lo = 0;
    let hi = strings.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = strings[mid];
      if (offset <= s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Leading blanks of the line `offset` is on. */
  indentAt(offset: number): string {
    const start = this.lineStarts[this.line(offset) - 1];
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /**
   * The text from `start` to `end` with its continuation lines moved left by the indentation of
   * the line it starts on and then right by `extra` — except lines that begin inside a string
   * literal, whose text would change. Indentation is counted in columns (tabs as the printer
   * counts them, see tabWidth) and written with spaces.
   */
  slice(start: number, end: number, extra = ''): string {
    const body = this.text.slice(start, end);
    if (!body.includes('\n')) return body;
    const base = this.indentAt(start);
    const lines = body.split('\n');
    const outside: boolean[] = [];
    let offset = start + lines[0].length + 1;
    for (let i = 1; i < lines.length; i++) {
      outside[i] = !this.insideString(offset);
      offset += lines[i].length + 1;
    }
    const tab = tabWidth([base, ...lines.filter((_, i) => outside[i])]);
    const baseColumns = indentColumns(base, tab);
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (!outside[i]) continue;
      const columns = indentColumns(line, tab);
      lines[i] = line.trim() === '' ? '' : extra + ' '.repeat(Math.max(0, columns - baseColumns)) + line.replace(/^[ \t]+/, '');
    }
    return lines.join('\n');
  }

  /**
   * Comments between two bindings, `from` the end of one to the start of the next: the grammar
   * allows only blanks and comments there, so reading them needs no tokens.
   */
  commentsBetween(from: number, to: number): Comment[] {
    const out: Comment[] = [];
    const t = this.text;
    for (let i = Math.max(0, from); i < to; ) {
      const c = t[i];
      if (c === '#') {
        let j = t.indexOf('\n', i);
        if (j < 0 || j > to) j = to;
        out.push({ start: i, end: t[j - 1] === '\r' ? j - 1 : j });
        i = j;
      } else if (c === '/' && t[i + 1] === '*') {
        const j = t.indexOf('*/', i + 2);
        const end = j < 0 || j + 2 > to ? to : j + 2;
        out.push({ start: i, end });
        i = end;
      } else i++;
    }
    return out;
  }

  /** A comment right after `offset` on the same line (`x = 1; # why`). */
  trailingComment(offset: number): Comment | null {
    const t = this.text;
    let i = offset;
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (t[i] === '#') {
      const nl = t.slice(i).search(/[\r\n]/);
      return { start: i, end: nl < 0 ? t.length : i + nl };
    }
    if (t[i] === '/' && t[i + 1] === '*') {
      const close = t.indexOf('*/', i + 2);
      const end = close < 0 ? t.length : close + 2;
      return /[\n\r]/.test(t.slice(i, end)) ? null : { start: i, end };
    }
    return null;
  }
}

function collectStrings(node: unknown, text: string, out: { start: number; end: number }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectStrings(item, text, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as { type?: string; start?: number; end?: number };
  if (n.type === 'String' && n.start !== undefined && n.end !== undefined) {
    const nl = text.indexOf('\n', n.start);
    if (nl >= 0 && nl < n.end) out.push({ start: n.start, end: n.end });
  }
  for (const value of Object.values(node)) if (typeof value === 'object') collectStrings(value, text, out);
}
