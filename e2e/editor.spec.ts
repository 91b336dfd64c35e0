import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { linesForField } from '../src/features/preview/field-lines';
import type { Project } from '../src/model/types';
import { generate } from '../src/nixos/generate';
import { hasNix, nixParseError, NO_NIX } from '../src/test/nix';
import { serveStatic, type StaticServer } from '../scripts/static-server';
import { blogProject } from './blog-project';
import { expect, test } from './fixtures';
import { axeViolations, reload, SLOW } from './slow-steps';

// Every test here runs under the fixtures of ./fixtures: a request to any other origin fails the test.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ page }) => {
  // Turns on the production build's test hook that reads the preview editor's text (src/features/preview/test-hook.ts).
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

/** The preview's text as Monaco holds it; null until Monaco has loaded. */
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? null);

/** Waits until the preview shows exactly the module `generate()` writes for `project`. */
async function expectPreviewOf(page: Page, project: Project) {
  const expected = generate(project).text;
  // Monaco loads at the first interaction or after a quiet start (about 5 s): allow for that after a reload.
  await expect.poll(() => previewText(page), { message: 'the preview shows the generated module', timeout: SLOW.monaco }).toBe(expected);
  return expected;
}

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
/** A specialisation's button in the list; its name may go on with a badge ("paul 1 warning"). */
const entry = (page: Page, name: string) => list(page).getByRole('button', { name: new RegExp(`^${name}( |$)`) });
const form = (page: Page, name: string) => page.getByRole('form', { name: `Settings of ${name}` });
const user = (page: Page, specialisation: string, n: number) =>
  form(page, specialisation).getByRole('group', { name: new RegExp(`^User ${n}\\b`) });
const uidField = (scope: Locator) => scope.getByLabel('uid', { exact: true });
const preview = (page: Page) => page.getByRole('region', { name: 'Generated Nix' });
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });

interface Person {
  name: string;
  uid: number;
  desktop: string;
  packages?: string[];
}

/** Fills in the selected (new, blank) specialisation for one person, as a user would. */
async function fillPerson(page: Page, person: Person) {
  const blank = page.getByRole('form', { name: /^Settings of / });
  await blank.getByLabel('Specialisation name').fill(person.name);
  const f = form(page, person.name);
  await expect(f).toBeVisible();

  await f.getByLabel('Tags').fill(person.name);
  await f.getByLabel('Tags').press('Enter');
  await expect(f.getByRole('button', { name: `Remove tag ${person.name}` })).toBeVisible();

  await f.getByRole('button', { name: 'Add user' }).click();
  const u = user(page, person.name, 1);
  await u.getByLabel('User name').fill(person.name);
  await uidField(u).fill(String(person.uid));

  // One group picked from the catalog's suggestions, one typed and entered.
  const groups = u.getByRole('combobox', { name: 'Groups' });
  await groups.pressSequentially('networkm');
  await page.getByRole('option', { name: /^networkmanager/ }).click();
  await expect(u.getByRole('button', { name: 'Remove group networkmanager' })).toBeVisible();
  await groups.fill('video');
  await groups.press('Enter');
  await expect(u.getByRole('button', { name: 'Remove group video' })).toBeVisible();

  await f.getByLabel('Desktop environment', { exact: true }).selectOption({ label: person.desktop });
  await f.getByLabel('Autologin user', { exact: true }).selectOption(person.name);

  for (const attr of person.packages ?? []) {
    const packages = f.getByRole('combobox', { name: 'Packages' });
    await packages.fill(attr);
    await packages.press('Enter');
    await expect(f.getByRole('button', { name: `Remove package ${attr}` })).toBeVisible();
  }
}

/** Starts from the empty project and types in the blog's chani/paul example. */
async function buildBlogByHand(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await fillPerson(page, { name: 'chani', uid: 1001, desktop: 'KDE Plasma 6' });
  await list(page).getByRole('button', { name: 'Add specialisation', exact: true }).click();
  await fillPerson(page, { name: 'paul', uid: 1002, desktop: 'GNOME', packages: ['dune-release'] });
}

/** Starts from the empty project and adds the chani/paul template. */
async function loadBlogTemplate(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  await expect(form(page, 'chani')).toBeVisible();
  return expectPreviewOf(page, blogProject());
}

test.describe('the editor, as a user builds the blog example', () => {
  test('typed from an empty project, it downloads, copies and survives a reload', async ({ page, consoleErrors, foreignRequests }) => {
    await buildBlogByHand(page);
    const expected = await expectPreviewOf(page, blogProject());
    // No errors (warnings are advice), so Download and Copy do not ask first.
    await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: (none|0 errors)/);

    await test.step('Download gives specialisations.nix, the same text as the generator and the preview', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), preview(page).getByRole('button', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toBe('specialisations.nix');
      const file = await readFile(await download.path(), 'utf8');
      expect(file).toBe(expected);
      expect(file).toBe(await previewText(page));
      await expect(preview(page).getByRole('status')).toHaveText('Downloaded specialisations.nix');

      if (hasNix) expect(nixParseError(file), 'nix-instantiate --parse accepts the download').toBeNull();
      else {
        test.info().annotations.push({ type: 'skipped assertion', description: `nix-instantiate --parse: ${NO_NIX}` });
        console.warn(`skipped the nix-instantiate --parse check: ${NO_NIX}`);
      }
    });

    await test.step('Copy puts the same text on the clipboard and says so', async () => {
      await preview(page).getByRole('button', { name: 'Copy' }).click();
      await expect(preview(page).getByRole('status')).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    });

    await test.step('a reload restores the project, the forms and the preview', async () => {
      const before: Record<string, string> = {};
      for (const name of ['chani', 'paul']) {
        await entry(page, name).click();
        before[name] = await form(page, name).ariaSnapshot();
      }
      const listBefore = await list(page).ariaSnapshot();
      const releaseBefore = await page.getByLabel('NixOS release').inputValue();

      await reload(page);

      expect(await expectPreviewOf(page, blogProject())).toBe(expected);
      await expect(page.getByLabel('NixOS release')).toHaveValue(releaseBefore);
      for (const name of ['chani', 'paul']) {
        await entry(page, name).click();
        await expect(form(page, name)).toMatchAriaSnapshot(before[name]);
      }
      await expect(list(page)).toMatchAriaSnapshot(listBefore);
      // Spot checks, so the comparison above cannot pass on two empty forms.
      const paul = user(page, 'paul', 1);
      await expect(paul.getByLabel('User name')).toHaveValue('paul');
      await expect(uidField(paul)).toHaveValue('1002');
      await expect(form(page, 'paul').getByLabel('Desktop environment', { exact: true })).toHaveValue('gnome');
      await expect(form(page, 'paul').getByRole('button', { name: 'Remove package dune-release' })).toBeVisible();
    });

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('the template is the same project as the one typed by hand', async ({ page }) => {
    // loadBlogTemplate waits for the preview to equal generate(blogProject()).
    await loadBlogTemplate(page);
  });
});

test('undo and redo, with the keyboard and the buttons, move the preview back and forth', async ({ page }) => {
  const original = await loadBlogTemplate(page);
  const edited = blogProject();
  edited.specialisations[1].users[0].description = 'Paul Atreides';

  await entry(page, 'paul').click();
  const description = user(page, 'paul', 1).getByLabel('Description');
  await description.fill('Paul Atreides');
  const withDescription = await expectPreviewOf(page, edited);
  expect(withDescription).not.toBe(original);

  await description.press('Control+z');
  await expectPreviewOf(page, blogProject());
  await expect(description).toHaveValue('');

  await description.press('Control+Shift+z');
  await expectPreviewOf(page, edited);
  await expect(description).toHaveValue('Paul Atreides');

  const history = page.getByRole('group', { name: 'History' });
  await history.getByRole('button', { name: 'Undo' }).click();
  await expectPreviewOf(page, blogProject());
  await expect(history.getByRole('button', { name: 'Redo' })).toBeEnabled();

  await history.getByRole('button', { name: 'Redo' }).click();
  await expectPreviewOf(page, edited);
  await expect(history.getByRole('button', { name: 'Redo' })).toBeDisabled();
  await expect(description).toHaveValue('Paul Atreides');
});

test('an invalid uid is explained at the field and in the problems list, which leads back to it', async ({ page }) => {
  await loadBlogTemplate(page);
  const chani = user(page, 'chani', 1);
  const uid = uidField(chani);

  await test.step('text that is not a number stays in the field with its message; the project keeps its uid', async () => {
    await uid.fill('12x');
    await expect(uid).toHaveValue('12x');
    await expect(uid).toHaveAccessibleDescription(/uid must be a whole number/);
    await expect(uid).toHaveAttribute('aria-invalid', 'true');
    // No errors (warnings are advice), so Download and Copy do not ask first.
    await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: (none|0 errors)/);
    await expectPreviewOf(page, blogProject());
  });

  await test.step('a uid NixOS refuses for a normal user', async () => {
    await uid.fill('500');
    const message = /a normal user needs a uid of 1000 or more \(NixOS refuses 500\)/;
    await expect(uid).toHaveAccessibleDescription(message);
    await expect(uid).toHaveAttribute('aria-invalid', 'true');
    await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: 1 error/);
    const problem = problems(page).getByRole('button', { name: message });
    await expect(problem).toBeVisible();
    await expect(entry(page, 'chani').filter({ hasText: '1 error' })).toBeVisible();

    // From another specialisation's form, the problem brings chani's form back and focuses the uid.
    await entry(page, 'paul').click();
    await expect(form(page, 'chani')).toBeHidden();
    await problem.click();
    await expect(uid).toBeFocused();
    await expect(uid).toHaveValue('500');
  });

  await test.step('Download asks first when there are errors', async () => {
    await preview(page).getByRole('button', { name: 'Download' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'The module has 1 error' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});

test('focusing a field highlights the lines it produced in the preview', async ({ page }) => {
  await loadBlogTemplate(page);
  const { sourceMap } = generate(blogProject());
  const path = 'specialisations[1].users[0].uid';
  const expected = linesForField(sourceMap, path).flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, i) => start + i));
  expect(expected.length).toBeGreaterThan(0);

  await entry(page, 'paul').click();
  await uidField(user(page, 'paul', 1)).focus();

  // Monaco draws line decorations in its margin next to the line numbers; this is the one place the test
  // reads Monaco's DOM: which line numbers carry the highlight's margin class.
  const highlighted = () =>
    preview(page)
      .locator('.margin-view-overlays > div')
      .filter({ has: page.locator('.preview-focused-margin') })
      .locator('.line-numbers')
      .allInnerTexts()
      .then((texts) => texts.map(Number).sort((a, b) => a - b));
  await expect.poll(highlighted).toEqual(expected);

  // Another field moves the highlight; leaving the form clears it.
  const tagsLines = linesForField(sourceMap, 'specialisations[1].tags').flatMap(({ start, end }) =>
    Array.from({ length: end - start + 1 }, (_, i) => start + i),
  );
  await form(page, 'paul').getByLabel('Tags').focus();
  await expect.poll(highlighted).toEqual(tagsLines);
  await form(page, 'paul').getByLabel('Tags').blur();
  await expect.poll(highlighted).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('axe finds no violations on the filled-in editor, with warnings and an error showing', async ({ page }) => {
      await loadBlogTemplate(page);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      await entry(page, 'paul').click();
      await expect(form(page, 'paul').getByRole('button', { name: 'Remove package dune-release' })).toBeVisible();
      await expect(problems(page).getByRole('button', { name: /networkmanager/ }).first()).toBeVisible();
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);

      const uid = uidField(user(page, 'paul', 1));
      await uid.fill('500');
      await expect(uid).toHaveAttribute('aria-invalid', 'true');
      await expect(problems(page).getByRole('heading')).toHaveText(/^Problems: 1 error/);
      expect(await axeViolations(new AxeBuilder({ page }))).toEqual([]);
    });
  });
}

/** The same tests' fixtures, with the app served by a static server of dist/ under /sub/path/ on another port. */
const subPathTest = test.extend<object, { subPathServer: StaticServer }>({
  subPathServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // dist/ is what the web server of playwright.config.ts built.
      const server = await serveStatic(fileURLToPath(new URL('../dist/', import.meta.url)), '/sub/path/');
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // The fixtures' "own origin" (requests elsewhere fail the test) is the base URL's: here, this server's.
  baseURL: async ({ subPathServer }, use) => use(subPathServer.url),
});

subPathTest('served from a sub-path, it loads, fetches its catalogs and shows the Nix', async ({ page, subPathServer: server }) => {
  await page.goto('./');
  expect(page.url()).toBe(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Specialisation Studio' })).toBeVisible();
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  await expectPreviewOf(page, blogProject());

  // The catalogs came from the sub-path: suggestions from packages.json and groups.json, desktops from releases.json.
  const chani = form(page, 'chani');
  await chani.getByRole('combobox', { name: 'Packages' }).fill('dune-rel');
  await expect(page.getByRole('option', { name: /^dune-release/ })).toBeVisible();
  await user(page, 'chani', 1).getByRole('combobox', { name: 'Groups' }).fill('wheel');
  await expect(page.getByRole('option', { name: /^wheel/ })).toBeVisible();
  await expect(chani.getByLabel('Desktop environment', { exact: true }).getByRole('option', { name: 'KDE Plasma 6' })).toBeAttached();
  await expect(page.getByRole('note')).toHaveCount(0);

  const status = (file: string) => server.requests.find((r) => r.url === `/sub/path/${file}`)?.status;
  for (const file of ['catalog/releases.json', 'catalog/groups.json', 'catalog/packages.json']) expect(status(file), file).toBe(200);
  expect(server.requests.filter((r) => !r.url.startsWith('/sub/path/')), 'requests outside the sub-path').toEqual([]);
  expect(server.requests.filter((r) => r.status !== 200), 'requests that failed').toEqual([]);
});
