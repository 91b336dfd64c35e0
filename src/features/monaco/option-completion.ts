import type { editor, IDisposable, languages } from 'monaco-editor/editor';
import { optionDocsUrl } from '../../nixos/option-docs';
import { NAME, type OptionIndex } from '../../nixos/options/lookup';
import type { OptionIndexSource } from '../options/option-index';
import { optionCompletions, pathText } from '../options/option-paths';
import type { Monaco } from './load-monaco';
import { NIX_LANGUAGE } from './nix-language';

/**
 * Option paths of the project's release offered in the Nix editors (Extra Nix, Edit Nix): where the text before
 * the cursor on its line is an attribute path at the start of a binding (`  services.tl|`). Simple on purpose: no
 * parse of the surrounding Nix, so it also works in text that is not valid yet.
 */

/** Names, dots and quoted names (`fileSystems."/home".fs`; a quote may still be open) from the start of the line. */
const BINDING_START = /^(\s*)([A-Za-z_](?:[\w.'-]|"[^"]*")*(?:"[^"]*)?)$/;

/** The attribute path being typed at the start of a line, and the (0-based) column it starts at; else null. */
export function bindingPrefix(lineBefore: string): { start: number; prefix: string } | null {
  const m = BINDING_START.exec(lineBefore);
  return m ? { start: m[1].length, prefix: m[2] } : null;
}

export interface OptionPathItem {
  /** The path as shown and filtered on, `<name>` where the user puts a name. */
  label: string;
  /** What is inserted: the path, as a snippet whose tab stops are its `<name>` placeholders. */
  insertText: string;
  snippet: boolean;
  /** The option's type. */
  detail: string;
  /** The option on search.nixos.org for the catalog's release. */
  docs: string;
}

/** Monaco snippet syntax gives `$`, `}` and `\` a meaning. */
const snippetText = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

/** At most this many at once: typing asks again (the list is marked incomplete). */
export const MAX_ITEMS = 100;

export function optionPathItems(index: OptionIndex, prefix: string, limit = MAX_ITEMS): OptionPathItem[] {
  return optionCompletions(index, prefix, limit).map(({ path, option }) => {
    const label = pathText(path);
    let stop = 0;
    const parts = label.split(NAME);
    return {
      label,
      insertText: parts.map(snippetText).reduce((text, part) => `${text}\${${++stop}:${NAME}}${part}`),
      snippet: parts.length > 1,
      detail: option.type,
      docs: optionDocsUrl(label, index.catalog.release),
    };
  });
}

/** The completion provider; `sourceOf` says where a model's catalog comes from (none: the model gets nothing). */
export function optionPathProvider(
  monaco: Monaco,
  sourceOf: (model: editor.ITextModel) => OptionIndexSource | undefined,
): languages.CompletionItemProvider {
  return {
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position) {
      const none = { suggestions: [] };
      const source = sourceOf(model);
      if (!source) return none;
      const line = position.lineNumber;
      const at = bindingPrefix(model.getValueInRange(new monaco.Range(line, 1, line, position.column)));
      if (!at) return none;
      const index = await source();
      if (!index || model.isDisposed()) return none;
      const range = new monaco.Range(line, at.start + 1, line, position.column);
      const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;
      return {
        incomplete: true,
        suggestions: optionPathItems(index, at.prefix).map((item, i) => ({
          label: item.label,
          kind: CompletionItemKind.Property,
          insertText: item.insertText,
          ...(item.snippet ? { insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet } : {}),
          detail: item.detail,
          documentation: { value: `[${item.label} on search.nixos.org](${item.docs})` },
          // The catalog's order (by path), among equally good matches.
          sortText: String(i).padStart(4, '0'),
          range,
        })),
      };
    },
  };
}

const sources = new WeakMap<editor.ITextModel, OptionIndexSource>();
const registered = new WeakSet<object>();

/**
 * Offers option paths in one editor's model. The provider is registered once per Monaco (for the `nix` language);
 * models without a source (none yet) get nothing from it.
 */
export function offerOptionPaths(monaco: Monaco, model: editor.ITextModel, source: OptionIndexSource): IDisposable {
  if (!registered.has(monaco.languages)) {
    registered.add(monaco.languages);
    monaco.languages.registerCompletionItemProvider(NIX_LANGUAGE, optionPathProvider(monaco, (m) => sources.get(m)));
  }
  sources.set(model, source);
  return { dispose: () => sources.delete(model) };
}
