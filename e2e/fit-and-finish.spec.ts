import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './slow-steps';

// Issue 12, "Fit and finish from a newcomer's walkthrough": each defect at the viewport where it was seen.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const anyForm = (page: Page) => page.getByRole('form', { name: /^Settings of / });
const user = (scope: Locator, n: number) => scope.getByRole('group', { name: new RegExp(`^User ${n}`) });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

/** On a phone, shows one of the panes with the bar at the bottom (e2e/phone.spec.ts). */
const showPane = (page: Page, name: 'Specialisations' | 'Settings' | 'Output') =>
  page.getByRole('navigation', { name: 'Panes' }).getByRole('button', { name: new RegExp(`^${name}:`) }).click();

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

async function addBlank(page: Page) {
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await expect(anyForm(page)).toBeVisible();
}

test.describe('a phone (390×844)', () => {
  test.use({ viewport: PHONE });

  test('long option paths and names wrap: the page never scrolls sideways, the errors dialog included', async ({ page, consoleErrors }) => {
    await page.goto('./');
    await addBlank(page);
    const f = anyForm(page);
    await f.getByRole('button', { name: 'Add user' }).click();
    const groups = user(f, 1).getByRole('combobox', { name: 'Groups' });
    await groups.fill('networkmanager');
    await groups.press('Enter');
    await showPane(page, 'Output');
    const warning = problems(page).getByRole('button', { name: /networking\.networkmanager\.enable/ });
    await expect(warning).toBeVisible();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const box = await warning.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);

    // No name is an error: Copy asks first, in a dialog that fits the screen.
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: /^The module has 1 error/ });
    await expect(dialog).toBeVisible();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= PHONE.width).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A long name without a blank: the list, the form, the boot menu.
    const long = 'a-specialisation-named-at-length-without-a-single-blank-in-it';
    await showPane(page, 'Settings');
    await f.getByLabel('Specialisation name').fill(long);
    await showPane(page, 'Output');
    await page.getByRole('tab', { name: 'Boot menu' }).click();
    await expect(page.getByRole('list', { name: 'Boot menu preview' })).toContainText(long);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  });

  test('the import report wraps long option paths', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Import Nix…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Nix' });
    await dialog.getByLabel('Nix to import').fill(
      '{ specialisation.averyveryverylongspecialisationnamewithoutanyblanks.configuration = {' +
        ' services.someveryveryverylongoptionnamethatgoesonandonandon.enableSomethingLong = true; }; }',
    );
    // The report names the specialisation (and, by how the importer reads it, the option or a setting row).
    await expect(dialog.getByRole('region', { name: 'What the import does' })).toContainText('averyveryverylongspecialisationname');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await dialog.evaluate((d) => d.scrollWidth - d.clientWidth)).toBeLessThanOrEqual(0);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe on a phone (${colorScheme})`, () => {
    test.use({ viewport: PHONE, colorScheme });

    test('a user with a warning, a note, then the errors dialog', async ({ page }) => {
      await page.goto('./');
      await addBlank(page);
      const f = anyForm(page);
      await f.getByRole('button', { name: 'Add user' }).click();
      const groups = user(f, 1).getByRole('combobox', { name: 'Groups' });
      await groups.fill('networkmanager');
      await groups.press('Enter');
      // A note (the main system is not described) beside the warning and the error.
      await f.getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'KDE Plasma 6' });
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
      await showPane(page, 'Output');
      await expect(problems(page).getByRole('button', { name: /networking\.networkmanager\.enable/ })).toBeVisible();
      await expect(problems(page).getByRole('button', { name: 'Describe the main system' })).toBeVisible();
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
    });
  });
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a tag typed without Enter, then "Add user": one click adds the tag and the user', async ({ page }) => {
      await page.goto('./');
      await addBlank(page);
      const f = anyForm(page);
      await f.getByLabel('Tags').fill('chani');
      await f.getByRole('button', { name: 'Add user' }).click();

      await expect(f.getByRole('button', { name: 'Remove tag chani' })).toBeVisible();
      await expect(user(f, 1)).toBeVisible();
      await expect(user(f, 1).getByLabel('User name')).toBeVisible();
    });

    test('a group typed without Enter, then "Add user": the group is added and so is the user', async ({ page }) => {
      await page.goto('./');
      await addBlank(page);
      const f = anyForm(page);
      await f.getByRole('button', { name: 'Add user' }).click();
      // networkmanager brings a warning under the field as well as the chip.
      await user(f, 1).getByRole('combobox', { name: 'Groups' }).fill('networkmanager');
      await page.keyboard.press('Escape');
      await f.getByRole('button', { name: 'Add user' }).click();

      await expect(user(f, 1).getByRole('button', { name: 'Remove group networkmanager' })).toBeVisible();
      await expect(user(f, 2)).toBeVisible();
    });
  });
}

test.describe('at 1440×900', () => {
  test.use({ viewport: DESKTOP });

  test.beforeEach(async ({ page }) => {
    // The production build's hook that reads the preview editor's text (src/features/preview/test-hook.ts).
    await page.addInitScript(() => {
      window.__STUDIO_TEST__ = true;
    });
  });
  const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);

  test('"Add user": the name\'s error waits for an edit or a blur at the field, and is in the problems list at once', async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    const f = anyForm(page);
    await f.getByRole('button', { name: 'Add user' }).click();
    const name = user(f, 1).getByLabel('User name');
    await expect(name).toBeVisible();
    await expect(problems(page).getByRole('button', { name: /a user needs a name/ })).toBeVisible();
    await expect(user(f, 1)).not.toContainText('a user needs a name');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');

    // An edit that leaves an error shows it at once.
    await name.fill('Chani');
    await expect(user(f, 1)).toContainText('"Chani" is not a valid user name');
    await name.fill('');
    await expect(user(f, 1)).toContainText('a user needs a name');

    // A second user's field: leaving it shows its error.
    await f.getByRole('button', { name: 'Add user' }).click();
    const second = user(f, 2).getByLabel('User name');
    await second.focus();
    await expect(user(f, 2)).not.toContainText('a user needs a name');
    await second.blur();
    await expect(user(f, 2)).toContainText('a user needs a name');
    await expect(second).toHaveAttribute('aria-invalid', 'true');
  });

  test('the lspci helper comes before the bus-ID fields it fills', async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    const f = anyForm(page);
    await f.getByLabel('GPU mode', { exact: true }).selectOption({ label: 'NVIDIA PRIME offload (integrated GPU by default)' });
    const helper = f.getByLabel('Convert an lspci address');
    const busId = f.getByLabel('NVIDIA bus ID', { exact: true });
    await expect(helper).toBeVisible();
    await expect(busId).toBeVisible();
    expect(await helper.evaluate((h, b) => !!(h.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), await busId.elementHandle())).toBe(true);
    const [h, b] = [await helper.boundingBox(), await busId.boundingBox()];
    expect(h!.y).toBeLessThan(b!.y);
  });

  test("with the main system not described, a specialisation's desktop is a note in Problems that leads to the main system", async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    await anyForm(page).getByLabel('Desktop environment', { exact: true }).selectOption({ label: 'KDE Plasma 6' });
    const note = problems(page).getByRole('listitem').filter({ hasText: /^Info/ });
    await expect(note).toContainText("entry-1 brings its own desktop, which may clash with the main system's");
    await expect(problems(page).getByRole('heading')).toHaveText(/· 1 note$/);
    await note.getByRole('button', { name: 'Describe the main system' }).click();
    const parent = page.getByRole('form', { name: 'Settings of the main system' });
    await expect(parent.getByLabel('Describe my main configuration')).toBeFocused();
    await parent.getByLabel('Describe my main configuration').check();
    await expect(note).toHaveCount(0);
    await expect(problems(page).getByRole('heading')).not.toHaveText(/note/);
  });

  test('release-change notices: compact, one at a time, and gone when their release is no longer the target', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await expect(form(page, 'chani')).toBeVisible();
    const notices = page.getByRole('status', { name: 'Notices' });
    const releaseNotices = notices.getByText(/^Target release changed/);
    const release = page.getByLabel('NixOS release');
    await release.selectOption('24.05');
    await expect(releaseNotices).toHaveText([/to 24\.05/]);
    await release.selectOption('23.11');
    // The change to 24.05 no longer applies: only the latest stays.
    await expect(releaseNotices).toHaveText([/from 24\.05 to 23\.11/]);
    const box = await notices.boundingBox();
    expect(box!.height).toBeLessThan(160);
    await expect(notices.getByRole('button', { name: /^Dismiss: Target release changed/ })).toBeVisible();

    // Undo (not the notice's button): the target is 24.05 again, and the notice about 23.11 leaves on its own.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(release).toHaveValue('24.05');
    await expect(releaseNotices).toHaveCount(0);
  });

  test('the problems count beside the output tabs is in sight and jumps to the problems list', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await expect(form(page, 'chani')).toBeVisible();
    await page.getByRole('tab', { name: 'Boot menu' }).click();
    const count = page.getByRole('button', { name: /^2 warnings\s?: go to the problems list$/ });
    await expect(count).toBeInViewport();
    await count.click();
    await expect(page.getByRole('tab', { name: 'Generated Nix' })).toHaveAttribute('aria-selected', 'true');
    const heading = problems(page).getByRole('heading');
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
  });

  test('a new blank specialisation is entry-1, the next entry-2: names that read well and are unique', async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    await expect(form(page, 'entry-1')).toBeVisible();
    await expect.poll(() => previewText(page)).toContain('specialisation.entry-1.configuration');
    await list(page).getByRole('button', { name: 'Add specialisation', exact: true }).click();
    await expect(form(page, 'entry-2')).toBeVisible();
    await expect(list(page).getByRole('button', { name: /^entry-1/ })).toBeVisible();
  });

  test('NVIDIA starts with the open module NixOS recommends for the release, and the hint says what is written', async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    const f = anyForm(page);
    await f.getByLabel('GPU mode', { exact: true }).selectOption({ label: 'NVIDIA only' });
    const open = f.getByLabel('Open kernel module', { exact: true });
    await expect(open).toBeChecked();
    await expect(open).toHaveAccessibleDescription(/^Writes hardware\.nvidia\.open = true\. .*recommended for Turing \(RTX 20\)/);
    await expect.poll(() => previewText(page)).toMatch(/hardware\.nvidia = \{[^}]*\bopen = true;/);
    await open.uncheck();
    await expect(open).toHaveAccessibleDescription(/^Writes hardware\.nvidia\.open = false\./);
    await expect.poll(() => previewText(page)).toMatch(/hardware\.nvidia = \{[^}]*\bopen = false;/);

    // Before 24.11 NixOS's default is the proprietary module, and nothing needs writing.
    await page.getByLabel('NixOS release').selectOption('24.05');
    await f.getByLabel('GPU mode', { exact: true }).selectOption({ label: 'None (keep the parent\u2019s)' });
    await f.getByLabel('GPU mode', { exact: true }).selectOption({ label: 'NVIDIA only' });
    await expect(open).not.toBeChecked();
    await expect(open).toHaveAccessibleDescription(/^Writes nothing: the proprietary module/);
  });

  test("new users start above the main system's account (1001, 1002); a shared uid or 1000 is a warning", async ({ page }) => {
    await page.goto('./');
    await addBlank(page);
    await anyForm(page).getByLabel('Specialisation name').fill('chani');
    await form(page, 'chani').getByRole('button', { name: 'Add user' }).click();
    const chani = user(form(page, 'chani'), 1);
    await chani.getByLabel('User name').fill('chani');
    await expect(chani.getByLabel('uid', { exact: true })).toHaveValue('1001');

    await list(page).getByRole('button', { name: 'Add specialisation', exact: true }).click();
    await anyForm(page).getByLabel('Specialisation name').fill('paul');
    await form(page, 'paul').getByRole('button', { name: 'Add user' }).click();
    const paul = user(form(page, 'paul'), 1);
    await paul.getByLabel('User name').fill('paul');
    const uid = paul.getByLabel('uid', { exact: true });
    await expect(uid).toHaveValue('1002');
    await expect(problems(page)).not.toContainText('uid');

    await uid.fill('1001');
    await expect(problems(page).getByRole('button', { name: /uid 1001 is also chani's, in chani/ })).toBeVisible();
    await expect(problems(page).getByRole('button', { name: /uid 1001 is also paul's, in paul/ })).toBeVisible();
    await uid.fill('1000');
    await expect(problems(page).getByRole('button', { name: /uid 1000 is normally your main system's own account/ })).toBeVisible();
    await expect(problems(page)).not.toContainText('is also');
  });
});
