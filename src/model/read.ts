import { projectSpec, type Spec } from './format';
import { jsonErrorAt } from './json-error';
import { FORMAT_VERSION, type Diagnostic, type Project } from './types';

export interface ReadResult {
  /** Always a complete project: fields that could not be read get their defaults. */
  project: Project;
  /** Errors for anything that was wrong in the input; a non-empty list means the input was not a valid file. */
  diagnostics: Diagnostic[];
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);

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

function read(value: unknown, spec: Spec, path: string, out: Diagnostic[]): unknown {
  const fail = (message: string) => {
    out.push({ path: path || '(root)', severity: 'error', message });
    return defaultOf(spec);
  };
  switch (spec.kind) {
    case 'const':
      if (value === spec.value) return value;
      if (typeof value === 'number' && Number.isInteger(value) && value > spec.value)
        return fail(
          `this file is format version ${value}; this build reads version ${spec.value} only (a newer Specialisation Studio wrote it)`,
        );
      return fail(`must be ${spec.value}, found ${describe(value)}`);
    case 'string':
      if (typeof value === 'string') return value;
      if (value === null && spec.nullable) return null;
      return fail(`must be ${spec.nullable ? 'a string or null' : 'a string'}, found ${describe(value)}`);
    case 'bool':
      return typeof value === 'boolean' ? value : fail(`must be true or false, found ${describe(value)}`);
    case 'int':
      if (value === null) return null;
      if (typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max) return value;
      return fail(`must be a whole number from ${spec.min} to ${spec.max} or null, found ${describe(value)}`);
    case 'enum':
      if (typeof value === 'string' && spec.values.includes(value)) return value;
      return fail(`must be one of ${spec.values.join(', ')}; found ${describe(value)}`);
    case 'array':
      if (!Array.isArray(value)) return fail(`must be a list, found ${describe(value)}`);
      return value.map((item, i) => read(item, spec.items, `${path}[${i}]`, out));
    case 'object': {
      if (value === null && spec.nullable) return null;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(`must be an object${spec.nullable ? ' or null' : ''}, found ${describe(value)}`);
      const record = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [key, fieldSpec] of Object.entries(spec.fields)) {
        const fieldPath = path ? `${path}.${key}` : key;
        if (Object.hasOwn(record, key)) result[key] = read(record[key], fieldSpec, fieldPath, out);
        else {
          if (spec.required.includes(key)) out.push({ path: fieldPath, severity: 'error', message: 'is required' });
          result[key] = defaultOf(fieldSpec);
        }
      }
      for (const key of Object.keys(record))
        if (!Object.hasOwn(spec.fields, key))
          out.push({
            path: path ? `${path}.${key}` : key,
            severity: 'error',
            message: `unknown field "${key}"; known fields here: ${Object.keys(spec.fields).join(', ')}`,
          });
      return result;
    }
  }
}

/** Turns untrusted input (a parsed project file or a stored value) into a complete project plus the errors found. */
export function readProject(input: unknown): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const project = read(input, projectSpec, '', diagnostics) as Project;
  project.version = FORMAT_VERSION;
  return { project, diagnostics };
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Parses the text of a project file; a JSON error names the line and column where the JSON breaks. */
export function parseProjectText(text: string): ReadResult | { jsonError: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = jsonErrorAt(text);
    if (!at) return { jsonError: 'not valid JSON' };
    const { line, column } = lineColumn(text, at.offset);
    const found = at.offset >= text.length ? 'the end of the file' : JSON.stringify(text[at.offset]);
    return { jsonError: `not valid JSON at line ${line}, column ${column}: expected ${at.expected}, found ${found}` };
  }
  return readProject(data);
}
