import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { hasNix, NIX_TIMEOUT, nixEvalJson, NO_NIX, tempFile } from '../src/test/nix';
import { expect, test } from './fixtures';

// Every test here runs under the fixtures of ./fixtures: a request to any other origin fails the test.

/** Slow steps get time of their own on top of the test's: Monaco's late load, one axe analysis, real Nix. */
const SLOW = { monaco: 45_000, axe: 60_000, nix: NIX_TIMEOUT } as const;
const allowFor = (ms: number) => {
  const info = test.info();
  if (info.timeout > 0) info.setTimeout(info.timeout + ms);
};

test.beforeEach(async ({ page }) => {
  // Turns on the production build's test hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

/** The preview's text as Monaco holds it; null until Monaco has loaded. */
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const preview = (page: Page) => page.getByRole('region', { name: 'Generated Nix' });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const settings = (page: Page) => form(page, 'battery').getByRole('region', { name: 'Other settings' });
const row = (page: Page, n: number) => settings(page).getByRole('group', { name: new RegExp(`^Setting ${n}\\b`) });

/** Waits until the preview (Monaco, loaded late) holds text that passes `check`, and returns it. */
async function previewWhere(page: Page, check: (text: string) => boolean, message: string): Promise<string> {
  allowFor(SLOW.monaco);
  await expect.poll(async () => check((await previewText(page)) ?? ''), { message, timeout: SLOW.monaco }).toBe(true);
  return (await previewText(page))!;
}

/** A new blank specialisation named battery, from the empty project. */
async function addBattery(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('battery');
  await expect(form(page, 'battery')).toBeVisible();
}

/** Adds a row with the keyboard (Enter on Add setting) and types its option path where the focus lands. */
async function addRow(page: Page, n: number, path: string): Promise<Locator> {
  const add = settings(page).getByRole('button', { name: 'Add setting', exact: true });
  await add.focus();
  await page.keyboard.press('Enter');
  const input = page.getByLabel(`Option path of setting ${n}`);
  await expect(input).toBeFocused();
  await page.keyboard.type(path);
  await expect(input).toHaveValue(path);
  return row(page, n);
}

test('a boolean forced to false: the preview shows lib.mkForce, and real Nix reads the download that way', async ({ page, consoleErrors }) => {
  await addBattery(page);
  await settings(page).getByRole('button', { name: 'Add setting', exact: true }).click();
  await expect(page.getByLabel('Option path of setting 1')).toBeFocused();
  await page.getByLabel('Option path of setting 1').fill('services.tlp.enable');
  await page.getByLabel('Type of setting 1').selectOption('bool');
  await page.getByLabel('Value of setting 1').selectOption('false');
  await page.getByLabel('Priority of setting 1').selectOption({ label: 'lib.mkForce' });
  await expect(row(page, 1).getByRole('link', { name: 'Documentation for services.tlp.enable' })).toBeVisible();

  const text = await previewWhere(page, (t) => t.includes('services.tlp.enable = lib.mkForce false;'), 'the preview writes the row');
  await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: (none|0 errors)/);

  const [download] = await Promise.all([page.waitForEvent('download'), preview(page).getByRole('button', { name: 'Download' }).click()]);
  const file = await readFile(await download.path(), 'utf8');
  expect(file).toBe(text);

  if (hasNix) {
    allowFor(SLOW.nix);
    // A stand-in lib whose mkForce marks its value with NixOS's priority, so what Nix evaluates shows it.
    const evaluated = nixEvalJson(`
      let
        lib = {
          mkForce = x: { _type = "override"; priority = 50; content = x; };
          mkDefault = x: { _type = "override"; priority = 1000; content = x; };
          mkOverride = priority: x: { _type = "override"; inherit priority; content = x; };
          mkIf = condition: x: { _type = "if"; inherit condition; content = x; };
        };
        module = import ${tempFile('settings-e2e.nix', file)};
      in (module { inherit lib; config = { }; pkgs = { }; options = { }; modulesPath = "/modules"; }).specialisation.battery.configuration`);
    expect(evaluated).toEqual({ services: { tlp: { enable: { _type: 'override', priority: 50, content: false } } } });
  } else {
    test.info().annotations.push({ type: 'skipped assertion', description: `nix-instantiate --eval of the download: ${NO_NIX}` });
    console.warn(`skipped the nix-instantiate --eval check: ${NO_NIX}`);
  }
  expect(consoleErrors).toEqual([]);
});

test('rows are reordered and removed with the keyboard, and a removal is undone', async ({ page, consoleErrors }) => {
  await addBattery(page);
  await addRow(page, 1, 'services.tlp.enable');
  const hostName = await addRow(page, 2, 'networking.hostName');
  await hostName.getByLabel('Type of setting 2').selectOption('string');
  await hostName.getByLabel('Value of setting 2').fill('battery-box');

  const order = (t: string) => [t.indexOf('services.tlp.enable = true;'), t.indexOf('networking.hostName = "battery-box";')];
  const inOrder = (first: number, second: number) => first >= 0 && second > first;
  await previewWhere(page, (t) => inOrder(...(order(t) as [number, number])), 'tlp, then the host name');

  await test.step('Move up on the second row puts it first; the focus stays on a move button of the row', async () => {
    await page.getByRole('button', { name: 'Move up setting 2' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Option path of setting 1')).toHaveValue('networking.hostName');
    await expect(page.getByLabel('Value of setting 1')).toHaveValue('battery-box');
    // At the top Move up is off, so the focus is on Move down of the same row.
    await expect(page.getByRole('button', { name: 'Move down setting 1' })).toBeFocused();
    await previewWhere(page, (t) => inOrder(order(t)[1], order(t)[0]), 'the host name, then tlp');

    await page.keyboard.press('Space');
    await expect(page.getByLabel('Option path of setting 1')).toHaveValue('services.tlp.enable');
    await expect(page.getByRole('button', { name: 'Move up setting 2' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Option path of setting 1')).toHaveValue('networking.hostName');
  });

  await test.step('Remove takes the row out, the notice undoes it, and so does Ctrl+Z', async () => {
    await page.getByRole('button', { name: 'Remove setting 1' }).focus();
    await page.keyboard.press('Enter');
    await expect(row(page, 2)).toHaveCount(0);
    await expect(page.getByLabel('Option path of setting 1')).toHaveValue('services.tlp.enable');
    // The focus goes to the row that took its place.
    await expect(page.getByRole('button', { name: 'Remove setting 1' })).toBeFocused();
    await previewWhere(page, (t) => !t.includes('networking.hostName'), 'the host name is gone');

    const notices = page.getByRole('status', { name: 'Notices' });
    await expect(notices).toContainText('Removed setting 1 (networking.hostName).');
    await notices.getByRole('button', { name: 'Undo removing setting 1 (networking.hostName)' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Option path of setting 1')).toHaveValue('networking.hostName');
    await expect(page.getByLabel('Option path of setting 1')).toBeFocused();
    await expect(page.getByLabel('Value of setting 1')).toHaveValue('battery-box');
    await previewWhere(page, (t) => inOrder(order(t)[1], order(t)[0]), 'the host name is back, first');

    await page.getByRole('button', { name: 'Remove setting 2' }).focus();
    await page.keyboard.press('Enter');
    await expect(row(page, 2)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByLabel('Option path of setting 2')).toHaveValue('services.tlp.enable');
  });
  expect(consoleErrors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('axe finds no violations on setting rows of every kind, with an error showing', async ({ page }) => {
      await addBattery(page);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      const tlp = await addRow(page, 1, 'services.tlp.enable');
      await tlp.getByLabel('Priority of setting 1').selectOption('override');
      await expect(tlp.getByLabel('Override priority of setting 1')).toHaveValue('100');

      const packages = await addRow(page, 2, 'environment.systemPackages');
      await packages.getByLabel('Type of setting 2').selectOption('packages');
      await packages.getByRole('combobox', { name: 'Value of setting 2' }).fill('firefox');
      await packages.getByRole('combobox', { name: 'Value of setting 2' }).press('Enter');
      await expect(packages.getByRole('button', { name: 'Remove setting 2 package firefox' })).toBeVisible();
      // Only if… with no condition yet: an error at the field.
      await packages.getByLabel('Only if… (setting 2)').check();
      await expect(packages.getByLabel('Condition of setting 2')).toBeFocused();
      await expect(packages.getByLabel('Condition of setting 2')).toHaveAttribute('aria-invalid', 'true');

      const nix = await addRow(page, 3, 'boot.kernel.sysctl."vm.swappiness"');
      await nix.getByLabel('Type of setting 3').selectOption('nix');
      await nix.getByLabel('Value of setting 3').fill('10');
      await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: 1 error/);

      allowFor(SLOW.axe);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  });
}
