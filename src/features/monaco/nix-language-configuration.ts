import type { languages } from 'monaco-editor/editor';

/** Brackets, comments and auto-closing for Nix. */
export const nixLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: "''", close: "''", notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  wordPattern: /(-?\d*\.\d\w*)|([a-zA-Z_][\w'-]*)/g,
  indentationRules: {
    increaseIndentPattern: /(\{|\[|\(|\blet|'')\s*(#.*)?$/,
    decreaseIndentPattern: /^\s*([}\])]|in\b|'')/,
  },
};
