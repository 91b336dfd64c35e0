import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSpecialisation } from '../model/defaults';
import type { Project } from '../model/types';
import { hasNix, NIX_TIMEOUT, NO_NIX, nixEvalJson, tempFile } from '../test/nix';
import { generate } from './generate';
import { validate } from './validate';

/**
 * A specialisation's condition and a Nix entry are Nix by design, but text in them stays one
 * expression: whatever is typed, the module defines `specialisation` and nothing else, the other
 * entry keeps exactly its own configuration, and text the field refuses is marked at the field.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = 1107;

const FRAGMENTS = [
  'true',
  'config.x',
  ')',
  '(',
  '}',
  '{',
  ';',
  ' # ',
  '\n',
  '/*',
  '*/',
  '"',
  "''",
  '${',
  'users.users.root.password = "pwned";',
  '}; evil = 1; x = {',
  ') { }; evil = (',
  ']',
  'in',
  'let a = 1;',
  '\\',
  '||',
  '!',
];
const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const VALID = ['true', 'config.x', '!config.x', 'config.x || true', 'let a = config.x; in a', '{ }', 'if config.x then { } else { }'];
/** Random fragments, and valid expressions with fragments in a comment after them (where a `)` would hide). */
const hostile = fc.oneof(
  fragments,
  fc.tuple(fc.constantFrom(...VALID), fragments).map(([v, h]) => `${v} # ${h.replace(/\n/g, ' ')}`),
  fc.tuple(fc.constantFrom(...VALID), fragments).map(([v, h]) => `${v}\n# ${h.replace(/\n/g, ' ')}\n`),
  fc.tuple(fc.constantFrom(...VALID), fragments).map(([v, h]) => `${v} /* ${h.replace(/\*\//g, '')} */`),
);

function projectWith(field: 'condition' | 'nixEntry', text: string): Project {
  const other = { ...defaultSpecialisation('other'), tags: ['other'] };
  const target = field === 'condition' ? { ...defaultSpecialisation('target'), condition: text } : { ...defaultSpecialisation('target'), nixEntry: text };
  return { ...defaultProject('25.11'), specialisations: [target, other] };
}

/** What real Nix sees in each module: its top-level names, and the other entry's configuration. */
function shapes(texts: readonly string[]): { top: string[]; other: unknown }[] {
  const files = texts.map((t, i) => tempFile(`inject-${i}.nix`, t));
  const args = '{ config = { x = true; }; options = { }; lib = { mkIf = c: x: { _type = "if"; content = x; }; mkMerge = xs: { _type = "merge"; contents = xs; }; }; pkgs = { }; modulesPath = "/m"; }';
  const other = 'm: let s = m.specialisation; in if s ? _type then builtins.head s.contents else s';
  return nixEvalJson(
    `map (f: let m = import f ${args}; in { top = builtins.attrNames m; other = (${other}) m ? other && ((${other}) m).other.configuration.system.nixos.tags == [ "other" ] && builtins.attrNames ((${other}) m).other.configuration == [ "system" ]; }) [ ${files.join(' ')} ]`,
  ) as { top: string[]; other: unknown }[];
}

describe('a condition or a Nix entry cannot inject Nix', () => {
  for (const field of ['condition', 'nixEntry'] as const)
    it.skipIf(!hasNix)(
      `${field}: refused at the field, or one expression that leaves the module's shape alone (${RUNS} cases, real Nix)`,
      () => {
        const samples = fc.sample(hostile, { numRuns: RUNS, seed: SEED + (field === 'condition' ? 0 : 1) });
        const accepted: string[] = [];
        for (const text of samples) {
          const errors = validate(projectWith(field, text)).filter((d) => d.severity === 'error');
          if (errors.length) expect(errors.map((d) => d.path), JSON.stringify(text)).toEqual([`specialisations[0].${field}`]);
          else accepted.push(text);
        }
        // Enough texts that are Nix to mean something: `true # )`, `config.x || !true`…
        expect(accepted.length).toBeGreaterThan(RUNS / 4);
        const seen = shapes(accepted.map((t) => generate(projectWith(field, t)).text));
        seen.forEach((s, i) => expect(s, JSON.stringify(accepted[i])).toEqual({ top: ['specialisation'], other: true }));
      },
      NIX_TIMEOUT,
    );
  if (!hasNix) it.skip(NO_NIX, () => {});

  it('a condition ending in a comment keeps its closing parenthesis on a line of its own', () => {
    const text = generate(projectWith('condition', 'config.x # only then')).text;
    expect(text).toContain('lib.mkIf (config.x # only then\n      ) {');
  });
});
