import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProject, defaultSetting, defaultSpecialisation } from '../model/defaults';
import type { Project, Setting } from '../model/types';
import { hasNix, NIX_TIMEOUT, nixEvalJson, tempFile } from '../test/nix';
import { generate } from './generate';

/** A Nix expression row whose value is laid out over several lines, as people paste it. */
const row = (name: string, value: string, more: Partial<Setting> = {}): Setting => ({
  ...defaultSetting(['services', name]),
  type: 'nix',
  value,
  ...more,
});

const VALUES: [string, string][] = [
  ['set', '{\n      a = 1;\n      b = [\n        1\n        2\n      ];\n    }'],
  ['tabs', '{\n\ta = {\n\t\tb = "x";\n\t};\n}'],
  ['indented', "''\n  first\n    second\n''"],
  ['quoted', '{\n  s = "line one\n   line two";\n    t = 2;\n}'],
  ['call', 'builtins.listToAttrs [\n  { name = "a"; value = 1; }\n]'],
];

const project = (rows: Setting[]): Project => ({ ...defaultProject('26.05'), specialisations: [{ ...defaultSpecialisation('x'), settings: rows }] });

describe('a Nix expression row of several lines', () => {
  it('is re-indented into the nixfmt layout: a set opens on the = line, the rest moves with it', () => {
    const text = generate(project([row('set', VALUES[0][1]), row('tabs', VALUES[1][1], { priority: 'force' })])).text;
    expect(text).toContain(`    services.set = {
      a = 1;
      b = [
        1
        2
      ];
    };
    services.tabs =
      lib.mkForce {
        a = {
          b = "x";
        };
      };
`);
    for (const line of text.split('\n')) expect(line).not.toMatch(/\t|[ ]$/);
  });

  it('keeps lines that begin inside a string as they are', () => {
    const text = generate(project([row('quoted', VALUES[3][1])])).text;
    expect(text).toContain('s = "line one\n   line two";');
  });

  it.skipIf(!hasNix)('means to real Nix what the value alone means, with every priority and a condition', () => {
    const rows = VALUES.flatMap(([name, value], i) => [
      row(name, value),
      row(`${name}F`, value, { priority: (['force', 'default', 'override', 'normal', 'force'] as const)[i], overridePriority: i === 2 ? 70 : null, condition: i === 4 ? 'true' : null }),
    ]);
    const text = generate(project(rows)).text;
    const module = tempFile('multiline.nix', text);
    const lib = `{ mkForce = x: x; mkDefault = x: x; mkOverride = _: x: x; mkIf = c: x: assert c; x; }`;
    const got = nixEvalJson(`(import ${module} { lib = ${lib}; }).specialisation.x.configuration.services`) as Record<string, unknown>;
    const alone = nixEvalJson(`[ ${VALUES.map(([, v]) => `(${v})`).join(' ')} ]`) as unknown[];
    VALUES.forEach(([name], i) => {
      expect(got[name], name).toEqual(alone[i]);
      expect(got[`${name}F`], `${name} with a priority`).toEqual(alone[i]);
    });
  }, NIX_TIMEOUT);
});

describe('a value that ends in a # comment', () => {
  it.skipIf(!hasNix)('keeps what follows it out of the comment (;, ], a priority or condition around it)', () => {
    const rows = [
      row('a', 'true # why'),
      row('b', '"#" # a string with # in it', { priority: 'force' }),
      row('c', '[ 1 ] # list', { priority: 'override', overridePriority: 60, condition: 'true # always' }),
      row('d', '1 /* block */'),
    ];
    const s = { ...defaultSpecialisation('x'), settings: rows, imports: ['inputs.a # hardware', 'import ./m.nix # mine'] };
    const text = generate({ ...defaultProject('26.05'), specialisations: [s] }).text;
    expect(text).toMatch(/true # why\n *;/);
    const module = tempFile('comments.nix', text);
    writeFileSync(join(dirname(module), 'm.nix'), '"module m"');
    const lib = `{ mkForce = x: x; mkDefault = x: x; mkOverride = _: x: x; mkIf = c: x: assert c; x; }`;
    const got = nixEvalJson(`(import ${module} { lib = ${lib}; inputs = { a = "module a"; }; }).specialisation.x.configuration`);
    expect(got).toEqual({ imports: ['module a', 'module m'], services: { a: true, b: '#', c: [1], d: 1 } });
  }, NIX_TIMEOUT);
});

