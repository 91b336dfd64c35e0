import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { nixParseErrors, hasNix } from '../src/test/nix';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

const fixture = (name: string) => readFile(fileURLToPath(new URL(`../src/nixos/patch/__fixtures__/${name}`, import.meta.url)), 'utf8');
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import Nix' });
const patchDialog = (page: Page) => page.getByRole('dialog', { name: 'Patch configuration.nix' });

const LEAKING = `{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.systemd-boot.enable = true;
  services.xserver.enable = true;
  services.xserver.desktopManager.gnome.enable = true;
  services.xserver.displayManager.gdm.enable = true;
  specialisation.chani.configuration = {
    services.desktopManager.plasma6.enable = true;
  };
  specialisation.paul.configuration = {
    services.xserver.desktopManager.xfce.enable = true;
  };
}
`;

async function importFile(page: Page, text: string) {
  await page.getByRole('button', { name: 'Import Nix…' }).click();
  await importDialog(page).getByLabel('Nix file to import').setInputFiles({ name: 'configuration.nix', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await importDialog(page).getByRole('button', { name: 'Import 2 specialisations' }).click();
  await expect(importDialog(page)).toBeHidden();
}

test.describe('patching configuration.nix', () => {
  test('import a configuration with two specialisations, review the diff, download the patched file: real Nix parses it', async ({ page }) => {
    const text = await fixture('generated-config.nix');
    await page.goto('./');
    await expect(page.getByRole('button', { name: /^Patch / })).toHaveCount(0);
    await importFile(page, text);

    await page.getByRole('button', { name: 'Patch configuration.nix…' }).click();
    const dialog = patchDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'What the patch does' })).toContainText('Removed the definitions of chani, paul');
    // Monaco's diff editor, both sides: the file as it is and patched.
    const diff = dialog.getByRole('group', { name: 'Changes to configuration.nix' });
    await expect(diff.locator('.modified-in-monaco-diff-editor .view-lines')).toBeVisible({ timeout: 45_000 });
    await expect(diff.locator('.line-insert, .char-insert').first()).toBeVisible();
    await expect(diff.locator('.modified-in-monaco-diff-editor .view-lines')).toContainText('./specialisations.nix');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download configuration.nix' }).click()]);
    expect(download.suggestedFilename()).toBe('configuration.nix');
    const patched = await readFile(await download.path(), 'utf8');
    expect(patched).toBe(await fixture('generated-config.patched.nix'));
    if (hasNix) expect(nixParseErrors([patched])).toEqual([null]);
    const [module] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download specialisations.nix' }).click()]);
    expect(await readFile(await module.path(), 'utf8')).toContain('chani.configuration');
    await expect(dialog.getByRole('status')).toHaveText('Downloaded specialisations.nix');

    // The module's file name is the user's: the diff and the download follow it.
    await dialog.getByLabel('The module\'s file, as configuration.nix names it').fill('boot/entries.nix');
    await expect(dialog.getByRole('list', { name: 'What the patch does' })).toContainText('Added ./boot/entries.nix to imports.');
    await dialog.getByLabel('The module\'s file, as configuration.nix names it').fill('my entries.nix');
    await expect(dialog.getByRole('alert')).toContainText('cannot be patched safely: line 1, column 1:');
    await dialog.getByLabel('The module\'s file, as configuration.nix names it').fill('./specialisations.nix');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Patch configuration.nix…' })).toBeFocused();
    // The opened file is kept: after a reload the patch is still there to review.
    await page.reload();
    await page.getByRole('button', { name: 'Patch configuration.nix…' }).click();
    await expect(patchDialog(page).getByRole('list', { name: 'What the patch does' })).toContainText('Removed the definitions of chani, paul');
  });

  test('parent settings that leak: a choice per setting, made with the keyboard; the diff and the module follow; axe clean in light and dark', async ({ page }) => {
    await page.goto('./');
    await importFile(page, LEAKING);
    // The main system, filled from the same file: GNOME with GDM, which chani (Plasma) and paul (Xfce) replace.
    await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^Main system/ }).click();
    await page.getByRole('form', { name: 'Settings of the main system' }).getByRole('button', { name: 'Fill from configuration.nix…' }).click();
    const fill = page.getByRole('dialog', { name: 'Fill the main system from configuration.nix' });
    await fill.getByLabel('configuration.nix file to read').setInputFiles({ name: 'configuration.nix', mimeType: 'text/plain', buffer: Buffer.from(LEAKING) });
    await expect(fill.getByRole('list', { name: 'Settings read' })).toContainText('desktop: GNOME');
    await fill.getByRole('button', { name: 'Fill the main system' }).click();
    await expect(fill).toBeHidden();

    await page.getByRole('button', { name: 'Patch configuration.nix…' }).click();
    const dialog = patchDialog(page);
    const gnome = dialog.getByRole('group', { name: /^services\.desktopManager\.gnome\.enable, replaced in chani, paul/ });
    await expect(gnome.getByRole('radio', { name: /^Override it in each specialisation/ })).toBeChecked();
    const parentOnly = gnome.getByRole('radio', { name: /^Set it for the parent entry only/ });
    await expect(parentOnly).toBeEnabled();
    // Keyboard: focus the checked radio, the arrow key chooses the other one.
    await gnome.getByRole('radio', { name: /^Override it/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(parentOnly).toBeChecked();
    await expect(dialog.getByRole('list', { name: 'What the patch does' })).toContainText('Set for the parent entry only (lib.mkIf (config.specialisation != { })): services.desktopManager.gnome.enable.');
    await expect(dialog.getByRole('group', { name: 'Changes to configuration.nix' }).locator('.modified-in-monaco-diff-editor .view-lines')).toContainText(
      'lib.mkIf (config.specialisation',
      { timeout: 45_000 },
    );

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download configuration.nix' }).click()]);
    const patched = await readFile(await download.path(), 'utf8');
    expect(patched).toContain('  services.xserver.desktopManager.gnome.enable = lib.mkIf (config.specialisation != { }) true;\n');
    const [module] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download specialisations.nix' }).click()]);
    const moduleText = await readFile(await module.path(), 'utf8');
    expect(moduleText).not.toContain('gnome.enable');
    expect(moduleText).toContain('gdm.enable = lib.mkForce false;');
    if (hasNix) expect(nixParseErrors([patched, moduleText])).toEqual([null, null]);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(new AxeBuilder({ page }).include('dialog')), `axe, ${scheme}`).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
