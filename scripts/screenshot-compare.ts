// Usage: npx tsx scripts/screenshot-compare.ts <url of a running production build> [out.png]
// Takes the README's screenshot of the Compare tab (docs/screenshot-compare.png, 1440×900, light) from the real app:
// the blog's chani/paul example, chani compared with paul. Builds nothing; `npm run screenshot` builds and serves.
import { runAsScript, takeScreenshot } from './screenshot-page';

export const COMPARE_SCREENSHOT = 'docs/screenshot-compare.png';

export async function takeCompareScreenshot(url: string, out = COMPARE_SCREENSHOT): Promise<void> {
  await takeScreenshot(url, out, { viewport: { width: 1440, height: 900 } }, async (page) => {
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await page.getByRole('form', { name: 'Settings of chani' }).waitFor();
    await page.getByRole('tab', { name: 'Compare' }).click();
    const region = page.getByRole('region', { name: 'Compare' });
    await region.getByRole('combobox', { name: 'Compare' }).selectOption({ label: 'chani' });
    await region.getByRole('combobox', { name: 'with' }).selectOption({ label: 'paul' });
    await region.getByRole('table').getByRole('columnheader', { name: 'paul' }).waitFor();
    await page.mouse.move(1, 1);
  });
}

await runAsScript(import.meta.url, takeCompareScreenshot);
