import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addTemplate } from '../../model/templates';
import { studioStore, undo } from '../../store/studio-store';
import { act } from 'react';
import { click, field, renderApp, resetStore, serveCatalogs, settle, typeInto } from '../../test/dom';
import { parseUid } from './uid-field';

const UID = 'specialisations[0].users[0].uid';
const storedUid = () => studioStore.getState().project.specialisations[0].users[0].uid;

function messagesOf(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

describe('uid field', () => {
  let app: ReturnType<typeof renderApp>;

  beforeEach(async () => {
    serveCatalogs();
    resetStore();
    studioStore.getState().setProject((p) => addTemplate(p, 'chani-paul').project);
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  it('keeps text that is not a whole number, says so at the field, and leaves the project at its last valid uid', () => {
    const input = field(app.container, UID)!;
    expect(input.value).toBe('1001');

    typeInto(input, '10a1');

    expect(input.value).toBe('10a1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(messagesOf(input)).toContain('uid must be a whole number');
    expect(storedUid()).toBe(1001);

    typeInto(input, '1500');
    expect(storedUid()).toBe(1500);
    expect(input.value).toBe('1500');
    expect(messagesOf(input)).not.toContain('uid must be a whole number');
  });

  it('shows the model\'s own message for a uid NixOS refuses, and follows undo', () => {
    const input = field(app.container, UID)!;
    typeInto(input, '500');
    expect(storedUid()).toBe(500);
    expect(messagesOf(input)).toContain('a normal user needs a uid of 1000 or more');

    typeInto(input, 'x');
    act(() => undo());
    expect(storedUid()).toBe(1001);
    expect(input.value).toBe('1001');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers the next free uid when the uid is missing or unusable', () => {
    const offer = () => [...app.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Use next free uid'));
    expect(offer()).toBeUndefined();
    typeInto(field(app.container, UID)!, '');
    expect(storedUid()).toBeNull();
    expect(offer()?.textContent).toBe('Use next free uid (1003)');
    click(offer());
    expect(storedUid()).toBe(1003);
    expect(offer()).toBeUndefined();
  });
});

describe('parseUid', () => {
  it('takes whole numbers and empty text, and explains anything else', () => {
    expect(parseUid(' 1000 ')).toEqual({ uid: 1000 });
    expect(parseUid('')).toEqual({ uid: null });
    expect(parseUid('1e3')).toEqual({ problem: 'uid must be a whole number' });
    expect(parseUid('-1')).toEqual({ problem: 'uid must be a whole number' });
    expect(parseUid('99999999999')).toEqual({ problem: 'uid must be a whole number no larger than 4294967294' });
  });
});
