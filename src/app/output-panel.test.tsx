import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSpecialisation, defaultKernel } from '../model/defaults';
import { studioStore } from '../store/studio-store';
import { click, renderApp, resetStore, serveCatalogs, settle } from '../test/dom';

// Monaco is not under test here, and slow to load in jsdom.
vi.mock('../features/preview/preview-pane', () => ({ PreviewPane: () => <div className="preview-pane" /> }));
vi.mock('../features/code/nix-code-editor', () => ({ NixCodeEditor: () => <textarea aria-label="Extra Nix" /> }));

describe('output tabs', () => {
  let app: ReturnType<typeof renderApp>;
  const writes: string[] = [];

  beforeEach(async () => {
    serveCatalogs();
    writes.length = 0;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    resetStore();
    studioStore.getState().setProject((p) => ({
      ...p,
      specialisations: [
        { ...defaultSpecialisation('kernel-test'), kernel: { ...defaultKernel(), packages: 'linuxPackages_latest' } },
        defaultSpecialisation('plain'),
      ],
    }));
    studioStore.getState().select(0);
    app = renderApp();
    await settle();
  });

  afterEach(() => {
    app.unmount();
    vi.unstubAllGlobals();
  });

  const tabs = () => [...app.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  /** A tab's name: its text without the short label a phone shows instead (aria-hidden). */
  const tabName = (t: Element) =>
    [...t.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true')).map((n) => n.textContent).join('');
  const tabNamed = (name: string) => tabs().find((t) => tabName(t) === name)!;
  const visiblePanel = () => [...app.container.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => !p.hidden);
  const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

  it('follows the WAI-ARIA tabs pattern: one tab stop, arrows, Home and End', async () => {
    expect(tabs().map(tabName)).toEqual(['Generated Nix', 'Boot menu', 'Compare', 'How to apply']);
    expect(tabs().map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(visiblePanel()).toHaveLength(1);
    expect(visiblePanel()[0].getAttribute('aria-labelledby')).toBe(tabs()[0].id);
    expect(document.getElementById(tabs()[0].getAttribute('aria-controls')!)).toBe(visiblePanel()[0]);

    tabs()[0].focus();
    key(tabs()[0], 'ArrowRight');
    expect(document.activeElement).toBe(tabs()[1]);
    // The boot menu is a lazy part: it loads with its tab.
    await vi.waitFor(() => expect(visiblePanel()[0].querySelector('ol[aria-label="Boot menu preview"]')).not.toBeNull());
    key(tabs()[1], 'End');
    expect(document.activeElement).toBe(tabs()[3]);
    key(tabs()[3], 'ArrowRight');
    expect(document.activeElement).toBe(tabs()[0]);
    key(tabs()[0], 'ArrowLeft');
    expect(tabs()[3].getAttribute('aria-selected')).toBe('true');
    key(tabs()[3], 'Home');
    expect(tabs()[0].getAttribute('aria-selected')).toBe('true');
  });

  it('How to apply: the selected entry open, what needs a reboot, copy buttons that copy exactly the command and say so', async () => {
    click(tabNamed('How to apply'));
    // The guide is a lazy part: it loads with its tab.
    await vi.waitFor(() => expect(visiblePanel()[0].querySelectorAll('details')).toHaveLength(2));
    await settle();
    const panel = visiblePanel()[0];
    const items = [...panel.querySelectorAll('details')];
    expect(items.map((d) => d.open)).toEqual([true, false]);
    expect(items[0].querySelector('summary')?.textContent).toBe('kernel-test needs a reboot');
    expect(items[1].querySelector('summary')?.textContent).toBe('plain changes nothing yet');
    expect(items[0].textContent).toContain('the kernel (linuxPackages_latest)');

    const copy = items[0].querySelector<HTMLButtonElement>('button[aria-label="Copy: sudo nixos-rebuild switch --specialisation kernel-test"]')!;
    expect(copy.textContent).toBe('Copy');
    await act(async () => copy.click());
    expect(writes).toEqual(['sudo nixos-rebuild switch --specialisation kernel-test']);
    const status = panel.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Copied: sudo nixos-rebuild switch --specialisation kernel-test');
  });
});
