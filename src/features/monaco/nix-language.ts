import type * as Monaco from 'monaco-editor/editor';
import { nixLanguageConfiguration } from './nix-language-configuration';
import { nixMonarch } from './nix-monarch';

export const NIX_LANGUAGE = 'nix';

/** Registers the `nix` language (tokenizer and editing rules) once per Monaco instance. */
export function registerNix(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === NIX_LANGUAGE)) return;
  monaco.languages.register({ id: NIX_LANGUAGE, extensions: ['.nix'], aliases: ['Nix', 'nix'] });
  monaco.languages.setMonarchTokensProvider(NIX_LANGUAGE, nixMonarch);
  monaco.languages.setLanguageConfiguration(NIX_LANGUAGE, nixLanguageConfiguration);
}
