import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

// The "done when" for the comparison: the blog's project (Chani with Plasma, Paul with GNOME) shows
// chani's and paul's differences, what moving between them takes, by keyboard, axe clean in both themes.

const compareTab = (page: Page) => page.getByRole('tab', { name: 'Compare' });
const region = (page: Page) => page.getByRole('region', { name: 'Compare' });
const table = (page: Page) => region(page).getByRole('table');

/** The text of the cell in the row headed `row` and the column headed `column`. */
async function cell(page: Page, row: string, column: string): Promise<string> {
  const headers = await table(page).locator('thead th').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(column));
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const tr = table(page).locator('tbody tr:not(.compare-group)').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${row}`) }) });
  return (await tr.locator('th, td').nth(index).textContent()) ?? '';
}

async function blogProject(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  await expect(page.getByRole('form', { name: 'Settings of chani' })).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`compare (${colorScheme})`, () => {
    test.use({ colorScheme });

    test("the blog's project: chani and paul side by side, by keyboard", async ({ page, consoleErrors }) => {
      await blogProject(page);

      await test.step('the tab beside the boot menu, reached with the arrow keys', async () => {
        await page.getByRole('tab', { name: 'Boot menu' }).click();
        await page.keyboard.press('ArrowRight');
        await expect(compareTab(page)).toBeFocused();
        await expect(compareTab(page)).toHaveAttribute('aria-selected', 'true');
        await expect(table(page)).toBeVisible();
      });

      await test.step('parent and the selected entry by default: what chani changes', async () => {
        await expect(region(page).getByRole('combobox', { name: 'Compare' })).toHaveValue('-1');
        await expect(table(page).getByRole('columnheader')).toHaveText(['Setting', 'parent', 'chani']);
        expect(await cell(page, 'Desktop', 'chani')).toContain('KDE Plasma 6');
        expect(await cell(page, 'Desktop', 'parent')).toContain('not described');
        expect(await cell(page, 'User chani', 'chani')).toContain('groups: networkmanager, video');
        await expect(region(page).getByRole('listitem').filter({ hasText: 'parent ↔ chani' })).toContainText('a re-login');
      });

      await test.step('chani against paul, picked with the keyboard', async () => {
        const first = region(page).getByRole('combobox', { name: 'Compare' });
        await first.focus();
        await first.selectOption({ label: 'chani' });
        const second = region(page).getByRole('combobox', { name: 'with' });
        await page.keyboard.press('Tab');
        await expect(second).toBeFocused();
        await second.selectOption({ label: 'paul' });
        await expect(table(page).getByRole('columnheader')).toHaveText(['Setting', 'chani', 'paul']);
        const rows = await table(page).locator('tbody tr:not(.compare-group) th').allTextContents();
        expect(rows.map((r) => r.replace(/a (switch|re-login|reboot)$/, ''))).toEqual([
          'Label tags',
          'Desktop',
          'Display manager',
          'Autologin',
          'User chani',
          'User paul',
          'Packages added',
        ]);
        expect(await cell(page, 'Desktop', 'paul')).toContain('GNOME');
        expect(await cell(page, 'Display manager', 'chani')).toContain('SDDM');
        expect(await cell(page, 'Display manager', 'paul')).toContain('GDM');
        expect(await cell(page, 'Autologin', 'chani')).toContain('chani');
        expect(await cell(page, 'Autologin', 'paul')).toContain('paul');
        expect(await cell(page, 'Packages added', 'paul')).toContain('dune-release');
        expect(await cell(page, 'Packages added', 'paul')).toContain("added to the parent's");
        const move = region(page).getByRole('listitem').filter({ hasText: 'chani ↔ paul' });
        await expect(move).toContainText('a re-login');
        await expect(move).not.toContainText('after a reboot');
      });

      await test.step('every row on request: the kernel is the same, inherited from the parent', async () => {
        await region(page).getByRole('checkbox', { name: 'Show the rows that do not differ' }).check();
        expect(await cell(page, 'Kernel', 'chani')).toContain('as the parent');
        await region(page).getByRole('checkbox', { name: 'All entries side by side' }).check();
        await expect(table(page).getByRole('columnheader')).toHaveText(['Setting', 'parent', 'chani', 'paul']);
      });

      await test.step('an edit in the form shows at once', async () => {
        await page.getByRole('form', { name: 'Settings of chani' }).getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'Xfce' });
        expect(await cell(page, 'Desktop', 'chani')).toContain('Xfce');
      });

      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });

test('a phone: the comparison wraps instead of scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await blogProject(page);
  const tab = compareTab(page);
  // The phone layout may show the output behind its own switch.
  if (!(await tab.isVisible())) await page.getByRole('button', { name: /Output|Preview|Generated Nix/ }).first().click();
  await tab.click();
  await region(page).getByRole('checkbox', { name: 'All entries side by side' }).check();
  await expect(table(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await table(page).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});
