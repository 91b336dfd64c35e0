import { tokenize, type Token } from '../../nix/syntax/lexer';

export interface Closing {
  text: string;
  /** What was added, for the report: `};` before line 9, `];` at the end … */
  inserted: string[];
}

interface Open {
  kind: '{' | '[' | '(' | '${' | '"' | "''" | 'let';
  line: number;
  /** Indentation of the line the opener is on. */
  lineIndent: number;
  /** Indentation of the first line inside it; null until there is one. */
  blockIndent: number | null;
  /** Its value ends a binding, so its closer needs a `;`. */
  binding: boolean;
}

const CLOSER: Record<Open['kind'], string> = { '{': '}', '[': ']', '(': ')', '${': '}', '"': '"', "''": "''", let: '' };

/**
 * Closes what a truncated or hand-trimmed snippet left open — like the blog post's example, whose
 * closing braces were lost — using the token stream and the indentation: a block ends where a
 * line is indented less than the block's content and no deeper than the line that opened it.
 * Returns null when nothing is open or the text has other problems (a stray closer, a bad token).
 */
export function closeByIndentation(text: string, useIndentation = true): Closing | null {
  const tokens = tokenize(text).filter((t) => t.kind !== 'COMMENT');
  const stack: Open[] = [];
  const inserts: { at: number; text: string; where: string }[] = [];
  const lineIndent = new Map<number, number>();
  let previousLine = 0;
  const rootIsBindings = looksLikeBindings(tokens);
  const inBindings = () => {
    const top = stack[stack.length - 1];
    return top ? top.kind === '{' || top.kind === 'let' : rootIsBindings;
  };
  const close = (at: number, where: string, indent: number) => {
    const open = stack.pop()!;
    const closer = CLOSER[open.kind] + (open.binding ? ';' : '');
    inserts.push({ at, text: `${' '.repeat(indent)}${closer}\n`, where });
    return closer;
  };
  const inString = () => {
    const top = stack[stack.length - 1];
    return top?.kind === '"' || top?.kind === "''";
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'ERROR' || t.kind === 'CHAR') return null;
    if (t.kind === 'EOF') break;
    const first = t.line !== previousLine && !inString();
    if (t.line !== previousLine) lineIndent.set(t.line, t.column - 1);
    previousLine = t.line;
    if (first) {
      const indent = t.column - 1;
      for (;;) {
        const top = stack[stack.length - 1];
        if (!useIndentation || !top || top.kind === 'let' || top.line === t.line) break;
        if (top.blockIndent === null) {
          if (!isCloserOf(t, top)) top.blockIndent = indent;
          break;
        }
        if (indent < top.blockIndent && indent <= top.lineIndent && !isCloserOf(t, top))
          close(lineStart(text, t), `before line ${t.line}`, top.lineIndent);
        else break;
      }
    }
    if (t.kind === '"') {
      if (stack[stack.length - 1]?.kind === '"') stack.pop();
      else stack.push({ kind: '"', line: t.line, lineIndent: 0, blockIndent: null, binding: false });
      continue;
    }
    const opener = openerKind(t);
    if (opener) {
      const binding = opener === '"' || opener === "''" || opener === '${' ? false : inBindings() && endsBindingValue(tokens, i);
      stack.push({ kind: opener, line: t.line, lineIndent: lineIndent.get(t.line) ?? 0, blockIndent: null, binding });
      continue;
    }
    if (t.kind === 'in') {
      while (stack.length && stack[stack.length - 1].kind !== 'let') {
        if (inString()) return null;
        close(t.start, `before 'in' on line ${t.line}`, 0);
      }
      if (!stack.length) return null;
      stack.pop();
      continue;
    }
    const closes = closerKinds(t);
    if (!closes) continue;
    while (stack.length && !closes.includes(stack[stack.length - 1].kind)) {
      if (inString() || stack[stack.length - 1].kind === 'let') return null;
      close(t.start, `on line ${t.line}`, 0);
    }
    if (!stack.length) return null;
    stack.pop();
  }
  let tail = '';
  const atEnd: string[] = [];
  while (stack.length) {
    const top = stack.pop()!;
    if (top.kind === 'let') return null;
    const closer = CLOSER[top.kind] + (top.binding ? ';' : '');
    if (top.kind === '"' || top.kind === "''") tail += closer;
    else tail += `${tail === '' && text.endsWith('\n') ? '' : '\n'}${' '.repeat(top.lineIndent)}${closer}`;
    atEnd.push(`${closer} at the end`);
  }
  if (inserts.length === 0 && atEnd.length === 0) return null;
  let out = text;
  for (const ins of [...inserts].reverse()) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  out += tail;
  if (!out.endsWith('\n')) out += '\n';
  return {
    text: out,
    inserted: [...inserts.map((x) => `${x.text.trim()} ${x.where}`), ...atEnd],
  };
}

/** Where to put a closer for the line `t` starts: after the last line with text before it. */
function lineStart(text: string, t: Token): number {
  let at = t.start - (t.column - 1);
  for (;;) {
    const previous = text.lastIndexOf('\n', at - 2) + 1;
    if (at === 0 || text.slice(previous, at - 1).trim() !== '') return at;
    at = previous;
  }
}

function openerKind(t: Token): Open['kind'] | null {
  switch (t.kind) {
    case '{':
    case '[':
    case '(':
      return t.kind;
    case 'DOLLAR_CURLY':
      return '${';
    case 'IND_OPEN':
      return "''";
    case 'let':
      return 'let';
    default:
      return null;
  }
}

function closerKinds(t: Token): Open['kind'][] | null {
  switch (t.kind) {
    case '}':
      return ['{', '${'];
    case ']':
      return ['['];
    case ')':
      return ['('];
    case 'IND_CLOSE':
      return ["''"];
    default:
      return null;
  }
}

function isCloserOf(t: Token, open: Open): boolean {
  return closerKinds(t)?.includes(open.kind) ?? false;
}

/**
 * The opener begins (the last part of) a binding's value — `x = {`, `x = with pkgs; [`,
 * `x = { config, ... }: {`, `x = lib.mkIf c {` — so its closer needs a `;`.
 */
function endsBindingValue(tokens: Token[], i: number): boolean {
  let depth = 0;
  for (let j = i - 1; j >= 0; j--) {
    const k = tokens[j].kind;
    if (k === '}' || k === ']' || k === ')') depth++;
    else if (k === '{' || k === '[' || k === '(' || k === 'DOLLAR_CURLY') {
      if (depth-- === 0) return false;
    } else if (depth > 0) continue;
    else if (k === '=') return true;
    else if (k === ';') {
      let m = j - 1;
      while (m >= 0 && !STOP.has(tokens[m].kind)) m--;
      if (m < 0 || (tokens[m].kind !== 'with' && tokens[m].kind !== 'assert')) return false;
      j = m;
    } else if (k === 'in' || k === 'let' || k === 'then' || k === 'else') return false;
  }
  return false;
}
const STOP = new Set(['with', 'assert', '=', ';', '{', '[', '(', 'in']);

function looksLikeBindings(tokens: Token[]): boolean {
  const [a, b] = tokens;
  if (!a) return false;
  if (a.kind === 'inherit') return true;
  if (a.kind !== 'ID' && a.kind !== '"') return false;
  for (const t of tokens.slice(1)) {
    if (t.kind === '=') return true;
    if (t.kind !== '.' && t.kind !== 'ID' && t.kind !== '"' && t.kind !== 'STR') return false;
  }
  return b?.kind === '=';
}
