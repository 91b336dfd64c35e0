import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../test/arbitraries';
import { hasNix, NIX_TIMEOUT, nixEvalJson, tempFile } from '../test/nix';
import { attrs, set, str } from './ast';
import { print } from './printer';
import { attrName, indentedStringLines, nixString } from './strings';

describe('nixString', () => {
  it('escapes what Nix would otherwise read differently', () => {
    expect(nixString('a"b')).toBe('"a\\"b"');
    expect(nixString('${x}')).toBe('"\\${x}"');
    expect(nixString('$x $')).toBe('"$x $"');
    expect(nixString('a\rb\nc\td\\')).toBe('"a\\rb\\nc\\td\\\\"');
  });

  it('quotes attribute names Nix cannot take bare', () => {
    expect(attrName('chani')).toBe('chani');
    expect(attrName("a-b_c'")).toBe("a-b_c'");
    expect(attrName('my.spec')).toBe('"my.spec"');
    expect(attrName('if')).toBe('"if"');
    expect(attrName('1abc')).toBe('"1abc"');
    expect(attrName('')).toBe('""');
  });

  it.skipIf(!hasNix)('real Nix reads back exactly the text, for thousands of hostile strings', () => {
    const samples = [
      ...fc.sample(hostileText(40), { numRuns: 3000, seed: 7 }),
      '$${', '$$${x}', '\\${', "''${", '$', '${', '\r\n', '\u2028', 'x'.repeat(100_000),
    ];
    const file = tempFile('strings.nix', `[\n${samples.map(nixString).join('\n')}\n]\n`);
    expect(nixEvalJson(`import ${file}`)).toEqual(samples);
  }, NIX_TIMEOUT);

  it.skipIf(!hasNix)('real Nix reads back quoted attribute names exactly', () => {
    const names = fc.sample(hostileText(12), { numRuns: 500, seed: 11 }).filter((n) => n !== '');
    const unique = [...new Set(names)];
    const file = tempFile('names.nix', `builtins.attrNames {\n${unique.map((n) => `  ${attrName(n)} = null;`).join('\n')}\n}\n`);
    const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    expect((nixEvalJson(`import ${file}`) as string[]).sort(byBytes)).toEqual(unique.sort(byBytes));
  }, NIX_TIMEOUT);
});

describe('text of several lines as an indented string', () => {
  const lineText = fc.array(fc.constantFrom('a', 'b', ' ', "'", '$', '{', '}', '"', '\\', '#', 'é', '🎉', "''", '${', "'''", "''$", "'${"), { maxLength: 10 }).map((u) => u.join(''));
  const multiLine = fc.array(lineText, { minLength: 1, maxLength: 5 }).map((lines) => `${lines.join('\n')}\n`);

  it('is used for text it can hold exactly, and not for the rest', () => {
    expect(indentedStringLines('blacklist nouveau\noptions nouveau modeset=0\n')).toEqual(['blacklist nouveau', 'options nouveau modeset=0']);
    expect(indentedStringLines("a ''b'' ${c}\nd\n")).toEqual(["a '''b''' ''${c}", 'd']);
    for (const no of ['one line\n', 'no final line break\nb', '  all\n  indented\n', 'trailing \nb\n', 'tab\tin\nb\n', 'cr\r\nb\n', '\nleading\nb\n'])
      expect(indentedStringLines(no), JSON.stringify(no)).toBeNull();
  });

  it.skipIf(!hasNix)('real Nix reads back exactly the text, for 2,000 random texts of several lines', () => {
    const samples = fc.sample(multiLine, { numRuns: 2000, seed: 11 }).filter((t) => indentedStringLines(t) !== null);
    expect(samples.length).toBeGreaterThan(300);
    const text = print(attrs(samples.map((t, i) => set(`s${i}`, str(t))))).text;
    expect(text).toContain("''\n");
    const file = tempFile('indented-strings.nix', text);
    const back = nixEvalJson(`let s = import ${file}; in map (i: s.\${"s" + toString i}) (builtins.genList (i: i) ${samples.length})`);
    expect(back).toEqual(samples);
  }, NIX_TIMEOUT);
});
