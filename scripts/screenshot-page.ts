// What every README screenshot script shares (scripts/screenshot-*.ts): Debian's Chromium, a fresh context (its
// localStorage empty, so the app starts with an empty project), the page settled before the picture (fonts loaded,
// two animation frames), the PNG written, and the run-as-a-script entry point.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContextOptions, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

export interface Shot {
  viewport: { width: number; height: number };
  /** A phone: touch, mobile viewport. */
  phone?: boolean;
  /** Runs before the page loads (an init script, say). */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/** Waits until fonts are loaded and two frames are drawn, so the picture shows the page as it settled. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

/** Opens `url` in a fresh light context, lets `act` bring the page to what the picture shows, settles it and saves `out`. */
export async function takeScreenshot(url: string, out: string, shot: Shot, act: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const options: BrowserContextOptions = {
      viewport: shot.viewport,
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
      ...(shot.phone ? { isMobile: true, hasTouch: true } : {}),
    };
    const page = await (await browser.newContext(options)).newPage();
    await shot.beforeLoad?.(page);
    await page.goto(url);
    await act(page);
    await settle(page);
    mkdirSync(dirname(resolve(out)), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`wrote ${out} (${shot.viewport.width}×${shot.viewport.height}, light) from ${url}`);
  } finally {
    await browser.close();
  }
}

/** `tsx scripts/<script>.ts <url> [out.png]`: runs `take` when the module is the script that was started. */
export async function runAsScript(moduleUrl: string, take: (url: string, out?: string) => Promise<void>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  const [url, out] = process.argv.slice(2);
  if (!url) {
    console.error(`usage: tsx ${process.argv[1]} <url of a running production build> [out.png]`);
    process.exit(2);
  }
  await take(url, out);
}
