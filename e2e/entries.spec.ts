import { generate } from '../src/nixos/generate';
import { importNix } from '../src/nixos/import/import-nix';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 11, items 3 and 5: a conditional entry and entries with computed names come through the import.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import Nix' });
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);

const TEXT = `{ config, lib, ... }:
{
  specialisation = {
    gaming = lib.mkIf config.programs.steam.enable {
      configuration.system.nixos.tags = [ "gaming" ];
    };
  } // lib.genAttrs [ "sway" "river" ] (wm: {
    configuration.programs.\${wm}.enable = true;
  });
}
`;

test('a conditional entry and a genAttrs entry: both in the list, edited in their own way, and in the preview', async ({ page, consoleErrors }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Import Nix…' }).click();
  await dialog(page).getByLabel('Nix to import').fill(TEXT);
  const report = dialog(page).getByRole('region', { name: 'What the import does' });
  await expect(report).toContainText('only when `config.programs.steam.enable`');
  await expect(report).toContainText('a call of genAttrs joined with `//`');
  await dialog(page).getByRole('button', { name: 'Import 2 specialisations' }).click();
  await expect(dialog(page)).toBeHidden();

  const gaming = list(page).getByRole('button', { name: /^gaming/ });
  await expect(gaming).toContainText('only when…');
  const nixEntry = list(page).getByRole('button', { name: /^lib\.genAttrs \[ "sway" "river" \]/ });
  await expect(nixEntry).toContainText('edited as Nix');

  await gaming.click();
  const condition = page.getByRole('form', { name: 'Settings of gaming' }).getByLabel('Only when (Nix condition)');
  await expect(condition).toHaveValue('config.programs.steam.enable');
  await condition.fill('config.programs.steam.enable &&');
  await expect(page.getByRole('form', { name: 'Settings of gaming' })).toContainText('the condition is not a Nix expression');
  await condition.fill('config.programs.steam.enable');

  await nixEntry.click();
  const text = page.getByRole('form', { name: 'Settings of the Nix entry' }).getByLabel('Nix expression giving specialisations');
  await expect(text).toHaveValue('lib.genAttrs [ "sway" "river" ] (wm: {\n  configuration.programs.${wm}.enable = true;\n})');

  const imported = importNix(TEXT);
  if (!imported.ok) throw new Error('the text must import');
  const expected = generate(imported.project).text;
  expect(expected).toContain('lib.mkIf config.programs.steam.enable {');
  expect(expected).toContain('(lib.genAttrs [ "sway" "river" ] (wm: {');
  await expect.poll(() => previewText(page)).toBe(expected);
  expect(consoleErrors).toEqual([]);
});
