import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`app shell (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('loads with its title and landmarks', async ({ page, consoleErrors }) => {
      await page.goto('./');

      await expect(page).toHaveTitle('Specialisation Studio — NixOS specialisations, written for you');
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Specialisation Studio' })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Specialisations' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Generated Nix' })).toBeVisible();
      await expect(page.getByRole('contentinfo')).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });

    test('follows the colour scheme', async ({ page }) => {
      await page.goto('./');

      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r = 0, g = 0, b = 0] = background.match(/\d+/g)?.map(Number) ?? [];
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.3);
      else expect(luminance).toBeGreaterThan(0.7);
    });

    test('has no axe violations', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('main')).toBeVisible();

      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
    });
  });
}
