import type { editor } from 'monaco-editor/editor';

export const LIGHT_THEME = 'studio-light';
export const DARK_THEME = 'studio-dark';

/** Colours from app.css (accent, sunken surface); every token keeps 4.5:1 contrast, also on a highlighted line. */
export const studioLight: editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '6d28d9', fontStyle: 'bold' },
    { token: 'constant', foreground: '0b5f7a' },
    { token: 'predefined', foreground: '9a3412' },
    { token: 'attribute.name', foreground: '1f4f8f' },
    { token: 'identifier', foreground: '172033' },
    { token: 'string', foreground: '166534' },
    { token: 'string.escape', foreground: '9a4a06' },
    { token: 'string.path', foreground: '0e6471' },
    { token: 'delimiter.interpolation', foreground: '9a4a06', fontStyle: 'bold' },
    { token: 'comment', foreground: '4f5a6b', fontStyle: 'italic' },
    { token: 'number', foreground: 'b42318' },
    { token: 'operator', foreground: '475569' },
    { token: 'delimiter', foreground: '475569' },
  ],
  colors: {
    'editor.background': '#eef2f7',
    'editorGutter.background': '#eef2f7',
    'editorLineNumber.foreground': '#566275',
    'editorLineNumber.activeForeground': '#172033',
    'editor.lineHighlightBackground': '#e3edf9',
  },
};

export const studioDark: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: 'c9b2ff', fontStyle: 'bold' },
    { token: 'constant', foreground: '7dd3fc' },
    { token: 'predefined', foreground: 'fdba74' },
    { token: 'attribute.name', foreground: '8cc4ff' },
    { token: 'identifier', foreground: 'e6ebf3' },
    { token: 'string', foreground: 'a7e3a1' },
    { token: 'string.escape', foreground: 'fcd34d' },
    { token: 'string.path', foreground: '5eead4' },
    { token: 'delimiter.interpolation', foreground: 'fcd34d', fontStyle: 'bold' },
    { token: 'comment', foreground: '8f9bb0', fontStyle: 'italic' },
    { token: 'number', foreground: 'fca5a5' },
    { token: 'operator', foreground: 'a7b1c2' },
    { token: 'delimiter', foreground: 'a7b1c2' },
  ],
  colors: {
    'editor.background': '#0c1119',
    'editorGutter.background': '#0c1119',
    'editorLineNumber.foreground': '#8a95a8',
    'editorLineNumber.activeForeground': '#e6ebf3',
    'editor.lineHighlightBackground': '#1b2a40',
  },
};
