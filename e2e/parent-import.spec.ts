import AxeBuilder from '@axe-core/playwright';
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations, SLOW } from './slow-steps';

// Issue 5: the main system is filled from an imported configuration.nix, and a specialisation then
// turns off what it sets.

test.beforeEach(async ({ page }) => {
  // Turns on the production build's hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const CONFIGURATION = `{ config, lib, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;
  networking.networkmanager.enable = true;
  services.displayManager.gdm.enable = true;
  services.desktopManager.gnome.enable = true;
  system.stateVersion = "25.11";
}
`;

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const mainSystem = (page: Page) => list(page).getByRole('button', { name: /^Main system/ });
const parentForm = (page: Page) => page.getByRole('form', { name: 'Settings of the main system' });

test('fill the main system from configuration.nix, then a Plasma specialisation turns off its GNOME', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('configuration.nix');
  await writeFile(file, CONFIGURATION);

  await page.goto('./');
  await mainSystem(page).click();
  await parentForm(page).getByRole('button', { name: 'Fill from configuration.nix…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fill the main system from configuration.nix' });
  await dialog.getByLabel('configuration.nix file to read').setInputFiles(file);
  await expect(dialog.getByRole('list', { name: 'Settings read' })).toContainText('desktop: GNOME (services.desktopManager.gnome.enable)');
  await expect(dialog.getByRole('list', { name: 'Notes' })).toContainText('imports are not followed');
  expect(await axeViolations(new AxeBuilder({ page })), 'axe on the dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Fill the main system' }).click();
  await expect(dialog).toBeHidden();

  const parent = parentForm(page);
  await expect(parent.getByLabel('Describe my main configuration')).toBeChecked();
  await expect(parent.getByLabel('Bootloader')).toHaveValue('systemd-boot');
  await expect(parent.getByLabel('Desktop environment', { exact: true })).toHaveValue('gnome');
  await expect(parent.getByLabel('NetworkManager')).toBeChecked();
  await expect(mainSystem(page)).toHaveAccessibleName('Main system GNOME · systemd-boot');
  await expect(page.getByRole('button', { name: 'Undo fill' })).toBeVisible();

  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('plasma');
  await page.getByRole('form', { name: 'Settings of plasma' }).getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'KDE Plasma 6' });
  await expect
    .poll(() => previewText(page), { timeout: SLOW.monaco })
    .toContain('services.desktopManager.gnome.enable = lib.mkForce false;');
  expect(await previewText(page)).toContain('services.desktopManager.plasma6.enable = true;');
});
