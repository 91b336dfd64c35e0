import AxeBuilder from '@axe-core/playwright';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { allowFor, axeViolations, reload, SLOW } from './slow-steps';

// The first paint (index.html's static frame, src/app/first-paint.ts): the stored project's module as plain text and
// its entries' names before the editor (React, the forms) has arrived, and the editor taking over the whole frame.
// The service worker is blocked so that every request for the editor's chunk reaches the route that holds it back.
test.use({ serviceWorkers: 'block', colorScheme: 'dark' });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const EDITOR_CHUNK = /\/assets\/main-[^/]*\.js$/;
const firstPaint = (page: Page) => page.locator('[data-first-paint]');

/** Holds back the editor's chunk until the returned function is called. */
async function holdEditor(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(EDITOR_CHUNK, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('shows the stored project as Nix before the editor arrives, then the editor takes the page over', async ({ page, consoleErrors }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  // The module the editor writes for the project, read from its preview (Monaco, loaded late).
  allowFor(SLOW.monaco);
  await expect
    .poll(() => page.evaluate(() => window.__studioPreviewText?.() ?? ''), { timeout: SLOW.monaco })
    .toMatch(/paul = \{|paul\.configuration/);
  const written = await page.evaluate(() => window.__studioPreviewText?.() ?? '');

  const release = await holdEditor(page);
  await reload(page);
  const code = firstPaint(page).getByLabel('Generated NixOS module');
  await expect(code).toHaveText(written, { useInnerText: false });
  expect(await code.evaluate((pre) => pre.textContent)).toBe(written);
  await expect(firstPaint(page).getByRole('list', { name: 'Specialisations in the project' }).getByRole('listitem')).toHaveText(['chani', 'paul']);
  await expect(firstPaint(page).getByRole('status')).toHaveText('Loading the editor…');
  // Nothing to type into yet: nothing typed can be lost when the editor replaces the frame.
  expect(await firstPaint(page).locator('input, textarea, select, button, [contenteditable]').count()).toBe(0);
  expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);

  release();
  await expect(firstPaint(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Specialisations' }).getByText('paul', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect(await page.getByRole('main').count()).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('a configuration.nix dropped on the first paint opens in the import dialog once the editor is there', async ({ page }) => {
  const release = await holdEditor(page);
  await page.goto('./');
  await expect(firstPaint(page).getByRole('status')).toHaveText('Loading the editor…');
  const url = page.url();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{ specialisation.early.configuration = { }; }'], 'configuration.nix', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  // The browser did not open the file in place of the page.
  expect(page.url()).toBe(url);
  release();
  const dialog = page.getByRole('dialog', { name: 'Import Nix' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 1 specialisation' })).toBeEnabled();
});

test('says so, and that the project is kept, when the editor cannot be fetched', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  await expect(page.getByRole('region', { name: 'Specialisations' }).getByText('paul', { exact: true })).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  await page.route(EDITOR_CHUNK, (route) => route.abort('internetdisconnected'));
  await reload(page);
  await expect(firstPaint(page).getByRole('status')).toContainText('The editor could not be loaded');
  await expect(firstPaint(page).getByRole('status')).toContainText('your project stays saved in this browser');
  // The first paint still shows the module; it wrote nothing to storage.
  await expect(firstPaint(page).getByLabel('Generated NixOS module')).toContainText('specialisation');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);
});
