// Usage: npx tsx scripts/screenshot-boot-menu.ts <url of a running production build> [out.png]
// Takes the boot menu designer's screenshot (docs/screenshot-boot-menu.png, 1440×900, light) from the real app: the
// blog's chani/paul example on systemd-boot, paul moved to the top of the menu so the sort keys show. Builds nothing.
import { runAsScript, takeScreenshot } from './screenshot-page';

export const BOOT_MENU_SCREENSHOT = 'docs/screenshot-boot-menu.png';

export async function takeBootMenuScreenshot(url: string, out = BOOT_MENU_SCREENSHOT): Promise<void> {
  await takeScreenshot(url, out, { viewport: { width: 1440, height: 900 } }, async (page) => {
    await page.getByRole('button', { name: 'Chani and Paul' }).click();
    const list = page.getByRole('region', { name: 'Specialisations' });
    await list.getByRole('button', { name: /^Main system/ }).click();
    const parent = page.getByRole('form', { name: 'Settings of the main system' });
    const describe = parent.getByLabel('Describe my main configuration');
    if (!(await describe.isChecked())) await describe.check();
    await parent.getByLabel('Bootloader').selectOption('systemd-boot');

    await page.getByRole('tab', { name: 'Boot menu' }).click();
    const order = page.getByRole('list', { name: 'Order of the boot entries' });
    const paulUp = order.getByRole('button', { name: 'Move paul up' });
    // Move paul to the top: the designer shows the sort keys, the menu follows.
    while (await paulUp.isEnabled()) await paulUp.click();
    await page.getByLabel('Sort key lines in the module').waitFor();

    // The output column scrolls on its own: show the menu and the order together.
    await page.getByRole('list', { name: 'Boot menu preview' }).evaluate((l) => l.scrollIntoView({ block: 'start' }));
    await page.mouse.move(1, 1);
  });
}

await runAsScript(import.meta.url, takeBootMenuScreenshot);
