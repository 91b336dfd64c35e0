import { projectSpec, type Spec } from './format';
import { isIntegerAsWritten, jsonErrorAt, parseJson, WrittenNumber } from './json-error';
import { FORMAT_VERSION, type Diagnostic, type Project } from './types';

export interface ReadResult {
  /** Always a complete project: fields that could not be read get their defaults. */
  project: Project;
  /** Errors for anything that was wrong in the input; a non-empty list means the input was not a valid file. */
  diagnostics: Diagnostic[];
}

const describe = (value: unknown): string =>
  value instanceof WrittenNumber
    ? value.source
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : typeof value === 'number' && !Number.isFinite(value)
            ? String(value)
            : JSON.stringify(value);

/**
 * A whole number as written, or null: a plain number when Number.isInteger; a WrittenNumber (see
 * parseJson) when its text is an integer and its double finite (so `1e400` and
 * `999.99999999999999`, which JSON.parse makes Infinity and 1000, are not).
 */
function wholeNumber(value: unknown): number | null {
  if (value instanceof WrittenNumber)
    return isIntegerAsWritten(value.source) && Number.isFinite(value.value) ? value.value + 0 : null;
  return typeof value === 'number' && Number.isInteger(value) ? value + 0 : null;
}

function defaultOf(spec: Spec): unknown {
  switch (spec.kind) {
    case 'string':
    case 'bool':
    case 'enum':
      return spec.default;
    case 'int':
      return null;
    case 'const':
      return spec.value;
    case 'array':
      return [];
    case 'object':
      return spec.nullable ? null : filledObject(spec);
  }
}

function filledObject(spec: Extract<Spec, { kind: 'object' }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec.fields).map(([k, s]) => [k, s.kind === 'object' ? filledObject(s) : defaultOf(s)]));
}

/** A field's path from its parent's: `a.b`, `a[0]`; the root's is ''. */
const pathOf = (parent: string, key: string | number | null): string =>
  key === null ? parent : typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

type ObjectSpec = Extract<Spec, { kind: 'object' }>;
const fieldLists = new WeakMap<ObjectSpec, [string, Spec][]>();
const fieldsOf = (spec: ObjectSpec): [string, Spec][] => {
  let list = fieldLists.get(spec);
  if (!list) fieldLists.set(spec, (list = Object.entries(spec.fields)));
  return list;
};

/** Records an error at the field `key` of `parent` and gives the field's default. */
function fail(out: Diagnostic[], parent: string, key: string | number | null, spec: Spec, message: string): unknown {
  out.push({ path: pathOf(parent, key) || '(root)', severity: 'error', message });
  return defaultOf(spec);
}

/**
 * Reads `value`, the field `key` of the value at path `parent` (key null: the root). Paths are
 * built for containers and for errors only: most values are leaves read without a word.
 */
function read(value: unknown, spec: Spec, parent: string, key: string | number | null, out: Diagnostic[]): unknown {
  switch (spec.kind) {
    case 'const': {
      const whole = wholeNumber(value);
      if (whole === spec.value) return whole;
      if (whole !== null && whole > spec.value)
        return fail(
          out,
          parent,
          key,
          spec,
          `this file is format version ${describe(value)}; this build reads version ${spec.value} only (a newer Specialisation Studio wrote it)`,
        );
      return fail(out, parent, key, spec, `must be ${spec.value}, found ${describe(value)}`);
    }
    case 'string':
      if (typeof value === 'string') return value;
      if (value === null && spec.nullable) return null;
      return fail(out, parent, key, spec, `must be ${spec.nullable ? 'a string or null' : 'a string'}, found ${describe(value)}`);
    case 'bool':
      if (typeof value === 'boolean') return value;
      return fail(out, parent, key, spec, `must be true or false, found ${describe(value)}`);
    case 'int': {
      if (value === null) return null;
      const whole = wholeNumber(value);
      if (whole !== null && whole >= spec.min && whole <= spec.max) return whole;
      const range = `from ${spec.min} to ${spec.max}`;
      return fail(out, parent, key, spec, `must be a whole number ${range} or null, found ${describe(value)}`);
    }
    case 'enum':
      if (typeof value === 'string' && spec.values.includes(value)) return value;
      if ((typeof value === 'number' || value instanceof WrittenNumber) && spec.values.includes(describe(value))) {
        const written = describe(value);
        const message = `must be a string, one of ${spec.values.join(', ')}; found the number ${written} (write "${written}")`;
        return fail(out, parent, key, spec, message);
      }
      return fail(out, parent, key, spec, `must be one of ${spec.values.join(', ')}; found ${describe(value)}`);
    case 'array': {
      if (!Array.isArray(value)) return fail(out, parent, key, spec, `must be a list, found ${describe(value)}`);
      const path = pathOf(parent, key);
      const result = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) result[i] = read(value[i], spec.items, path, i, out);
      return result;
    }
    case 'object': {
      if (value === null && spec.nullable) return null;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(out, parent, key, spec, `must be an object${spec.nullable ? ' or null' : ''}, found ${describe(value)}`);
      const path = pathOf(parent, key);
      const record = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      let known = 0;
      for (const [field, fieldSpec] of fieldsOf(spec)) {
        if (Object.hasOwn(record, field)) {
          known++;
          result[field] = read(record[field], fieldSpec, path, field, out);
        } else {
          if (spec.required.includes(field)) out.push({ path: pathOf(path, field), severity: 'error', message: 'is required' });
          result[field] = defaultOf(fieldSpec);
        }
      }
      // Counted without a list of the keys (a project has a hundred thousand objects); listed only when one is unknown.
      let count = 0;
      for (const k in record) if (Object.hasOwn(record, k)) count++;
      if (count > known)
        for (const k of Object.keys(record))
          if (!Object.hasOwn(spec.fields, k))
            out.push({
              path: pathOf(path, k),
              severity: 'error',
              message: `unknown field "${k}"; known fields here: ${Object.keys(spec.fields).join(', ')}`,
            });
      return result;
    }
  }
}

/**
 * Turns untrusted input (a parsed project file or a stored value) into a complete project plus the
 * errors found. Parse the text with parseJson rather than JSON.parse, so that numbers are judged as written.
 */
export function readProject(input: unknown): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const project = read(input, projectSpec, '', null, diagnostics) as Project;
  project.version = FORMAT_VERSION;
  return { project, diagnostics };
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Parses the text of a project file; a JSON error names the line and column where the JSON breaks.
 * A leading byte order mark is skipped, as the page's Blob.text() does (RFC 8259 lets parsers
 * ignore it), so the command line and the page read the same files.
 */
export function parseProjectText(text: string): ReadResult | { jsonError: string } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = parseJson(text);
  } catch {
    const at = jsonErrorAt(text);
    if (!at) return { jsonError: 'not valid JSON' };
    const { line, column } = lineColumn(text, at.offset);
    const found = at.offset >= text.length ? 'the end of the file' : JSON.stringify(text[at.offset]);
    return { jsonError: `not valid JSON at line ${line}, column ${column}: expected ${at.expected}, found ${found}` };
  }
  return readProject(data);
}
