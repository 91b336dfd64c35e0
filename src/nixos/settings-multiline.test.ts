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
