import { defaultSpecialisation } from '../../model/defaults';
import type { Project, Specialisation } from '../../model/types';
import { attrPath } from '../../nix/strings';
import type { Expr } from '../../nix/syntax/ast';
import { keptExpression } from './kept';
import type { Condition, FoundNixEntry, FoundSpecialisation, Located } from './locate';
import type { SpecialisationReport } from './report';
import type { SourceText } from './source';

/**
 * What an entry of `specialisation` is besides its configuration: the `lib.mkIf` conditions it is
 * defined under, and entries with computed names, kept whole as Nix entries (see docs/import.md).
 */

/** The conditions as one Nix expression (`(a) && (b)`), each with the `let`s and `with`s it needs. */
export function conditionText(conditions: readonly Condition[], src: SourceText): { text: string | null; unresolved: string[] } {
  if (conditions.length === 0) return { text: null, unresolved: [] };
  // Read in the same scopes (the usual case): one `let` around `a && b`.
  const [first] = conditions;
  const sameScopes = conditions.every((c) => c.chain.length === first.chain.length && c.chain.every((x, i) => x === first.chain[i]));
  if (conditions.length > 1 && sameScopes) {
    const both = conditions.reduce((left: Expr, c): Expr => ({ type: 'Binary', op: '&&', left, right: c.expr, start: -1, end: -1 }) as Expr, conditions[0].expr);
    const text = conditions.map((c) => operand(c.expr, src)).join(' && ');
    const kept = keptExpression(both, first.chain, src, text);
    return { text: kept.text, unresolved: kept.unresolved };
  }
  const kept = conditions.map((c) => keptExpression(c.expr, c.chain, src));
  const unresolved = [...new Set(kept.flatMap((k) => k.unresolved))];
  const text = kept.length === 1 ? kept[0].text : kept.map((k) => `(${k.text})`).join(' && ');
  return { text, unresolved };
}

/** A condition as an operand of `&&`: in parentheses where it would not be one (`a || b`, `let`, `if` …). */
function operand(e: Expr, src: SourceText): string {
  const text = src.slice(e.start, e.end);
  const loose = e.type === 'If' || e.type === 'Let' || e.type === 'With' || e.type === 'Assert' || e.type === 'Lambda' || (e.type === 'Binary' && (e.op === '||' || e.op === '->'));
  return loose ? `(${text})` : text;
}

/** Options the file declares itself (`options.my.thing.enable = …`), which the generated module does not. */
const declaredOptions = (leftOut: readonly string[]) => leftOut.filter((l) => l === 'options' || l.startsWith('options.'));

/** The entry's condition, with notes on what it needs from the parent. */
export function withCondition(
  built: { spec: Specialisation; report: SpecialisationReport },
  found: FoundSpecialisation,
  src: SourceText,
  located: Located,
): { spec: Specialisation; report: SpecialisationReport } {
  if (found.conditions.length === 0 && !found.conditionsDiffer) return built;
  const line = src.line(found.conditions[0]?.expr.start ?? found.start);
  if (found.conditionsDiffer) {
    const message = `specialisation.${found.name} is defined under different conditions (lib.mkIf), which one condition of the entry cannot say, so its conditions were not imported.`;
    located.lost.push({ start: found.start, message });
    return { ...built, report: { ...built.report, notes: [...built.report.notes, message] } };
  }
  const { text, unresolved } = conditionText(found.conditions, src);
  const notes = [`It exists only when ${oneLine(text!)} (lib.mkIf, line ${line}): kept as its condition.`];
  if (unresolved.length) notes.push(`Its condition refers to ${unresolved.join(', ')}, which the generated module does not have; check it.`);
  const declared = declaredOptions(located.leftOut);
  if (declared.length && /\bconfig\b/.test(text!))
    notes.push(
      `The file declares options (${declared.slice(0, 3).join(', ')}), which were left out: the generated module does not declare them, so keep their declaration in your configuration for the condition to evaluate.`,
    );
  return { spec: { ...built.spec, condition: text }, report: { ...built.report, read: [...built.report.read, `only when ${oneLine(text!)}`], notes: [...built.report.notes, ...notes] } };
}

const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  return `\`${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}\``;
};

/**
 * The Nix entries as specialisations of the project, with their reports; labels avoid `taken`
 * names. Edit Nix (`previous`): an entry whose text is unchanged keeps the label it had.
 */
export function nixEntries(
  located: Located,
  src: SourceText,
  taken: Set<string>,
  previous?: Project | null,
): { spec: Specialisation; report: SpecialisationReport; start: number }[] {
  return located.nixEntries.map((e, i) => {
    const { text, unresolved } = entryText(e, src);
    const before = previous?.specialisations.find((s) => s.nixEntry === text && !taken.has(s.name));
    let label = before?.name ?? `nix-entry-${i + 1}`;
    for (let n = 2; taken.has(label); n++) label = `nix-entry-${i + 1}-${n}`;
    taken.add(label);
    const { text: condition, unresolved: inCondition } = conditionText(e.conditions, src);
    const line = src.line(e.start);
    const path = e.binding ? `specialisation.${e.binding.node.path[e.binding.from].name === null ? '${…}' : attrPath([e.binding.node.path[e.binding.from].name!])}` : 'specialisation';
    const why = `${e.pattern}: kept whole as a Nix entry, as the names of its entries are computed`;
    const notes = [`Kept as a Nix entry (line ${line}): ${e.pattern}; it is edited as Nix.`];
    if (condition !== null) notes.push(`It exists only when ${oneLine(condition)}: kept as its condition.`);
    const missing = [...new Set([...unresolved, ...inCondition])];
    if (missing.length) notes.push(`It refers to ${missing.join(', ')}, which the generated module does not have; check it.`);
    return {
      start: e.start,
      spec: { ...defaultSpecialisation(label), nixEntry: text, condition },
      report: { name: label, line, read: [], kept: [{ label: path, line, why }], added: [], notes, settings: [{ path, line, to: 'nix', why }] },
    };
  });
}

/** A Nix entry's expression: the computed set as written, or `{ … }` around an entry whose name is computed. */
function entryText(e: FoundNixEntry, src: SourceText): { text: string; unresolved: string[] } {
  if (e.inherit) {
    const { from, name } = e.inherit;
    const own = from ? `{ inherit (${src.slice(from.start, from.end)}) ${attrPath([name])}; }` : `{ inherit ${attrPath([name])}; }`;
    return keptExpression(from ?? e.expr, e.chain, src, own);
  }
  if (e.binding) {
    const { node, from } = e.binding;
    const own =
      node.start < 0
        ? `{\n  ${attrPath([node.path[0].name!])} = ${src.slice(node.value.start, node.value.end, '  ')};\n}`
        : `{\n  ${src.slice(node.path[from].start, node.end, '  ')}\n}`;
    return keptExpression(node.start < 0 ? node.value : [node], e.chain, src, own);
  }
  return keptExpression(e.expr, e.chain, src, e.range ? src.slice(e.range.start, e.range.end).trim() : undefined);
}
