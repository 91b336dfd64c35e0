import type { Project } from '../../model/types';
import type { AttrsExpr, Expr, LambdaExpr } from '../../nix/syntax/ast';
import { computeLineStarts, lineColumnAt } from '../../nix/syntax/lexer';
import { parseInput } from '../import/import-nix';
import { moduleBody } from '../import/locate';
import { addToList } from './add-module';
import { argumentEdits, gateEdit, gateTarget } from './gate';
import { optionNames, parentLeaks, type Leak, type ModuleShape } from './leaks';
import { specialisationRemovals, type Refusal, type Removals } from './remove';
import { applyEdits, type TextEdit } from './text-edits';

export const DEFAULT_MODULE_FILE = './specialisations.nix';

export interface PatchOptions {
  /** How the file names the module: `./specialisations.nix` (a file name alone gets `./`). */
  moduleFile?: string;
  /** Parent settings (option paths, see parentLeaks) to set for the parent entry only instead of overriding them. */
  parentOnly?: ReadonlySet<string>;
}

export interface PatchProblem {
  line: number;
  column: number;
  message: string;
}

export interface PatchSuccess {
  ok: true;
  /** The patched file. */
  text: string;
  /** The edits made, by offsets in the original text. */
  edits: TextEdit[];
  /** What was done and what was left, one sentence each. */
  notes: string[];
  /** Parent settings that leak into the specialisations, with what the patch can do for each. */
  leaks: Leak[];
}

export type PatchResult = PatchSuccess | { ok: false; problem: PatchProblem };

/**
 * The module's file name as a Nix path literal: `specialisations.nix` → `./specialisations.nix`;
 * null when Nix cannot write it as one (spaces, quotes …).
 */
export function modulePath(file: string): string | null {
  const path = /^(\.{1,2}\/|\/)/.test(file) ? file : `./${file}`;
  return /^(\.{1,2})?(\/[A-Za-z0-9._+-]+)+$/.test(path) && !path.endsWith('/') && !/\/\.{1,2}$/.test(path) ? path : null;
}

/**
 * Patches a configuration.nix (or a flake.nix, or a flake's host module) so that it uses the
 * generated module: the module is added to `imports` (a flake: to `nixosSystem`'s `modules`), the
 * specialisation definitions the importer reads from the file are removed (the module holds them
 * now) and, per `parentOnly`, a parent setting is wrapped in `lib.mkIf (config.specialisation != { })`.
 * Edits source spans only: every other byte of the file stays as it was. Refuses, with the line
 * and column, what it cannot change safely. Never throws.
 */
export function patchConfiguration(text: string, project: Project, options: PatchOptions = {}): PatchResult {
  try {
    return run(text, project, options);
  } catch (e) {
    return { ok: false, problem: { line: 1, column: 1, message: `the patch failed on this text (${e instanceof Error ? e.message : String(e)})` } };
  }
}

/** What a patch needs of a file's module, or why the file is not one it can patch. */
export function moduleShape(root: Expr): ModuleShape | Refusal {
  if (root.start < 0) return { offset: 0, message: 'this is a snippet (bindings without a module around them), not a file to patch' };
  const body = moduleBody(root);
  if (!body) return { offset: root.start, message: 'this is not a NixOS module ({ config, pkgs, ... }: { … }) nor a flake, so there is no imports list to add to' };
  const flake = body.attrs.bindings.some((b) => b.type === 'AttrBinding' && b.path.length === 1 && b.path[0].name === 'outputs');
  return { attrs: body.attrs, lambda: flake ? null : topLambda(root), flake };
}

function topLambda(root: Expr): LambdaExpr | null {
  let e = root;
  while (e.type === 'Paren' || e.type === 'Assert') e = e.type === 'Paren' ? e.expr : e.body;
  return e.type === 'Lambda' ? e : null;
}

function run(text: string, project: Project, options: PatchOptions): PatchResult {
  const lineStarts = computeLineStarts(text);
  const problem = (offset: number, message: string): PatchResult => ({ ok: false, problem: { ...lineColumnAt(lineStarts, offset), message } });
  const file = options.moduleFile ?? DEFAULT_MODULE_FILE;
  const module = modulePath(file);
  if (!module) return { ok: false, problem: { line: 1, column: 1, message: `the module's file name ${JSON.stringify(file)} cannot be written as a Nix path (letters, digits and . _ + - only)` } };
  if (text.trim() === '') return problem(0, 'the text is empty: there is nothing to patch');
  const parsed = parseInput(text);
  if ('failure' in parsed) return { ok: false, problem: parsed.failure.error };
  if ('parseError' in parsed) return { ok: false, problem: parsed.parseError };
  const shape = moduleShape(parsed.root);
  if ('message' in shape) return problem(shape.offset, shape.message);

  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const removals = specialisationRemovals(text, parsed.root);
  if (removals.refusals.length) return problem(removals.refusals[0].offset, removals.refusals[0].message);
  edits.push(...removals.edits);
  const names = new Set(project.specialisations.map((s) => s.name));
  if (removals.removed.length) notes.push(`Removed the definitions of ${removals.removed.join(', ')}: the module defines the specialisations now.`);
  if (removals.inherited) notes.push('What `inherit` took the specialisations from (a let binding) stays in the file, unused now.');
  const gone = removals.removed.filter((n) => !names.has(n));
  if (gone.length) notes.push(`${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} in the file but not in the project: the patched file no longer has ${gone.length === 1 ? 'it' : 'them'}.`);
  for (const k of removals.kept) {
    const { line } = lineColumnAt(lineStarts, k.offset);
    notes.push(`Line ${line} stays: the import could not read that specialisation${k.message ? ` (${k.message})` : ''}.`);
  }

  const added = addModule(text, shape, module, removals);
  if ('refusal' in added) return problem(added.refusal.offset, added.refusal.message);
  if (added.edit) edits.push(added.edit);
  notes.push(added.note);

  const leaks = parentLeaks(project, shape);
  const gated = [...(options.parentOnly ?? [])].sort();
  if (gated.length) {
    for (const option of gated) {
      const leak = leaks.find((l) => l.option === option);
      if (!leak) return problem(0, `${option} is not a parent setting the specialisations override`);
      if (!leak.gate.ok) return problem(0, `${option} cannot be set for the parent only: ${leak.gate.why}`);
      const target = gateTarget(shape.attrs, shape.lambda, option, optionNames(option));
      if ('why' in target) return problem(0, target.why);
      edits.push(gateEdit(text, target.value));
    }
    const args = argumentEdits(text, shape.lambda!);
    if ('message' in args) return problem(args.offset, args.message);
    edits.push(...args);
    notes.push(`Set for the parent entry only (lib.mkIf (config.specialisation != { })): ${gated.join(', ')}.`);
  }
  return { ok: true, text: applyEdits(text, edits), edits, notes, leaks };
}

/** Where the module goes: the module's `imports`, or in a flake the `modules` of the nixosSystem that holds the specialisations. */
function addModule(text: string, shape: ModuleShape, module: string, removals: Removals): ReturnType<typeof addToList> {
  const removedAt = removals.at;
  if (!shape.flake) return addToList(text, shape.attrs, 'imports', module, removals.edits);
  const systems = nixosSystems(shape.attrs);
  if (systems.length === 0) return { refusal: { offset: shape.attrs.start, message: 'this flake has no nixosSystem { modules = [ … ]; } to add the module to' } };
  const holding = systems.filter((s) => removedAt.some((o) => o >= s.start && o < s.end));
  const chosen = holding.length === 1 ? holding[0] : systems.length === 1 ? systems[0] : null;
  if (!chosen)
    return {
      refusal: {
        offset: systems[1].start,
        message: `this flake has ${systems.length} nixosSystem calls and the specialisations do not tell which one is the host: add ${module} to its modules by hand`,
      },
    };
  return addToList(text, chosen, 'modules', module);
}

/** The argument sets of `….nixosSystem { … }` calls, in the order they are written. */
function nixosSystems(root: AttrsExpr): AttrsExpr[] {
  const out: AttrsExpr[] = [];
  const walk = (e: Expr, depth: number): void => {
    if (depth > 400) return;
    switch (e.type) {
      case 'Apply': {
        const fn = e.fn.type === 'Paren' ? e.fn.expr : e.fn;
        const name = fn.type === 'Ident' ? fn.name : fn.type === 'Select' ? fn.attrpath[fn.attrpath.length - 1].name : null;
        const arg = e.arg.type === 'Paren' ? e.arg.expr : e.arg;
        if (name === 'nixosSystem' && arg.type === 'Attrs') {
          out.push(arg);
          return;
        }
        walk(e.fn, depth + 1);
        return walk(e.arg, depth + 1);
      }
      case 'Paren':
        return walk(e.expr, depth + 1);
      case 'Lambda':
        return walk(e.body, depth + 1);
      case 'Let':
        e.bindings.forEach((b) => b.type === 'AttrBinding' && walk(b.value, depth + 1));
        return walk(e.body, depth + 1);
      case 'With':
      case 'Assert':
        return walk(e.body, depth + 1);
      case 'Attrs':
        return e.bindings.forEach((b) => b.type === 'AttrBinding' && walk(b.value, depth + 1));
      case 'List':
        return e.elements.forEach((x) => walk(x, depth + 1));
      case 'If':
        walk(e.then, depth + 1);
        return walk(e.else, depth + 1);
      case 'Binary':
        walk(e.left, depth + 1);
        return walk(e.right, depth + 1);
      default:
        return;
    }
  };
  walk(root, 0);
  return out;
}
