import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

// The "done when": a user whose parent runs GNOME adds a Plasma specialisation and a kernel-test
// entry, sees both in a boot menu like the one they will boot, picks the default, and copies the commands.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ page }) => {
  // Turns on the production build's hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const mainSystem = (page: Page) => list(page).getByRole('button', { name: /^Main system/ });
const parentForm = (page: Page) => page.getByRole('form', { name: 'Settings of the main system' });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const tab = (page: Page, name: 'Generated Nix' | 'Boot menu' | 'How to apply') => page.getByRole('tab', { name });
const bootMenu = (page: Page) => page.getByRole('list', { name: 'Boot menu preview' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** A GNOME parent, a Plasma 6 specialisation typed in, and the kernel-test template. */
async function gnomeParentWithPlasmaAndKernelTest(page: Page) {
  await page.goto('./');
  await mainSystem(page).click();
  await parentForm(page).getByLabel('Describe my main configuration').check();
  await parentForm(page).getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'GNOME' });
  await expect(mainSystem(page)).toHaveAccessibleName('Main system GNOME · systemd-boot');

  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('plasma');
  await form(page, 'plasma').getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'KDE Plasma 6' });

  await list(page).getByText('Add from a template').click();
  await list(page).getByRole('button', { name: 'Kernel test' }).click();
  await expect(form(page, 'kernel-test')).toBeVisible();
}

async function expectNoAxeViolations(page: Page, what: string) {
  expect(await axeViolations(new AxeBuilder({ page })), `axe on ${what}`).toEqual([]);
}

test('GNOME parent, Plasma and kernel-test: overrides, a live boot menu, the default entry and copyable commands', async ({ page, consoleErrors }) => {
  await gnomeParentWithPlasmaAndKernelTest(page);

  await test.step('the module turns off the parent\'s GNOME and GDM in the Plasma entry', async () => {
    await expect.poll(() => previewText(page)).toContain('services.desktopManager.gnome.enable = lib.mkForce false;');
    const text = (await previewText(page))!;
    expect(text).toContain('services.displayManager.gdm.enable = lib.mkForce false;');
    expect(text).toContain('services.desktopManager.plasma6.enable = true;');
    // The kernel-test entry changes no desktop: nothing of the parent's is turned off there.
    expect(text.slice(text.indexOf('kernel-test'))).not.toContain('mkForce');
  });

  await test.step('the boot menu preview lists both entries and follows a rename and a new tag', async () => {
    await tab(page, 'Boot menu').click();
    const menu = bootMenu(page);
    await expect(menu).toBeVisible();
    // systemd-boot (the parent's default bootloader): this generation and the previous one.
    await expect(menu.getByRole('listitem')).toHaveCount(6);
    await expect(menu).toContainText('NixOS (plasma) (Generation 42 NixOS Yarara 26.05.');
    await expect(menu).toContainText('NixOS (kernel-test) (Generation 42 NixOS Yarara linux-latest-testing-26.05.');
    await expect(menu.getByRole('listitem').filter({ hasText: 'starts by default' })).toHaveText(/^NixOS \(Generation 42 NixOS Yarara 26\.05\./);

    await list(page).getByRole('button', { name: /^plasma( |$)/ }).click();
    await form(page, 'plasma').getByLabel('Specialisation name').fill('kde');
    await form(page, 'kde').getByLabel('Tags').fill('desktop');
    await form(page, 'kde').getByLabel('Tags').press('Enter');
    await expect(menu).toContainText('NixOS (kde) (Generation 42 NixOS Yarara desktop-26.05.');
    await expect(menu).not.toContainText('NixOS (plasma)');
  });

  await test.step('with GRUB, picking the default entry writes boot.loader.grub.default and moves the highlight', async () => {
    await mainSystem(page).click();
    await parentForm(page).getByLabel('Bootloader').selectOption('grub');
    await expect(parentForm(page).getByLabel('GRUB device')).toHaveValue('nodev');
    const menu = bootMenu(page);
    await expect(menu.getByRole('listitem')).toHaveText([
      /^NixOS, Generation 42/,
      /^NixOS - \(kde - 2026-11-25 - desktop-26\.05\./,
      /^NixOS - \(kernel-test - 2026-11-25 - linux-latest-testing-26\.05\./,
      /^NixOS - All configurations/,
    ]);

    await page.getByLabel('Default entry').selectOption('kernel-test');
    await expect(menu.getByRole('listitem').filter({ hasText: 'starts by default' })).toHaveText(/^NixOS - \(kernel-test /);
    // kernel-test is GRUB's third entry: index 2 (the parent is 0, then the specialisations in byte order).
    await expect(page.getByText(/The module sets boot\.loader\.grub\.default = 2;/)).toBeVisible();
    await expect.poll(() => previewText(page)).toContain('boot.loader.grub.default = 2;');
    await expectNoAxeViolations(page, 'the GRUB boot menu and the main system panel');
  });

  await test.step('with systemd-boot, the note says there is no option and nothing is written', async () => {
    await parentForm(page).getByLabel('Bootloader').selectOption('systemd-boot');
    await expect(page.getByLabel('Default entry')).toHaveValue('kernel-test');
    await expect(page.getByText(/no NixOS option for a default specialisation \(nixpkgs #146641\)/)).toBeVisible();
    await expect.poll(() => previewText(page)).not.toContain('boot.loader.grub.default');
    // NixOS keeps the parent as systemd-boot's default, and the preview says so.
    await expect(bootMenu(page).getByRole('listitem').filter({ hasText: 'starts by default' })).toHaveText(/^NixOS \(Generation 42 /);
    await expectNoAxeViolations(page, 'the systemd-boot menu');
  });

  await test.step('How to apply: the copy buttons copy exactly the commands and say so', async () => {
    await list(page).getByRole('button', { name: /^kernel-test( |$)/ }).click();
    await form(page, 'kernel-test').getByLabel('Remember across rebuilds').check();
    await tab(page, 'How to apply').click();
    const apply = page.getByRole('region', { name: 'How to apply' });
    await expect(apply.getByRole('heading', { name: 'Needs a reboot' })).toBeVisible();
    await expect(apply.getByRole('listitem').filter({ hasText: 'the kernel (linuxPackages_latest)' })).toBeVisible();

    for (const command of [
      'sudo nixos-rebuild boot',
      'sudo nixos-rebuild switch --specialisation kernel-test',
      'sudo /nix/var/nix/profiles/system/specialisation/kernel-test/bin/switch-to-configuration switch',
      'sudo nixos-rebuild switch $(test -f /etc/specialisation && echo --specialisation "$(cat /etc/specialisation)")',
      'sudo /nix/var/nix/profiles/system/bin/switch-to-configuration switch',
    ]) {
      await apply.getByRole('button', { name: `Copy: ${command}`, exact: true }).click();
      await expect(apply.getByRole('status')).toHaveText(`Copied: ${command}`);
      expect(await clipboard(page)).toBe(command);
    }
    await expectNoAxeViolations(page, 'the apply guide');
  });

  await test.step('the tabs follow the WAI-ARIA pattern, and the Generated Nix region keeps its names', async () => {
    await tab(page, 'How to apply').focus();
    await page.keyboard.press('ArrowRight');
    await expect(tab(page, 'Generated Nix')).toBeFocused();
    await expect(tab(page, 'Generated Nix')).toHaveAttribute('aria-selected', 'true');
    const preview = page.getByRole('region', { name: 'Generated Nix' });
    await expect(preview.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
    await expect(preview.getByRole('button', { name: 'Download' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(tab(page, 'How to apply')).toBeFocused();
    await expect(page.getByRole('region', { name: 'Generated Nix' })).toBeHidden();
  });

  expect(consoleErrors).toEqual([]);
});

test('the parent toggle is undoable, and a problem in the main system leads back to its field', async ({ page }) => {
  await page.goto('./');
  await mainSystem(page).click();
  const toggle = parentForm(page).getByLabel('Describe my main configuration');
  await toggle.check();
  await parentForm(page).getByLabel('Bootloader').selectOption('grub');
  await parentForm(page).getByLabel('GRUB device').fill('sda');
  await expect(parentForm(page).getByLabel('GRUB device')).toHaveAttribute('aria-invalid', 'true');

  // Away to a specialisation; the problems list brings the user back to the main system's field.
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await expect(form(page, 'entry-1')).toBeVisible();
  await expect(parentForm(page)).toHaveCount(0);
  await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /GRUB needs "nodev".*main system › GRUB device/ }).click();
  await expect(parentForm(page).getByLabel('GRUB device')).toBeFocused();

  await toggle.uncheck();
  await expect(parentForm(page).getByLabel('Bootloader')).toHaveCount(0);
  await page.getByRole('status', { name: 'Notices' }).getByRole('button', { name: 'Undo: describe the main system again' }).click();
  await expect(toggle).toBeChecked();
  await expect(parentForm(page).getByLabel('GRUB device')).toHaveValue('sda');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main system panel, boot menus and apply guide have no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await gnomeParentWithPlasmaAndKernelTest(page);
    await mainSystem(page).click();
    await parentForm(page).getByLabel('Bootloader').selectOption('grub');
    await parentForm(page).getByLabel('GPU mode', { exact: true }).selectOption({ label: 'NVIDIA PRIME offload (integrated GPU by default)' });
    await expectNoAxeViolations(page, 'the main system panel');
    for (const name of ['Boot menu', 'How to apply'] as const) {
      await tab(page, name).click();
      await expectNoAxeViolations(page, name);
    }
    await list(page).getByRole('button', { name: /^kernel-test( |$)/ }).click();
    await form(page, 'kernel-test').getByLabel('Inherit parent configuration').uncheck();
    await expect(form(page, 'kernel-test').getByRole('group', { name: 'What this system needs from the main configuration' })).toBeVisible();
    await expectNoAxeViolations(page, 'a separate system\'s General section');
  });
}
