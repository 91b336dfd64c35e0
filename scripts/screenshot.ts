// Usage: npx tsx scripts/screenshot.ts <url> [out.png] [light|dark]
// Opens an already running server (e.g. `npx vite preview`) and saves a full-page screenshot.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

const [url, out = 'docs/screenshot.png', scheme = 'light'] = process.argv.slice(2);
if (!url || (scheme !== 'light' && scheme !== 'dark')) {
  console.error('usage: tsx scripts/screenshot.ts <url> [out.png] [light|dark]');
  process.exit(2);
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  await page.goto(url, { waitUntil: 'networkidle' });
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out} (${scheme}) from ${url}`);
} finally {
  await browser.close();
}
