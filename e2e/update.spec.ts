import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { serveStatic, type StaticServer } from '../scripts/static-server';
import { expect, test as base } from './fixtures';
import { SLOW } from './slow-steps';

// Issue 9 item 10: a new build deployed while a tab is open. The tab keeps loading the files of the
// build it started with (the service worker keeps them until no tab uses them), and a file that truly
// cannot be loaded gets an offer to reload, never a blank page. See docs/offline.md.

const root = fileURLToPath(new URL('..', import.meta.url));

interface Deploy {
  /** The site's address: a static host serving `live/` under a sub-path. */
  url: string;
  origin: string;
  /** Puts build A or B in `live/`, as a deploy would. */
  publish(which: 'a' | 'b'): Promise<void>;
  /** The entry script of each build, as its index.html names it. */
  entry: { a: string; b: string };
  /** Build A's import dialog chunk, gone from the server once B is published. */
  importDialogA: string;
}

/** The production build, into a folder of its own; `suffix` gives every chunk another file name, as a new release would. */
async function buildInto(outDir: string, suffix: string) {
  const names = suffix
    ? { entryFileNames: `assets/[name]-[hash]${suffix}.js`, chunkFileNames: `assets/[name]-[hash]${suffix}.js`, assetFileNames: `assets/[name]-[hash]${suffix}[extname]` }
    : {};
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { output: names } } });
}

const entryOf = async (dir: string) => /<script type="module" crossorigin src="\.\/(assets\/[^"]+)"/.exec(await readFile(join(dir, 'index.html'), 'utf8'))![1];

const test = base.extend<object, { deploy: Deploy }>({
  deploy: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const work = await mkdtemp(join(tmpdir(), 'studio-deploy-'));
      const [a, b, live] = ['a', 'b', 'live'].map((d) => join(work, d));
      await buildInto(a, '');
      await buildInto(b, '-next');
      const server: StaticServer = await serveStatic(live, '/studio/');
      const importDialogA = (await readdir(join(a, 'assets'))).find((f) => /^import-dialog-.*\.js$/.test(f));
      if (!importDialogA) throw new Error('build A has no import-dialog chunk');
      await use({
        url: server.url,
        origin: server.origin,
        publish: async (which) => {
          await rm(live, { recursive: true, force: true });
          await cp(which === 'a' ? a : b, live, { recursive: true });
        },
        entry: { a: await entryOf(a), b: await entryOf(b) },
        importDialogA: `assets/${importDialogA}`,
      });
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
    // Two production builds: minutes on a loaded 2-core machine.
    { scope: 'worker', timeout: 300_000 },
  ],
  // The fixtures' own-origin check follows the test server.
  baseURL: async ({ deploy }, use) => use(deploy.url),
});

const entryScript = (page: Page) => page.locator('script[type="module"]').getAttribute('src');

test('a tab open during a deploy keeps loading its own build; once no tab uses it, the next visit gets the new one', async ({ page, context, deploy }) => {
  const failures: string[] = [];
  context.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  await deploy.publish('a');
  // Time stands still in the page until the deploy is done, so Monaco (loaded at the first
  // interaction or after a quiet start) is not loaded before it.
  const start = new Date('2030-01-01T00:00:00Z');
  await page.clock.install({ time: start });
  await page.clock.pauseAt(new Date(start.getTime() + 60_000));
  await page.goto(deploy.url);
  expect(await entryScript(page)).toBe(`./${deploy.entry.a}`);
  // The first visit's worker installs, then takes this tab.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  // What the worker before Workbox left behind.
  await page.evaluate(() => caches.open('studio-1x2y3z').then((c) => c.put('./old', new Response('old build'))));
  await expect(page.locator('.monaco-editor')).toHaveCount(0);

  // The deploy: the server has build B only; the browser finds and installs B's worker.
  await deploy.publish('b');
  await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    await registration.update();
    const next = registration.installing;
    if (next) await new Promise<void>((done) => next.addEventListener('statechange', () => next.state !== 'installing' && done()));
  });
  await page.clock.resume();

  // The open tab's lazy parts still come: the import dialog, Monaco, the Nix editor.
  await page.getByRole('button', { name: 'Import Nix…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Nix' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  await expect(page.getByRole('region', { name: 'Generated Nix' }).locator('.monaco-editor')).toBeVisible({ timeout: SLOW.monaco });
  await expect(page.getByRole('form', { name: /^Settings of / }).locator('.monaco-editor')).toBeVisible({ timeout: SLOW.monaco });
  await expect(page.getByText('could not be loaded')).toHaveCount(0);
  // B's worker did install, and waits while this tab uses A.
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);

  // A new tab, while this one is open, gets the same (old) build from the worker, and it works.
  const second = await context.newPage();
  await second.goto(`${deploy.url}?from=a-bookmark`);
  expect(await entryScript(second)).toBe(`./${deploy.entry.a}`);
  await second.getByRole('button', { name: 'Import Nix…' }).click();
  await expect(second.getByRole('dialog', { name: 'Import Nix' })).toBeVisible();
  expect(failures).toEqual([]);

  // Every tab of the old build closed: B's worker takes over, drops A's files and the old caches.
  await page.close();
  await second.close();
  const outside = await context.newPage();
  await outside.goto(`${deploy.origin}/`); // same origin, outside the worker's scope
  await expect
    .poll(() =>
      outside.evaluate(async (scope) => {
        const r = await navigator.serviceWorker.getRegistration(scope);
        return !!r?.active && !r.waiting && !r.installing;
      }, deploy.url),
    )
    .toBe(true);
  const next = await context.newPage();
  await next.goto(deploy.url);
  expect(await entryScript(next)).toBe(`./${deploy.entry.b}`);
  const cached = await next.evaluate(async () => {
    const names = await caches.keys();
    const urls = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)));
    return { names, urls: urls.flat() };
  });
  expect(cached.names.filter((n) => n.startsWith('studio-'))).toEqual([]);
  expect(cached.urls).toContain(`/studio/${deploy.entry.b}`);
  expect(cached.urls.filter((u) => u.includes(deploy.importDialogA))).toEqual([]);
});

// A file that truly cannot be loaded (no service worker here, and the server answers 404).
base.describe('a part whose file cannot be loaded', () => {
  base.use({ serviceWorkers: 'block' });

  const offer = (page: Page, part: string) => page.getByText(`${part} could not be loaded`).locator('xpath=..');
  const header = (page: Page) => page.getByRole('heading', { name: 'Specialisation Studio', level: 1 });
  const addBlank = (page: Page) => page.getByRole('button', { name: 'Add a blank specialisation' }).click();
  const preview = (page: Page) => page.getByRole('region', { name: 'Generated Nix' });

  base('the import dialog: a reload is offered, the page stays, and the reload brings the dialog', async ({ page }) => {
    await page.route('**/assets/import-dialog-*.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('./');
    await page.getByRole('button', { name: 'Import Nix…' }).click();
    await expect(offer(page, 'The import dialog').getByRole('button', { name: 'Reload', exact: true })).toBeVisible();
    await expect(header(page)).toBeVisible();
    await addBlank(page);
    await expect(preview(page)).toContainText('specialisation.entry-1.configuration');
    await page.unroute('**/assets/import-dialog-*.js');
    await offer(page, 'The import dialog').getByRole('button', { name: 'Reload', exact: true }).click();
    await page.getByRole('button', { name: 'Import Nix…' }).click();
    await expect(page.getByRole('dialog', { name: 'Import Nix' })).toBeVisible();
  });

  const cases: { part: string; chunk: string; open: (page: Page) => Promise<void>; after: (page: Page) => Promise<void> }[] = [
    {
      part: 'The configuration.nix reader',
      chunk: 'parent-import-dialog',
      open: async (page) => {
        await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^Main system/ }).click();
        await page.getByRole('button', { name: 'Fill from configuration.nix…' }).click();
      },
      after: (page) => expect(page.getByRole('button', { name: 'Fill from configuration.nix…' })).toBeVisible(),
    },
    {
      part: 'The preview',
      chunk: 'preview-pane',
      open: addBlank,
      after: async (page) => {
        await page.getByRole('form', { name: /^Settings of / }).getByLabel('Specialisation name').fill('plain');
        await expect(preview(page).getByLabel('Generated NixOS module')).toContainText('plain.configuration');
      },
    },
    {
      part: 'The code editor',
      chunk: 'monaco-setup',
      open: addBlank,
      after: async (page) => {
        await page.getByRole('form', { name: /^Settings of / }).getByLabel('Extra Nix').fill('services.openssh.enable = true;');
        await expect(preview(page)).toContainText('services.openssh.enable = true;');
      },
    },
    {
      part: 'The Nix editor',
      chunk: 'nix-code-editor',
      open: addBlank,
      after: async (page) => {
        await page.getByRole('form', { name: /^Settings of / }).getByLabel('Extra Nix').fill('services.openssh.enable = true;');
        await expect(preview(page)).toContainText('services.openssh.enable = true;');
      },
    },
  ];
  for (const { part, chunk, open, after } of cases)
    base(`${part.replace(/^The /, 'the ')} (${chunk}): a reload is offered and the rest works`, async ({ page }) => {
      await page.route(`**/assets/${chunk}-*.js`, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto('./');
      await open(page);
      await expect(offer(page, part).getByRole('button', { name: 'Reload', exact: true })).toBeVisible();
      await expect(header(page)).toBeVisible();
      await after(page);
    });
});
