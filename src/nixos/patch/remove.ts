import type { AttrsExpr, Binding, Expr } from '../../nix/syntax/ast';
import { findModules, locate, wrapperCall } from '../import/locate';
import { isBlankLine, lineAt, lineStart, nextLineStart, previousLineStart, type TextEdit } from './text-edits';

/** A place the patch cannot edit safely: where, and why. */
export interface Refusal {
  offset: number;
  message: string;
}

export interface Removals {
  edits: TextEdit[];
  /** Names of the specialisations whose definitions are removed. */
  removed: string[];
  /** Offsets of the definitions removed (to find the module they were in). */
  at: number[];
  /** Specialisations the import could not read: they stay in the file, with where they are. */
  kept: { offset: number; message: string }[];
  refusals: Refusal[];
  /** Some came in through `inherit`: the definitions they named are left where they are written. */
  inherited: boolean;
}

const WRAPPERS = new Set(['mkIf', 'mkMerge', 'mkDefault', 'mkForce', 'mkOverride']);
const unparen = (e: Expr): Expr => (e.type === 'Paren' ? unparen(e.expr) : e);

/** The attribute set a value is, through `lib.mkIf c { … }` and the like (one set: not `mkMerge`). */
function setOf(value: Expr): AttrsExpr | null {
  const v = unparen(value);
  if (v.type === 'Attrs') return v.rec ? null : v;
  const call = wrapperCall(v);
  if (!call || !WRAPPERS.has(call.name) || call.name === 'mkMerge') return null;
  return setOf(call.args[call.args.length - 1]);
}

/**
 * The edits that take out of the file every `specialisation` definition the importer reads from
 * it — `specialisation.x = …;`, `specialisation = { x = …; }`, `specialisation.x.configuration.y = …;`,
 * also under `config` — with their lines, the comment lines right above them and a set they empty.
 * A specialisation the importer could not read (a computed name or value) stays where it is.
 */
export function specialisationRemovals(text: string, root: Expr): Removals {
  const located = locate(root);
  const lost = located.lost.map((l) => l.start);
  const out: Removals = { edits: [], removed: [], at: [], kept: [], refusals: [], inherited: false };
  const read = new Set(located.specialisations.map((s) => s.name));
  // What the import did not read stays: one it could not read, or one it did not find at all.
  const holdsLost = (b: Binding) => lost.some((o) => o >= b.start && o < b.end);
  const unread = (names: readonly (string | null)[]) => names.some((n) => n === null || !read.has(n));
  // Entries the importer keeps whole as Nix (computed names, `lib.genAttrs`), where it has them: the module holds them too.
  const nixEntries = ((located as { nixEntries?: { start: number }[] }).nixEntries ?? []).map((e) => e.start);
  const holdsNixEntry = (b: Binding) => nixEntries.some((o) => o >= b.start && o < b.end);
  const ranges: { start: number; end: number }[] = [];
  const remove = (b: Binding, after: number, ...names: string[]) => {
    ranges.push(bindingLines(text, b, after));
    out.at.push(b.start);
    for (const name of names) if (!out.removed.includes(name)) out.removed.push(name);
  };
  const keep = (b: Binding) => out.kept.push({ offset: b.start, message: located.lost.find((l) => l.start >= b.start && l.start < b.end)?.message ?? '' });

  const visit = (attrs: AttrsExpr, prefix: (string | null)[]) => {
    let after = attrs.start + 1;
    for (const b of attrs.bindings) {
      const before = after;
      after = b.end;
      if (b.type === 'Inherit') {
        for (const n of b.names) {
          const full = [...prefix, n.name];
          const rel = full[0] === 'config' ? full.slice(1) : full;
          if (rel[0] === 'specialisation')
            out.refusals.push({ offset: n.start, message: 'a specialisation comes in through `inherit`: move its definition into the module by hand' });
        }
        continue;
      }
      const full = [...prefix, ...b.path.map((p) => p.name)];
      const rel = full[0] === 'config' ? full.slice(1) : full;
      if (rel.length === 0) {
        const inner = setOf(b.value);
        if (inner) visit(inner, full);
        continue;
      }
      if (rel[0] !== 'specialisation') continue;
      if (rel.length >= 2) {
        if (holdsNixEntry(b) && !holdsLost(b)) remove(b, before);
        else if (unread([rel[1]]) || holdsLost(b)) keep(b);
        else remove(b, before, rel[1]!);
        continue;
      }
      // `specialisation = { … };`: its entries one by one, or all of it when all of them go.
      const inner = setOf(b.value);
      if (!inner) {
        if (holdsNixEntry(b) && !holdsLost(b)) remove(b, before);
        else if (holdsLost(b) || located.specialisations.length === 0) keep(b);
        else
          out.refusals.push({
            offset: b.value.start,
            message: 'specialisation is defined by an expression (a name or a function call), not a set written here: move it into the module by hand',
          });
        continue;
      }
      const goes: { b: Binding; after: number; names: string[] }[] = [];
      let innerAfter = inner.start + 1;
      let stays = 0;
      for (const c of inner.bindings) {
        const cAfter = innerAfter;
        innerAfter = c.end;
        // `inherit (specs) a b;`: the names go; what they name stays where it is written (a `let`).
        const names = c.type === 'Inherit' ? c.names.map((n) => n.name) : [c.path[0].name];
        if (holdsNixEntry(c) && !holdsLost(c)) goes.push({ b: c, after: cAfter, names: [] });
        else if (unread(names) || holdsLost(c)) {
          keep(c);
          stays++;
        } else {
          goes.push({ b: c, after: cAfter, names: names as string[] });
          if (c.type === 'Inherit') out.inherited = true;
        }
      }
      if (stays === 0) remove(b, before, ...goes.flatMap((g) => g.names));
      else for (const g of goes) remove(g.b, g.after, ...g.names);
    }
  };
  for (const m of findModules(root)) visit(m.attrs, []);
  out.edits = mergeRanges(text, ranges);
  return out;
}

/**
 * The text a binding takes: its whole lines when nothing else is on them (with a comment after it
 * on its last line, and the comment lines right above it back to `after`), else its own span and
 * the blanks after it.
 */
function bindingLines(text: string, b: Binding, after: number): { start: number; end: number } {
  const from = lineStart(text, b.start);
  const alone = isBlankLine(text.slice(from, b.start));
  const rest = /^[ \t]*(?:#[^\r\n]*)?(?:\r\n|\n|\r|$)/.exec(text.slice(b.end));
  if (!alone || !rest) {
    const blanks = /^[ \t]*/.exec(text.slice(b.end))![0].length;
    return { start: b.start, end: b.end + blanks };
  }
  let start = from;
  // Comment lines right above (no blank line between) describe what is removed.
  while (start > 0) {
    const prev = previousLineStart(text, start);
    if (prev < after) break;
    if (!/^[ \t]*#/.test(lineAt(text, prev))) break;
    start = prev;
  }
  return { start, end: b.end + rest[0].length };
}

/**
 * Joins removals that touch, and keeps the blank lines tidy: a removal between two blank lines
 * takes one of them, and one right before a closing brace takes the blank line above it.
 */
function mergeRanges(text: string, ranges: { start: number; end: number }[]): TextEdit[] {
  const merged = union(ranges);
  for (const r of merged) {
    if (r.start !== lineStart(text, r.start) || r.end !== lineStart(text, r.end) || r.start === 0) continue;
    const prev = previousLineStart(text, r.start);
    if (!isBlankLine(lineAt(text, prev))) continue;
    const next = lineAt(text, r.end);
    if (r.end < text.length && isBlankLine(next)) r.end = nextLineStart(text, r.end);
    else if (/^[ \t]*[}\]]/.test(next)) r.start = prev;
  }
  return union(merged).map((r) => ({ ...r, text: '' }));
}

function union(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
