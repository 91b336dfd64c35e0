import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSetting, defaultSpecialisation } from '../../model/defaults';
import type { Setting } from '../../model/types';
import { generate } from '../../nixos/generate';
import { studioStore, undo } from '../../store/studio-store';
import { button, click, field, renderApp, resetStore, selectOption, serveCatalogs, settle, typeInto } from '../../test/dom';
import type * as FieldModule from './field';
import { changeType, parseOverride, rowKeys } from './settings-section';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

/** Renders of each field, by model path: typing in one row must not render the others. */
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('./field', async (importOriginal) => {
  const actual = await importOriginal<typeof FieldModule>();
  return {
    ...actual,
    Field: (props: Parameters<typeof actual.Field>[0]) => {
      renders.set(props.path, (renders.get(props.path) ?? 0) + 1);
      return actual.Field(props);
    },
  };
});

const row = (over: Partial<Setting> = {}): Setting => ({ ...defaultSetting(['a']), ...over });

describe('changeType', () => {
  it('turns typed text into a list and back, and keeps both for the way back', () => {
    const text = row({ type: 'string', value: 'noatime' });
    const strings = changeType(text, 'strings');
    expect(strings).toMatchObject({ type: 'strings', items: ['noatime'], value: 'noatime' });
    expect(changeType(strings, 'string')).toMatchObject({ type: 'string', value: 'noatime', items: ['noatime'] });
    expect(changeType(row({ type: 'nix', value: 'firefox, git  vim' }), 'packages').items).toEqual(['firefox', 'git', 'vim']);
  });

  it('writes a list as text where the row has none, and as Nix for a Nix expression', () => {
    const list = row({ type: 'strings', value: '', items: ['a b', 'c"d'] });
    expect(changeType(list, 'string').value).toBe('a b c"d');
    expect(changeType(list, 'nix').value).toBe('[\n  "a b"\n  "c\\"d"\n]');
    expect(changeType(row({ type: 'packages', value: '', items: ['firefox'] }), 'nix').value).toContain('firefox');
  });

  it('keeps the text of a scalar as typed, and does not make a list of a boolean', () => {
    expect(changeType(row({ type: 'string', value: ' x ' }), 'nix').value).toBe(' x ');
    expect(changeType(row({ type: 'bool', value: 'true' }), 'strings').items).toEqual([]);
    const r = row();
    expect(changeType(r, 'bool')).toBe(r);
  });
});

describe('rowKeys', () => {
  const [a, b, c] = [row({ value: 'a' }), row({ value: 'b' }), row({ value: 'c' })];
  it('follows rows through moves, removals, edits and additions', () => {
    expect(rowKeys([a, b, c], [0, 1, 2], [b, a, c])).toEqual([1, 0, 2]);
    expect(rowKeys([a, b, c], [0, 1, 2], [a, c])).toEqual([0, 2]);
    expect(rowKeys([a, b, c], [0, 1, 2], [a, { ...b }, c])).toEqual([0, 1, 2]);
    expect(rowKeys([a, b], [4, 7], [a, b, c])).toEqual([4, 7, 8]);
    expect(rowKeys([a, c], [0, 2], [a, b, c])).toEqual([0, 3, 2]);
  });
});

describe('parseOverride', () => {
  it('takes 0 to 10000, or nothing', () => {
    expect(parseOverride(' 50 ')).toEqual({ value: 50 });
    expect(parseOverride('')).toEqual({ value: null });
    expect(parseOverride('10001')).toHaveProperty('problem');
    expect(parseOverride('5x')).toHaveProperty('problem');
  });
});

const P = 'specialisations[0].settings';
const rows = () => studioStore.getState().project.specialisations[0].settings;
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
/** The Settings section of the form. */
const section = () => document.querySelector('section[aria-labelledby="specialisations[0]-settings-heading"]')!;

describe('settings section', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => ({ ...p, specialisations: [defaultSpecialisation('battery')] }));
    studioStore.getState().select(0);
    studioStore.temporal.getState().clear();
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('adds a row with Add setting, focuses its option path, and names every control of each row uniquely', () => {
    expect(section().querySelector('h3')?.textContent).toBe('Other settings');
    expect(section().textContent).toContain('No settings yet');
    click(button(section(), 'Add setting'));
    expect(rows()).toHaveLength(1);
    expect(document.activeElement).toBe(byLabel('Option path of setting 1'));
    click(button(section(), 'Add setting'));
    expect(document.activeElement).toBe(byLabel('Option path of setting 2'));

    const names = [...section().querySelectorAll<HTMLElement>('input, select, textarea, button')].map(
      (el) => el.getAttribute('aria-label') ?? (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ?? el.textContent,
    );
    expect(names).toContain('Type of setting 2');
    expect(names).toContain('Value of setting 1');
    expect(names).toContain('Priority of setting 2');
    expect(names).toContain('Only if… (setting 1)');
    expect(names).toContain('Move down setting 1');
    expect(names).toContain('Remove setting 2');
    expect(new Set(names).size).toBe(names.length);
    // Each control has a visible label too.
    for (const el of section().querySelectorAll<HTMLElement>('input, select, textarea'))
      expect(document.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
  });

  it('keeps option path text that does not parse, says so at the field, and keeps the last path in the project', () => {
    click(button(section(), 'Add setting'));
    const input = byLabel('Option path of setting 1');
    typeInto(input, 'fileSystems."/".device');
    expect(rows()[0].path).toEqual(['fileSystems', '/', 'device']);
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.closest('.field')?.querySelector('.doc-link')?.textContent).toContain('fileSystems."/".device');

    typeInto(input, 'fileSystems."/".device.');
    expect(input.value).toBe('fileSystems."/".device.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(messagesOf(input)).toContain('not an option path yet');
    expect(rows()[0].path).toEqual(['fileSystems', '/', 'device']);

    // The project moves (undo): the project's path wins over the typed text.
    act(() => undo());
    expect(rows()[0].path).toEqual([]);
    expect(input.value).toBe('');
    expect(messagesOf(input)).toContain('a setting needs an option path');
  });

  it('edits a boolean forced to false, and the generated Nix says so', () => {
    click(button(section(), 'Add setting'));
    typeInto(byLabel('Option path of setting 1'), 'services.tlp.enable');
    selectOption(byLabel<HTMLSelectElement>('Value of setting 1'), 'false');
    selectOption(byLabel<HTMLSelectElement>('Priority of setting 1'), 'force');
    expect(rows()[0]).toMatchObject({ path: ['services', 'tlp', 'enable'], type: 'bool', value: 'false', priority: 'force' });
    expect(generate(studioStore.getState().project).text).toContain('services.tlp.enable = lib.mkForce false;');
  });

  it('changes the type keeping what was typed, each change one undo step', () => {
    click(button(section(), 'Add setting'));
    selectOption(byLabel<HTMLSelectElement>('Type of setting 1'), 'string');
    const value = byLabel<HTMLTextAreaElement>('Value of setting 1');
    expect(value.tagName).toBe('TEXTAREA');
    typeInto(value, 'noatime');
    selectOption(byLabel<HTMLSelectElement>('Type of setting 1'), 'strings');
    expect(rows()[0].items).toEqual(['noatime']);
    expect(button(section(), 'Remove setting 1 string noatime')).toBeDefined();
    selectOption(byLabel<HTMLSelectElement>('Type of setting 1'), 'bool');
    // Text that is not a boolean stays, shown as such, with the field's message.
    const bool = byLabel<HTMLSelectElement>('Value of setting 1');
    expect(bool.value).toBe('noatime');
    expect(messagesOf(bool)).toContain('a boolean is true or false');
    act(() => undo());
    act(() => undo());
    expect(rows()[0]).toMatchObject({ type: 'string', value: 'noatime' });
    expect(byLabel<HTMLTextAreaElement>('Value of setting 1').value).toBe('noatime');
  });

  it('shows a value the model refuses at its field', () => {
    click(button(section(), 'Add setting'));
    selectOption(byLabel<HTMLSelectElement>('Type of setting 1'), 'int');
    const value = byLabel('Value of setting 1');
    typeInto(value, '12x');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(messagesOf(value)).toContain('"12x" is not a whole number');
  });

  it('asks for N with lib.mkOverride, keeps text that is not one, and forgets N for another priority', () => {
    click(button(section(), 'Add setting'));
    selectOption(byLabel<HTMLSelectElement>('Priority of setting 1'), 'override');
    const n = byLabel('Override priority of setting 1');
    expect(n.value).toBe('100');
    typeInto(n, '4o');
    expect(n.value).toBe('4o');
    expect(messagesOf(n)).toContain('whole number from 0 to 10000');
    expect(rows()[0].overridePriority).toBe(100);
    typeInto(n, '40');
    expect(rows()[0].overridePriority).toBe(40);
    selectOption(byLabel<HTMLSelectElement>('Priority of setting 1'), 'default');
    expect(rows()[0]).toMatchObject({ priority: 'default', overridePriority: null });
    expect(document.querySelector('[aria-label="Override priority of setting 1"]')).toBeNull();
  });

  it('reveals the condition with Only if…, and brings the text back when it is turned on again', () => {
    click(button(section(), 'Add setting'));
    const toggle = document.getElementById('f-specialisations-0-settings-0-only-if') as HTMLInputElement;
    click(toggle);
    const condition = byLabel('Condition of setting 1');
    expect(document.activeElement).toBe(condition);
    expect(messagesOf(condition)).toContain('the condition is empty');
    typeInto(condition, 'config.services.xserver.enable');
    expect(rows()[0].condition).toBe('config.services.xserver.enable');
    click(toggle);
    expect(rows()[0].condition).toBeNull();
    expect(document.querySelector('[aria-label="Condition of setting 1"]')).toBeNull();
    click(toggle);
    expect(rows()[0].condition).toBe('config.services.xserver.enable');
  });

  it('moves rows with their typed text, the focus staying on a move button', () => {
    act(() =>
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: [{ ...p.specialisations[0], settings: [defaultSetting(['a']), defaultSetting(['b']), defaultSetting(['c'])] }],
      })),
    );
    typeInto(byLabel('Option path of setting 3'), 'c.');
    const up = button(section(), 'Move up setting 3')!;
    up.focus();
    click(up);
    expect(rows().map((r) => r.path[0])).toEqual(['a', 'c', 'b']);
    expect(byLabel('Option path of setting 2').value).toBe('c.');
    expect(document.activeElement).toBe(button(section(), 'Move up setting 2'));
    click(document.activeElement);
    expect(rows().map((r) => r.path[0])).toEqual(['c', 'a', 'b']);
    expect(byLabel('Option path of setting 1').value).toBe('c.');
    // At the top, Move up is off: the focus goes to Move down.
    expect(document.activeElement).toBe(button(section(), 'Move down setting 1'));
    click(document.activeElement);
    expect(rows().map((r) => r.path[0])).toEqual(['a', 'c', 'b']);
  });

  it('removes a row, offers to undo it, and moves the focus to the next row', () => {
    act(() =>
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: [{ ...p.specialisations[0], settings: [defaultSetting(['services', 'tlp', 'enable']), defaultSetting(['b'])] }],
      })),
    );
    click(button(section(), 'Remove setting 1'));
    expect(rows().map((r) => r.path[0])).toEqual(['b']);
    expect(document.activeElement).toBe(button(section(), 'Remove setting 1'));
    click(button(document.body, 'Undo removing setting 1 (services.tlp.enable)'));
    expect(rows().map((r) => r.path[0])).toEqual(['services', 'b']);
    expect(document.activeElement).toBe(byLabel('Option path of setting 1'));

    click(button(section(), 'Remove setting 2'));
    click(button(section(), 'Remove setting 1'));
    expect(rows()).toEqual([]);
    expect(document.activeElement).toBe(button(section(), 'Add setting'));
  });

  it('renders only the row being typed in, and focusing a row highlights the row', () => {
    act(() =>
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: [{ ...p.specialisations[0], settings: [defaultSetting(['a']), { ...defaultSetting(['b']), type: 'string', value: '' }] }],
      })),
    );
    const value = byLabel<HTMLTextAreaElement>('Value of setting 2');
    act(() => value.focus());
    expect(studioStore.getState().focusedField).toBe(`${P}[1]`);
    renders.clear();
    typeInto(value, 'hello');
    expect(rows()[1].value).toBe('hello');
    expect(renders.get(`${P}[1].value`)).toBeGreaterThan(0);
    expect(renders.get(`${P}[0].path`) ?? 0).toBe(0);
    expect(renders.get(`${P}[0].value`) ?? 0).toBe(0);
    act(() => value.blur());
    expect(studioStore.getState().focusedField).toBeNull();
    expect(field(app.container, `${P}[1]`)?.tagName).toBe('FIELDSET');
  });
});
