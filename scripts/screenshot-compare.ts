// Usage: npx tsx scripts/screenshot-compare.ts <url of a running production build> [out.png]
// Takes the README's screenshot of the Compare tab (docs/screenshot-compare.png, 1440×900, light) from the real app:
// the blog's chani/paul example, chani compared with paul. Builds nothing; `npm run screenshot` builds and serves.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

export const COMPARE_SCREENSHOT = 'docs/screenshot-compare.png';

export async function takeCompareScreenshot(url: string, out = COMPARE_SCREENSHOT): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    // A fresh context has an empty localStorage: the app starts with an empty project.
    await page.goto(url);
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await page.getByRole('form', { name: 'Settings of chani' }).waitFor();
    await page.getByRole('tab', { name: 'Compare' }).click();
    const region = page.getByRole('region', { name: 'Compare' });
    await region.getByRole('combobox', { name: 'Compare' }).selectOption({ label: 'chani' });
    await region.getByRole('combobox', { name: 'with' }).selectOption({ label: 'paul' });
    await region.getByRole('table').getByRole('columnheader', { name: 'paul' }).waitFor();
    await page.mouse.move(1, 1);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));

    mkdirSync(dirname(resolve(out)), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${out} (1440×900, light) from ${url}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [url, out] = process.argv.slice(2);
  if (!url) {
    console.error('usage: tsx scripts/screenshot-compare.ts <url of a running production build> [out.png]');
    process.exit(2);
  }
  await takeCompareScreenshot(url, out);
}
