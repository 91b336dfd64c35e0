import type { languages } from 'monaco-editor/editor';

const IDENT = /[a-zA-Z_][\w'-]*/;

/**
 * Monarch tokenizer for Nix. States `string` and `indentedString` follow the Nix lexer's escapes
 * (`\x` in "…"; `''$`, `'''`, `''\x` in ''…''); `$${` is literal text, `${` opens an interpolation.
 */
export const nixMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.nix',
  keywords: ['if', 'then', 'else', 'let', 'in', 'with', 'rec', 'inherit', 'assert', 'or'],
  constants: ['true', 'false', 'null'],
  builtins: [
    'builtins', 'import', 'map', 'toString', 'throw', 'abort', 'baseNameOf', 'dirOf', 'derivation', 'isNull',
    'removeAttrs', 'placeholder', 'fetchTarball', 'fetchGit', 'fetchurl', 'scopedImport',
  ],
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [{ include: '@expression' }],
    expression: [
      { include: '@whitespace' },
      [/''/, { token: 'string.quote', next: '@indentedString' }],
      [/"/, { token: 'string.quote', next: '@string' }],
      [/\$\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/<[\w.+-]+(\/[\w.+-]+)*>/, 'string.path'],
      [/(~|[\w.+-]*)(\/[\w.+-]+)+\/?/, 'string.path'],
      [
        new RegExp(`${IDENT.source}(?=(\\s*\\.\\s*(${IDENT.source}|"[^"]*"))*\\s*=(?!=))`),
        { cases: { '@keywords': 'keyword', '@default': 'attribute.name' } },
      ],
      [
        IDENT,
        { cases: { '@keywords': 'keyword', '@constants': 'constant', '@builtins': 'predefined', '@default': 'identifier' } },
      ],
      [/\d+\.\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?/, 'number.float'],
      [/\d+/, 'number'],
      [/[{}()[\]]/, '@brackets'],
      [/\.\.\./, 'delimiter'],
      [/==|!=|<=|>=|&&|\|\||->|\/\/|\+\+|[=<>!?:@+\-*/]/, 'operator'],
      [/[.;,]/, 'delimiter'],
    ],
    whitespace: [
      [/[ \t\r\n]+/, ''],
      [/#.*$/, 'comment'],
      [/\/\*/, { token: 'comment', next: '@blockComment' }],
    ],
    blockComment: [
      [/[^*]+/, 'comment'],
      [/\*\//, { token: 'comment', next: '@pop' }],
      [/\*/, 'comment'],
    ],
    string: [
      [/[^"\\$]+/, 'string'],
      [/\\(.|$)/, 'string.escape'],
      [/\$\$/, 'string'],
      [/\$\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/\$/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    indentedString: [
      [/[^'$]+/, 'string'],
      [/''(\$|'|\\(.|$))/, 'string.escape'],
      [/''/, { token: 'string.quote', next: '@pop' }],
      [/\$\$/, 'string'],
      [/\$\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/[$']/, 'string'],
    ],
    interpolation: [
      [/\}/, { token: 'delimiter.interpolation', next: '@pop' }],
      [/\{/, { token: 'delimiter.curly', next: '@nestedBraces' }],
      { include: '@expression' },
    ],
    nestedBraces: [
      [/\}/, { token: 'delimiter.curly', next: '@pop' }],
      [/\{/, { token: 'delimiter.curly', next: '@push' }],
      { include: '@expression' },
    ],
  },
};
