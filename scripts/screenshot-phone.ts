// Usage: npx tsx scripts/screenshot-phone.ts <url of a running production build> [out.png]
// Takes the README's phone screenshot (docs/screenshot-phone.png, 390×844, light) from the real app: the blog's
// chani/paul example, the top of the page with paul's form, and the bar that switches between the list, the form and the output. Builds
// nothing; `npm run screenshot` builds, serves and calls this.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

export const PHONE_SCREENSHOT = 'docs/screenshot-phone.png';

export async function takePhoneScreenshot(url: string, out = PHONE_SCREENSHOT): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    // A fresh context has an empty localStorage: the app starts with an empty project.
    await page.goto(url);
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await page.getByRole('form', { name: 'Settings of chani' }).waitFor();
    // Back to the list with the bar, then paul: the phone shows paul's form.
    const bar = page.getByRole('navigation', { name: 'Panes' });
    await bar.getByRole('button', { name: /^Specialisations:/ }).click();
    await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^paul( |$)/ }).click();
    const form = page.getByRole('form', { name: 'Settings of paul' });
    await form.waitFor();
    await bar.getByRole('button', { name: 'Output: 2 warnings' }).waitFor();

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));

    mkdirSync(dirname(resolve(out)), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${out} (390×844, light) from ${url}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [url, out] = process.argv.slice(2);
  if (!url) {
    console.error('usage: tsx scripts/screenshot-phone.ts <url of a running production build> [out.png]');
    process.exit(2);
  }
  await takePhoneScreenshot(url, out);
}
