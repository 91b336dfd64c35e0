import { act, lazy, Suspense, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { studioStore } from '../../store/studio-store';
import { resetStore } from '../../test/dom';
import { isLoadError, LoadBoundary } from './load-boundary';

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  resetStore();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const chunkGone = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/import-dialog-B2wi3r-4.js');

async function renderFailing(error: unknown, onFailed = vi.fn()) {
  const Part = lazy<ComponentType>(() => Promise.reject(error));
  await act(async () =>
    root.render(
      <main>
        <p>the rest of the page</p>
        <LoadBoundary part="The import dialog" fallback={<p>plain stand-in</p>} onFailed={onFailed}>
          <Suspense fallback={<p>loading</p>}>
            <Part />
          </Suspense>
        </LoadBoundary>
      </main>,
    ),
  );
  return onFailed;
}

describe('LoadBoundary', () => {
  it('keeps the page, shows the stand-in and offers a reload when a chunk is gone', async () => {
    const onFailed = await renderFailing(chunkGone);
    expect(container.textContent).toBe('the rest of the pageplain stand-in');
    expect(onFailed).toHaveBeenCalledTimes(1);
    const [notice] = studioStore.getState().notices;
    expect(notice.kind).toBe('error');
    expect(notice.message).toMatch(/^The import dialog could not be loaded: .*updated.* Reload the page/);
    expect(notice.actions?.map((a) => a.label)).toEqual(['Reload']);
  });

  it('offers a reload for any other error too, naming it', async () => {
    await renderFailing(new Error('boom'));
    expect(container.textContent).toBe('the rest of the pageplain stand-in');
    const [notice] = studioStore.getState().notices;
    expect(notice.message).toBe('The import dialog stopped with an error (boom). Reloading the page may help.');
    expect(notice.actions?.map((a) => a.label)).toEqual(['Reload']);
  });
});

describe('isLoadError', () => {
  it("knows each browser's words for a module that could not be fetched, and Vite's for CSS", () => {
    expect(isLoadError(chunkGone)).toBe(true); // Chromium
    expect(isLoadError(new TypeError('error loading dynamically imported module: http://x/a.js'))).toBe(true); // Firefox
    expect(isLoadError(new TypeError('Importing a module script failed.'))).toBe(true); // Safari
    expect(isLoadError(new Error('Unable to preload CSS for ./assets/a.css'))).toBe(true); // Vite
    expect(isLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
