import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

// The boot menu designer (issue 15): order the entries and see the sort keys the module writes; choose
// lanzaboote and see what it cannot do.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const mainSystem = (page: Page) => list(page).getByRole('button', { name: /^Main system/ });
const parentForm = (page: Page) => page.getByRole('form', { name: 'Settings of the main system' });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const bootMenu = (page: Page) => page.getByRole('list', { name: 'Boot menu preview' });
const order = (page: Page) => page.getByRole('list', { name: 'Order of the boot entries' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function expectNoAxeViolations(page: Page, what: string) {
  expect(await axeViolations(new AxeBuilder({ page })), `axe on ${what}`).toEqual([]);
}

/** A described main system (systemd-boot) and two specialisations, chani (tagged) and paul. */
async function chaniAndPaul(page: Page) {
  await page.goto('./');
  await mainSystem(page).click();
  await parentForm(page).getByLabel('Describe my main configuration').check();
  for (const name of ['chani', 'paul']) {
    await page.getByRole('button', { name: /^Add (a blank )?specialisation$/ }).click();
    await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill(name);
    await expect(form(page, name)).toBeVisible();
  }
  await form(page, 'paul').getByLabel('Tags').fill('desktop-with-a-long-tag');
  await form(page, 'paul').getByLabel('Tags').press('Enter');
  await page.getByRole('tab', { name: 'Boot menu' }).click();
}

test('reorder the entries: the sort keys appear in the designer, the module and the menu', async ({ page }) => {
  await chaniAndPaul(page);
  const entries = order(page).getByRole('listitem');
  await expect(entries).toHaveText([/^Main system/, /^chani/, /^paul/]);
  // NixOS's own order: no sort keys written yet.
  expect(await previewText(page)).not.toContain('sortKey');

  await order(page).getByRole('button', { name: 'Move paul up' }).click();
  // The moved entry keeps the focus, so the keyboard can go on moving it.
  await expect(order(page).getByRole('button', { name: 'Move paul up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveText([/^paul.*sort-key nixos-00-paul/, /^Main system.*sort-key nixos-01/, /^chani.*sort-key nixos-02-chani/]);
  await expect(order(page).getByRole('button', { name: 'Move paul up' })).toBeDisabled();
  await expect(order(page).getByRole('button', { name: 'Move paul down' })).toBeFocused();

  const lines = page.getByLabel('Sort key lines in the module');
  await expect(lines).toContainText('specialisation.paul.configuration.boot.loader.systemd-boot.sortKey = lib.mkForce "nixos-00-paul";');
  await expect(lines).toContainText('boot.loader.systemd-boot.sortKey = "nixos-01";');
  await expect.poll(() => previewText(page)).toContain('boot.loader.systemd-boot.sortKey = lib.mkForce "nixos-00-paul";');
  expect(await previewText(page)).toContain('boot.loader.systemd-boot.sortKey = "nixos-01";');

  // systemd-boot's menu follows: paul's two generations first, then the main system's, then chani's.
  await expect(bootMenu(page).getByRole('listitem').first()).toHaveText(/^NixOS \(paul\) \(Generation 42 /);
  await expect(bootMenu(page).getByRole('listitem').nth(2)).toHaveText(/^NixOS \(Generation 42 /);
  await expectNoAxeViolations(page, 'the boot menu designer with an order');

  // A one-shot boot command, copied.
  await page.getByRole('button', { name: /^Copy: sudo systemctl reboot --boot-loader-entry=.*-specialisation-chani\.conf$/ }).click();
  expect(await clipboard(page)).toBe(
    'sudo systemctl reboot --boot-loader-entry=nixos-generation-$(readlink /nix/var/nix/profiles/system | tr -dc 0-9)-specialisation-chani.conf',
  );

  await page.getByRole('button', { name: "Use systemd-boot's own order" }).click();
  await expect.poll(() => previewText(page)).not.toContain('sortKey');

  // 23.11 has no sortKey: the designer says what order it gets instead, with no buttons.
  await page.getByLabel('NixOS release').selectOption('23.11');
  await expect(page.getByText(/NixOS 23\.11 writes no sort-key line/)).toBeVisible();
  await expect(order(page).getByRole('button')).toHaveCount(0);
});

test('the order survives Edit Nix: after an edit in the text, the sort keys are still the designer\'s order', async ({ page, consoleErrors }) => {
  await chaniAndPaul(page);
  const up = order(page).getByRole('button', { name: 'Move paul up' });
  await up.click();
  await up.click();
  await expect(order(page).getByRole('listitem')).toHaveText([/^paul/, /^Main system/, /^chani/]);

  // A second tag for paul, typed into the module's text.
  await page.getByRole('tab', { name: 'Generated Nix' }).click();
  const preview = page.getByRole('region', { name: 'Generated Nix' });
  const toggle = preview.getByRole('button', { name: 'Edit Nix' });
  await toggle.click();
  const editor = preview.locator('.preview-monaco');
  await expect(editor.getByRole('textbox', { name: 'Nix (editable)' })).toBeAttached();
  await editor.getByText('"desktop-with-a-long-tag"').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' "evening"');
  await expect(preview.getByRole('status').filter({ hasText: 'The forms follow your text' })).toBeVisible();
  await expect(form(page, 'paul').getByRole('button', { name: /evening/ })).toBeVisible();
  await toggle.click();

  // Read back from the text, the keys are the order again: the designer shows it, and the module writes it.
  await expect.poll(() => previewText(page)).toContain('"evening"');
  expect(await previewText(page)).toContain('boot.loader.systemd-boot.sortKey = lib.mkForce "nixos-00-paul";');
  await page.getByRole('tab', { name: 'Boot menu' }).click();
  await expect(order(page).getByRole('listitem')).toHaveText([/^paul.*sort-key nixos-00-paul/, /^Main system.*sort-key nixos-01/, /^chani.*sort-key nixos-02-chani/]);
  await expect(page.getByRole('button', { name: "Use systemd-boot's own order" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`choose lanzaboote: its settings in the module, its limits in the designer (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await chaniAndPaul(page);
    await mainSystem(page).click();
    await parentForm(page).getByLabel('Bootloader').selectOption('lanzaboote');
    await expect(parentForm(page).getByLabel('Secure Boot keys folder')).toHaveValue('/var/lib/sbctl');
    await expectNoAxeViolations(page, 'the main system with lanzaboote');
    await expect.poll(() => previewText(page)).toContain('boot.lanzaboote = {');
    const text = (await previewText(page))!;
    expect(text).toContain('pkiBundle = "/var/lib/sbctl";');
    expect(text).toContain('boot.loader.systemd-boot.enable = lib.mkForce false;');
    expect(text).toMatch(/# .*inputs\.lanzaboote\.nixosModules\.lanzaboote/);

    await page.getByRole('tab', { name: 'Boot menu' }).click();
    await expect(page.getByText(/lanzaboote #349/)).toBeVisible();
    await expect(order(page).getByRole('button')).toHaveCount(0);
    // paul's long tag pushes its name past what an 80-column screen shows (lanzaboote #394).
    await expect(page.getByRole('note').filter({ hasText: 'Cut off on an 80-column screen before the name: paul' })).toBeVisible();
    await expect(bootMenu(page).getByRole('listitem').filter({ hasText: 'Generation 42-paul' }).first()).toContainText('cut off after 76 characters');

    await page.getByLabel('Default entry').selectOption('chani');
    await expect(page.getByText(/lanzaboote #393/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Copy: bootctl list' }).first().click();
    expect(await clipboard(page)).toBe('bootctl list');
    await expectNoAxeViolations(page, 'the lanzaboote boot menu');
  });
}
