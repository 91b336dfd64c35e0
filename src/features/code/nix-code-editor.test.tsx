import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioStore } from '../../store/studio-store';
import { NixCodeEditor } from './nix-code-editor';

vi.mock('../monaco/load-monaco', () => ({
  loadMonaco: () => Promise.reject(new Error('offline')),
  loadedMonaco: () => null,
}));

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('NixCodeEditor without Monaco', () => {
  it('is a plain text area with the field id, label and path', async () => {
    const onChange = vi.fn();
    await act(async () =>
      root.render(
        <NixCodeEditor value="a = 1;" onChange={onChange} label="Extra Nix" id="extra" fieldPath="specialisations[0].extraConfig" />,
      ),
    );
    const area = container.querySelector('textarea')!;
    expect(area.id).toBe('extra');
    expect(area.getAttribute('aria-label')).toBe('Extra Nix');
    expect(area.dataset.fieldPath).toBe('specialisations[0].extraConfig');
    expect(area.value).toBe('a = 1;');

    act(() => area.focus());
    expect(studioStore.getState().focusedField).toBe('specialisations[0].extraConfig');

    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      setValue.call(area, 'a = 2;');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith('a = 2;');
  });
});
