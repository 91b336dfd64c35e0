// Usage: npx tsx scripts/screenshot-readme.ts <url of a running production build> [out.png]
// Takes the README's screenshot (docs/screenshot.png, 1440×900, light) from the real app: the blog's chani/paul
// example, paul's user name focused so the preview highlights the lines it writes. Builds nothing; `npm run
// screenshot` builds, serves and calls this.
import type { Page } from '@playwright/test';
import { runAsScript, settle, takeScreenshot } from './screenshot-page';

export const README_SCREENSHOT = 'docs/screenshot.png';

export async function takeReadmeScreenshot(url: string, out = README_SCREENSHOT): Promise<void> {
  const shot = {
    viewport: { width: 1440, height: 900 },
    // The production build's test hook, to wait until Monaco shows the module (src/features/preview/test-hook.ts).
    beforeLoad: (page: Page) =>
      page.addInitScript(() => {
        window.__STUDIO_TEST__ = true;
      }),
  };
  await takeScreenshot(url, out, shot, async (page) => {
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^paul( |$)/ }).click();
    await page.waitForFunction(() => window.__studioPreviewText?.().includes('users.users.paul') ?? false);

    // Focus paul's user name: the preview highlights the `users.users.paul` block.
    const userName = page.getByRole('form', { name: 'Settings of paul' }).getByRole('group', { name: /^User 1/ }).getByLabel('User name');
    await userName.focus();
    await page.evaluate(() => window.scrollTo(0, 0));

    // Scroll the preview to its end so paul's whole entry, highlighted block included, is in view.
    const editor = page.getByRole('region', { name: 'Generated Nix' }).getByRole('code');
    const box = await editor.boundingBox();
    if (!box) throw new Error('the preview editor is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Monaco scrolls a couple of lines per wheel event, whatever its delta: turn the wheel until the last line shows.
    const lastLine = await page.evaluate(() => window.__studioPreviewText?.().split('\n').length ?? 0);
    const lastShown = () =>
      page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.preview-monaco .line-numbers')].map((e) => Number(e.textContent) || 0)));
    for (let turns = 0; (await lastShown()) < lastLine && turns < 100; turns++) await page.mouse.wheel(0, 200);
    await page.mouse.move(1, 1);
    // Wait until the highlighted block is drawn entirely and the page has settled (fonts, Monaco's layout).
    await page.waitForFunction(() => {
      const margin = document.querySelectorAll('.preview-focused-margin').length;
      const lines = window.__studioPreviewText?.().split('\n') ?? [];
      const start = lines.findIndex((l) => l.includes('users.users.paul = {'));
      if (start < 0) return false;
      let depth = 0;
      for (let i = start; i < lines.length; i++) {
        depth += (lines[i].match(/\{/g)?.length ?? 0) - (lines[i].match(/\}/g)?.length ?? 0);
        if (depth === 0) return margin === i - start + 1;
      }
      return false;
    });
    // Monaco's scrollbars fade out a moment after the wheel stops.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.preview-monaco .scrollbar')].every((e) => getComputedStyle(e).opacity === '0'),
    );
    await settle(page);
    await userName.focus();

  });
}

await runAsScript(import.meta.url, takeReadmeScreenshot);
