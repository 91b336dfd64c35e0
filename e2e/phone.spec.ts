import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations, SLOW } from './slow-steps';

// Issue 12 item 9: a phone shows one pane at a time (the specialisations, the form, the output) with a bar to switch.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const bar = (page: Page) => page.getByRole('navigation', { name: 'Panes' });
const paneButton = (page: Page, name: 'Specialisations' | 'Settings' | 'Output') =>
  bar(page).getByRole('button', { name: new RegExp(`^${name}:`) });
const showPane = (page: Page, name: 'Specialisations' | 'Settings' | 'Output') => paneButton(page, name).click();
const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const entry = (page: Page, name: string) => list(page).getByRole('button', { name: new RegExp(`^${name}( |$)`) });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const outputTabs = (page: Page) => page.getByRole('tablist', { name: 'Output' });
const preview = (page: Page) => page.getByRole('region', { name: 'Generated Nix' });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);

/** How wide the page is: at most the window's width when nothing scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Which of the three panes are displayed. */
const shown = async (page: Page) => ({
  list: await list(page).isVisible(),
  form: await page.locator('.form-panel').isVisible(),
  output: await outputTabs(page).isVisible(),
});

test.beforeEach(async ({ page }) => {
  // The production build's hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

test.describe('a phone (390×844)', () => {
  test.use({ viewport: PHONE });

  test('one pane at a time: the bar switches, picking an entry shows its form, the bar counts the problems', async ({ page, consoleErrors }) => {
    await page.goto('./');
    await expect(bar(page)).toBeVisible();
    await expect(paneButton(page, 'Specialisations')).toHaveAttribute('aria-current', 'true');
    expect(await shown(page)).toEqual({ list: true, form: false, output: false });
    // Touch targets of 44 px and more, all three on the screen.
    for (const name of ['Specialisations', 'Settings', 'Output'] as const) {
      const box = (await paneButton(page, name).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    }

    // Adding entries shows the first one's form.
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await expect(form(page, 'chani')).toBeVisible();
    await expect(paneButton(page, 'Settings')).toHaveAttribute('aria-current', 'true');
    await expect(paneButton(page, 'Settings')).toHaveAccessibleName('Settings: chani');
    await expect(paneButton(page, 'Specialisations')).not.toHaveAttribute('aria-current');
    expect(await shown(page)).toEqual({ list: false, form: true, output: false });

    // Picking paul in the list shows paul's form.
    await showPane(page, 'Specialisations');
    expect(await shown(page)).toEqual({ list: true, form: false, output: false });
    await entry(page, 'paul').click();
    await expect(form(page, 'paul')).toBeVisible();
    await expect(paneButton(page, 'Settings')).toHaveAccessibleName('Settings: paul');
    expect(await shown(page)).toEqual({ list: false, form: true, output: false });

    // The bar says what the count beside the output tabs says.
    await expect(paneButton(page, 'Output')).toHaveAccessibleName('Output: 2 warnings');
    await showPane(page, 'Output');
    expect(await shown(page)).toEqual({ list: false, form: false, output: true });
    await expect(page.getByRole('button', { name: /^2 warnings\s?: go to the problems list$/ })).toBeVisible();

    // The main system, from the list, is shown in the form too.
    await showPane(page, 'Specialisations');
    await list(page).getByRole('button', { name: /^Main system/ }).click();
    await expect(page.getByRole('form', { name: 'Settings of the main system' })).toBeVisible();
    await expect(paneButton(page, 'Settings')).toHaveAccessibleName('Settings: Main system');

    // Moving an entry keeps the list in view.
    await showPane(page, 'Specialisations');
    await list(page).getByRole('button', { name: 'Move paul up' }).click();
    expect(await shown(page)).toEqual({ list: true, form: false, output: false });

    // The keyboard: Tab reaches the bar, Enter and Space switch.
    await paneButton(page, 'Settings').focus();
    await page.keyboard.press('Tab');
    await expect(paneButton(page, 'Output')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(paneButton(page, 'Output')).toHaveAttribute('aria-current', 'true');
    expect(await shown(page)).toEqual({ list: false, form: false, output: true });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect(paneButton(page, 'Settings')).toHaveAttribute('aria-current', 'true');
    expect(await shown(page)).toEqual({ list: false, form: true, output: false });
    expect(consoleErrors).toEqual([]);
  });

  test('long names and option paths: no pane scrolls sideways, and the output tabs fit on one line', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
    const long = 'a-specialisation-named-at-length-without-a-single-blank-in-it';
    await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill(long);
    const f = form(page, long);
    await f.getByRole('button', { name: 'Add user' }).click();
    const groups = f.getByRole('group', { name: /^User 1/ }).getByRole('combobox', { name: 'Groups' });
    await groups.fill('networkmanager');
    await groups.press('Enter');
    const settings = f.getByRole('region', { name: 'Other settings' });
    await settings.getByRole('button', { name: 'Add setting', exact: true }).click();
    await page.getByLabel('Option path of setting 1').fill('services.someveryveryverylongoptionnamethatgoesonandonandon.enableSomethingLong');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await showPane(page, 'Specialisations');
    await expect(entry(page, long)).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await showPane(page, 'Output');
    await expect(problems(page).getByRole('button', { name: /networking\.networkmanager\.enable/ })).toBeVisible();
    await expect.poll(() => previewText(page), { timeout: SLOW.monaco }).toContain('someveryveryverylongoptionname');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // The tabs: one row, each inside the screen, each label on one line.
    const tabs = outputTabs(page).getByRole('tab');
    const boxes = await Promise.all((await tabs.all()).map(async (t) => (await t.boundingBox())!));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) {
      expect(Math.abs(box.y - boxes[0].y)).toBeLessThan(1);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const lines = await tabs.evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        // The shown text's lines (the whole label is there too, for the tab's name, in a 1 px box).
        return new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.every((n) => n === 1)).toBe(true);

    // Each tab's name is its whole label, though the phone shows a short one ("Nix").
    await expect(tabs.first()).toHaveAccessibleName('Generated Nix');
    await expect(tabs.first()).toHaveText(/Nix/);
    for (const tab of await tabs.all()) {
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    }
  });

  test("switching panes keeps the form's scroll, the editor's text, its undo and its scroll; the editor lays out when shown", async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await expect(form(page, 'chani')).toBeVisible();
    // The preview editor arrives while its pane is hidden, measured 0×0.
    await expect.poll(() => previewText(page), { timeout: SLOW.monaco }).toContain('users.users.chani');

    await page.evaluate(() => window.scrollTo(0, 700));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(700);
    await showPane(page, 'Output');
    const editor = preview(page).locator('.preview-monaco');
    const panelWidth = (await outputTabs(page).boundingBox())!.width;
    await expect.poll(async () => (await editor.locator('.monaco-editor').boundingBox())?.width ?? 0).toBeGreaterThan(panelWidth - 40);
    await expect(editor.locator('.view-line').filter({ hasText: 'chani.configuration' })).toBeVisible();

    await showPane(page, 'Settings');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(700);
    await showPane(page, 'Specialisations');
    await entry(page, 'paul').click();
    // Another entry's form starts at its top.
    await expect(form(page, 'paul')).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(700);

    // Edit Nix: text typed, the panes switched twice, then the text is there and Ctrl+Z takes it back.
    await showPane(page, 'Output');
    await preview(page).getByRole('button', { name: 'Edit Nix' }).click();
    await expect(editor.getByRole('textbox', { name: 'Nix (editable)' })).toBeAttached();
    // The line `uid = 1001;`: to its end, before the semicolon, the number replaced with the keyboard.
    await editor.getByText('1001', { exact: true }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('1005');
    await expect.poll(() => previewText(page)).toContain('uid = 1005;');
    await showPane(page, 'Specialisations');
    await showPane(page, 'Output');
    await expect(editor.locator('.view-line').filter({ hasText: 'uid = 1005;' })).toBeVisible();
    await editor.getByText('1005', { exact: true }).click();
    // Ctrl+Z, a few times (typing and deleting are separate steps): back to the text before the edit.
    for (let i = 0; i < 6 && !(await previewText(page))!.includes('uid = 1001;'); i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(100);
    }
    await expect.poll(() => previewText(page)).toContain('uid = 1001;');

    // The editor's own scroll: at its end, away and back, still at its end.
    const lastLine = (await previewText(page))!.split('\n').length;
    const lastShown = () =>
      page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.preview-monaco .line-numbers')].map((e) => Number(e.textContent) || 0)));
    const box = (await editor.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 200) / 2);
    for (let turns = 0; (await lastShown()) < lastLine && turns < 100; turns++) await page.mouse.wheel(0, 200);
    expect(await lastShown()).toBe(lastLine);
    await showPane(page, 'Settings');
    await showPane(page, 'Output');
    await expect.poll(lastShown).toBe(lastLine);
  });

  test('a problem in the output leads to its field in the form', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
    const f = page.getByRole('form', { name: /^Settings of / });
    await f.getByRole('button', { name: 'Add user' }).click();
    await showPane(page, 'Output');
    await problems(page).getByRole('button', { name: /a user needs a name/ }).click();
    await expect(paneButton(page, 'Settings')).toHaveAttribute('aria-current', 'true');
    await expect(f.getByRole('group', { name: /^User 1/ }).getByLabel('User name')).toBeFocused();
    await expect(f.getByRole('group', { name: /^User 1/ }).getByLabel('User name')).toBeInViewport();

    // "Describe the main system" in the boot menu shows the main system's form.
    await showPane(page, 'Output');
    await outputTabs(page).getByRole('tab', { name: 'Boot menu' }).click();
    await page.getByRole('button', { name: 'Describe the main system' }).click();
    await expect(page.getByRole('form', { name: 'Settings of the main system' })).toBeVisible();
    await expect(paneButton(page, 'Settings')).toHaveAttribute('aria-current', 'true');
  });
});

test.describe('motion', () => {
  test.use({ viewport: PHONE });

  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    test(`a pane comes into view ${reducedMotion === 'reduce' ? 'without' : 'with'} a slide (prefers-reduced-motion: ${reducedMotion})`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion });
      await page.goto('./');
      await showPane(page, 'Output');
      const animation = await page.locator('.output-panel').evaluate((el) => getComputedStyle(el).animationName);
      expect(animation).toBe(reducedMotion === 'reduce' ? 'none' : 'pane-in');
    });
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe on a phone (${colorScheme})`, () => {
    test.use({ viewport: PHONE, colorScheme });

    test('each pane with the bar', async ({ page }) => {
      await page.goto('./');
      await page.getByRole('button', { name: 'Chani and Paul' }).click();
      await expect(form(page, 'chani')).toBeVisible();
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
      await showPane(page, 'Output');
      await expect.poll(() => previewText(page), { timeout: SLOW.monaco }).toContain('users.users.chani');
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
      await showPane(page, 'Specialisations');
      await expect(entry(page, 'paul')).toBeVisible();
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
    });
  });
}

test.describe('at 1440×900', () => {
  test.use({ viewport: DESKTOP });

  test('no bar: the three columns side by side, and picking an entry moves nothing', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await expect(form(page, 'chani')).toBeVisible();
    await expect(bar(page)).toBeHidden();
    expect(await shown(page)).toEqual({ list: true, form: true, output: true });
    const [l, f, o] = [await list(page).boundingBox(), await page.locator('.form-panel').boundingBox(), await outputTabs(page).boundingBox()];
    expect(l!.x + l!.width).toBeLessThanOrEqual(f!.x);
    expect(f!.x + f!.width).toBeLessThanOrEqual(o!.x);
    await page.evaluate(() => window.scrollTo(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    await entry(page, 'paul').click();
    await expect(form(page, 'paul')).toBeVisible();
    expect(await shown(page)).toEqual({ list: true, form: true, output: true });
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});
