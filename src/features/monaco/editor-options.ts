import type { editor, IDisposable } from 'monaco-editor/editor';

export const MONO_FONT = "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, 'Liberation Mono', monospace";
export const LINE_HEIGHT = 20;

/** Options both editors share. */
export const baseEditorOptions: editor.IStandaloneEditorConstructionOptions = {
  fontFamily: MONO_FONT,
  fontSize: 13,
  lineHeight: LINE_HEIGHT,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  // A <textarea> (not EditContext) so `<label for>`, form tooling and screen readers see a plain text field.
  editContext: false,
  renderWhitespace: 'none',
  fixedOverflowWidgets: true,
  scrollbar: { alwaysConsumeMouseWheel: false },
  // Suggestions are the option catalog's paths (option-completion.ts), not every word of the text; Enter takes
  // one only when it changes the text (a path typed in full, then Enter, starts a new line).
  wordBasedSuggestions: 'off',
  acceptSuggestionOnEnter: 'smart',
};

const modelOptions: editor.ITextModelUpdateOptions = {
  tabSize: 2,
  indentSize: 2,
  insertSpaces: true,
  bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
};

/**
 * Nix indentation (2 spaces) and no rainbow brackets (the themes colour brackets as punctuation)
 * on a model, kept that way: Monaco resets model options from its global configuration whenever
 * an editor is created, so setting them once is not enough. Call after `editor.create`.
 */
export function keepModelOptions(model: editor.ITextModel): IDisposable {
  const apply = () => {
    const o = model.getOptions();
    if (o.bracketPairColorizationOptions.enabled || o.tabSize !== 2 || !o.insertSpaces) model.updateOptions(modelOptions);
  };
  apply();
  return model.onDidChangeOptions(apply);
}
