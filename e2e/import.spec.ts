import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { generate } from '../src/nixos/generate';
import { importNix } from '../src/nixos/import/import-nix';
import { buildLargeConfiguration } from '../bench/parse.bench-data';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

// Every test here runs under the fixtures of ./fixtures: a request to any other origin fails the test.

const fixture = (name: string) => readFile(fileURLToPath(new URL(`../src/nixos/__fixtures__/import/${name}`, import.meta.url)), 'utf8');

test.beforeEach(async ({ page }) => {
  // The production build's test hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const entry = (page: Page, name: string) => list(page).getByRole('button', { name: new RegExp(`^${name}( |$)`) });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import Nix' });
const preview = (page: Page) => page.getByRole('region', { name: 'Generated Nix' });
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);

async function pasteIntoImport(page: Page, text: string) {
  await page.getByRole('button', { name: 'Import Nix…' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel('Nix to import')).toBeFocused();
  await dialog(page).getByLabel('Nix to import').fill(text);
}

test.describe('importing Nix', () => {
  test("the blog's example, braces closed: the forms show chani and paul, the download is the generator's output", async ({ page, consoleErrors }) => {
    const text = await fixture('seed-blog-closed.nix');
    await page.goto('./');
    await pasteIntoImport(page, text);

    const report = dialog(page).getByRole('region', { name: 'What the import does' });
    await expect(report).toContainText('NixOS 23.11.');
    await expect(report).toContainText('services.xserver.displayManager.autoLogin (22.05–23.11)');
    await expect(report).toContainText('tags chani; user chani (uid 1001); desktop KDE Plasma 5, autologin chani');
    expect(await axeViolations(new AxeBuilder({ page }).include('dialog'))).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Import 2 specialisations' }).click();

    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Import Nix…' })).toBeFocused();
    await expect(page.getByRole('status', { name: 'Notices' })).toContainText('Imported 2 specialisations from the pasted text');
    await expect(page.getByLabel('NixOS release')).toHaveValue('23.11');
    await expect(entry(page, 'chani')).toBeVisible();
    await expect(entry(page, 'paul')).toBeVisible();
    const chani = form(page, 'chani');
    await expect(chani.getByLabel('uid', { exact: true })).toHaveValue('1001');
    await expect(chani.getByLabel('Desktop environment', { exact: true })).toHaveValue('plasma5');
    await expect(chani.getByLabel('Autologin user', { exact: true })).toHaveValue('chani');
    await entry(page, 'paul').click();
    await expect(form(page, 'paul').getByLabel('Desktop environment', { exact: true })).toHaveValue('gnome');
    await expect(form(page, 'paul').getByRole('button', { name: 'Remove package dune-release' })).toBeVisible();

    const imported = importNix(text);
    if (!imported.ok) throw new Error('the fixture must import');
    const expected = generate(imported.project).text;
    await expect.poll(() => previewText(page)).toBe(expected);
    const [download] = await Promise.all([page.waitForEvent('download'), preview(page).getByRole('button', { name: 'Download' }).click()]);
    expect(await readFile(await download.path(), 'utf8')).toBe(expected);

    // One step of the history: Undo brings the empty project back.
    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect(entry(page, 'chani')).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('the snippet as the blog published it: a line:column message and an offer to import what could be recovered', async ({ page }) => {
    await page.goto('./');
    await pasteIntoImport(page, await fixture('seed-blog-as-published.nix'));

    const alert = dialog(page).getByRole('alert');
    await expect(alert).toContainText("24:1: unexpected end of input: a '[' opened at 23:45 is not closed");
    await expect(dialog(page).getByRole('button', { name: /^Import \d+ specialisations?$/ })).toBeDisabled();
    await alert.getByRole('button', { name: 'Import what could be recovered' }).click();

    await expect(dialog(page)).toContainText('Recovered: the text was not complete');
    const importButton = dialog(page).getByRole('button', { name: 'Import 2 specialisations' });
    await expect(importButton).toBeFocused();
    await importButton.click();
    await expect(entry(page, 'chani')).toBeVisible();
    await expect(form(page, 'chani').getByLabel('Desktop environment', { exact: true })).toHaveValue('plasma5');
  });

  test('a big configuration is read in a Web Worker, and a file dropped on the page opens the dialog', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('./');
    await page.evaluate(
      ({ text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'configuration.nix', { type: 'text/plain' }));
        document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { text: buildLargeConfiguration(5000) },
    );
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toContainText('From configuration.nix');
    await expect(dialog(page).getByRole('button', { name: /^Import 1\d\d specialisations$/ })).toBeEnabled({ timeout: 30_000 });
    expect(workers.some((url) => /import-worker/.test(url))).toBe(true);
  });

  test('Escape closes the dialog without touching the project', async ({ page }) => {
    await page.goto('./');
    await pasteIntoImport(page, await fixture('egpu-dotted.nix'));
    await expect(dialog(page).getByRole('button', { name: 'Import 1 specialisation' })).toBeEnabled();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(list(page).getByRole('button', { name: /^egpu/ })).toHaveCount(0);
  });
});

test.describe('Edit Nix', () => {
  test('changing a uid in the Nix changes the form; text that is not Nix is marked and leaves the forms alone', async ({ page, consoleErrors }) => {
    await page.goto('./');
    await pasteIntoImport(page, await fixture('seed-blog-closed.nix'));
    await dialog(page).getByRole('button', { name: 'Import 2 specialisations' }).click();
    await expect(form(page, 'chani').getByLabel('uid', { exact: true })).toHaveValue('1001');

    const toggle = preview(page).getByRole('button', { name: 'Edit Nix' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const editor = preview(page).locator('.preview-monaco');
    await expect(editor.getByRole('textbox', { name: 'Nix (editable)' })).toBeAttached();

    await editor.getByText('1001', { exact: true }).dblclick();
    await page.keyboard.type('1005');
    await expect(form(page, 'chani').getByLabel('uid', { exact: true })).toHaveValue('1005');
    await expect(preview(page).getByRole('status').filter({ hasText: 'The forms follow your text' })).toBeVisible();

    await page.keyboard.type(' ;');
    await expect(preview(page).getByRole('status').filter({ hasText: /^Line \d+, column \d+: / })).toBeVisible();
    await expect(editor.locator('.squiggly-error')).toHaveCount(1);
    await expect(form(page, 'chani').getByLabel('uid', { exact: true })).toHaveValue('1005');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => previewText(page)).toContain('uid = 1005;');
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('files as they are on disk', () => {
  test('Edit Nix: an edit elsewhere leaves a CRLF indented string byte for byte, and the module means the same', async ({ page, consoleErrors }) => {
    const text = await readFile(fileURLToPath(new URL('../src/nixos/__fixtures__/import/crlf-windows.nix', import.meta.url)), 'utf8');
    expect(text).toContain("''\r\n      Welcome");
    await page.goto('./');
    await page.getByRole('button', { name: 'Import Nix…' }).click();
    await dialog(page).getByLabel('Nix file to import').setInputFiles({ name: 'configuration.nix', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await dialog(page).getByRole('button', { name: 'Import 1 specialisation' }).click();
    await expect(form(page, 'office').getByLabel('uid', { exact: true })).toHaveValue('1001');
    const imported = importNix(text);
    if (!imported.ok) throw new Error('the fixture must import');
    const extra = imported.project.specialisations[0].extraConfig;
    expect(extra).toContain('\r\n');

    const toggle = preview(page).getByRole('button', { name: 'Edit Nix' });
    await toggle.click();
    const editor = preview(page).locator('.preview-monaco');
    await expect(editor.getByRole('textbox', { name: 'Nix (editable)' })).toBeAttached();
    await editor.getByText('1001', { exact: true }).dblclick();
    await page.keyboard.type('1002');
    await expect(form(page, 'office').getByLabel('uid', { exact: true })).toHaveValue('1002');
    await toggle.click();

    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    const project = JSON.parse(await readFile(await saved.path(), 'utf8'));
    expect(project.specialisations[0].users[0].uid).toBe(1002);
    expect(project.specialisations[0].extraConfig).toBe(extra);
    expect(consoleErrors).toEqual([]);
  });

  test('a file that is not UTF-8 is refused at its line and column, and the project is untouched', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Import Nix…' }).click();
    const bytes = Buffer.concat([Buffer.from('{ ... }:\n{\n  specialisation.x.configuration.environment.etc.a.text = "caf'), Buffer.from([0xe9]), Buffer.from('";\n}\n')]);
    await dialog(page).getByLabel('Nix file to import').setInputFiles({ name: 'latin1.nix', mimeType: 'text/plain', buffer: bytes });
    await expect(dialog(page)).toContainText('latin1.nix:3:63: the file is not UTF-8 here (byte 0xE9)');
    await expect(dialog(page).getByRole('button', { name: /^Import \d+ specialisation/ })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(list(page).getByRole('button', { name: /^x( |$)/ })).toHaveCount(0);
  });
});
