import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProject } from '../model/read';
import type { Project } from '../model/types';
import { projectArb } from '../test/arbitraries';
import { generate } from './generate';

const root = join(__dirname, '../..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, readProject(JSON.parse(readFileSync(join(root, 'examples', f), 'utf8'))).project] as const);

const ranges = (g: ReturnType<typeof generate>) => g.sourceMap.allPaths().sort().map((path) => [path, g.sourceMap.get(path)]);

/** `generate(…, { sourceMap: false })`, the command line's one-off run: the same text, and nothing kept. */
describe('a one-off run without a source map', () => {
  it.each(examples)('gives the text a mapped run gives: %s', (_, project) => {
    const oneOff = generate(structuredClone(project), undefined, { sourceMap: false });
    expect(oneOff.text).toBe(generate(structuredClone(project)).text);
    expect(oneOff.sourceMap.allPaths()).toEqual([]);
  });

  it('gives the same text for any valid project, and leaves the kept prints of mapped runs whole', () => {
    fc.assert(
      fc.property(projectArb(), (project: Project) => {
        const mapped = generate(structuredClone(project));
        expect(generate(structuredClone(project), undefined, { sourceMap: false }).text).toBe(mapped.text);
        // Mixed on the same objects: a one-off run between two mapped ones changes neither text nor map.
        const first = generate(project);
        expect(generate(project, undefined, { sourceMap: false }).text).toBe(mapped.text);
        const again = generate(project);
        expect(again.text).toBe(mapped.text);
        expect(ranges(again)).toEqual(ranges(first));
        expect(ranges(first)).toEqual(ranges(mapped));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps no print for the next run: a mapped run after it still maps every user', () => {
    const [, seed] = examples.find(([f]) => f === 'seed-chani-paul.json')!;
    const project = structuredClone(seed);
    generate(project, undefined, { sourceMap: false });
    expect(ranges(generate(project))).toEqual(ranges(generate(structuredClone(seed))));
  });
});
