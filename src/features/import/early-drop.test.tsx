import { afterEach, describe, expect, it } from 'vitest';
import { holdEarlyDrops, takeEarlyDrop } from './early-drop';

/** A drop event as a browser dispatches it, carrying `file` or `text`. */
function dropEvent(type: 'drop' | 'dragover', what: { file?: File; text?: string }): DragEvent {
  const files = what.file ? [what.file] : [];
  const types = [...(what.file ? ['Files'] : []), ...(what.text !== undefined ? ['text/plain'] : [])];
  const event = new Event(type, { bubbles: true, cancelable: true }) as DragEvent;
  Object.defineProperty(event, 'dataTransfer', {
    value: { types, files: Object.assign(files, { item: (i: number) => files[i] ?? null }), getData: (t: string) => (t === 'text/plain' ? (what.text ?? '') : '') },
  });
  return event;
}

describe('drops before the editor starts', () => {
  afterEach(() => {
    takeEarlyDrop();
  });

  it('keeps a dropped file for the editor and stops the browser from opening it', () => {
    holdEarlyDrops();
    const file = new File(['{ }'], 'configuration.nix');
    const over = dropEvent('dragover', { file });
    document.body.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    const drop = dropEvent('drop', { file });
    document.body.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(takeEarlyDrop()).toEqual({ file });
    // Taken once; the editor's own listeners take drops from then on.
    expect(takeEarlyDrop()).toBeNull();
    const later = dropEvent('drop', { file });
    document.body.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
    expect(takeEarlyDrop()).toBeNull();
  });

  it('keeps dropped text, the last drop when there were several, and leaves text dropped into a field to the field', () => {
    holdEarlyDrops();
    document.body.dispatchEvent(dropEvent('drop', { text: 'first' }));
    document.body.dispatchEvent(dropEvent('drop', { text: '{ specialisation.a.configuration = { }; }' }));
    const input = document.createElement('input');
    document.body.append(input);
    const intoField = dropEvent('drop', { text: 'typed into the field' });
    input.dispatchEvent(intoField);
    input.remove();
    expect(intoField.defaultPrevented).toBe(false);
    expect(takeEarlyDrop()).toEqual({ text: '{ specialisation.a.configuration = { }; }' });
  });
});
