import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { defaultProject, defaultSpecialisation, defaultUser } from '../src/model/defaults';
import type { Project } from '../src/model/types';
import { expect, test } from './fixtures';

// A specialisation of 2,000 users: the form draws the users near the screen (how fast it opens and types is
// measured by `npm run bench`, bench/users.ts, not here).

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
  });
});

const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? '');

function manyUsers(n: number): Project {
  const users = Array.from({ length: n }, (_, j) => ({ ...defaultUser(`user${j}`), uid: 1000 + j, description: `User ${j}` }));
  users[1500].uid = 1000; // the uid of the first user: one error, at user 1,501
  return { ...defaultProject('26.05'), specialisations: [{ ...defaultSpecialisation('many'), users }] };
}

test('a specialisation of 2,000 users opens, scrolls to its last user, types, and goes to a problem far down', async ({ page }, testInfo) => {
  await page.goto('/');
  const path = testInfo.outputPath('many-users.json');
  await writeFile(path, JSON.stringify(manyUsers(2000)));
  await page.getByLabel('Open project file').setInputFiles(path);

  const form = page.getByRole('form', { name: 'Settings of many' });
  await expect(form.getByText('2,000 users: the form draws those near the screen')).toBeVisible();
  await expect(form.getByRole('group', { name: /^User 1\b/ })).toBeVisible();
  expect(await form.locator('fieldset.user').count()).toBeLessThan(200);

  // Scrolling down draws the users that come into view, up to the last one.
  await form.getByRole('button', { name: 'Add user' }).scrollIntoViewIfNeeded();
  await expect(form.getByRole('group', { name: /^User 2000\b/ })).toBeVisible();

  // Typing in a user reaches the preview.
  await page.mouse.move(5, 5); // Monaco loads at the first interaction
  await expect.poll(() => previewText(page), { timeout: 60_000 }).toContain('users.users.user1999 =');
  const description = form.getByRole('group', { name: /^User 2000\b/ }).getByLabel('Description');
  await description.fill('The last one');
  await expect.poll(() => previewText(page)).toContain('description = "The last one";');

  // The problems list goes to a user that is not drawn: the list draws it and the field takes focus.
  await page.getByRole('button', { name: /user 1501/i }).click();
  const uid = form.getByRole('group', { name: /^User 1501\b/ }).getByLabel('uid');
  await expect(uid).toBeFocused();
  await expect(uid).toHaveAttribute('aria-invalid', 'true');
});
