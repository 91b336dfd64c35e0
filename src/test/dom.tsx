import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { App } from '../app/App';
import { createQueryClient } from '../app/providers';
import { defaultProject } from '../model/defaults';
import { studioStore } from '../store/studio-store';

/** Serves public/catalog/*.json and public/options/*.json to `fetch`, as the built site would. */
export function serveCatalogs() {
  const dir = join(__dirname, '../../public');
  vi.stubGlobal('fetch', async (url: string) => {
    const file = /((?:catalog|options)\/[\w.-]+\.json)$/.exec(String(url))?.[1];
    if (!file) return new Response('not found', { status: 404 });
    return new Response(readFileSync(join(dir, file), 'utf8'), { headers: { 'content-type': 'application/json' } });
  });
}

/** Empties the shared store and its history. */
export function resetStore() {
  localStorage.clear();
  studioStore.setState({ project: defaultProject(), selected: -1, editingParent: false, outputTab: 'nix', focusedField: null, notices: [] });
  studioStore.temporal.getState().clear();
}

/** Renders the whole app into a fresh container; `unmount` cleans up. */
export function renderApp(): { container: HTMLDivElement; root: Root; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  act(() => root.render(<App queryClient={client} />));
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/**
 * Lets pending work settle inside act: catalog fetches, and the lazy preview pane (which takes a while to
 * load in tests), so nothing resolves after the test has moved on.
 */
export async function settle(until: () => boolean = () => document.querySelector('.preview-pane') !== null) {
  // Each round is its own act: React commits what resolved only when an act scope ends.
  const deadline = Date.now() + 5000;
  do await act(() => new Promise((r) => setTimeout(r, 10)));
  while (!until() && Date.now() < deadline);
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

/** Types into an input the way React notices: the native value setter, then an input event. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

/** The button whose accessible name (aria-label, else text) is `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
}

export function field<T extends HTMLElement = HTMLInputElement>(root: ParentNode, path: string): T | null {
  return root.querySelector<T>(`[data-field-path="${path}"]`);
}

/** Picks an option of a select the way React notices. */
export function selectOption(select: HTMLSelectElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
