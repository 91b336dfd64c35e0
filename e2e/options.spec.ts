import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { allowFor, reload, SLOW } from './slow-steps';

// The option catalog in the UI (docs/option-catalog.md, "How it is used"): option paths suggested in setting rows
// and in the Nix editors, the catalog's warnings with their fix, and the catalog kept for offline use.
// Every test here runs under the fixtures of ./fixtures: a request to any other origin fails the test.

test.beforeEach(async ({ page }) => {
  // Turns on the production build's test hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const form = (page: Page) => page.getByRole('form', { name: 'Settings of battery' });
const settings = (page: Page) => form(page).getByRole('region', { name: 'Other settings' });
const row = (page: Page, n: number) => settings(page).getByRole('group', { name: new RegExp(`^Setting ${n}\\b`) });
const pathInput = (page: Page, n: number) => page.getByLabel(`Option path of setting ${n}`);

/** Waits until the preview (Monaco, loaded late) contains `text`. */
async function previewShows(page: Page, text: string) {
  allowFor(SLOW.monaco);
  await expect.poll(async () => (await previewText(page)) ?? '', { message: `the preview shows ${text}`, timeout: SLOW.monaco }).toContain(text);
}

/** A new blank specialisation named battery, from the empty project; the option catalogs fetched are recorded. */
async function addBattery(page: Page): Promise<string[]> {
  const catalogs: string[] = [];
  page.on('request', (r) => {
    if (/\/options\/[^/]+\.json$/.test(r.url())) catalogs.push(new URL(r.url()).pathname);
  });
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('battery');
  await expect(form(page)).toBeVisible();
  return catalogs;
}

async function addRow(page: Page, n: number) {
  await settings(page).getByRole('button', { name: 'Add setting', exact: true }).click();
  await expect(pathInput(page, n)).toBeFocused();
}

test('a row\'s option path: typing suggests the release\'s paths, and a pick writes the option', async ({ page, consoleErrors }) => {
  const catalogs = await addBattery(page);
  // Nothing needs the catalog before a row exists.
  expect(catalogs).toEqual([]);
  await addRow(page, 1);
  await page.keyboard.type('services.tl');
  const suggestions = row(page, 1).getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('option', { name: /^services\.tlp\.enable\b/ })).toBeVisible();
  await expect(pathInput(page, 1)).toHaveAttribute('aria-expanded', 'true');
  expect(catalogs).toHaveLength(1);
  expect(catalogs[0]).toMatch(/\/options\/[\w.]+\.json$/);

  await suggestions.getByRole('option', { name: /^services\.tlp\.enable\b/ }).click();
  await expect(pathInput(page, 1)).toHaveValue('services.tlp.enable');
  await expect(suggestions).toBeHidden();
  await expect(page.getByLabel('Type of setting 1')).toHaveValue('bool');
  await expect(row(page, 1).getByRole('link', { name: 'Documentation for services.tlp.enable' })).toBeVisible();
  await previewShows(page, 'services.tlp.enable = true;');

  // With the keyboard: an option whose type is a string gives the fresh row that type.
  await addRow(page, 2);
  await page.keyboard.type('services.tlp.extraC');
  await expect(row(page, 2).getByRole('option', { name: /^services\.tlp\.extraConfig\b/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(pathInput(page, 2)).toHaveValue('services.tlp.extraConfig');
  await expect(page.getByLabel('Type of setting 2')).toHaveValue('string');
  expect(consoleErrors).toEqual([]);
});

test('an option the release renamed: a warning at the row and in the problems list, and a button that moves the row', async ({ page }) => {
  await addBattery(page);
  await page.getByLabel('NixOS release').selectOption('24.11');
  await addRow(page, 1);
  await page.keyboard.type('services.xserver.displayManager.sddm.enable');
  const message = 'NixOS 24.11 renamed services.xserver.displayManager.sddm.enable to services.displayManager.sddm.enable';
  await expect(row(page, 1).getByText(message)).toBeVisible();
  await expect(problems(page).getByRole('button', { name: new RegExp(`^Warning ${message.replace(/\./g, '\\.')}`) })).toBeVisible();

  const fix = row(page, 1).getByRole('button', { name: 'Use services.displayManager.sddm.enable in setting 1' });
  await fix.click();
  await expect(pathInput(page, 1)).toHaveValue('services.displayManager.sddm.enable');
  await expect(pathInput(page, 1)).toBeFocused();
  await expect(row(page, 1).getByText(message)).toHaveCount(0);
  await expect(fix).toHaveCount(0);
  await previewShows(page, 'services.displayManager.sddm.enable = true;');

  // Undoable like any edit.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(pathInput(page, 1)).toHaveValue('services.xserver.displayManager.sddm.enable');
  await expect(row(page, 1).getByText(message)).toBeVisible();
});

test('the Nix editors suggest option paths at the start of a binding', async ({ page }) => {
  await addBattery(page);
  await addRow(page, 1);
  await page.keyboard.type('services.tlp.enable');
  allowFor(SLOW.monaco);
  const extra = form(page).locator('.nix-code-editor');
  await expect(extra.locator('.monaco-editor')).toBeVisible({ timeout: SLOW.monaco });
  await form(page).getByLabel('Extra Nix').focus();
  await page.keyboard.type('boot.kernelPar');
  const widget = extra.locator('.suggest-widget');
  await expect(widget.getByText('boot.kernelParams', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' = [ "quiet" ];');
  await previewShows(page, 'boot.kernelParams = [ "quiet" ];');

  // Edit Nix: the same suggestions in the module's text.
  const preview = page.getByRole('region', { name: 'Generated Nix' });
  await preview.getByRole('button', { name: 'Edit Nix' }).click();
  await preview.locator('.view-line', { hasText: 'services.tlp.enable = true;' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('services.tlp.ex');
  await expect(preview.locator('.suggest-widget').getByText('services.tlp.extraConfig', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a release\'s catalog is kept by the service worker once fetched, and works offline', async ({ page, context }) => {
  const catalogs = await addBattery(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The precache holds the build but no option catalog.
  const cachedCatalogs = () =>
    page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) if (/\/options\//.test(r.url)) out.push(`${name} ${new URL(r.url).pathname}`);
      return out;
    });
  expect(await cachedCatalogs()).toEqual([]);
  // Controlled by the worker from here on; the project (a specialisation, now with a row) is saved.
  await reload(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await addRow(page, 1);
  await page.keyboard.type('services.tl');
  await expect(row(page, 1).getByRole('option', { name: /^services\.tlp\.enable\b/ })).toBeVisible();
  expect(catalogs.length).toBeGreaterThan(0);
  await expect.poll(cachedCatalogs).toEqual([expect.stringMatching(/^option-catalogs:\/ \/options\/[\w.]+\.json$/)]);

  await context.setOffline(true);
  await reload(page);
  await expect(pathInput(page, 1)).toHaveValue('services.tl');
  await pathInput(page, 1).fill('services.tlp.e');
  await expect(row(page, 1).getByRole('option', { name: /^services\.tlp\.enable\b/ })).toBeVisible();
  await context.setOffline(false);
});
