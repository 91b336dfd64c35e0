import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations, reload } from './slow-steps';

// The "done when": switch the guide to flakes and copy a command. The user picks how they build once (a
// flake, its host name), every command follows, and the choice is still there after a reload.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const list = (page: Page) => page.getByRole('region', { name: 'Specialisations' });
const apply = (page: Page) => page.getByRole('region', { name: 'How to apply' });
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function kernelTestEntry(page: Page) {
  await page.goto('./');
  // The empty list offers the templates at once.
  await list(page).getByRole('button', { name: /^Kernel test/ }).click();
  await expect(page.getByRole('form', { name: 'Settings of kernel-test' })).toBeVisible();
  await page.getByRole('tab', { name: 'How to apply' }).click();
}

async function copies(page: Page, command: string) {
  await apply(page).getByRole('button', { name: `Copy: ${command}`, exact: true }).click();
  await expect(apply(page).getByRole('status')).toHaveText(`Copied: ${command}`);
  expect(await clipboard(page)).toBe(command);
}

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`apply guide (${colorScheme})`, () => {
    test.use({ colorScheme });
    test('switch the guide to a flake, name the host, copy its commands', async ({ page, consoleErrors }) => {
      await kernelTestEntry(page);
      const region = apply(page);

      await test.step('channels by default: the entry says it needs a reboot, with nixos-rebuild commands', async () => {
        await expect(region.getByRole('radio', { name: 'configuration.nix (channels)' })).toBeChecked();
        await expect(region.locator('summary').filter({ hasText: 'kernel-test' })).toContainText('needs a reboot');
        await expect(region.getByRole('button', { name: 'Copy: sudo nixos-rebuild test --specialisation kernel-test', exact: true })).toBeVisible();
      });

      await test.step('a flake: every nixos-rebuild takes --flake, the module goes into the modules list', async () => {
        await region.getByRole('radio', { name: 'A flake, with nixos-rebuild' }).check();
        await region.getByRole('textbox', { name: 'Flake host name' }).fill('laptop');
        await copies(page, "sudo nixos-rebuild test --flake '.#laptop' --specialisation kernel-test");
        await copies(page, "nix build '.#nixosConfigurations.laptop.config.specialisation.kernel-test.configuration.system.build.vm'");
        await expect(region.getByText(/nixosConfigurations\.laptop = nixpkgs\.lib\.nixosSystem \{/)).toBeVisible();
        for (const label of await region.getByRole('button', { name: /^Copy: sudo nixos-rebuild / }).evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))))
          expect(label).toContain("--flake '.#laptop'");
      });

      await test.step('nh: nh os with -H and -s, no sudo', async () => {
        await region.getByRole('radio', { name: 'A flake, with nh' }).check();
        await expect(region.getByRole('textbox', { name: 'Flake host name' })).toHaveValue('laptop');
        await copies(page, 'nh os test . -H laptop -s kernel-test');
      });

      await test.step('the choice and the host name are kept for the next visit', async () => {
        await reload(page);
        await page.getByRole('tab', { name: 'How to apply' }).click();
        await expect(apply(page).getByRole('radio', { name: 'A flake, with nh' })).toBeChecked();
        await expect(apply(page).getByRole('textbox', { name: 'Flake host name' })).toHaveValue('laptop');
      });

      await test.step('axe finds nothing in the guide', async () => {
        expect(await axeViolations(new AxeBuilder({ page }).include('#output-panel-apply'))).toEqual([]);
      });
      expect(consoleErrors).toEqual([]);
    });
  });
