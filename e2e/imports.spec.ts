import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every test here runs under the fixtures of ./fixtures: a request to any other origin fails the test.

test.beforeEach(async ({ page }) => {
  // Turns on the production build's test hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);
const form = (page: Page) => page.getByRole('form', { name: 'Settings of gaming' });
const imports = (page: Page) => form(page).getByRole('region', { name: 'Imports' });

test('an import added with the keyboard shows in the preview, with the note on relative paths; reorder and remove', async ({ page, consoleErrors }) => {
  test.info().setTimeout(test.info().timeout + 45_000);
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('gaming');
  await expect(form(page)).toBeVisible();

  const note = imports(page).getByRole('note');
  await expect(note).toHaveCount(0);
  const input = imports(page).getByLabel('New import');
  await input.fill('inputs.nixos-hardware.nixosModules.common-gpu-nvidia');
  await input.press('Enter');
  await input.fill('./my games.nix');
  await imports(page).getByRole('button', { name: 'Add import' }).click();
  await expect(imports(page).getByLabel('Import 1')).toHaveValue('inputs.nixos-hardware.nixosModules.common-gpu-nvidia');
  await expect(imports(page).getByLabel('Import 2')).toHaveValue('./my games.nix');
  await expect(note).toHaveText(/Relative paths \(\.\/…\) are resolved from the folder of the generated file/);
  // A name NixOS does not give every module: a warning at the item.
  await expect(imports(page).getByText(/inputs becomes an argument of the generated module/)).toBeVisible();

  await expect
    .poll(async () => (await previewText(page)) ?? '', { timeout: 45_000 })
    .toContain(`imports = [
      inputs.nixos-hardware.nixosModules.common-gpu-nvidia
      (./. + "/my games.nix")
    ];`);
  expect(await previewText(page)).toMatch(/^\{ inputs, \.\.\. \}:/);

  // The section with its items, note and a warning: axe finds nothing, in light and dark.
  test.info().setTimeout(test.info().timeout + 60_000);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).include('form[aria-label="Settings of gaming"]').analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}`)).toEqual([]);
  }

  // Move the path up with the keyboard: the focus stays on a move button of the moved item.
  await imports(page).getByRole('button', { name: 'Move up import 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(imports(page).getByLabel('Import 1')).toHaveValue('./my games.nix');
  await expect(imports(page).getByRole('button', { name: 'Move up import 1' })).toBeDisabled();
  await expect.poll(async () => (await previewText(page)) ?? '').toContain(`imports = [
      (./. + "/my games.nix")
      inputs.nixos-hardware.nixosModules.common-gpu-nvidia
    ];`);

  // A broken expression: an error at the item, by its line and column.
  await imports(page).getByLabel('Import 2').fill('inputs.nixos-hardware.');
  await expect(imports(page).getByText(/not a Nix expression: line 1, column 23: unexpected end of input/)).toBeVisible();
  await imports(page).getByRole('button', { name: 'Remove import 2' }).click();
  await imports(page).getByRole('button', { name: 'Remove import 1' }).click();
  await expect(imports(page).getByLabel('Import 1')).toHaveCount(0);
  await expect(note).toHaveCount(0);
  await expect(imports(page).getByLabel('New import')).toBeFocused();
  await expect.poll(async () => (await previewText(page)) ?? '').not.toContain('imports');
  expect(consoleErrors).toEqual([]);
});
