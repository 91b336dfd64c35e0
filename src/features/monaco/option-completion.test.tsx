import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { languages } from 'monaco-editor/editor';
import { indexCatalog } from '../../nixos/options/lookup';
import type { ReleaseOptionCatalog } from '../../nixos/options/types';
import type { OptionIndexSource } from '../options/option-index';
import type { Monaco } from './load-monaco';
import { NIX_LANGUAGE, registerNix } from './nix-language';
import { bindingPrefix, optionPathItems, optionPathProvider } from './option-completion';

const index = indexCatalog(JSON.parse(readFileSync(join(__dirname, '../../../public/options/24.11.json'), 'utf8')) as ReleaseOptionCatalog);
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

describe('where option paths are offered', () => {
  it('at an attribute path that starts its line, not after an = or inside other text', () => {
    expect(bindingPrefix('  services.tl')).toEqual({ start: 2, prefix: 'services.tl' });
    expect(bindingPrefix('fileSystems."/".fs')).toEqual({ start: 0, prefix: 'fileSystems."/".fs' });
    expect(bindingPrefix('s')).toEqual({ start: 0, prefix: 's' });
    expect(bindingPrefix('  ')).toBeNull();
    expect(bindingPrefix('x = services.tl')).toBeNull();
    expect(bindingPrefix('  # services.tl')).toBeNull();
    expect(bindingPrefix('  1services')).toBeNull();
  });

  it('as snippets whose tab stops are the <name> placeholders, with the type and the docs link', () => {
    const [tlp] = optionPathItems(index, 'services.tlp.en');
    expect(tlp).toEqual({
      label: 'services.tlp.enable',
      insertText: 'services.tlp.enable',
      snippet: false,
      detail: 'bool',
      docs: 'https://search.nixos.org/options?channel=24.11&show=services.tlp.enable',
    });
    const [unit] = optionPathItems(index, 'systemd.services.');
    expect(unit.label).toMatch(/^systemd\.services\.<name>\.\w+$/);
    expect(unit.insertText).toBe(unit.label.replace('<name>', '${1:<name>}'));
    expect(unit.snippet).toBe(true);
  });
});

describe('the completion provider', () => {
  const complete = async (text: string, source: OptionIndexSource = async () => index) => {
    const model = monaco.editor.createModel(text, NIX_LANGUAGE);
    try {
      const lines = text.split('\n');
      const position = new monaco.Position(lines.length, lines[lines.length - 1].length + 1);
      const provider = optionPathProvider(monaco, () => source);
      const context = { triggerKind: monaco.languages.CompletionTriggerKind.Invoke } as languages.CompletionContext;
      const token = new monaco.CancellationTokenSource().token;
      const list = (await provider.provideCompletionItems(model, position, context, token)) as languages.CompletionList;
      return list.suggestions;
    } finally {
      model.dispose();
    }
  };

  it('offers the release\'s paths for the attribute path before the cursor, replacing it', async () => {
    const items = await complete('{\n  boot.kernelParams = [ ];\n  services.tl');
    expect(items.map((i) => i.label)).toEqual(['services.tlp.enable', 'services.tlp.extraConfig', 'services.tlp.settings']);
    expect(items[0].range).toMatchObject({ startLineNumber: 3, startColumn: 3, endLineNumber: 3, endColumn: 14 });
    expect(items[0].insertText).toBe('services.tlp.enable');
  });

  it('offers nothing in a value, without a catalog, or when the catalog cannot be loaded', async () => {
    expect(await complete('  services.tlp.enable = tr')).toEqual([]);
    expect(await complete('  services.tl', async () => undefined)).toEqual([]);
  });
});
