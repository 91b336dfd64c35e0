import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { STORAGE_KEY } from '../src/store/persistence';
import { expect, test } from './fixtures';
import { reload, SLOW } from './slow-steps';

// Attacks on the product in a real browser: a killed page, two tabs, storage that fails, bad
// files, hostile names, the Content-Security-Policy, and the network going away.

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__STUDIO_TEST__ = true;
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const previewText = (page: Page) => page.evaluate(() => window.__studioPreviewText?.() ?? document.querySelector('pre')?.textContent ?? '');
const notices = (page: Page) => page.getByRole('status', { name: 'Notices' });
const nameField = (page: Page) => page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name');

/** The page still answers after `what`: a click on another tab shows its panel, and a click back the module's. */
async function respondsAfter(page: Page, what: string) {
  for (const name of ['Boot menu', 'Generated Nix']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name }), `the ${name} tab answers a click after ${what}`).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
  }
}

async function addBlank(page: Page, name: string) {
  // An empty project offers "Add a blank specialisation", another "Add specialisation": whichever the editor shows
  // (waiting for it: the page's first paint has neither).
  const empty = page.getByRole('button', { name: 'Add a blank specialisation' });
  await empty.or(list(page).getByRole('button', { name: 'Add specialisation', exact: true })).click();
  await nameField(page).fill(name);
}

test('an edit survives a crash of the page right after it', async ({ page, context }) => {
  await page.goto('/');
  await addBlank(page, 'kept');
  await nameField(page).pressSequentially('-after-crash');
  // No waiting: the renderer dies right after the last keystroke.
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  const again = await context.newPage();
  await again.goto('/');
  await expect(nameField(again)).toHaveValue('kept-after-crash');
});

test('two tabs: the second is told and does not silently overwrite the first', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await addBlank(a, 'from-a');
  await expect(notices(b)).toContainText('This project was changed in another tab.');
  await addBlank(b, 'from-b');
  // The saved names, read through the index as the app reads them.
  const saved = () =>
    a.evaluate(
      (key) => (JSON.parse(localStorage.getItem(key)!).specialisationKeys as string[]).map((k) => JSON.parse(localStorage.getItem(k)!).name),
      STORAGE_KEY,
    );
  expect(await saved()).toEqual(['from-a']);
  await notices(b).getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(nameField(b)).toHaveValue('from-a');
});

test('Edit Nix: text typed right before a crash, not Nix yet, comes back in Edit Nix', async ({ page, context }) => {
  await page.goto('/');
  await addBlank(page, 'kept');
  const toggle = page.getByRole('button', { name: 'Edit Nix' });
  await toggle.click();
  const editor = page.locator('.preview-monaco');
  await expect(editor.getByRole('textbox', { name: 'Nix (editable)' })).toBeAttached();
  await editor.getByText('kept', { exact: true }).first().dblclick();
  await page.keyboard.type('half typed');
  // No waiting: the renderer dies right after the last keystroke, before the text is read.
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {});
  await crashed;
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('button', { name: 'Edit Nix' })).toHaveAttribute('aria-pressed', 'true');
  // Monaco or, until it loads, the plain editable text.
  const editNixText = () =>
    again.evaluate(() => window.__studioPreviewText?.() ?? document.querySelector<HTMLTextAreaElement>('textarea.preview-plain-editable')?.value);
  await expect.poll(editNixText).toContain('specialisation.half typed');
  await expect(again.getByRole('status').filter({ hasText: /^Line \d+, column \d+: / })).toBeVisible();
  // The forms keep what was last valid.
  await expect(nameField(again)).toHaveValue('kept');
});

test('two tabs: saving off in the second tab stays on screen until a version is chosen, then its work is saved', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('/');
  await b.goto('/');
  await addBlank(a, 'from-a');
  const notice = notices(b).locator('.notice').filter({ hasText: 'This project was changed in another tab.' });
  await expect(notice).toContainText('does not save');
  await expect(notice.getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);
  await addBlank(b, 'from-b');
  await notice.getByRole('button', { name: "Save this tab's version" }).click();
  await expect(notice).toHaveCount(0);
  await nameField(b).fill('from-b-later');
  const saved = () =>
    b.evaluate(
      (key) => (JSON.parse(localStorage.getItem(key)!).specialisationKeys as string[]).map((k) => JSON.parse(localStorage.getItem(k)!).name),
      STORAGE_KEY,
    );
  expect(await saved()).toEqual(['from-b-later']);
});

test('storage that is full, then not: the notice goes when saving works again', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    (window as unknown as { __full: boolean }).__full = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { __full: boolean }).__full) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.goto('/');
  await addBlank(page, 'first');
  await expect(notices(page)).toContainText('storage is full');
  await expect(notices(page).getByRole('button', { name: /^Dismiss/ })).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
  await nameField(page).fill('saved');
  await expect(page.getByText(/storage is full/)).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toContain('specialisationKeys');
});

test('storage that is full: the user is told, work goes on in memory, Save still works', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await addBlank(page, 'in-memory');
  await expect(notices(page)).toContainText('storage is full');
  await expect.poll(() => previewText(page)).toContain('in-memory');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
});

test('storage that is disabled: the app starts and works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await addBlank(page, 'private');
  await expect(notices(page)).toContainText('does not allow saving');
  await expect.poll(() => previewText(page)).toContain('private');
});

test('a corrupt stored value is kept aside, offered for download, and the app starts clean', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, '{"storageVersion": 1, "project": {"version": 1, "specialisations": [{"name": 3}]');
    }
  }, STORAGE_KEY);
  await page.goto('/');
  await expect(notices(page)).toContainText('could not be opened');
  await expect(page.getByRole('button', { name: 'Add a blank specialisation' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), notices(page).getByRole('button', { name: /Download/ }).click()]);
  expect(download.suggestedFilename()).toBe('set-aside-project.json');
});

/** Adds alpha and beta, then breaks the stored value with `breakIt` (in the page); returns every stored value. */
async function savedThenBroken(page: Page, breakIt: (key: string) => void) {
  await page.goto('/');
  await addBlank(page, 'alpha');
  await addBlank(page, 'beta');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', STORAGE_KEY)).toContain('specialisationKeys');
  await page.evaluate(breakIt, STORAGE_KEY);
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

const pieceOf = (stored: Record<string, string>, name: string) =>
  Object.keys(stored).find((k) => k.startsWith('specialisation-studio:specialisation:') && stored[k].includes(`"name":"${name}"`))!;

test('a stored piece cut short: everything is kept aside, what can be read downloads as a project, and no piece is deleted after an edit and a reload', async ({ page }) => {
  const stored = await savedThenBroken(page, (key) => {
    const index = JSON.parse(localStorage.getItem(key)!);
    const beta = index.specialisationKeys[1];
    localStorage.setItem(beta, localStorage.getItem(beta)!.slice(0, 15));
  });
  const alpha = pieceOf(stored, 'alpha');
  await reload(page);
  await expect(notices(page)).toContainText('could not be opened (a part of the saved project is not valid JSON');
  const downloadRecovered = notices(page).getByRole('button', { name: 'Download recovered-project.json' });
  await expect(downloadRecovered).toBeVisible();
  const [recovered] = await Promise.all([page.waitForEvent('download'), downloadRecovered.click()]);
  const project = JSON.parse(await readFile((await recovered.path())!, 'utf8'));
  expect(project.specialisations.map((s: { name: string }) => s.name)).toEqual(['alpha']);
  const [raw] = await Promise.all([page.waitForEvent('download'), notices(page).getByRole('button', { name: 'Download set-aside-project.json' }).click()]);
  const values = JSON.parse(await readFile((await raw.path())!, 'utf8')).values;
  expect(values[STORAGE_KEY]).toBe(stored[STORAGE_KEY]);
  expect(values[alpha]).toBe(stored[alpha]);
  const beta = JSON.parse(stored[STORAGE_KEY]).specialisationKeys[1];
  expect(values[beta]).toBe(stored[beta]);

  await addBlank(page, 'gamma');
  await reload(page);
  await expect(notices(page)).toContainText('kept aside in this browser');
  expect(await page.evaluate((k) => localStorage.getItem(k), alpha)).toBe(stored[alpha]);
  await notices(page).getByRole('button', { name: 'Open the 1 specialisation that could be read' }).click();
  await expect(list(page).getByRole('button', { name: /^alpha/ })).toBeVisible();
});

test('a stored index with no list of its specialisations is kept aside with a notice, and no piece is deleted', async ({ page }) => {
  const stored = await savedThenBroken(page, (key) => {
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), specialisationKeys: null }));
  });
  await reload(page);
  await expect(notices(page)).toContainText('could not be opened (the saved index does not say where its specialisations are)');
  await addBlank(page, 'gamma');
  await reload(page);
  for (const name of ['alpha', 'beta'])
    expect(await page.evaluate((k) => localStorage.getItem(k), pieceOf(stored, name))).toBe(stored[pieceOf(stored, name)]);
});

test('bad project files give a clear message, leave the project untouched and keep the page responsive', async ({ page }, testInfo) => {
  await page.goto('/');
  await addBlank(page, 'untouched');
  // Monaco loads first, so the preview compared below is its text.
  await expect.poll(() => page.evaluate(() => window.__studioPreviewText?.() ?? ''), { timeout: SLOW.monaco }).toContain('untouched');
  const before = await previewText(page);
  const files: [string, Buffer | string, RegExp][] = [
    ['notes.json', 'this is not json', /not valid JSON at line 1, column 1/],
    ['newer.json', '{"version": 3}', /format version 3/],
    ['types.json', '{"version": 1, "specialisations": [{"name": "a", "users": "chani"}]}', /specialisations\[0\]\.users: must be a list/],
    ['binary.json', Buffer.from([0, 159, 146, 150, 0, 1, 2]), /not valid JSON/],
    ['huge.json', Buffer.alloc(50 * 1024 * 1024, 32), /50\.0 MB/],
  ];
  for (const [name, content, message] of files) {
    // Playwright passes big files by path only.
    const path = testInfo.outputPath(name);
    await writeFile(path, content);
    await page.getByLabel('Open project file').setInputFiles(path);
    await expect(notices(page)).toContainText(message);
    await expect(notices(page)).toContainText('Your project is unchanged');
    expect(await previewText(page)).toBe(before);
    // The page stays responsive: another control still works. How long its main thread was busy is measured by
    // `npm run bench` (bench/responsive.ts), not here: a time budget in a test fails on a loaded machine.
    await respondsAfter(page, name);
  }
});

test('a hostile name shows as text and never becomes HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/');
  const hostile = '<img src=x onerror=alert(1)>';
  await addBlank(page, hostile);
  await expect(page.getByText(hostile, { exact: false }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the production build has a strict CSP and nothing violates it in a full session', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await page.getByRole('button', { name: 'Chani and Paul' }).click();
  await expect.poll(() => page.evaluate(() => window.__studioPreviewText?.() ?? null), { timeout: SLOW.monaco }).toContain('specialisation');
  await page.getByRole('form', { name: /^Settings of / }).getByLabel('Extra Nix').first().focus();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('after the first visit the app loads and works offline', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit is not yet controlled by the worker; the reload is, and it caches on the way.
  await reload(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await reload(page);
  await addBlank(page, 'offline');
  await expect.poll(() => previewText(page), { timeout: SLOW.monaco }).toContain('offline.configuration');
  await context.setOffline(false);
});

test('bad Nix to import (truncated, binary, 10,000 levels deep, 20 MB) gets a message; the project and the page are fine', async ({ page }) => {
  await page.goto('/');
  await addBlank(page, 'untouched');
  await expect.poll(() => page.evaluate(() => window.__studioPreviewText?.() ?? ''), { timeout: SLOW.monaco }).toContain('untouched');
  const before = await previewText(page);
  const cases: [string, string, RegExp][] = [
    ['truncated', 'specialisation = {\n  chani.configuration = {\n    users.users.chani = {\n      isNormalUser = true;\n', /is not closed|end of (the )?input/],
    ['binary', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0001', /not text/],
    ['deep', `specialisation.a.configuration.x = ${'['.repeat(10_000)}${']'.repeat(10_000)};`, /nested too deeply/],
    ['huge', '', /too big to import/],
  ];
  for (const [name, text, message] of cases) {
    await page.evaluate(
      ({ name, text }) => {
        const content = name === 'huge' ? `# ${'x'.repeat(20 * 1024 * 1024)}\n` : text;
        const data = new DataTransfer();
        data.items.add(new File([content], `${name}.nix`, { type: 'text/plain' }));
        document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, text },
    );
    await expect(page.getByText(message).first()).toBeVisible({ timeout: 15_000 });
    if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await previewText(page)).toBe(before);
    // Responsive, as above; the time is measured by `npm run bench` (bench/responsive.ts).
    await respondsAfter(page, name);
  }
});
