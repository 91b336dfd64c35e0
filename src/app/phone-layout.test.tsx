import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reveal } from '../features/panes/reveal';
import { defaultSpecialisation, defaultUser } from '../model/defaults';
import { studioStore } from '../store/studio-store';
import { click, resetStore } from '../test/dom';
import { PhoneLayout } from './phone-layout';

// What the phone's layout decides; how it looks at 390×844 is e2e/phone.spec.ts.
describe('PhoneLayout', () => {
  let container: HTMLDivElement;
  let root: Root;
  const main = () => container.querySelector('main')!;
  const barButton = (label: string) =>
    [...container.querySelectorAll<HTMLButtonElement>('.pane-bar button')].find((b) => b.getAttribute('aria-label')!.startsWith(`${label}:`))!;

  beforeEach(() => {
    resetStore();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root.render(
        <PhoneLayout>
          <section className="panel list-panel">
            <button type="button" data-shows-form>
              pick
            </button>
            <button type="button">move</button>
          </section>
          <section className="panel form-panel">
            <input aria-label="field" />
          </section>
          <div className="panel output-panel">
            <button type="button">problem</button>
          </div>
        </PhoneLayout>,
      ),
    );
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });

  it('starts on the list; the bar switches and marks the pane it shows', () => {
    expect(main().dataset.pane).toBe('list');
    expect(barButton('Specialisations').getAttribute('aria-current')).toBe('true');
    click(barButton('Output'));
    expect(main().dataset.pane).toBe('output');
    expect(barButton('Output').getAttribute('aria-current')).toBe('true');
    expect(barButton('Specialisations').hasAttribute('aria-current')).toBe(false);
  });

  it('a control marked data-shows-form shows the form, another click in the list does not', () => {
    click(container.querySelector('.list-panel button:not([data-shows-form])'));
    expect(main().dataset.pane).toBe('list');
    click(container.querySelector('[data-shows-form]'));
    expect(main().dataset.pane).toBe('form');
  });

  it('revealing an element shows its pane at once, before it is focused', () => {
    click(barButton('Output'));
    const input = container.querySelector('input')!;
    act(() => {
      reveal(input);
      expect(main().dataset.pane).toBe('form');
    });
  });

  it('the main system shown anywhere shows the form', () => {
    act(() => studioStore.getState().selectParent());
    expect(main().dataset.pane).toBe('form');
    expect(barButton('Settings').getAttribute('aria-label')).toBe('Settings: Main system');
  });

  it('the bar names the entry in the form and counts the problems', () => {
    expect(barButton('Specialisations').getAttribute('aria-label')).toBe('Specialisations: none yet');
    expect(barButton('Settings').getAttribute('aria-label')).toBe('Settings: none selected');
    expect(barButton('Output').getAttribute('aria-label')).toBe('Output: No problems');
    act(() => {
      // A user without a name is an error.
      studioStore.getState().setProject((p) => ({
        ...p,
        specialisations: [{ ...defaultSpecialisation('chani'), users: [defaultUser('')] }],
      }));
      studioStore.getState().select(0);
    });
    expect(barButton('Specialisations').getAttribute('aria-label')).toBe('Specialisations: 1 entry');
    expect(barButton('Settings').getAttribute('aria-label')).toBe('Settings: chani');
    expect(barButton('Output').getAttribute('aria-label')).toMatch(/^Output: \d+ errors?/);
  });

  it('on a phone each pane gets back its scroll position; the form of another entry starts at its top', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: true, media: query }));
    const scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo);
    const scrolled = (y: number) => Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
    act(() => {
      studioStore.getState().setProject((p) => ({ ...p, specialisations: [defaultSpecialisation('a'), defaultSpecialisation('b')] }));
      studioStore.getState().select(0);
    });

    scrolled(300);
    click(container.querySelector('[data-shows-form]'));
    scrolled(900);
    click(barButton('Specialisations'));
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 300, behavior: 'instant' });
    click(barButton('Settings'));
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 900, behavior: 'instant' });
    click(barButton('Specialisations'));
    act(() => studioStore.getState().select(1));
    click(barButton('Settings'));
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 0, behavior: 'instant' });
    delete (window as { scrollY?: number }).scrollY;
  });
});
