// Usage: npx tsx scripts/screenshot-phone.ts <url of a running production build> [out.png]
// Takes the README's phone screenshot (docs/screenshot-phone.png, 390×844, light) from the real app: the blog's
// chani/paul example, the top of the page with paul's form, and the bar that switches between the list, the form and
// the output. Builds nothing; `npm run screenshot` builds, serves and calls this.
import { runAsScript, takeScreenshot } from './screenshot-page';

export const PHONE_SCREENSHOT = 'docs/screenshot-phone.png';

export async function takePhoneScreenshot(url: string, out = PHONE_SCREENSHOT): Promise<void> {
  await takeScreenshot(url, out, { viewport: { width: 390, height: 844 }, phone: true }, async (page) => {
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    await page.getByRole('form', { name: 'Settings of chani' }).waitFor();
    // Back to the list with the bar, then paul: the phone shows paul's form.
    const bar = page.getByRole('navigation', { name: 'Panes' });
    await bar.getByRole('button', { name: /^Specialisations:/ }).click();
    await page.getByRole('region', { name: 'Specialisations' }).getByRole('button', { name: /^paul( |$)/ }).click();
    await page.getByRole('form', { name: 'Settings of paul' }).waitFor();
    await bar.getByRole('button', { name: 'Output: 2 warnings' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  });
}

await runAsScript(import.meta.url, takePhoneScreenshot);
