import { projectSpec, type Spec } from './format';

type Schema = Record<string, unknown>;

function toSchema(spec: Spec): Schema {
  const base = spec.description ? { description: spec.description } : {};
  switch (spec.kind) {
    case 'string':
      return { ...base, type: spec.nullable ? ['string', 'null'] : 'string', default: spec.default };
    case 'int':
      return { ...base, type: ['integer', 'null'], minimum: spec.min, maximum: spec.max, default: null };
    case 'bool':
      return { ...base, type: 'boolean', default: spec.default };
    case 'enum':
      return { ...base, enum: [...spec.values], default: spec.default };
    case 'const':
      return { ...base, const: spec.value };
    case 'array':
      return { ...base, type: 'array', items: toSchema(spec.items), default: [] };
    case 'object':
      return {
        ...base,
        type: spec.nullable ? ['object', 'null'] : 'object',
        properties: Object.fromEntries(Object.entries(spec.fields).map(([k, s]) => [k, toSchema(s)])),
        required: spec.required,
        additionalProperties: false,
        ...(spec.nullable ? { default: null } : {}),
      };
  }
}

/** The JSON Schema (draft 2020-12) of the project format, derived from the same description the reader uses. */
export function projectJsonSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://specialisation-studio.invalid/project.schema.json',
    title: 'Specialisation Studio project',
    ...toSchema(projectSpec),
  };
}
