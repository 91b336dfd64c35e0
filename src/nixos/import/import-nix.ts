import { defaultSpecialisation } from '../../model/defaults';
import { DEFAULT_RELEASE, type Base, type Project, type Release, type Specialisation } from '../../model/types';
import { defaultProject } from '../../model/defaults';
import { grubIndex, menuIsKnown } from '../boot-menu';
import { DESKTOP_RULES, at, releaseLabel } from '../releases';
import type { AttrsExpr, Expr } from '../../nix/syntax/ast';
import { parseBindings, parseNix, type ParseError } from '../../nix/syntax/parse';
import { keptText, type Kept } from './kept';
import { leavesOf, readConfigurationExpression, type Leaf } from './leaves';
import { definesSpecialisations, locate, moduleBody, wrapperCall, type ConfigNode, type FoundSpecialisation, type Located } from './locate';
import { firstUndefinedVariable } from './undefined';
import { computeLineStarts, lineColumnAt, tokenize } from '../../nix/syntax/lexer';
import { isFormPath, mapConfiguration, type Mapping } from './map';
import { closeByIndentation } from './recover';
import { candidateReleases, constraintsOf, describeReleases, type Constraint } from './release-paths';
import type { ImportError } from './error';
import type { ImportReport, SettingReport, SpecialisationReport } from './report';
import { settingOf, settingUnit } from './interpret';
import { importItems } from './imports';
import { readBootOrder } from './boot-order';
import { nixEntries, withCondition } from './entries';
import { SourceText } from './source';
import { isArgument } from './scope';
import { attrPath } from '../../nix/strings';
import { own } from '../../model/own';
import { validate } from '../validate';
import { withoutCarriageReturns } from '../../nix/syntax/carriage-returns';
import { printBindings } from '../../nix/printer';
import { rawLayout } from '../../nix/raw';

export interface ImportOptions {
  /** Keep this release when the input allows it (the project's current release). */
  preferredRelease?: Release;
  /** Use exactly this release (Edit Nix: the release select stays the user's choice). */
  release?: Release;
  /** Longest input accepted, in characters. */
  maxLength?: number;
  /** Deepest nesting accepted. */
  maxDepth?: number;
  /** Offer to import what can be recovered from text that is not complete Nix (default true). */
  recover?: boolean;
  /**
   * The parent system the project describes (Edit Nix keeps it): the generator writes `lib.mkForce`
   * where the parent sets an option too, so reading those back needs it. Default: none.
   */
  base?: Base | null;
  /** The project's default boot entry, kept when the text cannot say (systemd-boot has no option for it). */
  defaultEntry?: string | null;
  /**
   * The project the text was generated from (Edit Nix): extra Nix that reads back as the same
   * text up to how the generator writes carriage returns keeps its bytes as they were, so an edit
   * elsewhere never rewrites it.
   */
  previous?: Project | null;
}

export const IMPORT_LIMITS = { maxLength: 2_000_000, maxDepth: 400 };

export { formatError, type ImportError } from './error';

export interface ImportSuccess {
  ok: true;
  project: Project;
  report: ImportReport;
}

export interface Recovery {
  /** The completed text that was imported. */
  text: string;
  /** What was added: `}; before line 9` … */
  inserted: string[];
  result: ImportSuccess;
}

export interface ImportFailure {
  ok: false;
  error: ImportError;
  /** What could be imported after closing what the text left open, if anything. */
  recovery: Recovery | null;
}

export type ImportResult = ImportSuccess | ImportFailure;

/**
 * Reads NixOS specialisations from Nix text — a whole configuration.nix, a module like the one
 * the generator writes, or bare bindings such as `specialisation = { … };` — into a project.
 * Reads syntax only (nothing is evaluated) and never throws: text that is not Nix gets a
 * line:column message and, when closing what it left open makes it Nix, a recovery to offer.
 */
export function importNix(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return run(text, options);
  } catch (e) {
    return fail(1, 1, `the importer failed on this text (${e instanceof Error ? e.message : String(e)})`);
  }
}

const fail = (line: number, column: number, message: string): ImportFailure => ({
  ok: false,
  error: { line, column, message },
  recovery: null,
});

function run(text: string, options: ImportOptions): ImportResult {
  const parsed = parseInput(text, options);
  if ('failure' in parsed) return parsed.failure;
  if ('parseError' in parsed) return failure(text, parsed.parseError, options);
  const undefinedVariable = parsed.root.start >= 0 && !isSnippet(parsed.root) ? firstUndefinedVariable(parsed.root) : null;
  if (undefinedVariable) {
    const { line, column } = lineColumnAt(computeLineStarts(text), undefinedVariable.offset);
    return fail(line, column, `undefined variable '${undefinedVariable.name}'`);
  }
  const result = read(text, parsed.root, options);
  // Edit Nix: a specialisation the text has but the project could not hold stays as it was.
  const lost = result.report.lost[0];
  if (options.previous && lost) return fail(lost.line, lost.column, lost.message);
  return { ok: true, ...result };
}

/**
 * A module's body without its function header — bare bindings, or a set that defines
 * specialisations with no function around it: a snippet to paste into a module, whose free names
 * are that module's arguments. Anything else is a file as Nix reads it, where they are errors.
 */
function isSnippet(root: Expr): boolean {
  const top = moduleBody(root);
  return top !== null && !top.chain.some((s) => s.kind === 'lambda') && definesSpecialisations(top.attrs);
}

/**
 * Puts back the previous extra Nix of each specialisation whose text only differs in what the
 * generator writes the same way: CRs, and indentation (tabs become spaces, see tabWidth).
 */
function keepUnchangedText(project: Project, previous: Project) {
  const before = new Map(previous.specialisations.map((s) => [s.name, s.extraConfig]));
  const printed = (text: string) => printBindings([{ type: 'raw', text }], '', rawLayout).text;
  project.specialisations = project.specialisations.map((s) => {
    const old = before.get(s.name);
    if (old === undefined || old === s.extraConfig || !/[\r\t]/.test(old)) return s;
    const same = withoutCarriageReturns(old) === withoutCarriageReturns(s.extraConfig) || printed(old) === printed(s.extraConfig);
    return same ? { ...s, extraConfig: old } : s;
  });
}

/**
 * The checks and parsing every reader of Nix text shares (limits, binary and JSON input, a whole
 * expression or bare bindings): the root expression, the failure to report, or the parse error
 * (where the text breaks; a caller may try to recover from it).
 */
export function parseInput(
  text: string,
  options: Pick<ImportOptions, 'maxLength' | 'maxDepth'> = {},
): { root: Expr } | { failure: ImportFailure } | { parseError: ParseError } {
  if (typeof text !== 'string') return { failure: fail(1, 1, 'the input is not text') };
  const maxLength = options.maxLength ?? IMPORT_LIMITS.maxLength;
  if (text.length > maxLength)
    return { failure: fail(1, 1, `the text is too long to import (${text.length.toLocaleString('en')} characters; the limit is ${maxLength.toLocaleString('en')})`) };
  const binary = binaryAt(text);
  if (binary !== null) {
    const before = text.slice(0, binary).split(/\r\n|\r|\n/);
    return { failure: fail(before.length, before[before.length - 1].length + 1, 'this is not text: it contains control characters, as a binary file does') };
  }
  const json = jsonKind(text);
  if (json) return { failure: fail(1, 1, json) };
  // Nix refuses a byte order mark ("syntax error, unexpected invalid token" at 1:1); say what it
  // is, as the character itself cannot be seen.
  if (text.charCodeAt(0) === 0xfeff)
    return { failure: fail(1, 1, 'the text starts with a byte order mark (U+FEFF), which Nix does not accept; save it as UTF-8 without one') };

  const parseOptions = { maxLength, maxDepth: options.maxDepth ?? IMPORT_LIMITS.maxDepth };
  const whole = parseNix(text, parseOptions);
  let root: Expr;
  if (whole.ok) root = whole.ast;
  else {
    const bare = parseBindings(text, parseOptions);
    if (!bare.ok) return { parseError: laterError(whole.error, bare.error) };
    const attrs: AttrsExpr = { type: 'Attrs', rec: false, bindings: bare.bindings, start: -1, end: text.length };
    root = attrs;
  }
  return { root };
}

/** The error of whichever reading (expression or bare bindings) got further: that is where the text really breaks. */
function laterError(a: ParseError, b: ParseError): ParseError {
  return b.offset > a.offset ? b : a;
}

function failure(text: string, error: ParseError, options: ImportOptions): ImportFailure {
  const out: ImportFailure = { ok: false, error: { line: error.line, column: error.column, message: error.message }, recovery: null };
  if (options.recover === false || /nested too deeply|too long/.test(error.message)) return out;
  const attempt = (candidate: string, dropped: string[]): boolean => {
    for (const useIndentation of [true, false]) {
      const closing = closeByIndentation(candidate, useIndentation);
      if (!closing) continue;
      const again = importNix(closing.text, { ...options, recover: false });
      if (again.ok && again.project.specialisations.length > 0) {
        const inserted = [...dropped, ...closing.inserted];
        again.report.recovered = `the text was not complete; ${dropped.length ? 'left out what it ends in the middle of and ' : ''}closed what it left open (${inserted.join(', ')})`;
        out.recovery = { text: closing.text, inserted, result: again };
        return true;
      }
    }
    return false;
  };
  if (attempt(text, [])) return out;
  // Cut in the middle of a binding (`hardware.nvidia.prime.enableOffl`): up to the last complete one.
  if (error.message.startsWith('unexpected end of input'))
    for (const cut of lastBindingEnds(text, error.offset)) {
      const rest = text.slice(cut).trim();
      const where = lineColumnAt(computeLineStarts(text), cut + text.slice(cut).search(/\S/)).line;
      const shown = rest.length > 40 ? `${rest.slice(0, 40).trimEnd()}…` : rest;
      if (attempt(text.slice(0, cut), [`left out the incomplete \`${shown.replace(/\s+/g, ' ')}\` from line ${where}`])) break;
    }
  return out;
}

/**
 * Where the last few complete bindings before `offset` end (after their `;`, or after the `{`
 * that opens a set), latest first: the text can be cut there and what it leaves open closed.
 */
function lastBindingEnds(text: string, offset: number): number[] {
  const ends: number[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'EOF' || t.start >= offset) break;
    if (t.kind === ';' || t.kind === '{') ends.push(t.end);
  }
  return ends.reverse().slice(0, 3);
}

/**
 * Where a binary file shows itself: a NUL (Nix stops reading there), or a start that is mostly
 * control characters. A few control characters are fine: Nix strings may hold them.
 */
function binaryAt(text: string): number | null {
  const nul = text.indexOf('\0');
  if (nul >= 0) return nul;
  const n = Math.min(text.length, 8192);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) {
      controls++;
      if (first < 0) first = i;
    }
  }
  return controls > 8 && controls > n / 20 ? first : null;
}

function jsonKind(text: string): string | null {
  if (!/^\s*[[{]/.test(text)) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (isObject && ('specialisations' in (data as object) || 'nixosRelease' in (data as object)))
    return 'this is a Specialisation Studio project file (JSON), not Nix: open it with Open… instead';
  if ((isObject && Object.keys(data as object).length > 0) || (Array.isArray(data) && data.length > 1))
    return 'this is JSON, not Nix';
  return null;
}

interface Prepared {
  found: FoundSpecialisation;
  inheritParentConfig: boolean;
  inheritNotes: string[];
  /** Settings from the literal configuration and from configuration functions that could be read. */
  nodes: ConfigNode[];
  /** Nodes that came from configuration expressions (function form …). */
  expressionNodes: Set<ConfigNode>;
  /** Expressions that could not be read at all. */
  opaque: FoundSpecialisation['expressions'];
  leaves: Leaf[];
  leavesByNode: Map<ConfigNode, Leaf[]>;
}

function prepare(found: FoundSpecialisation, text: string): Prepared {
  const nodes = [...found.nodes];
  const expressionNodes = new Set<ConfigNode>();
  const opaque: Prepared['opaque'] = [];
  for (const x of found.expressions) {
    const read = readConfigurationExpression(x);
    if (!read) {
      opaque.push(x);
      continue;
    }
    const all = (list: ConfigNode[]): ConfigNode[] => list.flatMap((n) => [n, ...all(n.children ?? [])]);
    all(read.nodes).forEach((n) => expressionNodes.add(n));
    nodes.push(...read.nodes);
  }
  const leaves = leavesOf(nodes, [], text);
  const leavesByNode = new Map<ConfigNode, Leaf[]>();
  for (const l of leaves) {
    const list = leavesByNode.get(l.node);
    if (list) list.push(l);
    else leavesByNode.set(l.node, [l]);
  }
  const inherit = readInheritParentConfig(found);
  return { found, inheritParentConfig: inherit.value, inheritNotes: inherit.notes, nodes, expressionNodes, opaque, leaves, leavesByNode };
}

function readInheritParentConfig(found: FoundSpecialisation): { value: boolean; notes: string[] } {
  const inherit = found.inheritParentConfig;
  if (!inherit) return { value: true, notes: [] };
  const notes: string[] = [];
  let v = inherit.value;
  const call = wrapperCall(v);
  if (call && /^mk(Force|Default|Override)$/.test(call.name)) {
    v = call.args[call.args.length - 1];
    notes.push(`inheritParentConfig was written with ${call.name}; the form has no priorities, so it is plain now.`);
  }
  while (v.type === 'Paren') v = v.expr;
  if (v.type === 'Ident' && (v.name === 'false' || v.name === 'true')) return { value: v.name === 'true', notes };
  return { value: true, notes: [...notes, 'inheritParentConfig is computed, so it could not be read; it is true (the default) now.'] };
}

function read(text: string, root: Expr, options: ImportOptions, readOrder = true): { project: Project; report: ImportReport } {
  const lineStarts = computeLineStarts(text);
  const located = locate(root, (offset) => lineColumnAt(lineStarts, offset).line);
  const prepared = located.specialisations.map((f) => prepare(f, text));
  const constraints = constraintsOf(prepared.flatMap((p) => p.leaves));
  const { releases, satisfiesAll } = options.release
    ? { releases: [options.release], satisfiesAll: constraints.every((c) => c.releases.includes(options.release!)) }
    : candidateReleases(constraints, options.preferredRelease);

  const tried: { release: Release; mappings: Mapping[]; score: number }[] = [];
  for (const release of releases) {
    const mappings = prepared.map((p) =>
      mapConfiguration(p.leaves, release, { name: p.found.name, inheritParentConfig: p.inheritParentConfig, base: options.base ?? null }),
    );
    tried.push({ release, mappings, score: mappings.reduce((n, m) => n + m.score, 0) });
    if (tried[tried.length - 1].score === 0) break;
  }
  const best = tried.reduce((a, b) => (b.score < a.score ? b : a));
  const release = best.release;

  const src = new SourceText(text, root);
  const reports: SpecialisationReport[] = [];
  // The menu order, from the sort keys the module writes: they leave the kept Nix.
  const shell = { ...defaultProject(release), base: options.base ?? null, specialisations: prepared.map((p) => defaultSpecialisation(p.found.name)) };
  const order = readOrder ? readBootOrder(located.parentSortKey, prepared.map((p) => ({ name: p.found.name, leaves: p.leaves })), shell) : null;
  const mappings = best.mappings.map((m, i) => {
    const l = order?.used.get(i);
    return l ? { ...m, consumed: new Set([...m.consumed, l]), claims: new Map([...m.claims, ['bootOrder', [l]]]) } : m;
  });
  const specialisations = prepared.map((p, i) => {
    const { spec, report } = withCondition(build(p, mappings[i], src, release), p.found, src, located);
    if (order?.used.has(i)) report.read.push(`its place in the menu (${order.order.indexOf(p.found.name) + 1} of ${order.order.length})`);
    reports.push(report);
    return spec;
  });
  const project: Project = {
    ...defaultProject(release),
    base: options.base ?? null,
    defaultEntry: defaultEntryOf(located, specialisations, options),
    bootOrder: order?.order ?? [],
    specialisations,
  };
  ensureValid(project, prepared, src, reports);
  // A specialisation the form could not hold is kept whole, its sort key with it: read again without the order.
  if (order && project.specialisations.some((s) => s.extraConfig.includes('systemd-boot.sortKey'))) return read(text, root, options, false);
  // Entries with computed names, kept as Nix entries, in their place in the text.
  const starts = prepared.map((p) => p.found.start);
  for (const e of nixEntries(located, src, new Set(project.specialisations.map((s) => s.name)), options.previous)) {
    const at = starts.findIndex((s) => s > e.start);
    const i = at < 0 ? starts.length : at;
    starts.splice(i, 0, e.start);
    project.specialisations.splice(i, 0, e.spec);
    reports.splice(i, 0, e.report);
  }
  if (options.previous) keepUnchangedText(project, options.previous);

  const notes = [...located.notes];
  if (text.trim() === '') notes.push('The text is empty: there was nothing to import.');
  if (reports.some((r) => r.keptRelativePaths))
    notes.push('Kept Nix, setting rows or imports contain relative paths (./…): they are resolved from the folder of the generated file, so put it next to your configuration.nix.');
  return {
    project,
    report: {
      release,
      releaseReason: releaseReason(release, constraints, satisfiesAll, tried, options),
      specialisations: reports,
      leftOut: located.leftOut.filter(
        (l) => !(l === 'boot.loader.grub.default' && project.defaultEntry !== null && options.base?.bootloader === 'grub') && !(l === 'boot.loader.systemd-boot.sortKey' && order),
      ),
      notes,
      recovered: null,
      lost: located.lost.map((l) => ({ ...lineColumnAt(lineStarts, l.start), message: l.message })),
    },
  };
}

function build(p: Prepared, mapping: Mapping, src: SourceText, release: Release): { spec: Specialisation; report: SpecialisationReport } {
  const { found } = p;
  const notes = [...found.problems];
  let model = mapping.spec;
  let consumed: ReadonlySet<Leaf> = mapping.consumed;
  let added = mapping.added;
  const under = (node: ConfigNode): Leaf[] => (node.children ? node.children.flatMap(under) : (p.leavesByNode.get(node) ?? []));
  const why = (node: ConfigNode) => whyKept(under(node));
  let kept: Kept = keptText(p.nodes, (n) => p.leavesByNode.get(n) ?? [], consumed, src, why, p.opaque);
  if (kept.unresolved.length && (p.expressionNodes.size > 0 || p.opaque.length > 0)) {
    // The configuration function's own names (`args@…`, defaults) cannot be reproduced: keep it whole.
    model = { ...defaultSpecialisation(found.name), inheritParentConfig: p.inheritParentConfig };
    consumed = new Set();
    added = [];
    const literal = p.nodes.filter((n) => !p.expressionNodes.has(n));
    kept = keptText(literal, (n) => p.leavesByNode.get(n) ?? [], consumed, src, why, found.expressions);
    notes.push(`Its configuration function uses ${kept.unresolved.length ? kept.unresolved.join(', ') : 'names'} the generated module cannot give it, so the whole configuration was kept as Nix.`);
  } else if (kept.unresolved.length)
    notes.push(`Kept Nix refers to ${kept.unresolved.join(', ')}, which the generated module does not have; check it.`);
  notes.push(...kept.notes, ...p.inheritNotes);
  const parentConfig = [...consumed].find(
    (l) =>
      (l.innerCanon.startsWith('c:') || /\bconfig\b/.test(`${l.source ?? ''} ${l.condition ?? ''}`)) && isArgument(l.node.chain, 'config') === 'parent',
  );
  if (parentConfig)
    notes.push(
      `${attrPath(parentConfig.path)} read \`config\` of the parent system; the generated configuration is a function with the specialisation's own \`config\`, so it follows this specialisation's kernel.`,
    );
  for (const [unit, reason] of mapping.blocked) if (model === mapping.spec) notes.push(`${capitalise(unitLabel(unit))} stays Nix: ${reason}.`);
  const spec: Specialisation = { ...model, name: found.name, inheritParentConfig: p.inheritParentConfig, extraConfig: kept.text };
  // In the kept text itself: a `let` binding or a helper's argument carried along may hold one.
  const keptTree = kept.text.includes('./') ? parseBindings(kept.text) : null;
  // Setting rows too: a path row, or a nix row with a path in it (`imports = [ ./gaming.nix ]`).
  const rowRelativePath =
    spec.settings.some((r) => (r.type === 'path' || r.type === 'nix') && /(^|[\s[(])\.\.?\//.test(r.value)) || spec.imports.some((x) => /(^|[\s[(])\.\.?\//.test(x));
  const keptRelativePaths = (keptTree?.ok === true && hasRelativePath(keptTree.bindings)) || rowRelativePath;
  return {
    spec,
    report: {
      name: found.name,
      line: src.line(found.start),
      read: readSummary(spec, release),
      kept: kept.items,
      settings: settingsReport(p, mapping, consumed, src),
      added: added.map((a) => ({ path: a.path.join('.'), text: a.text, why: a.units.length ? `for ${unitLabel(a.units[0])}` : 'written by the form' })),
      notes,
      keptRelativePaths,
    },
  };
}

/** A path literal relative to the file (`./x.nix`) somewhere in `e`. */
function hasRelativePath(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasRelativePath);
  if (typeof node !== 'object' || node === null) return false;
  const n = node as { type?: string; parts?: { type: string; value?: string }[] };
  if (n.type === 'Path' && n.parts?.[0]?.type === 'Text' && /^\.\.?\//.test(n.parts[0].value ?? '')) return true;
  return Object.values(node).some((v) => typeof v === 'object' && hasRelativePath(v));
}

/**
 * Last line of defence: kept Nix must be valid bindings (the oracle already keeps it from
 * clashing with what the form writes), and the form's checks must find no error (the mapping
 * already leaves settings they refuse as Nix); a specialisation for which either fails is kept
 * as Nix whole.
 */
function ensureValid(project: Project, prepared: Prepared[], src: SourceText, reports: SpecialisationReport[]): void {
  // One parse for all of them; one by one only when that fails.
  const allParse = parseNix(`[\n${project.specialisations.map((s) => `{\n${s.extraConfig}\n}`).join('\n')}\n]`).ok;
  const refused = new Set<number>();
  for (const d of validate(project))
    if (d.severity === 'error') {
      // A name the project calls unsafe is the entry's identity: it is kept, and the form says so.
      const i = /^specialisations\[(\d+)\](\.name$)?/.exec(d.path);
      if (i && !i[2]) refused.add(Number(i[1]));
    }
  if (allParse && refused.size === 0) return;
  project.specialisations.forEach((s, i) => {
    if (!refused.has(i) && (allParse || parseBindings(s.extraConfig).ok)) return;
    const p = prepared[i];
    const kept = keptText(
      p.nodes.filter((n) => !p.expressionNodes.has(n)),
      (n) => p.leavesByNode.get(n) ?? [],
      new Set(),
      src,
      () => undefined,
      p.found.expressions,
    );
    project.specialisations[i] = { ...defaultSpecialisation(s.name), inheritParentConfig: s.inheritParentConfig, fromParent: { hardwareConfiguration: false, bootloader: false }, extraConfig: kept.text };
    const whole = 'the form could not hold the specialisation without changing it, so all of it was kept as Nix';
    const settings = reports[i].settings.map((x) => ({ ...x, to: 'nix' as const, why: x.why ?? whole }));
    reports[i] = { ...reports[i], read: [], kept: kept.items, settings, added: [], notes: [...reports[i].notes, 'The form could not hold its settings without changing them, so all of it was kept as Nix.'] };
  });
}

/**
 * The default boot entry: with GRUB the module sets `boot.loader.grub.default` to the entry's place
 * in the menu; otherwise the text cannot say, so the project's choice stays if the entry still exists.
 */
function defaultEntryOf(located: Located, specs: Specialisation[], options: ImportOptions): string | null {
  const base = options.base ?? null;
  const project = { ...defaultProject(), base, specialisations: specs };
  // With Nix entries or conditions the generator writes no GRUB default (boot-menu.ts): the project's choice stays.
  if (base?.bootloader === 'grub' && located.nixEntries.length === 0 && menuIsKnown(project)) {
    const index = located.grubDefault;
    return index === null ? null : (specs.find((s) => grubIndex(project, s.name) === index)?.name ?? null);
  }
  const wanted = options.defaultEntry ?? null;
  return wanted !== null && specs.some((s) => s.name === wanted) ? wanted : null;
}

/** Where each definition of the input went: a form field, a typed row, or kept Nix and why. */
function settingsReport(p: Prepared, mapping: Mapping, consumed: ReadonlySet<Leaf>, src: SourceText): SettingReport[] {
  const unitOfLeaf = new Map<Leaf, string>();
  for (const [unit, leaves] of mapping.claims) for (const l of leaves) if (!unitOfLeaf.has(l)) unitOfLeaf.set(l, unit);
  // A configuration that is not an attribute set (`profile "x" { … }`, `lib.mkMerge [ … ]`) is kept whole: one setting of Nix.
  const opaque = p.opaque.map(
    (x): SettingReport => ({ path: 'configuration', line: src.line(x.expr.start), to: 'nix', why: 'the configuration is computed (a function call, lib.mkMerge …), so it is kept whole' }),
  );
  return [...opaque, ...p.leaves.map((l): SettingReport => {
    const path = attrPath(l.path) + (l.dynamic ? '.${…}' : '');
    const line = src.line(l.node.binding.start);
    const unitRead = unitOfLeaf.get(l);
    if (consumed.has(l)) return unitRead?.startsWith('setting:') ? { path, line, to: 'row' } : { path, line, to: 'field', ...(unitRead ? { field: unitRead } : {}) };
    const unit = unitOfLeaf.get(l) ?? settingUnit(l.path);
    return { path, line, to: 'nix', why: whyKept([l]) ?? mapping.blocked.get(unit) ?? 'the form writes this option itself' };
  })];
}

function whyKept(leaves: readonly Leaf[]): string | undefined {
  if (leaves.some((l) => l.dynamic)) return 'a computed attribute name';
  const imports = leaves.find((l) => l.path.length === 1 && l.path[0] === 'imports');
  const listed = imports ? importItems(imports) : null;
  if (listed && 'why' in listed) return listed.why;
  const wrapped = leaves.find((l) => l.wrapper && !l.core);
  if (wrapped) return `written with ${wrapped.wrapper} in a way a setting row cannot hold (a condition or value that uses names bound here, or another wrapper)`;
  if (leaves.some((l) => l.value === null)) return 'an inherit: its value is a name bound here';
  if (leaves.some((l) => l.core && !settingOf(l))) return 'its value uses a name bound here (a let, a with or a function argument), or interpolation of one';
  if (leaves.some((l) => !isFormPath(l.path) && (l.comment !== null || l.trailingComment)))
    return 'it has a comment, which a setting row has no place for';
  const known = leaves.find((l) => isFormPath(l.path));
  if (known?.inner && isEmptyList(known.inner)) return 'an empty list, for which the form writes nothing';
  if (known) return 'the form cannot hold this value as written';
  return undefined;
}

function isEmptyList(e: Expr): boolean {
  while (e.type === 'Paren' || e.type === 'With') e = e.type === 'Paren' ? e.expr : e.body;
  return e.type === 'List' && e.elements.length === 0;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A form setting in words, for the report. */
export function unitLabel(unit: string): string {
  const user = /^user:(.*?)(?:#(\w+))?$/.exec(unit);
  if (user) {
    const fields: Record<string, string> = { uid: 'uid', description: 'description', extraGroups: 'groups', shell: 'login shell', hashedPassword: 'password hash', authorizedKeys: 'SSH keys' };
    return user[2] ? `the ${own(fields, user[2]) ?? user[2]} of user ${user[1]}` : `user ${user[1]}`;
  }
  const labels: Record<string, string> = {
    tags: 'the tags',
    desktop: 'the desktop',
    autoLogin: 'autologin',
    packages: 'the packages',
    gpu: 'the GPU setup',
    'gpu.driver': 'the NVIDIA driver',
    'gpu.openKernelModule': 'the open kernel module setting',
    'gpu.externalGpu': 'the external GPU setting',
    'gpu.thunderbolt': 'Thunderbolt',
    'kernel.packages': 'the kernel',
    'kernel.params': 'the kernel parameters',
    'kernel.modules': 'the kernel modules',
    'kernel.blacklistedModules': 'the blacklisted kernel modules',
    imports: 'the imports list',
    configurationName: 'the GRUB title',
    bootOrder: 'the menu order',
  };
  return own(labels, unit) ?? unit;
}

const GPU_LABELS: Record<string, string> = {
  nvidia: 'NVIDIA',
  'nvidia-offload': 'NVIDIA PRIME offload',
  'nvidia-sync': 'NVIDIA PRIME sync',
  'nvidia-reverse-sync': 'NVIDIA PRIME reverse sync',
  amd: 'AMD',
};

function readSummary(s: Specialisation, release: Release): string[] {
  const out: string[] = [];
  if (!s.inheritParentConfig) out.push('a separate system (inheritParentConfig = false)');
  if (s.imports.length) out.push(`imports ${s.imports.map((x) => x.replace(/\s+/g, ' ')).join(', ')}`);
  if (s.tags.length) out.push(`tags ${s.tags.join(', ')}`);
  if (s.configurationName !== null) out.push(`GRUB title ${s.configurationName}`);
  for (const u of s.users) out.push(`user ${u.name}${u.uid !== null ? ` (uid ${u.uid})` : ''}`);
  const d = s.desktop;
  if (d.environment !== 'none' || d.displayManager !== 'auto') {
    const label = d.environment === 'none' ? 'no desktop' : (at(DESKTOP_RULES[d.environment], release)?.label ?? d.environment);
    const dm = d.displayManager === 'auto' ? '' : d.displayManager === 'none' ? ', no display manager' : `, ${d.displayManager}`;
    out.push(`desktop ${label}${dm}${d.autoLogin ? `, autologin ${d.autoLogin}` : ''}`);
  }
  if (s.packages.length) out.push(`${s.packages.length} ${s.packages.length === 1 ? 'package' : 'packages'}`);
  if (s.gpu.mode !== 'none') out.push(`GPU ${GPU_LABELS[s.gpu.mode]}${s.gpu.driver !== 'stable' ? ` (${s.gpu.driver} driver)` : ''}${s.gpu.externalGpu ? ', external' : ''}`);
  if (s.gpu.thunderbolt) out.push('Thunderbolt');
  const k = s.kernel;
  if (k.packages) out.push(`kernel ${k.packages}`);
  if (k.params.length) out.push(`kernel parameters ${k.params.join(' ')}`);
  if (k.modules.length) out.push(`kernel modules ${k.modules.join(', ')}`);
  if (k.blacklistedModules.length) out.push(`blacklisted modules ${k.blacklistedModules.join(', ')}`);
  const chosen = Object.entries(s.priorities).filter(([, v]) => v !== 'normal');
  if (chosen.length) out.push(`priorities ${chosen.map(([key, v]) => `${key} ${v === 'force' ? 'lib.mkForce' : 'lib.mkDefault'}`).join(', ')}`);
  if (s.settings.length) out.push(`${s.settings.length} setting ${s.settings.length === 1 ? 'row' : 'rows'}`);
  return out;
}

function releaseReason(
  release: Release,
  constraints: readonly Constraint[],
  satisfiesAll: boolean,
  tried: readonly { release: Release; score: number }[],
  options: ImportOptions,
): string {
  const r = releaseLabel(release);
  const paths = constraints.map((c) => `${c.label} (${describeReleases(c.releases)})`).join('; ');
  const missing = constraints.filter((c) => !c.releases.includes(release));
  if (options.release)
    return missing.length
      ? `It was asked for; these option paths of the input are written for other releases: ${missing.map((c) => `${c.label} (${describeReleases(c.releases)})`).join('; ')}.`
      : 'It was asked for, and every option path of the input exists there as written.';
  const which =
    release === options.preferredRelease ? "the project's current release" : release === DEFAULT_RELEASE ? 'the current stable release' : 'the newest of them';
  let reason: string;
  if (constraints.length === 0) reason = `No option path of the input depends on the release, so it targets ${which}.`;
  else if (satisfiesAll) {
    const all = constraints.reduce((acc, c) => acc.filter((x) => c.releases.includes(x)), [...constraints[0].releases]);
    reason = `Every release-dependent option path of the input exists as written in ${describeReleases(all)} — ${paths}. ${r} is ${which}.`;
  } else reason = `No release has every option path of the input as written (${paths}); ${r} has as many of them as any and reads the most into the form.`;
  const worse = tried.filter((t) => t.release !== release && t.score > (tried.find((x) => x.release === release)?.score ?? 0));
  if (worse.length)
    reason += ` ${worse.map((t) => releaseLabel(t.release)).join(', ')} would read less into the form or add settings.`;
  return reason;
}
