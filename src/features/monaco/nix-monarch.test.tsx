import { beforeAll, describe, expect, it } from 'vitest';
import type { Monaco } from './load-monaco';
import { NIX_LANGUAGE, registerNix } from './nix-language';

let monaco: Monaco;

beforeAll(async () => {
  // jsdom lacks CSS.escape and matchMedia, which Monaco's theme service needs.
  globalThis.CSS ??= {} as typeof CSS;
  CSS.escape ??= (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
  monaco = await import('monaco-editor/editor');
  registerNix(monaco);
}, 60_000);

/** `[text, token]` pairs of one line, trimmed, whitespace-only ones dropped (Monaco merges neighbours of one type). */
function tokens(source: string, line = 0): [string, string][] {
  const lines = source.split('\n');
  const text = lines[line];
  const toks = monaco.editor.tokenize(source, NIX_LANGUAGE)[line];
  return toks
    .map((t, i) => [text.slice(t.offset, toks[i + 1]?.offset ?? text.length).trim(), t.type.replace(/\.nix$/, '')] as [string, string])
    .filter(([t]) => t !== '');
}

describe('nix tokenizer', () => {
  it('colours keywords, constants, attribute names and operators', () => {
    expect(tokens('let a.b = if true then null else x; in a')).toEqual([
      ['let', 'keyword'],
      ['a', 'attribute.name'],
      ['.', 'delimiter'],
      ['b', 'attribute.name'],
      ['=', 'operator'],
      ['if', 'keyword'],
      ['true', 'constant'],
      ['then', 'keyword'],
      ['null', 'constant'],
      ['else', 'keyword'],
      ['x', 'identifier'],
      [';', 'delimiter'],
      ['in', 'keyword'],
      ['a', 'identifier'],
    ]);
  });

  it('reads escapes and interpolation in double-quoted strings', () => {
    expect(tokens('"a\\"b ${x + "y"} $${z}"')).toEqual([
      ['"', 'string.quote'],
      ['a', 'string'],
      ['\\"', 'string.escape'],
      ['b', 'string'],
      ['${', 'delimiter.interpolation'],
      ['x', 'identifier'],
      ['+', 'operator'],
      ['"', 'string.quote'],
      ['y', 'string'],
      ['"', 'string.quote'],
      ['}', 'delimiter.interpolation'],
      ['$${z}', 'string'],
      ['"', 'string.quote'],
    ]);
  });

  it("reads ''$, ''' and ''\\ escapes in indented strings, across lines", () => {
    const src = "x = ''\n  ''${a} '''b ''\\n ${ { c = 1; }.c }\n'';\ny = 1;";
    expect(tokens(src, 1)).toEqual([
      ["''$", 'string.escape'],
      ['{a}', 'string'],
      ["'''", 'string.escape'],
      ['b', 'string'],
      ["''\\n", 'string.escape'],
      ['${', 'delimiter.interpolation'],
      ['{', 'delimiter.curly'],
      ['c', 'attribute.name'],
      ['=', 'operator'],
      ['1', 'number'],
      [';', 'delimiter'],
      ['}', 'delimiter.curly'],
      ['.', 'delimiter'],
      ['c', 'identifier'],
      ['}', 'delimiter.interpolation'],
    ]);
    expect(tokens(src, 2)).toEqual([
      ["''", 'string.quote'],
      [';', 'delimiter'],
    ]);
    expect(tokens(src, 3)[0]).toEqual(['y', 'attribute.name']);
  });

  it('reads comments, paths and numbers', () => {
    expect(tokens('[ ./a/b.nix <nixpkgs> ~/x /etc/nixos 1.5 42 ] # note /* x */')).toEqual([
      ['[', 'delimiter.square'],
      ['./a/b.nix', 'string.path'],
      ['<nixpkgs>', 'string.path'],
      ['~/x', 'string.path'],
      ['/etc/nixos', 'string.path'],
      ['1.5', 'number.float'],
      ['42', 'number'],
      [']', 'delimiter.square'],
      ['# note /* x */', 'comment'],
    ]);
    expect(tokens('a /* b\n c */ // d', 1)).toEqual([
      ['c */', 'comment'],
      ['//', 'operator'],
      ['d', 'identifier'],
    ]);
  });

  it('does not take == for a binding', () => {
    expect(tokens('a == b')[0]).toEqual(['a', 'identifier']);
  });
});
