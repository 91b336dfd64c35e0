declare global {
  interface Window {
    /** Set by e2e tests (e.g. Playwright's `addInitScript`) before the app loads to get test hooks in production builds. */
    __STUDIO_TEST__?: boolean;
    /** The preview editor's model text; present only when {@link testHooksEnabled}. */
    __studioPreviewText?: () => string;
  }
}

/**
 * Test hooks are on in development and test builds, and in a production build when the page
 * sets `window.__STUDIO_TEST__ = true` before the app starts (the e2e tests run against `npm run build`).
 * E2e tests read the editor's text with `await page.evaluate(() => window.__studioPreviewText?.())`
 * instead of scraping `.view-lines`, which holds only the rendered lines with non-breaking spaces.
 */
export function testHooksEnabled(): boolean {
  return import.meta.env.DEV || import.meta.env.MODE !== 'production' || (typeof window !== 'undefined' && !!window.__STUDIO_TEST__);
}

/** Exposes the preview text to e2e tests; returns the cleanup. */
export function exposePreviewText(read: () => string): () => void {
  if (!testHooksEnabled()) return () => {};
  window.__studioPreviewText = read;
  return () => {
    if (window.__studioPreviewText === read) delete window.__studioPreviewText;
  };
}
