import { writeFileSync } from 'node:fs';
import { projectJsonSchema } from '../src/model/json-schema';

writeFileSync(new URL('../public/project.schema.json', import.meta.url), `${JSON.stringify(projectJsonSchema(), null, 2)}\n`);
