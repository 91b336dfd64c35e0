import { act } from 'react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSetting, defaultSpecialisation } from '../../model/defaults';
import type { Diagnostic, Project, Release, Setting } from '../../model/types';
import { indexCatalog } from '../../nixos/options/lookup';
import type { ReleaseOptionCatalog } from '../../nixos/options/types';
import { deriveState, deriveWith, fieldDiagnostics } from '../../store/derived';
import { studioStore, undo } from '../../store/studio-store';
import { button, click, renderApp, resetStore, serveCatalogs, settle, typeInto } from '../../test/dom';
import { catalogCheck } from './use-catalog-diagnostics';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

const catalog = (release: Release) =>
  JSON.parse(readFileSync(join(__dirname, `../../../public/options/${release}.json`), 'utf8')) as ReleaseOptionCatalog;
const SDDM_OLD = ['services', 'xserver', 'displayManager', 'sddm', 'enable'];
const SDDM_NEW = ['services', 'displayManager', 'sddm', 'enable'];
const project = (release: Release, ...settings: Setting[][]): Project => ({
  version: 1,
  nixosRelease: release,
  base: null,
  defaultEntry: null,
  bootOrder: [],
  specialisations: settings.map((rows, i) => ({ ...defaultSpecialisation(`s${i}`), settings: rows })),
});

describe('catalogCheck', () => {
  const check = catalogCheck(indexCatalog(catalog('24.11')));

  it('warns per specialisation at the row, and gives nothing for a project of another release', () => {
    const p = project('24.11', [], [defaultSetting(['services', 'tlp', 'enable']), defaultSetting(SDDM_OLD)]);
    const found = check(p);
    expect(found.map((d) => [d.path, d.severity])).toEqual([['specialisations[1].settings[1].path', 'warning']]);
    expect(found[0].message).toContain('renamed services.xserver.displayManager.sddm.enable to services.displayManager.sddm.enable');
    expect(check({ ...p, nixosRelease: '23.11' })).toEqual([]);
  });

  it('keeps the same warning objects while a specialisation\'s rows do not change, and follows its place', () => {
    const p = project('24.11', [defaultSetting(SDDM_OLD)], []);
    const [first] = check(p);
    const renamed = { ...p, specialisations: [{ ...p.specialisations[0], name: 'other' }, p.specialisations[1]] };
    expect(check(renamed)[0]).toBe(first);
    const moved = { ...p, specialisations: [p.specialisations[1], p.specialisations[0]] };
    expect(check(moved)[0].path).toBe('specialisations[1].settings[0].path');
  });
});

describe('the store\'s extra check', () => {
  beforeEach(() => resetStore());
  afterEach(() => studioStore.getState().setExtraCheck(null));

  it('adds its diagnostics to what fields and the problems list show, once per project and check', () => {
    const p = project('24.11', [defaultSetting(SDDM_OLD)]);
    act(() => studioStore.getState().setProject(p));
    const base = deriveState(studioStore.getState());
    const extra: Diagnostic = { path: 'specialisations[0].settings[0].path', severity: 'warning', message: 'renamed' };
    const calls: Project[] = [];
    const check = (q: Project) => (calls.push(q), [extra]);
    act(() => studioStore.getState().setExtraCheck(check));
    const merged = deriveState(studioStore.getState());
    expect(merged.diagnostics).toEqual([...base.diagnostics, extra]);
    expect(merged.warnings).toBe(base.warnings + 1);
    expect(merged.errors).toBe(base.errors);
    expect(merged.text).toBe(base.text);
    expect(fieldDiagnostics(merged.diagnostics, 'specialisations[0].settings[0].path')).toEqual([extra]);
    expect(deriveWith(p, check)).toBe(merged);
    expect(calls).toHaveLength(1);
    // A check that finds nothing leaves the derived state as it was; no check at all, too.
    expect(deriveWith(p, () => [])).toBe(base);
    act(() => studioStore.getState().setExtraCheck(null));
    expect(deriveState(studioStore.getState())).toBe(base);
  });

  it('is not part of the project\'s history', () => {
    act(() => studioStore.getState().setExtraCheck(() => []));
    expect(studioStore.temporal.getState().pastStates).toHaveLength(0);
  });
});

const byLabel = <T extends HTMLElement = HTMLInputElement>(name: string) => {
  const el = document.querySelector<T>(`[aria-label="${name}"]`);
  if (!el) throw new Error(`no control named ${name}`);
  return el;
};
const messagesOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const rows = () => studioStore.getState().project.specialisations[0].settings;
/** The suggestions shown under a combobox. */
const options = (input: HTMLElement) => {
  const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
  return list && !list.hidden ? [...list.querySelectorAll('[role="option"] .suggest-value')].map((o) => o.textContent) : [];
};
const key = (el: HTMLElement, k: string) => act(() => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('setting rows with the option catalog', () => {
  let app: ReturnType<typeof renderApp>;

  let fetched: string[];
  const start = async (release: Release, settings: Setting[]) => {
    serveCatalogs();
    const serve = globalThis.fetch;
    fetched = [];
    vi.stubGlobal('fetch', (url: string) => (fetched.push(String(url)), serve(url)));
    resetStore();
    studioStore.getState().setProject((p) => ({ ...p, nixosRelease: release, specialisations: [{ ...defaultSpecialisation('battery'), settings }] }));
    studioStore.getState().select(0);
    studioStore.temporal.getState().clear();
    app = renderApp();
    await settle();
  };

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('suggests option paths of the release while typing, and a pick sets the path', async () => {
    await start('24.11', [defaultSetting()]);
    const input = byLabel('Option path of setting 1');
    act(() => input.focus());
    typeInto(input, 'services.tl');
    await settle(() => options(input).length > 0);
    expect(options(input)).toEqual(['services.tlp.enable', 'services.tlp.extraConfig', 'services.tlp.settings']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(rows()[0]).toMatchObject({ path: ['services', 'tlp', 'enable'], type: 'bool', value: 'true' });
    expect(input.value).toBe('services.tlp.enable');
    expect(options(input)).toEqual([]);
  });

  it('gives a row still as Add setting made it the type of the option picked, in one undo step', async () => {
    await start('24.11', [defaultSetting()]);
    const input = byLabel('Option path of setting 1');
    act(() => input.focus());
    typeInto(input, 'services.tlp.extraC');
    await settle(() => options(input).length > 0);
    const option = document.getElementById(input.getAttribute('aria-controls')!)!.querySelector('[role="option"]')!;
    act(() => option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true })));
    expect(rows()[0]).toMatchObject({ path: ['services', 'tlp', 'extraConfig'], type: 'string', value: '' });
    act(() => undo());
    expect(rows()[0]).toMatchObject({ path: ['services', 'tlp', 'extraC'], type: 'bool', value: 'true' });

    // A row the user already changed keeps its type.
    act(() => studioStore.getState().setProject((p) => ({ ...p, specialisations: [{ ...p.specialisations[0], settings: [{ ...rows()[0], value: 'false' }] }] })));
    typeInto(input, 'services.tlp.extra');
    await settle(() => options(input).length > 0);
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(rows()[0]).toMatchObject({ path: ['services', 'tlp', 'extraConfig'], type: 'bool', value: 'false' });
  });

  it('leaves <name> selected for the user to replace, and sets the path once it is replaced', async () => {
    await start('24.11', [defaultSetting()]);
    const input = byLabel('Option path of setting 1');
    act(() => input.focus());
    typeInto(input, 'systemd.services.');
    await settle(() => options(input).length > 0);
    const first = options(input)[0]!;
    expect(first).toMatch(/^systemd\.services\.<name>\./);
    key(input, 'ArrowDown');
    key(input, 'Enter');
    expect(input.value).toBe(first);
    expect(document.activeElement).toBe(input);
    expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).toBe('<name>');
    expect(messagesOf(input)).toContain('replace <name> with a name of your own');
    expect(rows()[0].path).toEqual([]);
    typeInto(input, first.replace('<name>', 'backup'));
    expect(rows()[0].path.slice(0, 3)).toEqual(['systemd', 'services', 'backup']);
  });

  it('warns at the field about an option the release renamed, and its button moves the row to the new name (undoable)', async () => {
    await start('24.11', [defaultSetting(SDDM_OLD)]);
    await settle(() => button(document.body, 'Use services.displayManager.sddm.enable in setting 1') !== undefined);
    const input = byLabel('Option path of setting 1');
    expect(messagesOf(input)).toContain('NixOS 24.11 renamed services.xserver.displayManager.sddm.enable to services.displayManager.sddm.enable');
    expect(input.closest('.field')?.className).toContain('field-has-warning');
    expect(deriveState(studioStore.getState()).diagnostics.some((d) => d.path === 'specialisations[0].settings[0].path' && d.severity === 'warning')).toBe(true);

    click(button(document.body, 'Use services.displayManager.sddm.enable in setting 1'));
    expect(rows()[0].path).toEqual(SDDM_NEW);
    expect(input.value).toBe('services.displayManager.sddm.enable');
    expect(document.activeElement).toBe(input);
    expect(messagesOf(input)).not.toContain('renamed');
    expect(button(document.body, 'Use services.displayManager.sddm.enable in setting 1')).toBeUndefined();
    act(() => undo());
    expect(rows()[0].path).toEqual(SDDM_OLD);
    expect(messagesOf(input)).toContain('renamed');
  });

  it('follows the release: the old name is no warning where it was the name', async () => {
    await start('24.11', [defaultSetting(SDDM_OLD)]);
    const input = byLabel('Option path of setting 1');
    await settle(() => messagesOf(input).includes('renamed'));
    act(() => studioStore.getState().setProject((p) => ({ ...p, nixosRelease: '23.11' })));
    await settle(() => !messagesOf(input).includes('renamed'));
    expect(messagesOf(input)).not.toContain('renamed');
    expect(button(document.body, 'Use services.displayManager.sddm.enable in setting 1')).toBeUndefined();
  });

  it('fetches no option catalog while the project has no setting row', async () => {
    await start('24.11', []);
    expect(fetched.filter((u) => u.includes('options/'))).toEqual([]);
    expect(studioStore.getState().extraCheck).toBeNull();
    click(button(document.body, 'Add setting'));
    await settle(() => studioStore.getState().extraCheck !== null);
    expect(fetched.filter((u) => u.includes('options/'))).toEqual([expect.stringMatching(/options\/24\.11\.json$/)]);
  });
});
